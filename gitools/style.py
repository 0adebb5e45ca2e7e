"""Colours and fills shared by the template, the summary, annotated copies and the add-in:
one place, so a mark means the same everywhere."""

from __future__ import annotations

from openpyxl.styles import PatternFill

from gitools.findings import Status
from gitools.form.model import Severity

INPUT = "FFF2CC"  # pale yellow: the clerk types here
TOTAL = "E7E6E6"  # grey: computed
HEADER = "DDEBF7"  # table headers
LIVE_FAIL = "FF0000"  # the template's own live checks: broken
LIVE_WARN = "FFC000"  # the template's own live checks: worth a look
LINK = "0563C1"
EXPLAIN = "E2EFDA"  # pale green: the 说明 column, where the clerk writes
MARK = {Severity.ERROR: "FF9999", Severity.WARNING: "FFD966"}  # a cell a finding points at
STATUS = {Status.FAILED: "FFC7CE", Status.UNREADABLE: "FFC7CE", Status.WARNINGS: "FFEB9C", Status.PASSED: "C6EFCE"}


def fill(colour: str, conditional: bool = False) -> PatternFill:
    """A solid fill; conditional formats read the background colour, so they get both."""
    return PatternFill("solid", fgColor=colour, bgColor=colour) if conditional else PatternFill("solid", fgColor=colour)
