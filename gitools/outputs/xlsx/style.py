"""Colours and fills shared by the template, the summary, annotated copies and the add-in:
one place, so a mark means the same everywhere."""

from __future__ import annotations

from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.model import Severity
from gitools.model.findings import Status

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


def print_setup(ws: Worksheet, *, landscape: bool, title_rows: str | None = None, area: str | None = None,
                fit_width: bool = True, fit_height: bool = False) -> None:
    """A4, the given orientation, header rows repeated on every page; fitted to the page width
    (and height: one page) when asked, as a county officer expects a form to print."""
    if area:
        ws.print_area = area
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if fit_width:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1 if fit_height else 0
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
