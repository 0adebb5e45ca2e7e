"""The county summary workbook: the template itself carrying the totals, plus 汇总说明,
报送情况, 各单位文字部分, 同比, 明细, 问题清单 and 图表, one module per sheet.

Every input cell of the three tables is a formula summing its column of 明细 (one row per
included unit), so a county officer can click any total and see which units make it up. The
formulas carry their values, so the summary is read one level up without recalculation.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import PatternFill
from openpyxl.workbook.workbook import Workbook

from gitools.form.addresses import split
from gitools.form.model import Form
from gitools.form.sheets import DETAIL_HEADER_ROW, DETAIL_SHEET, SUMMARY_PROPERTY, detail_column
from gitools.io.atomic import atomic_write
from gitools.io.xlsx_stream import Rows, finish
from gitools.merge.combine import MergeResult
from gitools.model.figures import Figures
from gitools.outputs.xlsx import paper
from gitools.outputs.xlsx.summary.about import about_sheet
from gitools.outputs.xlsx.summary.charts import chart_sheet
from gitools.outputs.xlsx.summary.common import (
    ABOUT_SHEET,
    CHART_SHEET,
    COMPARE_SHEET,
    FINDINGS_SHEET,
    STATUS_SHEET,
    TEXTS_SHEET,
)
from gitools.outputs.xlsx.summary.compare import YearOverYear, compare_sheet
from gitools.outputs.xlsx.summary.detail import detail_rows, detail_sheet
from gitools.outputs.xlsx.summary.problems import FINDING_WIDTHS, finding_rows, findings_sheet
from gitools.outputs.xlsx.summary.status import STATUS_COLUMNS, STATUS_WIDTHS, status_rows, status_sheet
from gitools.outputs.xlsx.summary.texts import TEXT_WIDTHS, texts_rows, texts_sheet
from gitools.outputs.xlsx.template import build, formulas
from gitools.outputs.xlsx.template.fill import fill

__all__ = ["STATUS_COLUMNS", "STATUS_SHEET", "YearOverYear", "write_summary"]


def _cached(result: MergeResult, form: Form) -> dict[str, dict[str, float | str]]:
    """The values the tables' formulas evaluate to (totals and live checks), by sheet and cell,
    written beside the formulas so the summary reads without recalculation."""
    computed = Figures.from_inputs(form, result.totals).with_totals()
    cached: dict[str, dict[str, float | str]] = {}
    for t in form.tables:
        df = computed.table(t.key)
        sheet = cached.setdefault(t.sheet, {t.status_address: formulas.ALL_NUMBERS})
        for c in t.cells:
            sheet[c.address] = float(df.at[c.row, c.column])
        for rel in t.relations:
            if rel.check_address:
                lhs, rhs = (float(sum(df.at[r, c] for r, c in refs)) for refs in (rel.lhs, rel.rhs))
                sheet[rel.check_address] = formulas.check_value(rel, lhs, rhs)
    return cached


def _for_the_county(wb: Workbook, form: Form) -> None:
    """The clerks' marks out of the county's copy: no yellow input cells or 填写说明 in 单位信息,
    and a 文字部分 that says it is where the county may write its own report's text."""
    unit = wb[form.unit_sheet]
    for f in form.fields:
        row = split(f.address)[1]
        unit[f.address].fill = PatternFill()
        unit[f"C{row}"].value = None
    unit["C2"].value = None
    last = max(split(f.address)[1] for f in form.fields)
    unit.print_area = f"A1:B{last}"
    texts = wb[form.narrative_sheet]
    texts["A1"] = f"文字部分：本级年报的正文，可在此撰写，供 gitools report 写出年报（各单位的正文见“{TEXTS_SHEET}”）"
    for s in form.sections:
        texts[s.address].fill = PatternFill()
        texts.row_dimensions[split(s.address)[1]].height = None  # no tall empty boxes on paper


def _fitted(widths: Sequence[float]) -> Callable[[Sequence[object]], float]:
    """Row heights that show every wrapped cell whole, for a sheet of these column widths."""
    return lambda values: paper.row_height(values, widths)


def write_summary(result: MergeResult, form: Form, out: Path, unit: dict[str, object],
                  how: list[tuple[str, str]] | None = None, yoy: YearOverYear | None = None) -> None:
    """Write the summary workbook atomically. ``how``: how the merge was run, in words."""
    wb = build(form, result.year)
    fill(wb, form, unit=unit)
    for clerks_only in (form.info_sheet, form.result_sheet):  # the clerks' guide and check list
        del wb[clerks_only]
    _for_the_county(wb, form)
    n = len(result.included)
    first, last = DETAIL_HEADER_ROW + 1, DETAIL_HEADER_ROW + n
    cells = form.input_cells
    for i, c in enumerate(cells):
        column = detail_column(i)
        sheet = form.table(c.table).sheet
        wb[sheet][c.address] = f"=SUM('{DETAIL_SHEET}'!{column}{first}:{column}{last})" if n else "=0"
    wb.security.lockStructure = False  # the county adds its own sheets
    about_sheet(wb.create_sheet(ABOUT_SHEET, 0), result, form, unit, how or [])
    status = wb.create_sheet(STATUS_SHEET, 1)
    status_row = status_sheet(status, result)
    texts_row = texts_sheet(wb.create_sheet(TEXTS_SHEET), form)
    compare_row = compare_sheet(wb.create_sheet(COMPARE_SHEET), yoy) if yoy else 0
    detail = wb.create_sheet(DETAIL_SHEET)
    detail_row = detail_sheet(detail, result, form)
    findings = wb.create_sheet(FINDINGS_SHEET)
    findings_row = findings_sheet(findings, result)
    chart_sheet(wb.create_sheet(CHART_SHEET), result, form)
    wb.active = 0
    paper.lay_out(wb)
    wb.properties.title = f"{unit.get('unit_name')} {result.year} 年度政府信息公开工作年度报告汇总表"
    wb.properties.created = wb.properties.modified = dt.datetime.now()
    wb.custom_doc_props.append(StringProperty(name=SUMMARY_PROPERTY, value="1"))
    with tempfile.TemporaryDirectory(prefix="gitools-") as tmp, atomic_write(Path(out)) as final:
        draft = Path(tmp) / "draft.xlsx"
        wb.save(draft)
        finish(draft, final, rows={
            STATUS_SHEET: Rows(status_row, status_rows(result), _fitted(STATUS_WIDTHS)),
            TEXTS_SHEET: Rows(texts_row, texts_rows(result, form), _fitted(TEXT_WIDTHS)),
            **({COMPARE_SHEET: Rows(compare_row, yoy.units)} if yoy else {}),
            DETAIL_SHEET: Rows(detail_row, detail_rows(result, form)),
            FINDINGS_SHEET: Rows(findings_row, finding_rows(result), _fitted(FINDING_WIDTHS)),
        }, cached=_cached(result, form))
