"""各单位文字部分: each included unit's narrative, section by section, from which the county
writes its own report."""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.model import Form
from gitools.merge.combine import MergeResult
from gitools.outputs.xlsx.style import print_setup
from gitools.outputs.xlsx.summary.common import header, prototype


def texts_rows(result: MergeResult, form: Form) -> Iterator[list[object]]:
    for n, e in enumerate(result.included, start=1):
        yield [n, e.name or None, *(e.received.narrative.get(s.key) for s in form.sections)]


def texts_sheet(ws: Worksheet, form: Form) -> int:
    ws["A1"] = "各单位报告正文（第一、五、六部分），供撰写本级年度报告"
    ws["A1"].font = Font(bold=True, size=14)
    header(ws, 2, ("序号", "单位名称", *(s.label for s in form.sections)), (6, 24, *(50 for _ in form.sections)))
    prototype(ws, 3, 2 + len(form.sections), wrap=tuple(range(2, 3 + len(form.sections))))
    ws.freeze_panes = "C3"
    print_setup(ws, landscape=True, title_rows="2:2")
    return 3
