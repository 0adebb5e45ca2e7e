"""年报普查.xlsx: the survey's tables as sheets for people: headers styled and frozen, long text
wrapped, landscape, every text written so it can never be taken for a formula."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from gitools.io.atomic import atomic_write
from gitools.io.cells import put
from gitools.outputs.xlsx.paper import lay_out
from gitools.outputs.xlsx.style import BOLD, HEADER_FILL, WRAP, print_setup

WIDE = {"源文件": 40, "本年文件": 40, "上年文件": 40, "单位": 28, "主要问题": 60, "问题": 70, "结论": 22, "项目": 26}


def write(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for title, df in sheets.items():
        ws = wb.create_sheet(title)
        for c, name in enumerate(df.columns, start=1):
            cell = ws.cell(1, c)
            put(cell, name)
            cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
            ws.column_dimensions[cell.column_letter].width = WIDE.get(str(name), 12)
        for r, row in enumerate(df.itertuples(index=False), start=2):
            for c, value in enumerate(row, start=1):
                put(ws.cell(r, c), None if isinstance(value, float) and math.isnan(value) else value)
        ws.freeze_panes = "B2"
        print_setup(ws, landscape=True, title_rows="1:1", fit_width=False)
    lay_out(wb)
    with atomic_write(path) as tmp:
        wb.save(tmp)
