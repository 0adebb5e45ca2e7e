"""Every sheet a person prints, laid out for paper just before it is saved: a sheet fitted to the
page keeps its fit only while its text stays at 8 pt or more; past that, it prints at the scale
that keeps 8 pt and flows onto more pages (first down, then across, with its title rows and
columns repeated), instead of shrinking to something no one can read.

Widths are estimated the way LibreOffice prints our workbooks (a unit of column width, in the
template's 宋体 11, prints about 7.1 points wide; measured on the sample county's summary)."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

FLOOR = 8.0  # points: the smallest text anything we write prints at
UNIT = 7.1  # points a unit of column width prints as
DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FONT = 8.43, 15.0, 11.0
A4 = (595.3, 841.9)  # points, portrait
LINE = 1.35  # a line of wrapped text, in font sizes (宋体 as LibreOffice and Excel set it)
TALLEST = 409.0  # points: Excel's tallest row


def text_height(text: object, width: float, font: float = DEFAULT_FONT) -> float:
    """Points a wrapped cell of ``width`` units needs to show ``text`` whole: LibreOffice does not
    fit row heights when it opens a workbook, and a row too low cuts its text on paper."""
    if text in (None, ""):
        return DEFAULT_HEIGHT
    room = max(width * UNIT * 0.94 - 6, font)  # points of text on a line, inside the padding, with room to spare
    lines = 0
    for paragraph in str(text).split("\n"):
        ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in paragraph)
        lines += max(1, math.ceil(ems * font / room))
    return min(TALLEST, max(DEFAULT_HEIGHT, lines * font * LINE + 4))


def row_height(values: Sequence[object], widths: Sequence[float], font: float = DEFAULT_FONT) -> float:
    """The height of a row of wrapped cells: its tallest cell's."""
    return max((text_height(v, w, font) for v, w in zip(values, widths, strict=False)), default=DEFAULT_HEIGHT)


def fit_rows(ws: Worksheet, first: int, last: int) -> None:
    """Rows ``first`` to ``last`` of a sheet written cell by cell, each as tall as its text needs."""
    widths = [_width(ws, c) for c in range(1, ws.max_column + 1)]
    for r in range(first, last + 1):
        values = [ws.cell(r, c).value for c in range(1, len(widths) + 1)]
        if any(isinstance(v, str) for v in values):
            ws.row_dimensions[r].height = row_height(values, widths)


def lay_out(wb: Workbook) -> None:
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            lay_out_sheet(ws)


def lay_out_sheet(ws: Worksheet) -> None:
    props = ws.sheet_properties.pageSetUpPr
    if props is None or not props.fitToPage:
        return
    first_col, first_row, last_col, last_row = _area(ws)
    smallest = _smallest_font(ws, first_col, first_row, last_col, last_row)
    width = sum(_width(ws, c) for c in range(first_col, last_col + 1)) * UNIT
    height = sum(_height(ws, r) for r in range(first_row, last_row + 1))
    paper_w, paper_h = A4 if ws.page_setup.orientation != "landscape" else A4[::-1]
    margins = ws.page_margins
    across = min(1.0, (paper_w - 72 * (margins.left + margins.right)) / width)
    down = min(1.0, (paper_h - 72 * (margins.top + margins.bottom)) / height)
    tall = ws.page_setup.fitToHeight == 1
    if min(across, down if tall else 1.0) * smallest >= FLOOR:
        return  # the fit as asked keeps the text readable
    if tall and across * smallest >= FLOOR:
        ws.page_setup.fitToHeight = 0  # one page wide, flowing down
        return
    props.fitToPage = False  # flows down and across at the scale that keeps the floor
    ws.page_setup.scale = math.ceil(100 * FLOOR / smallest)
    if not ws.print_title_cols and first_col < last_col:
        ws.print_title_cols = f"{get_column_letter(first_col)}:{get_column_letter(min(first_col + 1, last_col))}"


def _area(ws: Worksheet) -> tuple[int, int, int, int]:
    if ws.print_area:
        area = ws.print_area.split(",")[0].split("!")[-1].replace("$", "")
        bounds = range_boundaries(area)
        return bounds[0] or 1, bounds[1] or 1, bounds[2] or ws.max_column, bounds[3] or ws.max_row
    return 1, 1, ws.max_column, ws.max_row


def _width(ws: Worksheet, column: int) -> float:
    dims = ws.column_dimensions.get(get_column_letter(column))
    if dims is not None and dims.hidden:
        return 0.0
    if dims is not None and dims.width:
        return float(dims.width)
    for d in ws.column_dimensions.values():  # a <col min max> group written by openpyxl
        if d.min and d.max and d.min <= column <= d.max and d.width:
            return float(d.width)
    return DEFAULT_WIDTH


def _height(ws: Worksheet, row: int) -> float:
    dims = ws.row_dimensions.get(row)
    return float(dims.height) if dims is not None and dims.height else DEFAULT_HEIGHT


def _smallest_font(ws: Worksheet, first_col: int, first_row: int, last_col: int, last_row: int) -> float:
    sizes = [float(c.font.sz) for row in ws.iter_rows(min_row=first_row, max_row=last_row, min_col=first_col,
                                                      max_col=last_col)
             for c in row if c.value not in (None, "") and c.font is not None and c.font.sz]
    return min(sizes, default=DEFAULT_FONT)
