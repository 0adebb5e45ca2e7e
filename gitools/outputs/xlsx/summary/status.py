"""报送情况: one row per submission, unit missing from the roster and file passed over, with its
verdict, contact, first problems and the unit's 说明."""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.rules import BY_CODE
from gitools.merge.combine import MergeResult
from gitools.model.findings import STATUS_ZH, Finding
from gitools.outputs.text import first_problems
from gitools.outputs.xlsx.style import print_setup
from gitools.outputs.xlsx.summary.common import MISSING, SKIPPED, header, prototype, status_colours

STATUS_COLUMNS = ("序号", "单位名称", "统一社会信用代码", "单位类别", "应报单位（名单）", "填报人", "联系电话", "文件",
                  "校验结论", "错误数", "警告数", "计入汇总", "主要问题", "备注", "单位对核实项的说明")
STATUS_WIDTHS = (6, 28, 21, 16, 24, 10, 15, 36, 10, 7, 7, 8, 60, 36, 40)


def status_rows(result: MergeResult) -> Iterator[list[object]]:
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


def status_sheet(ws: Worksheet, result: MergeResult) -> int:
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
    header(ws, 3, STATUS_COLUMNS, STATUS_WIDTHS)
    prototype(ws, 4, len(STATUS_COLUMNS), wrap=tuple(STATUS_COLUMNS.index(c) + 1 for c in (
        "单位名称", "应报单位（名单）", "文件", "主要问题", "备注", "单位对核实项的说明")))
    verdict = get_column_letter(STATUS_COLUMNS.index("校验结论") + 1)
    status_colours(ws, f"{verdict}4:{verdict}{max(rows, 1) + 3}")
    ws.freeze_panes = "C4"
    print_setup(ws, landscape=True, title_rows="3:3")
    ws.auto_filter.ref = f"A3:{get_column_letter(len(STATUS_COLUMNS))}{rows + 3}"
    return 4
