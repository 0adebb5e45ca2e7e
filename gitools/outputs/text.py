"""Findings and merge results for people: the terminal's words. ``outputs.json`` renders the
same objects for programs."""

from __future__ import annotations

from pathlib import Path

from gitools.form.catalog import Severity
from gitools.merge.combine import MergeResult, problems
from gitools.model.findings import STATUS_ZH, FileReport, Finding

SHOW = 8  # lines per list before "等 N 个"
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


def merge_text(result: MergeResult, output: Path, feedback: list[Path] | None = None) -> str:
    lines = [f"汇总 {result.year} 年度：读取 {len(result.entries)} 份报表（{result.verdicts()}）"]
    lines.append(f"计入汇总 {len(result.included)} 份，覆盖 {result.unit_count} 个单位")
    excluded = [e for e in result.entries if not e.included]
    if excluded:
        lines.append(f"未计入 {len(excluded)} 份：")
        for e in excluded[:SHOW]:
            lines.append(f"  ✗ {Path(e.received.path).name}：{e.note}")
            first = next((f for f in e.received.report.findings if f.blocks), None)
            if first is not None and not e.superseded:
                lines.append(f"      {in_words(first)}")  # the first reason, so nobody opens the file to learn it
        if len(excluded) > SHOW:
            lines.append(f"  …等 {len(excluded)} 份，详见汇总表“报送情况”")
    strangers = [e for e in result.entries if e.stranger]
    if strangers:
        lines.append(f"不在应报单位名单中 {len(strangers)} 份（仍计入，请核对名单）：")
        lines += [f"  ? {e.name or Path(e.received.path).name}（{Path(e.received.path).name}）" for e in strangers]
    if result.missing:
        names = "、".join(r.label for r in result.missing[:SHOW])
        more = f"等 {len(result.missing)} 个" if len(result.missing) > SHOW else ""
        lines.append(f"未报送 {len(result.missing)} 个单位：{names}{more}")
    if result.skipped:
        lines.append(f"跳过 {len(result.skipped)} 个其他文件（临时、隐藏或非报表文件，详见“报送情况”）")
    count = len(problems(result))
    lines.append(f"问题 {count} 条（含未报送），详见汇总表“问题清单”" if count else "问题：无")
    lines += [f"! {note}" for note in result.notes]
    lines.append(f"汇总表：{output}")
    if feedback is not None:
        lines.append(f"退回材料：{len(feedback) - 1} 份标注副本和退回清单，在 {feedback[-1].parent}")
    return "\n".join(lines) + "\n"


def findings(reports: list[FileReport], annotated: list[Path]) -> str:
    """`gitools validate` on the terminal: each file's verdict and findings, then the copies written."""
    return text_report(reports) + "".join(f"已写出标注副本：{out}\n" for out in annotated)
