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

# what a person reads fits a landscape A4 at 8 pt; the file and the rule's code are for machines
FINDING_COLUMNS = ("序号", "单位名称", "工作表", "单元格", "项目", "级别", "规则", "问题", "单位的说明", "文件", "规则编号")
FINDING_WIDTHS = (5, 18, 10, 7, 16, 6, 14, 40, 26, 40, 22)
FINDING_PRINTED = FINDING_COLUMNS.index("文件")


def finding_rows(result: MergeResult) -> Iterator[list[object]]:
    for n, (name, path, f) in enumerate(problems(result), start=1):
        yield [n, name, f.sheet, f.cell, f.label, f.level_words, BY_CODE[f.rule].title, f.message, f.explanation, path,
               f.rule]


def findings_sheet(ws: Worksheet, result: MergeResult) -> int:
    ws["A1"] = "问题清单：各单位报表的全部问题（单元格指各单位自己的文件）"
    ws["A1"].font = Font(bold=True, size=14)
    header(ws, 2, FINDING_COLUMNS, FINDING_WIDTHS)
    prototype(ws, 3, len(FINDING_COLUMNS), wrap=tuple(range(1, len(FINDING_COLUMNS) + 1)))
    total = len(problems(result))
    ws.freeze_panes = "C3"
    print_setup(ws, landscape=True, title_rows="2:2", area=f"A1:{get_column_letter(FINDING_PRINTED)}{total + 2}")
    ws.auto_filter.ref = f"A2:{get_column_letter(len(FINDING_COLUMNS))}{total + 2}"
    return 3
