"""Reports as text (copied out of a PDF or a web page, or markdown): fields split on pipes,
tabs and runs of spaces; page numbers and markdown rules dropped."""

from __future__ import annotations

import re

from gitools.inputs.published.lines import Line
from gitools.inputs.published.pdf import PAGE_MARK

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
