"""What every published format becomes: lines of fields (text split on tabs; a table row with
every grid position present, a merged cell's text in its first position), so the layout reader
sees text, web pages, Word and PDF alike."""

from __future__ import annotations

from gitools.io import encoding

Line = list[str]


class UnreadableReport(Exception):
    """``str(e)`` says in Chinese why the report cannot be read."""


def decode(raw: bytes) -> str:
    text = encoding.decode(raw)
    if text is None:
        raise UnreadableReport("文字编码无法识别（应为 UTF-8 或 GBK/GB18030）")
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
