"""PDF reports as lines of fields, read from the page geometry with pdfplumber: ruled tables
become grid rows (a merged cell's text in its first position, covered positions empty), text
outside the tables becomes lines, both in reading order. A table that runs onto the next page
simply continues; page numbers and running heads between its parts are dropped."""

from __future__ import annotations

import re
from pathlib import Path

Line = list[str]

# a page number between the parts of a table: "- 3 -", "—3—", "第 3 页", "第3页 共5页", "3 / 5"; a bare
# number is not one (reports flattened one cell a line are all bare numbers)
PAGE_MARK = re.compile(r"^\s*(?:[-—－–]+\s*\d{1,3}\s*[-—－–]+|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?"
                       r"|\d{1,3}\s*[/／]\s*\d{1,3})\s*$")
ROW_TOLERANCE = 3  # points: words whose tops differ less sit on one line
WRAP_MARGIN = 18  # points: a line ending this close to the right margin was wrapped by the page
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])")


class ScannedPdf(Exception):
    """The PDF holds pictures of pages, no text."""


def _cell(text: str | None) -> str:
    """A cell's text as one string: PDF wraps Chinese labels without spaces, so line breaks go."""
    return "".join((text or "").split("\n")).strip()


def _text_lines(page, boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, Line, float]]:
    """Lines of text outside the tables: (top, [text], right edge)."""
    def inside(w) -> bool:
        return any(x0 - 1 <= w["x0"] and w["x1"] <= x1 + 1 and top - 1 <= w["top"] and w["bottom"] <= bottom + 1
                   for x0, top, x1, bottom in boxes)

    words = sorted((w for w in page.extract_words(keep_blank_chars=True, use_text_flow=True) if not inside(w)),
                   key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[tuple[float, list]] = []
    for w in words:
        if lines and abs(lines[-1][0] - w["top"]) < ROW_TOLERANCE:
            lines[-1][1].append(w)
        else:
            lines.append((w["top"], [w]))
    out = []
    for top, ws in lines:
        ws.sort(key=lambda w: w["x0"])
        text = "".join(w["text"] if i == 0 or w["x0"] - ws[i - 1]["x1"] < 3 else " " + w["text"]
                       for i, w in enumerate(ws))
        if not PAGE_MARK.match(text):
            out.append((top, [text], ws[-1]["x1"]))
    return out


def _unwrap(items: list[tuple[float, Line, float | None]]) -> list[Line]:
    """Join a line that runs to the right margin with the next: a paragraph or title wrapped by the
    page, not a new one. Table rows (no right edge) are never joined."""
    right = max((x1 for _, _, x1 in items if x1 is not None), default=0)
    out: list[Line] = []
    wrapped = False
    for _, line, x1 in items:
        if wrapped and x1 is not None and not HEADING.match(line[0]):
            out[-1] = [out[-1][0] + line[0]]
        else:
            out.append(line)
        wrapped = x1 is not None and x1 >= right - WRAP_MARGIN
    return out


def pdf_lines(path: Path) -> list[Line]:
    """The report's lines; raises ScannedPdf when no page has text, ValueError when unreadable."""
    import pdfplumber

    out: list[Line] = []
    chars = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            chars += len(page.chars)
            tables = page.find_tables()
            items: list[tuple[float, Line, float | None]] = []
            for t in tables:
                rows = t.extract()
                for row, top in zip(rows, (r.bbox[1] for r in t.rows), strict=True):
                    items.append((top, [_cell(c) for c in row], None))
            items += _text_lines(page, [t.bbox for t in tables])
            out += _unwrap(sorted(items, key=lambda item: item[0]))
    if chars == 0:
        raise ScannedPdf
    return out
