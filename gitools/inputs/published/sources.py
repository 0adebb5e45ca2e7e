"""Published reports as lines of fields, whatever they were saved as.

Text is split on tabs; HTML and Word tables become one line per table row with every grid
position present (a merged cell's text in its first position, the rest empty), so the
layout reader sees the three formats alike.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from gitools.inputs.published.pdf import PAGE_MARK, ScannedPdf, pdf_lines
from gitools.io import encoding, safexml
from gitools.io.errors import os_reason
from gitools.io.limits import TooLarge, check_size, read_part

Line = list[str]


class UnreadableReport(Exception):
    """``str(e)`` says in Chinese why the report cannot be read."""


def decode(raw: bytes) -> str:
    text = encoding.decode(raw)
    if text is None:
        raise UnreadableReport("文字编码无法识别（应为 UTF-8 或 GBK/GB18030）")
    return text


_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")  # |---|:---:|
_GAP = re.compile(r"\t| {2,}")
_TRAILING_NUMBERS = re.compile(r"^(?P<label>.*?)(?P<numbers>(?:(?:^|\s+)[-+]?\d+(?:\.\d+)?)+)\s*$")


def _fields(line: str) -> Line:
    """One line of text as fields: split on pipes (markdown and pasted tables), tabs and runs of
    spaces; a run of numbers separated by single spaces, as PDF text gives them, one field each."""
    table_row = line.lstrip().startswith("|") or line.count("|") >= 2  # a pasted table, not a stray bar in text
    cells = line.strip().strip("|").split("|") if table_row else _GAP.split(line)
    out: Line = []
    for cell in cells:
        m = _TRAILING_NUMBERS.match(cell.strip())
        if m and (not m.group("label") or not m.group("label")[-1].isdigit()):
            if m.group("label").strip():
                out.append(m.group("label").strip())
            out += m.group("numbers").split()
        else:
            out.append(cell)
    return out


def _noise(line: str) -> bool:
    """Lines that are not content: markdown rules, and page numbers between the parts of a table."""
    return bool(_MD_RULE.match(line)) or bool(PAGE_MARK.match(line.strip()))


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def text_lines(text: str) -> list[Line]:
    lines = (_MD_HEADING.sub("", line.replace("\u3000", " ")) for line in text.splitlines())
    return [_fields(line) if line.strip() else [line] for line in lines if not _noise(line)]


# --- HTML --------------------------------------------------------------------------------

_BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "tr", "table", "title"}
_SKIP = {"script", "style"}  # <head> is read: a page may name its unit and year only in <title>


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.text: list[str] = []
        self.skip = 0
        self.tables: list[list[list[tuple[str, int, int]]]] = []  # rows of (text, colspan, rowspan)
        self.cell: list[str] | None = None
        self.span = (1, 1)

    def flush(self) -> None:
        text = " ".join("".join(self.text).split())
        if text:
            self.lines.append([text])
        self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self.flush()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.cell = []
            self.span = (_int(a.get("colspan")), _int(a.get("rowspan")))
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")
        elif tag in _BLOCKS and self.cell is None:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cell is not None and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.tables[-1][-1].append((" ".join("".join(self.cell).split()), *self.span))
            self.cell = None
        elif tag == "table" and self.tables:
            self.lines += grid(self.tables.pop())
        elif tag in _BLOCKS and self.cell is None:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        (self.cell if self.cell is not None else self.text).append(data)


def _int(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def grid(rows: list[list[tuple[str, int, int]]]) -> list[Line]:
    """Table rows with col/rowspans laid onto a grid; covered positions are empty fields."""
    out: list[dict[int, str]] = []
    covered: dict[tuple[int, int], bool] = {}
    for r, cells in enumerate(rows):
        line: dict[int, str] = {}
        c = 0
        for text, colspan, rowspan in cells:
            while covered.get((r, c)):
                line[c] = ""
                c += 1
            line[c] = text
            for dr in range(rowspan):
                for dc in range(colspan):
                    if dr or dc:
                        covered[(r + dr, c + dc)] = True
                        if dr == 0:
                            line[c + dc] = ""
            c += colspan
        while covered.get((r, c)):
            line[c] = ""
            c += 1
        out.append(line)
    width = max((max(line) + 1 for line in out if line), default=0)
    return [[line.get(i, "") for i in range(width)] for line in out]


def html_lines(text: str) -> list[Line]:
    parser = _Html()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.lines


# --- Word (.docx) ------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p: safexml.Element) -> str:
    parts = []
    for node in p.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append(" ")
    return "".join(parts)


def _table_rows(tbl: safexml.Element) -> list[list[tuple[str, int, int]]]:
    """Rows of (text, gridSpan, rowspan); vertical merges turned into rowspans."""
    raw: list[list[tuple[str, int, str | None]]] = []
    for tr in tbl.findall(f"{W}tr"):
        cells = []
        for tc in tr.findall(f"{W}tc"):
            pr = tc.find(f"{W}tcPr")
            span = pr.find(f"{W}gridSpan") if pr is not None else None
            vmerge = pr.find(f"{W}vMerge") if pr is not None else None
            merge = None if vmerge is None else (vmerge.get(f"{W}val") or "continue")
            text = " ".join(_para_text(p).strip() for p in tc.findall(f"{W}p") if _para_text(p).strip())
            cells.append((text, int(span.get(f"{W}val", "1")) if span is not None else 1, merge))
        raw.append(cells)
    # give each merge start the number of rows it spans; continuation cells drop out
    positions: list[list[tuple[int, str, int, str | None]]] = []
    for cells in raw:
        col, row = 0, []
        for text, span, merge in cells:
            row.append((col, text, span, merge))
            col += span
        positions.append(row)
    out: list[list[tuple[str, int, int]]] = []
    for r, row in enumerate(positions):
        cells_out = []
        for col, text, span, merge in row:
            if merge == "continue":
                continue
            rowspan = 1
            if merge == "restart":
                for below in positions[r + 1:]:
                    if any(c == col and m == "continue" for c, _, _, m in below):
                        rowspan += 1
                    else:
                        break
            cells_out.append((text, span, rowspan))
        out.append(cells_out)
    return out


def docx_lines(path: Path) -> list[Line]:
    try:
        with zipfile.ZipFile(path) as z:
            body = safexml.parse(read_part(z, "word/document.xml")).find(f"{W}body")
    except TooLarge as e:
        raise UnreadableReport(str(e)) from e
    except safexml.UnsafeXml as e:
        raise UnreadableReport("文件中含有不安全的 XML 内容（实体或文档类型声明），已拒绝读取") from e
    except (zipfile.BadZipFile, KeyError, safexml.ParseError, ValueError, EOFError) as e:
        raise UnreadableReport("不是有效的 Word（.docx）文件；旧版 .doc 请另存为 .docx") from e
    lines: list[Line] = []
    for child in list(body) if body is not None else []:
        if child.tag == f"{W}p":
            lines.append(_para_text(child).split("\t"))
        elif child.tag == f"{W}tbl":
            lines += grid(_table_rows(child))
    return lines


def _pdf(path: Path) -> list[Line]:
    try:
        return pdf_lines(path)
    except ScannedPdf as e:
        raise UnreadableReport("这是扫描件：PDF 中只有页面图像，没有文字，无法读取其中的数字；请向发布单位索取"
                               "可复制文字的 PDF 或 Word 版，或按原件人工录入") from e
    except Exception as e:  # pdfplumber/pdfminer raise many kinds on broken files
        if isinstance(e, MemoryError):
            raise
        raise UnreadableReport(f"PDF 文件已损坏或加密，无法读取（{type(e).__name__}）") from e


def lines_of(path: Path) -> list[Line]:
    """The report at ``path`` as lines of fields; raises UnreadableReport."""
    suffix = path.suffix.lower()
    try:
        check_size(path)
        if suffix == ".docx":
            return docx_lines(path)
        raw = path.read_bytes()
    except TooLarge as e:
        raise UnreadableReport(str(e)) from e
    except OSError as e:
        raise UnreadableReport(f"无法打开文件：{os_reason(e)}") from e
    if raw[:5] == b"%PDF-":
        return _pdf(path)
    if suffix == ".pdf":
        raise UnreadableReport("文件扩展名是 .pdf，但内容不是 PDF（可能已损坏）")
    if raw[:4] == b"PK\x03\x04" or raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnreadableReport("文件内容不是文字或网页（可能是改了扩展名的 Office 文件）")
    text = decode(raw)
    if suffix in (".html", ".htm") or re.search(r"<\s*(html|table|body)\b", text[:2000], re.I):
        return html_lines(text)
    return text_lines(text)
