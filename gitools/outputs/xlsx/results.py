"""The 校验结果 sheet laid out: the findings listed for the clerk, with a 说明 column to write in.
Annotated copies and the add-in write it from ``rows``; ``inputs.explanations`` reads the 说明
back. The columns are declared in ``form.sheets``."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.rules import BY_CODE
from gitools.form.sheets import (
    EXPLAIN_COLUMN,
    RESULT_COLUMNS,
    RESULT_FIRST_ROW,
    RESULT_HEADER_ROW,
    RESULT_PRINTED,
    RESULT_WIDTHS,
)
from gitools.io.cells import put
from gitools.model.findings import FileReport
from gitools.outputs.xlsx.paper import fit_rows
from gitools.outputs.xlsx.style import EXPLAIN, HEADER, WRAP, fill, print_setup

GUIDE = ("“强制”项须改正后才能报送；“核实”项如确有原因（如上年报告已更正），请在“说明”列写明，写明后不再阻止报送，"
         "由上级审核；“提示”项仅供参考。重新校验时，说明按问题自动保留。")


def rows(report: FileReport) -> list[list[object]]:
    """The sheet's rows from A1: verdict, guide, header, one row per finding."""
    out: list[list[object]] = [[f"校验结论：{report.verdict()}"], [GUIDE], list(RESULT_COLUMNS)]
    for i, f in enumerate(report.findings, start=1):
        out.append([i, f.level_words, f.sheet or "", f.cell or "", f.label or "", f.message, BY_CODE[f.rule].title,
                    f.explanation or "", f.rule, f.key])
    return out


def lay_out(ws: Worksheet, report: FileReport | None = None) -> None:
    """Lay out 校验结果 (the template's empty one too): verdict, guide, header, findings."""
    table = rows(report if report is not None else FileReport(""))
    if report is None:  # the template, before any validation
        table[0] = ["校验结果：点击“政务公开年报”选项卡中的“校验本工作簿”（或由县政务公开办校验）后，问题列在下方"]
    for r, values in enumerate(table, start=1):
        for c, value in enumerate(values, start=1):
            put(ws.cell(r, c), value)
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(RESULT_COLUMNS))
    ws.row_dimensions[2].height = 45
    for c in ws[RESULT_HEADER_ROW]:
        c.font = Font(bold=True)
        c.fill = fill(HEADER)
        c.alignment = Alignment(wrap_text=True, vertical="center")
    ws.cell(RESULT_HEADER_ROW, EXPLAIN_COLUMN).fill = fill(EXPLAIN)
    for row in ws.iter_rows(min_row=RESULT_FIRST_ROW, max_row=len(table)):
        for c in row:
            c.alignment = WRAP  # a long problem or 说明 shows whole, on screen and on paper
    for i, width in enumerate(RESULT_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"A{RESULT_FIRST_ROW}"
    fit_rows(ws, RESULT_FIRST_ROW, len(table))
    print_setup(ws, landscape=True, title_rows=f"{RESULT_HEADER_ROW}:{RESULT_HEADER_ROW}",
                area=f"A1:{get_column_letter(RESULT_PRINTED)}{max(len(table), RESULT_HEADER_ROW)}")
