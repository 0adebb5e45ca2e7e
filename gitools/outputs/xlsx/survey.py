"""年报普查.xlsx: the survey's tables as sheets for people: headers styled and frozen, long text
wrapped, landscape, every text written so it can never be taken for a formula."""

from __future__ import annotations

import math
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

from gitools.io.atomic import atomic_write
from gitools.io.cells import put
from gitools.io.xlsx_stream import Rows, finish
from gitools.outputs.xlsx.paper import lay_out
from gitools.outputs.xlsx.style import BOLD, HEADER_FILL, WRAP, print_setup

WIDE = {"源文件": 40, "本年文件": 40, "上年文件": 40, "单位": 28, "主要问题": 60, "问题": 70, "结论": 22, "项目": 26}
FIRST = 2  # the row the reports, findings and units start on, under the header


def write(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    """The sheets with their headers through openpyxl, their rows streamed into the file: a
    province's 100,000 reports × 230 columns are too many cells to hold as objects."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, df in sheets.items():
        ws = wb.create_sheet(title)
        for c, name in enumerate(df.columns, start=1):
            cell = ws.cell(1, c)
            put(cell, name)
            cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
            ws.column_dimensions[cell.column_letter].width = WIDE.get(str(name), 12)
        ws.cell(FIRST, 1).value = 0  # the row the streamed rows replace
        ws.freeze_panes = "B2"
        print_setup(ws, landscape=True, title_rows="1:1", fit_width=False)
    lay_out(wb)
    with tempfile.TemporaryDirectory(prefix="gitools-") as tmp, atomic_write(path) as final:
        draft = Path(tmp) / "draft.xlsx"
        wb.save(draft)
        finish(draft, final, rows={title: Rows(FIRST, _rows(df)) for title, df in sheets.items()})


def _rows(df: pd.DataFrame) -> Iterator[list[object]]:
    for row in df.itertuples(index=False):
        yield [_plain(value) for value in row]


def _plain(value: object) -> object:
    """A value as a cell holds it: numpy's numbers as Python's, a missing number as blank."""
    if isinstance(value, np.generic):
        value = value.item()
    return None if isinstance(value, float) and math.isnan(value) else value
