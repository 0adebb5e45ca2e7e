"""问题清单: every problem of every submission (and every unit missing), one row each, with the
unit's 说明."""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.rules import BY_CODE
from gitools.merge.combine import MergeResult, problems
from gitools.outputs.xlsx.style import print_setup
from gitools.outputs.xlsx.summary.common import header, prototype

FINDING_COLUMNS = ("序号", "单位名称", "文件", "工作表", "单元格", "项目", "级别", "规则", "问题", "单位的说明", "规则编号")


def finding_rows(result: MergeResult) -> Iterator[list[object]]:
    for n, (name, path, f) in enumerate(problems(result), start=1):
        yield [n, name, path, f.sheet, f.cell, f.label, f.level_words, BY_CODE[f.rule].title, f.message, f.explanation,
               f.rule]


def findings_sheet(ws: Worksheet, result: MergeResult) -> int:
    ws["A1"] = "问题清单：各单位报表的全部问题（单元格指各单位自己的文件）"
    ws["A1"].font = Font(bold=True, size=14)
    header(ws, 2, FINDING_COLUMNS, (6, 28, 40, 16, 8, 24, 10, 26, 70, 50, 22))
    prototype(ws, 3, len(FINDING_COLUMNS), wrap=(2, 3, 6, 9, 10))
    total = len(problems(result))
    ws.freeze_panes = "C3"
    print_setup(ws, landscape=True, title_rows="2:2")
    ws.auto_filter.ref = f"A2:{get_column_letter(len(FINDING_COLUMNS))}{total + 2}"
    return 3
