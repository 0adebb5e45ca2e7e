"""Findings for people (text) and for programs (JSON); both render the same objects."""

from __future__ import annotations

from typing import Any

from gitools.findings import STATUS_ZH, FileReport, Finding
from gitools.form.model import Severity
from gitools.reader import Submission
from gitools.values import plain

MARK = {Severity.ERROR: "✗", Severity.WARNING: "⚠"}


def in_words(f: Finding) -> str:
    """A finding in one sentence: where, then what."""
    return f"{f.where}：{f.message}" if f.where else f.message


def first_problems(findings: list[Finding], n: int = 3) -> str:
    """What a unit must deal with first, in words: what blocks, else what informs."""
    chosen = [f for f in findings if f.blocks] or list(findings)
    text = "；\n".join(f"〔{f.level_words}〕{in_words(f)}" for f in chosen[:n])
    return text + (f"；\n等共 {len(chosen)} 条" if len(chosen) > n else "")


def finding_line(f: Finding) -> str:
    """One finding for the terminal: mark, level, where, what, rule; then the clerk's 说明."""
    where = f"{f.where}：" if f.where else ""
    line = f"  {MARK[f.severity]} {f.level_words}  {where}{f.message}  〔{f.rule}〕"
    return line + (f"\n      说明：{f.explanation}" if f.explanation else "")


def text_report(reports: list[FileReport]) -> str:
    lines: list[str] = []
    for r in reports:
        lines.append(f"文件：{r.path}")
        lines.append(f"结论：{r.verdict()}")
        lines += [finding_line(f) for f in r.findings]
        lines.append("")
    if len(reports) > 1:
        by = {s: sum(1 for r in reports if r.status is s) for s in STATUS_ZH}
        lines.append("合计：" + "，".join(f"{STATUS_ZH[s]} {n} 个" for s, n in by.items() if n))
    return "\n".join(lines).rstrip() + "\n"


def json_report(reports: list[FileReport]) -> dict[str, Any]:
    return {"files": [r.to_dict() for r in reports]}


def export(sub: Submission) -> dict[str, Any]:
    """The values as read: the interchange other systems and our tests use."""
    return {
        "unit": {k: plain(v) for k, v in sub.unit.items()},
        "tables": {key: {row: {col: plain(v) for col, v in values.items()}
                         for row, values in df.to_dict(orient="index").items()}
                   for key, df in sub.tables.items()},
        "narrative": dict(sub.narrative),
    }
