"""A copy of a workbook with the findings written into it: a 校验结果 sheet linking every
finding to its cell, and the offending cells highlighted with a comment."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink

from gitools.findings import SEVERITY_COLOUR, SEVERITY_ZH, STATUS_ZH, FileReport
from gitools.form import FORM
from gitools.io.atomic import atomic_write
from gitools.io.cells import put

RESULT_SHEET = FORM.result_sheet
FILLS = {s: PatternFill("solid", fgColor=colour) for s, colour in SEVERITY_COLOUR.items()}
HEADER = ["序号", "严重程度", "工作表", "单元格", "问题", "规则"]


def result_rows(report: FileReport) -> list[list[object]]:
    """The 校验结果 sheet: verdict, header, one row per finding (this copy and the add-in alike)."""
    verdict = (f"校验结论：{STATUS_ZH[report.status]}（{len(report.errors)} 个错误，"
               f"{len(report.warnings)} 个警告）")
    rows: list[list[object]] = [[verdict, None, None, None, None, None], HEADER]
    for i, f in enumerate(report.findings, start=1):
        rows.append([i, SEVERITY_ZH[f.severity], f.sheet or "", f.cell or "", f.message, f.rule])
    return rows


def annotate(source: Path, report: FileReport, out: Path) -> None:
    if Path(out).resolve() == Path(source).resolve():
        raise ValueError("批注副本不能覆盖原文件")
    wb = openpyxl.load_workbook(source)
    if RESULT_SHEET in wb.sheetnames:
        del wb[RESULT_SHEET]
    if wb.security is not None:
        wb.security.lockStructure = False  # we add a sheet; the clerk's copy keeps its own
    ws = wb.create_sheet(RESULT_SHEET, 0)
    for r, values in enumerate(result_rows(report), start=1):
        for c, value in enumerate(values, start=1):
            put(ws.cell(r, c), value)
    ws["A1"].font = Font(bold=True, size=13)
    for c in ws[2]:
        c.font = Font(bold=True)
    for row, f in enumerate(report.findings, start=3):
        ws.cell(row, 2).fill = FILLS[f.severity]
        ws.cell(row, 5).alignment = Alignment(wrap_text=True, vertical="top")
        if f.sheet in wb.sheetnames and f.cell:
            link = ws.cell(row, 4)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{f.sheet}'!{f.cell}")
            link.font = Font(color="0563C1", underline="single")
            target = wb[f.sheet][f.cell]
            target.fill = FILLS[f.severity]
            text = f"{SEVERITY_ZH[f.severity]}：{f.message}"
            if target.comment is not None:
                text = target.comment.text + "\n" + text
            target.comment = Comment(text, "gitools", width=320, height=120)
    for col, width in zip("ABCDEF", (6, 10, 18, 10, 90, 30), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    wb.active = 0
    with atomic_write(Path(out)) as tmp:
        wb.save(tmp)
