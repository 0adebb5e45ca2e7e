"""Reports as Word documents: paragraphs and tables from word/document.xml (through the hardened
parser), with gridSpan and vMerge becoming col- and rowspans."""

from __future__ import annotations

import zipfile
from pathlib import Path

from gitools.inputs.published.lines import Line, UnreadableReport, grid
from gitools.io import safexml
from gitools.io.limits import TooLarge, read_part

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
            grid_span = pr.find(f"{W}gridSpan") if pr is not None else None
            vmerge = pr.find(f"{W}vMerge") if pr is not None else None
            merge = None if vmerge is None else (vmerge.get(f"{W}val") or "continue")
            text = " ".join(_para_text(p).strip() for p in tc.findall(f"{W}p") if _para_text(p).strip())
            cells.append((text, int(grid_span.get(f"{W}val", "1")) if grid_span is not None else 1, merge))
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
        raise UnreadableReport(e.reason, **e.params) from e
    except safexml.UnsafeXml as e:
        raise UnreadableReport("unsafe-docx") from e
    except (zipfile.BadZipFile, KeyError, safexml.ParseError, ValueError, EOFError) as e:
        raise UnreadableReport("not-docx") from e
    lines: list[Line] = []
    for child in list(body) if body is not None else []:
        if child.tag == f"{W}p":
            lines.append(_para_text(child).split("\t"))
        elif child.tag == f"{W}tbl":
            lines += grid(_table_rows(child))
    return lines
