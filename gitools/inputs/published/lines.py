"""What every published format becomes: lines of fields (text split on tabs; a table row with
every grid position present, a merged cell's text in its first position), so the layout reader
sees text, web pages, Word and PDF alike."""

from __future__ import annotations

import re

from gitools.io import encoding
from gitools.model.unreadable import Unreadable

Line = list[str]

# a page number between the parts of a table: "- 3 -", "—3—", "第 3 页", "第3页 共5页", "3 / 5"; a bare
# number is not one (reports flattened one cell a line are all bare numbers)
PAGE_MARK = re.compile(r"^\s*(?:[-—－–]+\s*\d{1,3}\s*[-—－–]+|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?"
                       r"|\d{1,3}\s*[/／]\s*\d{1,3})\s*$")
_GAP = re.compile(r"\t| {2,}")
_TRAILING_NUMBERS = re.compile(r"^(?P<label>.*?)(?P<numbers>(?:(?:^|\s+)[-+]?\d+(?:\.\d+)?)+)\s*$")


def fields(line: str) -> Line:
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


class UnreadableReport(Unreadable):
    """Why a published report cannot be read (a reason of file-unreadable)."""


def decode(raw: bytes) -> str:
    text = encoding.decode(raw)
    if text is None:
        raise UnreadableReport("encoding")
    return text


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
