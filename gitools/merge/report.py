"""The merge's one-screen summary for the terminal, and the same as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gitools.findings import STATUS_ZH, Status
from gitools.merge.combine import MergeResult

SHOW = 8  # lines per list before "等 N 个"


def outcome(result: MergeResult) -> bool:
    """Everything expected was merged: each submission in the totals (or replaced by a later
    copy of the same unit), and no unit of the roster missing."""
    def superseded(e) -> bool:
        return any(f.rule == "merge-duplicate" for f in e.findings)

    return not result.missing and all(e.included or superseded(e) for e in result.entries)


def merge_text(result: MergeResult, output: Path) -> str:
    counts = "，".join(f"{STATUS_ZH[s]} {result.count(s)} 份" for s in Status if result.count(s))
    lines = [f"汇总 {result.year} 年度：读取 {len(result.entries)} 份报表（{counts}）"]
    lines.append(f"计入汇总 {len(result.included)} 份，覆盖 {result.unit_count} 个单位")
    excluded = [e for e in result.entries if not e.included]
    if excluded:
        lines.append(f"未计入 {len(excluded)} 份：")
        lines += [f"  ✗ {Path(e.received.path).name}：{e.note}" for e in excluded[:SHOW]]
        if len(excluded) > SHOW:
            lines.append(f"  …等 {len(excluded)} 份，详见汇总表“报送情况”")
    if result.missing:
        names = "、".join(r.label for r in result.missing[:SHOW])
        more = f"等 {len(result.missing)} 个" if len(result.missing) > SHOW else ""
        lines.append(f"未报送 {len(result.missing)} 个单位：{names}{more}")
    if result.skipped:
        lines.append(f"跳过 {len(result.skipped)} 个其他文件（临时、隐藏或非报表文件，详见“报送情况”）")
    problems = sum(len(e.received.report.findings) + len(e.findings) for e in result.entries)
    lines.append(f"问题 {problems} 条，详见汇总表“问题清单”")
    lines.append(f"汇总表：{output}")
    return "\n".join(lines) + "\n"


def merge_json(result: MergeResult, output: Path) -> dict[str, Any]:
    return {
        "year": result.year,
        "output": str(output),
        "read": len(result.entries),
        **{s.value: result.count(s) for s in Status},
        "included": len(result.included),
        "unit_count": result.unit_count,
        "complete": outcome(result),
        "submissions": [{"path": e.received.path, "unit_name": e.name or None, "status": e.status.value,
                         "errors": len(e.received.report.errors), "warnings": len(e.received.report.warnings),
                         "included": e.included, "note": e.note,
                         "merge_findings": [f.to_dict() for f in e.findings]} for e in result.entries],
        "missing": [{"unit_name": r.name, "credit_code": r.credit_code, "roster_line": r.line} for r in result.missing],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
    }
