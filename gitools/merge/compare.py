"""Year over year: this merge against last year's summary, for the county and per unit.

Last year's per-unit figures come from the 明细 of the summary gitools wrote then; units are
matched by 统一社会信用代码, else by name, and those found in one year only are listed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gitools.form.indicators import INDICATORS
from gitools.form.model import Form
from gitools.form.sheets import SUMMARY_PROPERTY
from gitools.inputs.summary import detail_rows
from gitools.io.rawbook import RawBook
from gitools.merge.combine import MergeResult
from gitools.model.figures import Figures
from gitools.model.submission import Submission
from gitools.model.values import compact


class NotComparable(Exception):
    """``str(e)`` says in Chinese why last year's file cannot be compared with."""


@dataclass(frozen=True)
class Year:
    year: int
    total: dict[str, float]
    units: list[tuple[str | None, str | None, dict[str, float]]]  # name, credit code, figures


def previous_year(path: Path, sub: Submission, book: RawBook, form: Form, this_year: int | None) -> Year:
    """Last year's summary (as read from ``path``), checked: written by gitools, one year before
    this merge."""
    if book.properties.get(SUMMARY_PROPERTY) != "1":
        raise NotComparable(f"{path} 不是 gitools 生成的汇总表（没有“明细”），无法逐单位比较")
    year = sub.unit.get("report_year")
    if not isinstance(year, int) or (this_year is not None and year != this_year - 1):
        wanted = f"{this_year - 1} 年度" if this_year is not None else "上一年度"
        raise NotComparable(f"{path} 是 {year} 年度的汇总表，本次汇总 {this_year} 年度，应为 {wanted}")
    cells = form.input_cells
    units = [(name, code, Figures.from_inputs(form, values).indicators())
             for name, code, values in detail_rows(book, len(cells))]
    total = {i.key: sum(u[2][i.key] for u in units) for i in INDICATORS}
    return Year(int(year), total, units)


def this_year(result: MergeResult, form: Form) -> Year:
    units = [(e.name or None, e.received.unit.get("credit_code"), Figures.from_inputs(form, e.received.values).indicators())
             for e in result.included]
    return Year(result.year or 0, Figures.from_inputs(form, result.totals).indicators(), units)


def _change(now: float, before: float) -> tuple[float, str]:
    diff = now - before
    return diff, f"{diff / before:+.1%}" if before else ("—" if not now else "新增")


def county_rows(now: Year, before: Year) -> Iterator[list[object]]:
    for i in INDICATORS:
        a, b = now.total[i.key], before.total[i.key]
        yield [i.label, a, b, *_change(a, b)]


def unit_rows(now: Year, before: Year) -> Iterator[list[object]]:
    """One row per unit of either year, matched by credit code, else by name."""
    def keys(name: str | None, code: str | None) -> list[str]:
        return [k for k in (code, compact(name or "")) if k]

    index: dict[str, int] = {}
    for j, (name, code, _) in enumerate(before.units):
        for k in keys(name, code):
            index.setdefault(k, j)
    matched: set[int] = set()
    for name, code, now_figures in now.units:
        found = next((index[k] for k in keys(name, code) if k in index), None)
        if found is not None:
            matched.add(found)
        before_figures = before.units[found][2] if found is not None else {}
        yield [name, code, "两年均有" if found is not None else f"仅 {now.year} 年度",
               *(x for i in INDICATORS for x in (now_figures[i.key], before_figures.get(i.key)))]
    for j, (name, code, before_figures) in enumerate(before.units):
        if j not in matched:
            yield [name, code, f"仅 {before.year} 年度", *(x for i in INDICATORS for x in (None, before_figures[i.key]))]
