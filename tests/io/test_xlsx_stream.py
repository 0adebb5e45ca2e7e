"""Rows streamed into an openpyxl-written sheet read back with their types and styles."""

from __future__ import annotations

import datetime as dt

import openpyxl
from openpyxl.styles import Font

from gitools.io.xlsx_stream import Formula, Rows, finish


def test_streamed_rows_keep_types_styles_and_cached_formula_values(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["名称", "件数", "日期", "是否", "合计"])
    for col in range(1, 6):
        ws.cell(2, col).font = Font(bold=True)  # the prototype row
    ws.cell(2, 3).number_format = "yyyy-mm-dd"
    other = wb.create_sheet("表")
    other["A1"], other["A2"], other["A3"] = 1, 2, "=A1+A2"
    draft, out = tmp_path / "draft.xlsx", tmp_path / "out.xlsx"
    wb.save(draft)
    rows = [["甲<&>\x01镇", 3, dt.date(2026, 1, 5), True, Formula("B2+B3", 7)],
            ["=不是公式", 4.5, None, False, None]]
    finish(draft, out, rows={"清单": Rows(2, rows)}, cached={"表": {"A3": 3}})
    back = openpyxl.load_workbook(out)
    ws = back["清单"]
    assert [c.value for c in ws[2]] == ["甲<&>镇", 3, dt.datetime(2026, 1, 5), True, "=B2+B3"]
    assert [c.value for c in ws[3]] == ["=不是公式", 4.5, None, False, None]
    assert ws["A3"].font.bold and ws["C2"].number_format == "yyyy-mm-dd"
    values = openpyxl.load_workbook(out, data_only=True)
    assert values["清单"]["E2"].value == 7 and values["表"]["A3"].value == 3
    assert back["表"]["A3"].value == "=A1+A2"
