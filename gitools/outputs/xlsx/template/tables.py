"""A statistical table's sheet in the template: the official headers, yellow input cells with
their validation, grey formula totals, the live check cells under the table, a count of text
typed into number cells, and the print layout (one page)."""

from __future__ import annotations

import math
from copy import copy

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.addresses import split
from gitools.form.model import Table, ValueType
from gitools.outputs.xlsx import paper
from gitools.outputs.xlsx.style import (
    BAD_FILL,
    BORDER,
    CENTER,
    FONT,
    HEADER_FILL,
    INPUT_FILL,
    LEFT,
    TOTAL_FILL,
    UNLOCKED,
    WARN_FILL,
    cells,
    fill_range,
    font,
    print_setup,
    protect,
)
from gitools.outputs.xlsx.template import formulas
from gitools.outputs.xlsx.template.formulas import FAIL, WARN
from gitools.outputs.xlsx.template.validation import count_validation


def table_sheet(ws: Worksheet, table: Table) -> None:
    _headers(ws, table)
    _cells(ws, table)
    _checks(ws, table)
    _text_count(ws, table)
    _layout(ws, table)
    protect(ws)


def _headers(ws: Worksheet, table: Table) -> None:
    for h in table.headers:
        if h.role == "title":
            fill_range(ws, h.range, h.text, bold=True, size=14, border=False)
        elif h.role == "check":
            fill_range(ws, h.range, h.text, bold=True, fill=HEADER_FILL)
        else:
            header = h.role == "header"
            fill_range(ws, h.range, h.text, bold=header, align=CENTER if header else LEFT,
                       fill=HEADER_FILL if header else None)


def _cells(ws: Worksheet, table: Table) -> None:
    """Input cells yellow, unlocked and validated; totals grey, locked, as formulas."""
    validations: dict[ValueType, DataValidation] = {}
    totals = {r.anchor: r for r in table.relations if r.defines}
    for cell in table.cells:
        rng = cell.merge or cell.address
        if cell.input:
            fill_range(ws, rng, None, fill=INPUT_FILL)
            for c in cells(ws, rng):
                c.protection = UNLOCKED
            validations.setdefault(cell.type, count_validation(cell.type)).add(cell.address)
        else:
            fill_range(ws, rng, None, fill=TOTAL_FILL, bold=True)
            ws[cell.address] = formulas.total_formula(table, totals[(cell.row, cell.column)])
        ws[cell.address].number_format = "0.00" if cell.type is ValueType.AMOUNT else "0"
    for dv in validations.values():
        ws.add_data_validation(dv)


def _checks(ws: Worksheet, table: Table) -> None:
    """Each identity's live check: ✓ or ✗ with the difference, red (or amber for a ">=")."""
    for rel in table.relations:
        if rel.check_address is None:
            continue
        c = ws[rel.check_address]
        c.value = formulas.check_formula(table, rel)
        c.font = font(10, bold=True)
        c.alignment = CENTER if rel.op == "=" else LEFT
        c.border = BORDER
        mark = FAIL if rel.op == "=" else WARN
        ws.conditional_formatting.add(rel.check_address, FormulaRule(
            formula=[f'LEFT({rel.check_address},1)="{mark}"'],
            fill=BAD_FILL if mark == FAIL else WARN_FILL,
            font=Font(name=FONT, bold=True, color="FFFFFF" if mark == FAIL else "000000")))


def _text_count(ws: Worksheet, table: Table) -> None:
    """How many number cells hold text ("3件"): Excel counts it, so the clerk sees it at once."""
    count = formulas.not_numbers(formulas.ranges(c.address for c in table.cells if c.input))
    status = ws[table.status_address]
    status.value = (f'=IF(({count})=0,"{formulas.ALL_NUMBERS}",'
                    f'"{FAIL} 本表有"&({count})&"个数字格填了文字，请改为纯数字")')
    status.font = font(10, bold=True)
    ws.conditional_formatting.add(table.status_address, FormulaRule(
        formula=[f'LEFT({table.status_address},1)="{FAIL}"'], fill=BAD_FILL,
        font=Font(name=FONT, bold=True, color="FFFFFF")))


LABEL_PT = 10  # the tables' label font
ROW_PT = 18  # a one-line row: 表三's 30 rows then print on one page at 8 pt and more
MARGINS = PageMargins(left=0.6, right=0.6, top=0.6, bottom=0.6, header=0.3, footer=0.3)  # inches


def _label_height(table: Table, cells: str, text: str) -> float:
    """Points a label needs on its row: its lines at the column width it has, at least 20."""
    first, last = (split(a)[0] for a in (cells.split(":")[0], cells.split(":")[-1]))
    columns = range(column_index_from_string(first), column_index_from_string(last) + 1)
    width = sum(table.column_widths.get(get_column_letter(c), 10) for c in columns) * paper.UNIT
    lines = math.ceil(len(text) * LABEL_PT / max(width - 6, LABEL_PT))
    return max(ROW_PT, lines * LABEL_PT * 1.3 + 5)


def _layout(ws: Worksheet, table: Table) -> None:
    for col, width in table.column_widths.items():
        ws.column_dimensions[col].width = width
    ws.row_dimensions[1].height = 30
    for h in table.headers:
        first, last = (split(a)[1] for a in (h.range.split(":")[0], h.range.split(":")[-1]))
        if h.role == "label" and first == last:  # one-row label: tall enough for its text
            ws.row_dimensions[first].height = _label_height(table, h.range, h.text)
    for r in range(table.header_rows[0], table.header_rows[1] + 1):
        ws.row_dimensions[r].height = 20
    print_setup(ws, area=f"A1:{table.last_column}{table.last_row}", landscape=table.landscape,
                title_rows=f"{table.header_rows[0]}:{table.header_rows[1]}", fit_height=True)  # one page
    ws.page_margins = copy(MARGINS)
    first_input = next(c.address for c in table.cells if c.input)
    ws.freeze_panes = f"A{table.header_rows[1] + 1}" if table.key != "requests" else first_input
