"""The county summary workbook: the template itself carrying the totals, plus 报送情况,
问题清单, 明细 and 图表.

Every input cell of the three tables is a formula summing its column of 明细 (one row per
included unit), so a county officer can click any total and see which units make it up. The
formulas carry their values, so the summary is read one level up without recalculation.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.formatting.rule import CellIsRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.indicators import INDICATORS
from gitools.form.model import Form, Level
from gitools.form.rules import BY_CODE
from gitools.form.sheets import DETAIL_HEADER_ROW, DETAIL_ID, DETAIL_SHEET, SUMMARY_PROPERTY, detail_column
from gitools.io.atomic import atomic_write
from gitools.io.cells import put
from gitools.io.xlsx_stream import Formula, Rows, finish
from gitools.merge.combine import MergeResult, problems
from gitools.model.findings import STATUS_ZH, Finding, Status
from gitools.model.submission import from_values
from gitools.outputs.text import first_problems
from gitools.outputs.xlsx import style
from gitools.outputs.xlsx.template import formulas
from gitools.outputs.xlsx.template.fill import fill
from gitools.outputs.xlsx.template.writer import BORDER, HEADER_FILL, build

STATUS_SHEET, FINDINGS_SHEET, CHART_SHEET = "报送情况", "问题清单", "图表"
MISSING, SKIPPED = "未报送", "已跳过"

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
RED, YELLOW, GREEN = (style.fill(style.STATUS[s], conditional=True) for s in (Status.FAILED, Status.WARNINGS,
                                                                                    Status.PASSED))


# --- sheets ------------------------------------------------------------------------------


def _header(ws: Worksheet, row: int, titles: tuple[str, ...] | list[str], widths: tuple[float, ...]) -> None:
    for i, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        c = ws.cell(row, i, title)
        c.font, c.fill, c.border = BOLD, HEADER_FILL, BORDER
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width


def _prototype(ws: Worksheet, row: int, width: int, formats: dict[int, str] | None = None,
               wrap: tuple[int, ...] = ()) -> None:
    """The styled row the streamed rows copy (see gitools.io.xlsx_stream)."""
    for i in range(1, width + 1):
        c = ws.cell(row, i)
        c.border = BORDER
        if i in wrap:
            c.alignment = WRAP
        if formats and i in formats:
            c.number_format = formats[i]


def _labels(percent: bool = False) -> DataLabelList:
    return DataLabelList(showVal=True, showPercent=percent, showSerName=False, showCatName=False,
                         showLegendKey=False)


def _status_colours(ws: Worksheet, rng: str) -> None:
    for text, fill_ in ((STATUS_ZH[Status.FAILED], RED), (STATUS_ZH[Status.UNREADABLE], RED), (MISSING, RED),
                        (STATUS_ZH[Status.WARNINGS], YELLOW), (STATUS_ZH[Status.PASSED], GREEN)):
        ws.conditional_formatting.add(rng, CellIsRule(operator="equal", formula=[f'"{text}"'], fill=fill_))


STATUS_COLUMNS = ("序号", "单位名称", "统一社会信用代码", "单位类别", "应报单位（名单）", "填报人", "联系电话", "文件",
                  "校验结论", "错误数", "警告数", "计入汇总", "主要问题", "备注", "单位对核实项的说明")
STATUS_WIDTHS = (6, 28, 21, 16, 24, 10, 15, 36, 10, 7, 7, 8, 60, 36, 40)


def _status_rows(result: MergeResult) -> Iterator[list[object]]:
    n = 0
    for e in result.entries:
        n += 1
        u = e.received.unit
        yield [n, u.get("unit_name"), u.get("credit_code"), u.get("unit_category"),
               e.roster.label if e.roster else None, *e.contact, e.received.path, STATUS_ZH[e.status],
               len(e.received.report.errors), len(e.received.report.warnings), "是" if e.included else "否",
               first_problems(e.received.report.findings) or None, e.note, _explained(e.received.report.findings)]
    for r in result.missing:
        n += 1
        yield [n, r.name, r.credit_code, r.category, r.label, r.contact, r.phone, None, MISSING, None, None, "否",
               None, "名单中的单位没有报送", None]
    for s in result.skipped:
        n += 1
        yield [n, None, None, None, None, None, None, s.path, SKIPPED, None, None, "否", None, s.reason, None]


def _explained(findings: list[Finding]) -> str | None:
    """The unit's explanations, for the county to read and judge: "规则：说明；…"."""
    notes = [f"{BY_CODE[f.rule].title}（{f.where or f.label or ''}）：{f.explanation}" for f in findings if f.explanation]
    return "；\n".join(notes) or None


def _status_sheet(ws: Worksheet, result: MergeResult) -> int:
    rows = len(result.entries) + len(result.missing) + len(result.skipped)
    ws["A1"] = f"报送情况（{result.year or '年度未定'} 年度）"
    ws["A1"].font = Font(bold=True, size=14)
    counts = [f"收到 {len(result.entries)} 份", f"计入汇总 {len(result.included)} 份（{result.unit_count} 个单位）",
              result.verdicts()]
    if result.missing:
        counts.append(f"未报送 {len(result.missing)} 个")
    if result.skipped:
        counts.append(f"跳过其他文件 {len(result.skipped)} 个")
    ws["A2"] = "，".join(counts)
    _header(ws, 3, STATUS_COLUMNS, STATUS_WIDTHS)
    _prototype(ws, 4, len(STATUS_COLUMNS), wrap=tuple(STATUS_COLUMNS.index(c) + 1 for c in (
        "单位名称", "应报单位（名单）", "文件", "主要问题", "备注", "单位对核实项的说明")))
    verdict = get_column_letter(STATUS_COLUMNS.index("校验结论") + 1)
    _status_colours(ws, f"{verdict}4:{verdict}{max(rows, 1) + 3}")
    ws.freeze_panes = "C4"
    style.print_setup(ws, landscape=True, title_rows="3:3")
    ws.auto_filter.ref = f"A3:{get_column_letter(len(STATUS_COLUMNS))}{rows + 3}"
    return 4


FINDING_COLUMNS = ("序号", "单位名称", "文件", "工作表", "单元格", "项目", "级别", "规则", "问题", "单位的说明")


def _finding_rows(result: MergeResult) -> Iterator[list[object]]:
    for n, (name, path, f) in enumerate(problems(result), start=1):
        yield [n, name, path, f.sheet, f.cell, f.label, f.level_words, f.rule, f.message, f.explanation]


def _findings_sheet(ws: Worksheet, result: MergeResult) -> int:
    ws["A1"] = "问题清单：各单位报表的全部问题（单元格指各单位自己的文件）"
    ws["A1"].font = Font(bold=True, size=14)
    _header(ws, 2, FINDING_COLUMNS, (6, 28, 40, 16, 8, 24, 10, 26, 70, 50))
    _prototype(ws, 3, len(FINDING_COLUMNS), wrap=(2, 3, 6, 9, 10))
    total = len(problems(result))
    ws.freeze_panes = "C3"
    style.print_setup(ws, landscape=True, title_rows="2:2")
    ws.auto_filter.ref = f"A2:{get_column_letter(len(FINDING_COLUMNS))}{total + 2}"
    return 3


def _detail_rows(result: MergeResult, form: Form) -> Iterator[list[object]]:
    included = result.included
    width = len(form.input_cells)
    for n, e in enumerate(included, start=1):
        u = e.received.unit
        status = STATUS_ZH[e.status] + ("（按要求计入）" if e.status is Status.FAILED else "")
        count = u.get("unit_count") if u.get("unit_category") == form.summary_category else 1
        yield [n, u.get("unit_name"), u.get("credit_code"), u.get("division_code"), u.get("unit_category"),
               count, status, e.received.path, *e.received.values]
    first, last = DETAIL_HEADER_ROW + 1, DETAIL_HEADER_ROW + len(included)
    column_sum = [Formula(f"SUM({detail_column(i)}{first}:{detail_column(i)}{last})", v)
                  for i, v in zip(range(width), result.totals, strict=True)]
    yield ["合计", None, None, None, None, result.unit_count, None, None, *column_sum]


def _detail_sheet(ws: Worksheet, result: MergeResult, form: Form) -> int:
    ws["A1"] = "明细：计入汇总的各单位填报数（每列之和即汇总表中对应单元格）"
    ws["A1"].font = Font(bold=True, size=14)
    cells = form.input_cells
    _header(ws, DETAIL_HEADER_ROW, DETAIL_ID, (6, 28, 22, 10, 16, 8, 12, 40))
    for row in (2, 3):
        for i in range(1, len(DETAIL_ID) + 1):
            ws.cell(row, i).fill = HEADER_FILL
    for i, c in enumerate(cells, start=len(DETAIL_ID) + 1):
        table = form.table(c.table)
        for row, text in ((2, table.sheet), (3, table.cell_label(c.row, c.column)), (4, c.address)):
            cell = ws.cell(row, i, text)
            cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = 14
    ws.row_dimensions[3].height = 90
    formats = {i: "0.00" if c.type.value == "amount" else "0" for i, c in enumerate(cells, start=len(DETAIL_ID) + 1)}
    _prototype(ws, DETAIL_HEADER_ROW + 1, len(DETAIL_ID) + len(cells), formats)
    ws.freeze_panes = ws.cell(DETAIL_HEADER_ROW + 1, 3).coordinate
    style.print_setup(ws, landscape=True, title_rows=f"2:{DETAIL_HEADER_ROW}")
    ws.print_title_cols = "A:B"
    return DETAIL_HEADER_ROW + 1


def _chart_sheet(ws: Worksheet, result: MergeResult, form: Form) -> None:
    """Three pictures: who reported, what became of the applications, who received most."""
    style.print_setup(ws, landscape=True, title_rows="1:1")
    ws["A1"] = "图表（数据见各图左侧）"
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 28
    # 1. reporting status
    ws.append([])
    ws.append(["报送情况", "份数"])
    states = [(STATUS_ZH[s], result.count(s)) for s in Status] + [(MISSING, len(result.missing))]
    for label, n in states:
        ws.append([label, n])
    bar = BarChart()
    bar.title, bar.y_axis.title, bar.legend = "报送情况", "份数", None
    bar.add_data(Reference(ws, min_col=2, min_row=3, max_row=3 + len(states)), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=4, max_row=3 + len(states)))
    bar.dataLabels = _labels()
    ws.add_chart(bar, "D2")
    # 2. what became of the applications (三、本年度办理结果, by its groups)
    table = form.table("requests")
    totals = dict(zip(((c.table, c.row, c.column) for c in form.input_cells), result.totals, strict=True))
    groups: dict[str, float] = {}
    parts = [ref for r in table.relations if r.rule == "requests-results-total" for ref in r.rhs]  # （一）…（六）
    for row_key, col_key in parts:  # totals holds input cells only: a total's parts are not counted twice
        row = table.row(row_key)
        group = row.path[1] if len(row.path) > 1 else row.label.split("（区分")[0]  # （三）不予公开 1.… → （三）
        groups[group] = groups.get(group, 0.0) + totals.get((table.key, row_key, col_key), 0.0)
    start = 4 + len(states) + 14
    ws.cell(start, 1, "办理结果"), ws.cell(start, 2, "件数")
    for i, (label, n) in enumerate(groups.items(), start=1):
        ws.cell(start + i, 1, label), ws.cell(start + i, 2, n)
    pie = PieChart()
    pie.title = "本年度依申请公开办理结果构成"
    pie.add_data(Reference(ws, min_col=2, min_row=start, max_row=start + len(groups)), titles_from_data=True)
    pie.set_categories(Reference(ws, min_col=1, min_row=start + 1, max_row=start + len(groups)))
    pie.dataLabels = _labels(percent=True)
    ws.add_chart(pie, f"D{start}")
    # 3. applications received, the units with most
    new_total = [i for i, c in enumerate(form.input_cells) if c.table == "requests" and c.row == "new"]
    ranked = sorted(((sum(e.received.values[i] for i in new_total), e.name) for e in result.included), reverse=True)[:20]
    start2 = start + 20
    ws.cell(start2, 1, "单位（本年新收申请最多的 20 个）"), ws.cell(start2, 2, "本年新收申请")
    for i, (n, name) in enumerate(ranked, start=1):
        put(ws.cell(start2 + i, 1), name)  # a unit's name is the clerk's text
        ws.cell(start2 + i, 2, n)
    top = BarChart()
    top.type, top.title, top.legend = "bar", "本年新收政府信息公开申请（件）", None
    top.add_data(Reference(ws, min_col=2, min_row=start2, max_row=start2 + max(len(ranked), 1)), titles_from_data=True)
    top.set_categories(Reference(ws, min_col=1, min_row=start2 + 1, max_row=start2 + max(len(ranked), 1)))
    top.height = max(7.5, 0.6 * len(ranked))
    top.dataLabels = _labels()
    ws.add_chart(top, f"D{start2}")


# --- the workbook ------------------------------------------------------------------------


ABOUT_SHEET, TEXTS_SHEET, COMPARE_SHEET = "汇总说明", "各单位文字部分", "同比"


@dataclass(frozen=True)
class YearOverYear:
    """What the 同比 sheet shows (computed in gitools.merge.compare)."""

    year: int
    last_year: int
    county: list[list[object]]  # indicator, this year, last year, change, change in percent
    units: Iterable[list[object]]  # name, code, in which years, then (this year, last year) per indicator


def _compare_sheet(ws: Worksheet, yoy: YearOverYear) -> int:
    ws["A1"] = f"同比：{yoy.year} 年度与 {yoy.last_year} 年度"
    ws["A1"].font = Font(bold=True, size=14)
    _header(ws, 2, ("指标", f"{yoy.year} 年度", f"{yoy.last_year} 年度", "增减", "增减率"), (26, 12, 12, 10, 10))
    for r, row in enumerate(yoy.county, start=3):
        for c, value in enumerate(row, start=1):
            put(ws.cell(r, c), value)
            ws.cell(r, c).border = BORDER
    head = 4 + len(yoy.county)
    ws.cell(head - 1, 1, "各单位（按统一社会信用代码或单位名称对应；只在一个年度出现的单位已标明）").font = BOLD
    titles = ["单位名称", "统一社会信用代码", "年度"]
    titles += [f"{i.label}（{y}）" for i in INDICATORS for y in (yoy.year, yoy.last_year)]
    _header(ws, head, titles, (26, 21, 12, *(11 for _ in INDICATORS for _ in (1, 2))))
    ws.row_dimensions[head].height = 60
    _prototype(ws, head + 1, len(titles), formats={i: "0.##" for i in range(4, len(titles) + 1)})
    ws.freeze_panes = ws.cell(head + 1, 2).coordinate
    style.print_setup(ws, landscape=True, title_rows=f"{head}:{head}")
    return head + 1


def _about_sheet(ws: Worksheet, result: MergeResult, form: Form, unit: dict[str, object],
                 how: list[tuple[str, str]]) -> None:
    """What the county reads first instead of the clerks' 填报说明: what was summed, from how
    many units, when and by which rules."""
    rows: list[tuple[str, object]] = [
        ("汇总单位", unit.get("unit_name")), ("报告年度", result.year),
        ("汇总时间", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("收到报表", f"{len(result.entries)} 份（{result.verdicts()}）"),
        ("计入汇总", f"{len(result.included)} 份，覆盖 {result.unit_count} 个单位（汇总表按其所含单位数计）"),
        ("未报送", "、".join(r.label for r in result.missing) or "无（或未提供应报单位名单）"),
        *how,
        ("校验规则", f"{form.id}《中华人民共和国政府信息公开工作年度报告格式》，模板版本 {form.version}；"
                     f"强制项 {sum(r.level is Level.MANDATORY for r in form.rules)} 条、"
                     f"核实项 {sum(r.level is Level.REVIEW for r in form.rules)} 条、"
                     f"提示项 {sum(r.level is Level.NOTICE for r in form.rules)} 条，逐份校验"),
        ("数字从哪里来", f"“单位信息”之后三张表中的每个数字都是公式，等于“{DETAIL_SHEET}”中对应列之和；"
                       f"点开任一数字即可看到由哪些单位相加而来"),
        ("各工作表", f"{STATUS_SHEET}：每份报表的结论、联系人和主要问题；{TEXTS_SHEET}：各单位报告正文，供撰写本级年报；"
                    f"{DETAIL_SHEET}：各单位填报数；{FINDINGS_SHEET}：全部问题及单位的说明；{CHART_SHEET}：报送和办理情况"),
    ]
    ws["A1"] = f"{result.year or ''} 年度政府信息公开工作年度报告汇总说明"
    ws["A1"].font = Font(bold=True, size=14)
    for r, (label, value) in enumerate(rows, start=3):
        put(ws.cell(r, 1), label)
        ws.cell(r, 1).font = BOLD
        put(ws.cell(r, 2), value)
        ws.cell(r, 2).alignment = WRAP
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 16, 100
    style.print_setup(ws, landscape=False)


def _texts_rows(result: MergeResult, form: Form) -> Iterator[list[object]]:
    for n, e in enumerate(result.included, start=1):
        yield [n, e.name or None, *(e.received.narrative.get(s.key) for s in form.sections)]


def _texts_sheet(ws: Worksheet, form: Form) -> int:
    ws["A1"] = "各单位报告正文（第一、五、六部分），供撰写本级年度报告"
    ws["A1"].font = Font(bold=True, size=14)
    _header(ws, 2, ("序号", "单位名称", *(s.label for s in form.sections)), (6, 24, *(50 for _ in form.sections)))
    _prototype(ws, 3, 2 + len(form.sections), wrap=tuple(range(2, 3 + len(form.sections))))
    ws.freeze_panes = "C3"
    style.print_setup(ws, landscape=True, title_rows="2:2")
    return 3


def write_summary(result: MergeResult, form: Form, out: Path, unit: dict[str, object],
                  how: list[tuple[str, str]] | None = None, yoy: YearOverYear | None = None) -> None:
    """Write the summary workbook atomically. ``how``: how the merge was run, in words."""
    wb = build(form, result.year)
    fill(wb, form, unit=unit)
    for clerks_only in (form.info_sheet, form.result_sheet):  # the clerks' guide and check list
        del wb[clerks_only]
    n = len(result.included)
    first, last = DETAIL_HEADER_ROW + 1, DETAIL_HEADER_ROW + n
    cells = form.input_cells
    values = dict(zip(((c.table, c.row, c.column) for c in cells), result.totals, strict=True))
    computed = from_values(form, values)
    cached: dict[str, dict[str, float | str]] = {}
    for t in form.tables:
        df = computed.tables[t.key]
        sheet = cached.setdefault(t.sheet, {t.status_address: formulas.ALL_NUMBERS})
        for c in t.cells:
            sheet[c.address] = float(df.at[c.row, c.column])
        for rel in t.relations:
            if rel.check_address:
                lhs, rhs = (float(sum(df.at[r, c] for r, c in refs)) for refs in (rel.lhs, rel.rhs))
                sheet[rel.check_address] = formulas.check_value(rel, lhs, rhs)
    for i, c in enumerate(cells):
        column = detail_column(i)
        sheet = form.table(c.table).sheet
        wb[sheet][c.address] = f"=SUM('{DETAIL_SHEET}'!{column}{first}:{column}{last})" if n else "=0"
    wb.security.lockStructure = False  # the county adds its own sheets
    _about_sheet(wb.create_sheet(ABOUT_SHEET, 0), result, form, unit, how or [])
    status = wb.create_sheet(STATUS_SHEET, 1)
    status_row = _status_sheet(status, result)
    texts_row = _texts_sheet(wb.create_sheet(TEXTS_SHEET), form)
    compare_row = _compare_sheet(wb.create_sheet(COMPARE_SHEET), yoy) if yoy else 0
    detail = wb.create_sheet(DETAIL_SHEET)
    detail_row = _detail_sheet(detail, result, form)
    findings = wb.create_sheet(FINDINGS_SHEET)
    findings_row = _findings_sheet(findings, result)
    _chart_sheet(wb.create_sheet(CHART_SHEET), result, form)
    wb.active = 0
    wb.properties.title = f"{unit.get('unit_name')} {result.year} 年度政府信息公开工作年度报告汇总表"
    wb.properties.created = wb.properties.modified = dt.datetime.now()
    wb.custom_doc_props.append(StringProperty(name=SUMMARY_PROPERTY, value="1"))
    with tempfile.TemporaryDirectory(prefix="gitools-") as tmp, atomic_write(Path(out)) as final:
        draft = Path(tmp) / "draft.xlsx"
        wb.save(draft)
        finish(draft, final, rows={
            STATUS_SHEET: Rows(status_row, _status_rows(result)),
            TEXTS_SHEET: Rows(texts_row, _texts_rows(result, form)),
            **({COMPARE_SHEET: Rows(compare_row, yoy.units)} if yoy else {}),
            DETAIL_SHEET: Rows(detail_row, _detail_rows(result, form)),
            FINDINGS_SHEET: Rows(findings_row, _finding_rows(result)),
        }, cached=cached)
