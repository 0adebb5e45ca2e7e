"""Reports as text (copied out of a PDF or a web page, or markdown): fields split on pipes,
tabs and runs of spaces; page numbers and markdown rules dropped."""

from __future__ import annotations

import re

from gitools.inputs.published.lines import PAGE_MARK, Line, fields

_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")  # |---|:---:|
def _noise(line: str) -> bool:
    """Lines that are not content: markdown rules, and page numbers between the parts of a table."""
    return bool(_MD_RULE.match(line)) or bool(PAGE_MARK.match(line.strip()))


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def text_lines(text: str) -> list[Line]:
    lines = (_MD_HEADING.sub("", line.replace("\u3000", " ")) for line in text.splitlines())
    return [fields(line) if line.strip() else [line] for line in lines if not _noise(line)]
