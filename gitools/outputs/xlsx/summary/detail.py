"""明细: one row per included unit, its input cells as columns, and a row of column sums; every
input cell of the summary's tables sums its column here."""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.model import Form, ValueType
from gitools.form.sheets import DETAIL_HEADER_ROW, DETAIL_ID, detail_column
from gitools.io.xlsx_stream import Formula
from gitools.merge.combine import MergeResult
from gitools.model.findings import STATUS_ZH, Status
from gitools.outputs.xlsx.style import BOLD, BORDER, HEADER_FILL, print_setup
from gitools.outputs.xlsx.summary.common import header, prototype


def detail_rows(result: MergeResult, form: Form) -> Iterator[list[object]]:
    included = result.included
    width = len(form.input_cells)
    for n, e in enumerate(included, start=1):
        u = e.received.unit
        status = STATUS_ZH[e.status] + ("（按要求计入）" if e.status is Status.FAILED else "")
        count = u.get("unit_count") if u.get("unit_category") == form.summary_category else 1
        yield [n, u.get("unit_name"), u.get("credit_code"), u.get("division_code"), u.get("unit_category"),
               count, status, e.received.path, *e.received.values]
    first, last = DETAIL_HEADER_ROW + 1, DETAIL_HEADER_ROW + len(included)
    column_sum = [Formula(f"SUM({detail_column(i)}{first}:{detail_column(i)}{last})", v)
                  for i, v in zip(range(width), result.totals, strict=True)]
    yield ["合计", None, None, None, None, result.unit_count, None, None, *column_sum]


def detail_sheet(ws: Worksheet, result: MergeResult, form: Form) -> int:
    ws["A1"] = ("明细：计入汇总的各单位填报数（每列之和即汇总表中对应单元格）。"
                f"本表有 {len(DETAIL_ID) + len(form.input_cells)} 列，供屏幕查看和核对，不打印；打印各单位的数请用各单位的报表")
    ws["A1"].font = Font(bold=True, size=14)
    cells = form.input_cells
    header(ws, DETAIL_HEADER_ROW, DETAIL_ID, (6, 28, 22, 10, 16, 8, 12, 40))
    for row in (2, 3):
        for i in range(1, len(DETAIL_ID) + 1):
            ws.cell(row, i).fill = HEADER_FILL
    for i, c in enumerate(cells, start=len(DETAIL_ID) + 1):
        table = form.table(c.table)
        for row, text in ((2, table.sheet), (3, table.cell_label(c.row, c.column)), (4, c.address)):
            cell = ws.cell(row, i, text)
            cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = 14
    ws.row_dimensions[3].height = 90
    formats = {i: "0.00" if c.type is ValueType.AMOUNT else "0" for i, c in enumerate(cells, start=len(DETAIL_ID) + 1)}
    prototype(ws, DETAIL_HEADER_ROW + 1, len(DETAIL_ID) + len(cells), formats)
    ws.freeze_panes = ws.cell(DETAIL_HEADER_ROW + 1, 3).coordinate
    print_setup(ws, landscape=True, area="A1:H1")  # for the screen: on paper, only the line saying so
    return DETAIL_HEADER_ROW + 1
