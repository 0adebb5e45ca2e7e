"""A copy of a workbook with the findings written into it: a 校验结果 sheet linking every
finding to its cell with a 说明 column for the clerk, and the offending cells highlighted with
a comment. The source file is never touched."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink

from gitools.form import FORM, sheets
from gitools.io.atomic import atomic_write
from gitools.model.findings import FileReport
from gitools.outputs.xlsx import results as rs
from gitools.outputs.xlsx import style
from gitools.outputs.xlsx.paper import lay_out

RESULT_SHEET = FORM.result_sheet


def annotate(source: Path, report: FileReport, out: Path) -> None:
    """Write an annotated copy of ``source`` to ``out``."""
    if Path(out).resolve() == Path(source).resolve():
        raise ValueError("批注副本不能覆盖原文件")
    wb = openpyxl.load_workbook(source)
    annotate_book(wb, report)
    lay_out(wb)
    with atomic_write(Path(out)) as tmp:
        wb.save(tmp)


def annotate_book(wb: Workbook, report: FileReport) -> None:
    """Write the findings into a workbook held in memory (one being written, or just loaded)."""
    if RESULT_SHEET in wb.sheetnames:
        del wb[RESULT_SHEET]
    if wb.security is not None:
        wb.security.lockStructure = False  # we add a sheet; the clerk's copy keeps its own
    ws = wb.create_sheet(RESULT_SHEET, 0)
    rs.lay_out(ws, report)
    for row, f in enumerate(report.findings, start=sheets.RESULT_FIRST_ROW):
        ws.cell(row, sheets.LEVEL_COLUMN).fill = style.fill(style.MARK[f.severity])
        ws.cell(row, sheets.MESSAGE_COLUMN).alignment = Alignment(wrap_text=True, vertical="top")
        explain = ws.cell(row, sheets.EXPLAIN_COLUMN)
        explain.fill = style.fill(style.EXPLAIN)
        explain.alignment = Alignment(wrap_text=True, vertical="top")
        if f.sheet in wb.sheetnames and f.cell:
            link = ws.cell(row, sheets.LINK_COLUMN)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{f.sheet}'!{f.cell}")
            link.font = Font(color=style.LINK, underline="single")
            target = wb[f.sheet][f.cell]
            target.fill = style.fill(style.MARK[f.severity])
            text = f"{f.level_words}：{f.message}"
            if target.comment is not None:
                text = target.comment.text + "\n" + text
            target.comment = Comment(text, "gitools", width=320, height=120)
    wb.active = 0
