"""`gitools merge` end to end: find the files, read them in parallel, combine, write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gitools.form import FORM
from gitools.form.model import Form
from gitools.form.sheets import SUMMARY_PROPERTY
from gitools.inputs.kinds import SUBMISSION_SUFFIXES
from gitools.inputs.kinds import read_book as read
from gitools.inputs.read import read_with_book
from gitools.inputs.roster import RosterError, read_roster
from gitools.io.discover import discover
from gitools.io.paths import clashes
from gitools.io.rawbook import UnreadableWorkbook
from gitools.jobs.progress import Progress, counting, silent
from gitools.jobs.receive import read_all
from gitools.merge.combine import MergeResult, combine
from gitools.merge.compare import NotComparable, county_rows, previous_year, this_year, unit_rows
from gitools.merge.identity import summary_unit
from gitools.model.findings import FileReport
from gitools.model.submission import NotReadable
from gitools.model.values import compact
from gitools.outputs.xlsx.summary import YearOverYear, write_summary
from gitools.outputs.xlsx.summary.about import NO_ROSTER, ROSTER_LABEL


class MergeError(Exception):
    """The merge cannot go ahead; ``str(e)`` says why in Chinese (exit code 2); ``reports`` are the
    verdicts on the files read before it stopped, for a script to see what it sent."""

    def __init__(self, message: str, reports: list[FileReport] | None = None) -> None:
        super().__init__(message)
        self.reports = reports or []


class DoubleCount(MergeError):
    """A summary and units it already holds were both given."""


def _previous_output(path: Path) -> bool:
    """Whether ``path`` is a summary this command wrote before (safe to replace)."""
    try:
        return read(path).properties.get(SUMMARY_PROPERTY) == "1"
    except UnreadableWorkbook:
        return False


def plan(inputs: list[Path], output: Path, protected: list[Path | None] | None = None) -> tuple[list[Path], list]:
    """The workbooks to read; refuses an output that is one of them, or one of ``protected``
    (the roster, last year's summary)."""
    out = output.resolve()
    for _, given in clashes([output], [*(p for p in inputs if p.is_file()), *(protected or [])]):
        raise MergeError(f"输出文件 {output} 是输入文件之一（{given}），不能覆盖；请换一个输出文件名")
    exclude = set()
    if out.is_file():
        if not _previous_output(out):
            folders = [p.resolve() for p in inputs if p.is_dir()]
            if any(out.is_relative_to(f) for f in folders):
                raise MergeError(f"输出文件 {output} 已存在且位于输入文件夹中（可能是某单位的报表），不能覆盖；"
                                 "请换一个输出文件名或位置")
        exclude.add(out)
    found, skipped = discover(inputs, SUBMISSION_SUFFIXES, exclude=exclude)
    return found, skipped


def merge(inputs: list[Path], output: Path, *, form: Form = FORM, roster: Path | None = None,
          previous: Path | None = None,
          year: int | None = None, include_invalid: bool = False, workers: int | None = None,
          identity: dict[str, object] | None = None, today: dt.date | None = None,
          progress: Progress = silent) -> MergeResult:
    """Merge and write the summary; raise MergeError when there is nothing sound to write."""
    today = today or dt.date.today()
    expected = None
    if roster is not None:
        try:
            expected = read_roster(roster)
        except RosterError as e:
            raise MergeError(str(e)) from e
    files, skipped = plan(inputs, output, [roster, previous])
    if not files:
        raise MergeError("没有找到可汇总的工作簿（.xlsx）" + (f"；跳过了 {len(skipped)} 个其他文件" if skipped else ""))
    received = list(read_all(files, form, workers=workers, today=today,
                             progress=counting(progress, len(files))))
    result = combine(received, form, year=year, include_invalid=include_invalid, roster=expected, skipped=skipped)
    if result.collisions:
        lines = [f"  {c.message}" for c in result.collisions]
        raise DoubleCount("输入中既有汇总表，又有该汇总表已包含的单位报表，合并会重复计算，未生成汇总表：\n"
                          + "\n".join(lines) + "\n请去掉汇总表或其所含单位的报表后重试")
    if not result.included:
        raise MergeError(f"没有可计入汇总的报表（共读取 {len(received)} 份，均未通过校验、无法读取或年度不符）",
                         [r.report for r in received])
    how = [("计入条件", "全部报表（含未通过校验的，已在明细中标明）" if include_invalid else
            "没有强制项问题、核实项均已写明说明的报表；未通过的报表未计入，见“报送情况”"),
           (ROSTER_LABEL, f"{roster.name}（{len(expected)} 个单位）" if roster and expected else NO_ROSTER)]
    yoy = None
    if previous is not None:
        try:
            sub, book = read_with_book(previous, form)
        except NotReadable as e:
            raise MergeError(f"上年汇总表 {previous} 无法读取：{e}") from e
        try:
            before = previous_year(previous, sub, book, form, result.year)
        except NotComparable as e:
            raise MergeError(str(e)) from e
        now = this_year(result, form)
        yoy = YearOverYear(now.year, before.year, list(county_rows(now, before)), unit_rows(now, before))
        how.append(("同比", f"与 {previous.name}（{before.year} 年度，{len(before.units)} 个单位）比较，见“同比”"))
    unit = summary_unit(result, form, identity or {}, today)
    if previous is not None and (other := _another_summary(sub.unit, unit)):
        result.notes.append(f"核实：上年汇总表 {previous.name} 是{other}，本次汇总是{_who(unit)}，不是同一汇总单位；"
                            "“同比”仅供参考，请核对是否选错了文件")
        how.append(("同比提醒", result.notes[-1]))
    write_summary(result, form, output, unit, how, yoy)
    return result


def _who(unit: dict) -> str:
    name, code = unit.get("unit_name"), unit.get("division_code")
    return f"“{name or '未写名称'}”（行政区划代码 {code or '未填'}）"


def _another_summary(last: dict, now: dict) -> str | None:
    """Last year's summary in words when it is not this one's unit: another name, or another
    division, where both have one."""
    differs = [k for k in ("unit_name", "division_code") if last.get(k) and now.get(k)
               and compact(str(last[k])) != compact(str(now[k]))]
    return _who(last) if differs else None
