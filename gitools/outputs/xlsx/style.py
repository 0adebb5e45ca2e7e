"""Every openpyxl style object the workbooks share (the template, the summary, annotated copies,
退回清单, the add-in's colours): colours, fills, fonts, borders, alignments, protection and the
print setup, in one place, so a mark means the same everywhere."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.catalog import Severity
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


FONT = "宋体"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)
UNLOCKED, LOCKED = Protection(locked=False), Protection(locked=True)
INPUT_FILL, TOTAL_FILL, HEADER_FILL = fill(INPUT), fill(TOTAL), fill(HEADER)
BAD_FILL, WARN_FILL = fill(LIVE_FAIL), fill(LIVE_WARN)


def font(size: int = 11, bold: bool = False, color: str = "000000") -> Font:
    return Font(name=FONT, size=size, bold=bold, color=color)


def cells(ws: Worksheet, rng: str) -> list[Any]:
    """Every cell of "B8:D8" or of a single "B8"."""
    return [c for row in ws[rng] for c in row] if ":" in rng else [ws[rng]]


def fill_range(ws: Worksheet, rng: str, text: str | None, *, fill: PatternFill | None = None, bold: bool = False,
               align: Alignment = CENTER, size: int = 11, border: bool = True) -> None:
    """Text in a cell or a merged range, in the template's font, bordered, maybe filled."""
    if ":" in rng:
        ws.merge_cells(rng)
    first = rng.split(":")[0]
    ws[first] = text
    for c in cells(ws, rng):
        c.font = font(size, bold)
        c.alignment = align
        if border:
            c.border = BORDER
        if fill is not None:
            c.fill = fill


def protect(ws: Worksheet) -> None:
    """Protected without password; formatting stays allowed so the 校验 add-in can mark cells."""
    ws.protection.sheet = True
    ws.protection.formatCells = False
