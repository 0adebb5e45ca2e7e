"""Reports as web pages (often HTML exported from Word): block elements become lines, tables
become grids with their col- and rowspans laid out."""

from __future__ import annotations

from html.parser import HTMLParser

from gitools.inputs.published.lines import Line, grid

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


def html_lines(text: str) -> list[Line]:
    parser = _Html()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.lines
