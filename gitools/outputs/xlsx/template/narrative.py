"""The template's 文字部分 sheet: one tall cell per narrative section, to paste the text into."""

from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.addresses import split
from gitools.form.model import Form
from gitools.outputs.xlsx.style import (
    BORDER,
    HEADER_FILL,
    INPUT_FILL,
    TOP_LEFT,
    UNLOCKED,
    fill_range,
    font,
    print_setup,
    protect,
)


def narrative_sheet(ws: Worksheet, form: Form) -> None:
    fill_range(ws, "A1:B1", "文字部分（报告第一、五、六部分）", bold=True, size=14, border=False)
    fill_range(ws, "A2", "部分", bold=True, fill=HEADER_FILL)
    fill_range(ws, "B2", "内容（可直接粘贴正文）", bold=True, fill=HEADER_FILL)
    for s in form.sections:
        r = split(s.address)[1]
        fill_range(ws, f"A{r}", s.label, bold=not s.parent, align=TOP_LEFT)
        c = ws[s.address]
        c.fill, c.border, c.alignment, c.protection = INPUT_FILL, BORDER, TOP_LEFT, UNLOCKED
        c.font = font()
        c.number_format = "@"
        ws.row_dimensions[r].height = 90
        dv = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=s.label[:32],
                            prompt="粘贴或填写本部分正文。其中的数字应与统计表一致。")
        dv.add(s.address)
        ws.add_data_validation(dv)
    if (sec := next((s for s in form.sections if s.key == "other_matters"), None)) is not None:
        r = split(sec.address)[1]
        ws[f"A{r}"].value = sec.label + "\n（须说明是否收取信息处理费）"
    ws.column_dimensions["A"].width = 18  # a portrait A4 at 8 pt and more
    ws.column_dimensions["B"].width = 74
    last = max(split(s.address)[1] for s in form.sections)
    print_setup(ws, area=f"A1:B{last}", landscape=False)
    protect(ws)
