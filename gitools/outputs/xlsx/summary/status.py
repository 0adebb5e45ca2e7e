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

# what the county reads and phones with first, on one landscape A4 at 8 pt; the identity and the
# file after it, for the screen and for filters
STATUS_COLUMNS = ("序号", "单位名称", "填报人", "联系电话", "校验结论", "错误数", "警告数", "计入汇总", "主要问题",
                  "单位对核实项的说明", "备注", "统一社会信用代码", "单位类别", "应报单位（名单）", "文件")
STATUS_WIDTHS = (5, 18, 8, 13, 8, 5, 5, 6, 34, 26, 12, 21, 16, 24, 36)
STATUS_PRINTED = STATUS_COLUMNS.index("统一社会信用代码")


def status_rows(result: MergeResult) -> Iterator[list[object]]:
    n = 0
    for e in result.entries:
        n += 1
        u = e.received.unit
        yield [n, u.get("unit_name"), *e.contact, STATUS_ZH[e.status], len(e.received.report.errors),
               len(e.received.report.warnings), "是" if e.included else "否",
               first_problems(e.received.report.findings) or None, _explained(e.received.report.findings), e.note,
               u.get("credit_code"), u.get("unit_category"), e.roster.label if e.roster else None, e.received.path]
    for r in result.missing:
        n += 1
        yield [n, r.name, r.contact, r.phone, MISSING, None, None, "否", None, None, "名单中的单位没有报送",
               r.credit_code, r.category, r.label, None]
    for s in result.skipped:
        n += 1
        yield [n, None, None, None, SKIPPED, None, None, "否", None, None, s.reason, None, None, None, s.path]


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
    prototype(ws, 4, len(STATUS_COLUMNS), wrap=tuple(range(1, len(STATUS_COLUMNS) + 1)))
    verdict = get_column_letter(STATUS_COLUMNS.index("校验结论") + 1)
    status_colours(ws, f"{verdict}4:{verdict}{max(rows, 1) + 3}")
    ws.freeze_panes = "C4"
    print_setup(ws, landscape=True, title_rows="3:3", area=f"A1:{get_column_letter(STATUS_PRINTED)}{max(rows, 1) + 3}")
    ws.auto_filter.ref = f"A3:{get_column_letter(len(STATUS_COLUMNS))}{rows + 3}"
    return 4
