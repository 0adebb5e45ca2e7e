"""The merge's one-screen summary for the terminal, and the same as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gitools.findings import Status
from gitools.merge.combine import MergeResult, problems
from gitools.render import in_words

SHOW = 8  # lines per list before "等 N 个"


def outcome(result: MergeResult) -> bool:
    """Everything expected was merged: each submission in the totals (or replaced by a later
    copy of the same unit), and no unit of the roster missing."""
    def superseded(e) -> bool:
        return any(f.rule == "merge-duplicate" for f in e.findings)

    return not result.missing and all(e.included or superseded(e) for e in result.entries)


def merge_text(result: MergeResult, output: Path, feedback: list[Path] | None = None) -> str:
    lines = [f"汇总 {result.year} 年度：读取 {len(result.entries)} 份报表（{result.verdicts()}）"]
    lines.append(f"计入汇总 {len(result.included)} 份，覆盖 {result.unit_count} 个单位")
    excluded = [e for e in result.entries if not e.included]
    if excluded:
        lines.append(f"未计入 {len(excluded)} 份：")
        for e in excluded[:SHOW]:
            lines.append(f"  ✗ {Path(e.received.path).name}：{e.note}")
            first = next((f for f in e.received.report.findings if f.blocks), None)
            if first is not None and not any(f.rule == "merge-duplicate" for f in e.findings):
                lines.append(f"      {in_words(first)}")  # the first reason, so nobody opens the file to learn it
        if len(excluded) > SHOW:
            lines.append(f"  …等 {len(excluded)} 份，详见汇总表“报送情况”")
    strangers = [e for e in result.entries if any(f.rule == "merge-not-on-roster" for f in e.findings)]
    if strangers:
        lines.append(f"不在应报单位名单中 {len(strangers)} 份（仍计入，请核对名单）：")
        lines += [f"  ? {e.name or Path(e.received.path).name}（{Path(e.received.path).name}）" for e in strangers]
    if result.missing:
        names = "、".join(r.label for r in result.missing[:SHOW])
        more = f"等 {len(result.missing)} 个" if len(result.missing) > SHOW else ""
        lines.append(f"未报送 {len(result.missing)} 个单位：{names}{more}")
    if result.skipped:
        lines.append(f"跳过 {len(result.skipped)} 个其他文件（临时、隐藏或非报表文件，详见“报送情况”）")
    lines.append(f"问题 {len(problems(result))} 条（含未报送），详见汇总表“问题清单”")
    lines.append(f"汇总表：{output}")
    if feedback is not None:
        lines.append(f"退回材料：{len(feedback) - 1} 份标注副本和退回清单，在 {feedback[-1].parent}")
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
