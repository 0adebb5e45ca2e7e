"""The template's 单位信息 sheet: one row per identity field, with its prompt and validation."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.addresses import split
from gitools.form.model import FieldType, Form
from gitools.outputs.xlsx.style import (
    BORDER,
    HEADER_FILL,
    INPUT_FILL,
    LEFT,
    UNLOCKED,
    fill_range,
    font,
    print_setup,
    protect,
)
from gitools.outputs.xlsx.template.validation import field_validation


def unit_sheet(ws: Worksheet, form: Form, year: int | None) -> None:
    fill_range(ws, "A1:C1", "单位基本信息", bold=True, size=14, border=False)
    for col, text in zip("ABC", ("项目", "填写内容", "填写说明"), strict=True):
        fill_range(ws, f"{col}2", text, bold=True, fill=HEADER_FILL)
    for f in form.fields:
        r = split(f.address)[1]
        fill_range(ws, f"A{r}", f.label, bold=f.required,
                    align=LEFT)
        fill_range(ws, f"C{r}", f.prompt, align=LEFT)
        c = ws[f.address]
        c.fill, c.border, c.alignment, c.protection = INPUT_FILL, BORDER, LEFT, UNLOCKED
        c.font = font()
        c.number_format = {FieldType.DATE: "yyyy-mm-dd", FieldType.YEAR: "0",
                           FieldType.COUNT: "0"}.get(f.type, "@")
        dv = field_validation(f.type, f.label, f.prompt, f.choices, (form.first_year, form.last_year))
        dv.add(f.address)
        ws.add_data_validation(dv)
        if f.type is FieldType.YEAR and year is not None:
            c.value = year
    ws.column_dimensions["A"].width = 20  # the three fit a portrait A4 at 8 pt and more
    ws.column_dimensions["B"].width = 34
    ws.column_dimensions["C"].width = 38
    last = max(split(f.address)[1] for f in form.fields)
    print_setup(ws, area=f"A1:C{last}", landscape=False)
    protect(ws)
