"""What every published format becomes: lines of fields (text split on tabs; a table row with
every grid position present, a merged cell's text in its first position), so the layout reader
sees text, web pages, Word and PDF alike."""

from __future__ import annotations

from gitools.io import encoding
from gitools.model.unreadable import Unreadable

Line = list[str]


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
