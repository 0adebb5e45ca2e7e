"""The 校验本工作簿 button: validate the open workbook through xlwings and show the findings in
it. Engine-agnostic: the same function serves the Office.js add-in (xlwings Server's remote
engine) and the desktop ribbon add-in (RunPython).

What it writes: the 校验结果 sheet (replaced on every run) with a link to every cell; the
offending cells coloured; an alert with the verdict. The cells it coloured last time are
listed on 校验结果 and get their template colour back first, so a clerk's own formatting of
other cells is never touched.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from gitools.form import FORM, sheets
from gitools.form.addresses import col_letters, reference
from gitools.form.catalog import Severity
from gitools.form.model import Form, Section, UnitField
from gitools.inputs.workbook import from_book
from gitools.io.cells import live
from gitools.io.rawbook import LazySheets, RawBook, RawCell, raw_value
from gitools.model.findings import STATUS_ZH, FileReport, Status
from gitools.model.submission import NotReadable
from gitools.outputs.xlsx import results as rs
from gitools.outputs.xlsx import style
from gitools.validate import validate

COLOURS = {s: f"#{colour}" for s, colour in style.MARK.items()}
INPUT_COLOUR, TOTAL_COLOUR = f"#{style.INPUT}", f"#{style.TOTAL}"  # the template's own fills
MARKS_COLUMN = len(sheets.RESULT_COLUMNS) + 2  # beside 校验结果's columns: the cells this run coloured, for the next run
MARKS_TITLE = "本次标色的单元格（下次校验时自动恢复）"


def raw_book(book: Any) -> RawBook:
    """The workbook's values and names as our reader sees a file. Office.js sends values
    only, so totals are taken as calculated by Excel and not checked for typed-over formulas.
    Each sheet is read when the reader first looks at it (never 填报说明)."""
    raw = RawBook(formulas_known=False)
    raw.sheets = LazySheets({sheet.name: partial(_sheet_cells, sheet) for sheet in book.sheets})
    for name in book.names:
        target = reference(name.refers_to or "")  # the text, not a Range object per name: 250 names
        if target is not None:
            raw.names[name.name] = target
    return raw


def _sheet_cells(sheet: Any) -> dict[str, RawCell]:
    last = sheet.used_range.last_cell
    values = sheet.range((1, 1), (last.row, last.column)).value
    if not isinstance(values, list):
        values = [[values]]
    elif values and not isinstance(values[0], list):
        values = [values] if last.row == 1 else [[v] for v in values]
    cells: dict[str, RawCell] = {}
    for r, row in enumerate(values, start=1):
        for c, value in enumerate(row, start=1):
            plain = raw_value(value)
            if plain is not None:
                cells[f"{col_letters(c)}{r}"] = RawCell(plain)
    return cells


def template_colour(form: Form, sheet: str, cell: str) -> str | None:
    """The fill the template gives a cell (None: no fill)."""
    for t in form.tables:
        if t.sheet == sheet:
            for c in t.cells:
                if c.address == cell:
                    return INPUT_COLOUR if c.input else TOTAL_COLOUR
    items: tuple[UnitField | Section, ...] = (*form.fields, *form.sections)
    if any(item.sheet == sheet and item.address == cell for item in items):
        return INPUT_COLOUR
    return None


def _previous_marks(book: Any, form: Form) -> list[tuple[str, str]]:
    names = [s.name for s in book.sheets]
    if form.result_sheet not in names:
        return []
    column = book.sheets[form.result_sheet].range((1, MARKS_COLUMN), (500, MARKS_COLUMN)).value or []
    marks = []
    for value in column[1:]:
        if isinstance(value, str) and "!" in value:
            sheet, cell = value.rsplit("!", 1)
            if sheet in names:
                marks.append((sheet, cell))
    return marks


def verdict(report: FileReport) -> str:
    if report.status is Status.PASSED:
        return "校验通过：没有发现问题。"
    return (f"{report.verdict()}。问题已列在“校验结果”工作表中，问题单元格已标色"
            "（红色须改正或说明，黄色供参考）；核实项可在“说明”列写明原因。")


def check_book(book: Any, form: Form = FORM) -> FileReport | None:
    """Validate ``book`` (an xlwings Book) in place; None when it is not our template."""
    try:
        sub = from_book(raw_book(book), form, book.name)
    except NotReadable as e:
        book.app.alert(f"{e.finding.message}。", title="无法校验", buttons="ok", mode="critical")
        return None
    report = FileReport(book.name, validate(sub, form))
    names = [s.name for s in book.sheets]
    for sheet, cell in _previous_marks(book, form):
        book.sheets[sheet][cell].color = template_colour(form, sheet, cell)
    if form.result_sheet in names:
        ws = book.sheets[form.result_sheet]
        ws.clear()
    else:
        ws = book.sheets.add(form.result_sheet, before=book.sheets[0])
    rows = rs.rows(report)
    width = max(len(r) for r in rows)
    ws["A1"].value = [[live(v) for v in row] + [None] * (width - len(row)) for row in rows]
    marks: dict[tuple[str, str], Severity] = {}
    for i, f in enumerate(report.findings, start=sheets.RESULT_FIRST_ROW):
        ws[f"{col_letters(sheets.LEVEL_COLUMN)}{i}"].color = COLOURS[f.severity]
        if f.sheet is not None and f.sheet in names and f.cell:
            ws[f"{col_letters(sheets.LINK_COLUMN)}{i}"].add_hyperlink(f"#'{f.sheet}'!{f.cell}", f.cell,
                                                                  f"转到 {f.sheet} {f.cell}")
            if marks.get((f.sheet, f.cell)) is not Severity.ERROR:  # an error outranks a warning
                marks[(f.sheet, f.cell)] = f.severity
    for (sheet, cell), severity in marks.items():
        book.sheets[sheet][cell].color = COLOURS[severity]
    ws.range((1, MARKS_COLUMN)).value = [[MARKS_TITLE], *([live(f"{s}!{c}")] for s, c in marks)]
    ws.activate()
    book.app.alert(verdict(report), title=f"校验结果：{STATUS_ZH[report.status]}", buttons="ok",
                   mode="info" if report.status is Status.PASSED else "critical")
    return report
