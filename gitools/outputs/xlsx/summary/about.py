"""汇总说明: what the county reads first: what was summed, from how many units, when, by which
rules, and what each sheet holds."""

from __future__ import annotations

import datetime as dt

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.catalog import Level
from gitools.form.model import Form
from gitools.form.sheets import DETAIL_SHEET
from gitools.io.cells import put
from gitools.merge.combine import MergeResult
from gitools.outputs.xlsx.paper import fit_rows
from gitools.outputs.xlsx.style import BOLD, WRAP, print_setup
from gitools.outputs.xlsx.summary.common import CHART_SHEET, FINDINGS_SHEET, STATUS_SHEET, TEXTS_SHEET

ROSTER_LABEL, NO_ROSTER = "应报单位名单", "未提供"  # the line of ``how`` on the roster the merge was given


def about_sheet(ws: Worksheet, result: MergeResult, form: Form, unit: dict[str, object],
                 how: list[tuple[str, str]]) -> None:
    """What the county reads first instead of the clerks' 填报说明: what was summed, from how
    many units, when and by which rules."""
    rostered = any(label == ROSTER_LABEL and value != NO_ROSTER for label, value in how)
    missing = "、".join(r.label for r in result.missing) or (
        "无（名单中的单位都已报送）" if rostered else "未提供应报单位名单，无法列出（合并时加 --roster 名单）")
    rows: list[tuple[str, object]] = [
        ("汇总单位", unit.get("unit_name")), ("报告年度", result.year),
        ("汇总时间", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("收到报表", f"{len(result.entries)} 份（{result.verdicts()}）"),
        ("计入汇总", f"{len(result.included)} 份，覆盖 {result.unit_count} 个单位（汇总表按其所含单位数计）"),
        ("未报送", missing),
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
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 14, 78  # a portrait A4 at 8 pt and more
    fit_rows(ws, 3, 2 + len(rows))
    print_setup(ws, landscape=False)
