"""Decide what enters the county totals, and why: pure functions over what was read.

Which year is summed, which copy of a unit that reported twice is kept, which units of the
roster are missing or unknown, whether a summary and its own units were handed in together,
and the totals of the input cells over the included submissions.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from gitools.form.codes import phone_problem
from gitools.form.model import Form
from gitools.inputs.roster import RosterEntry, normalise_code
from gitools.io.discover import Skipped
from gitools.merge.received import Received
from gitools.model.findings import STATUS_ZH, Finding, Status, finding
from gitools.model.values import compact


@dataclass
class Entry:
    """One submission's line in 报送情况."""

    received: Received
    included: bool = False
    note: str = ""
    roster: RosterEntry | None = None
    findings: list[Finding] = field(default_factory=list)  # what the merge itself found
    superseded: bool = False  # a later copy of the same unit was taken instead
    stranger: bool = False  # not on the roster (still counted)

    @property
    def name(self) -> str:
        return str(self.received.unit.get("unit_name") or "")

    @property
    def status(self) -> Status:
        return self.received.report.status

    @property
    def all_findings(self) -> list[Finding]:
        """What the merge found, then what validating the file found."""
        return [*self.findings, *self.received.report.findings]

    @property
    def contact(self) -> tuple[str | None, str | None]:
        """Whom to call about this file: the 填报人 it gives, else the roster's; and the number to
        dial (see ``phone``)."""
        unit, r = self.received.unit, self.roster
        return unit.get("preparer") or (r.contact if r else None), self.phone[0]

    @property
    def phone(self) -> tuple[str | None, str]:
        return phone_to_dial(self.received.unit.get("phone"), self.roster.phone if self.roster else None)


def phone_to_dial(given: object, listed: str | None) -> tuple[str | None, str]:
    """The number to dial and where it is from: the workbook's when it is a valid number, else
    the roster's (a county must not dial the very number that is the problem)."""
    mine = str(given) if given else None
    if mine and phone_problem(mine) is None:
        return mine, "工作簿"
    if listed:
        return listed, "名单"
    return mine, "工作簿（号码有误）" if mine else ""


@dataclass
class MergeResult:
    year: int | None
    entries: list[Entry]
    missing: list[RosterEntry]
    skipped: list[Skipped]
    collisions: list[Finding]  # merge-double-count: a summary and units it holds, both handed in
    totals: list[float]  # over form.input_cells, summed over included entries
    unit_count: int  # units behind the totals (a summary counts for the units it holds)
    notes: list[str] = field(default_factory=list)  # what the county should check (a 同比 of another county)

    @property
    def included(self) -> list[Entry]:
        return [e for e in self.entries if e.included]

    def count(self, status: Status) -> int:
        return sum(1 for e in self.entries if e.status is status)

    def verdicts(self) -> str:
        """The files received, by verdict, in words: "通过 6 份，未通过 1 份"."""
        return "，".join(f"{STATUS_ZH[s]} {self.count(s)} 份" for s in Status if self.count(s))


# --- identity of a unit ------------------------------------------------------------------


def _keys(unit: dict) -> set[str]:
    keys = set()
    if code := normalise_code(unit.get("credit_code") or ""):
        keys.add("code:" + code)
    if unit.get("unit_name"):
        keys.add("name:" + compact(unit["unit_name"]))
    return keys


def _member_keys(name: str | None, code: str | None) -> set[str]:
    return _keys({"unit_name": name, "credit_code": code})


def _groups(entries: list[Entry]) -> list[list[Entry]]:
    """Entries that are the same unit: same credit code or same name (transitively)."""
    parent = list(range(len(entries)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, e in enumerate(entries):
        for key in _keys(e.received.unit):
            if key in owner:
                parent[root(i)] = root(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[Entry]] = {}
    for i, e in enumerate(entries):
        groups.setdefault(root(i), []).append(e)
    return list(groups.values())


# --- the steps ---------------------------------------------------------------------------


def choose_year(received: list[Received]) -> int | None:
    """The year most submissions report (the later one on a tie)."""
    years = Counter(r.unit.get("report_year") for r in received if r.readable)
    years = Counter({y: n for y, n in years.items() if isinstance(y, int)})
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def _filled_on(e: Entry) -> dt.date:
    d = e.received.unit.get("filled_on")
    return d if isinstance(d, dt.date) else dt.date.min


def _drop_duplicates(entries: list[Entry]) -> list[Entry]:
    """Keep, for each unit, the copy filled in last (else the newer file)."""
    kept = []
    for group in _groups(entries):
        group.sort(key=lambda e: (_filled_on(e), e.received.modified), reverse=True)
        keep, *dropped = group
        kept.append(keep)
        for d in dropped:
            why = ("填报日期较晚" if _filled_on(keep) > _filled_on(d) else "填报日期相同，文件较新")
            d.note = f"重复报送，已采用 {Path(keep.received.path).name}（{why}）"
            d.findings.append(finding("merge-duplicate", unit=d.name, kept=keep.received.path, why=why))
            d.superseded = True
    return kept


def problems(result: MergeResult) -> list[tuple[str | None, str | None, Finding]]:
    """Every problem of the merge as (unit, file, finding): the rows of 问题清单, counted alike
    on the terminal. Units of the roster that sent nothing are problems too."""
    rows: list[tuple[str | None, str | None, Finding]] = [
        (e.name or None, e.received.path, f) for e in result.entries for f in e.all_findings]
    rows += [(r.label, None, finding("merge-missing", unit=r.label, line=r.line)) for r in result.missing]
    return rows


def _collisions(entries: list[Entry]) -> list[Finding]:
    """Summaries whose units (or whose fellow summaries' units) are also among the entries."""
    def members(e: Entry) -> set[str]:
        return set().union(*(_member_keys(n, c) for n, c in e.received.members))

    out = []
    for s in entries:
        inside = members(s)
        for other in entries:
            if other is s or not inside:
                continue
            overlap = (other.received.members and other.received.path > s.received.path and inside & members(other))
            if _keys(other.received.unit) & inside or overlap:
                out.append(finding("merge-double-count", summary=s.received.path, other=other.received.path,
                                   unit=other.name or "该单位"))
    return out


def _match_roster(entries: list[Entry], roster: list[RosterEntry]) -> list[RosterEntry]:
    """Tie each submission to its roster line; return the roster lines nobody answered."""
    by_key: dict[str, RosterEntry] = {}
    for r in roster:
        for key in _member_keys(r.name, r.credit_code):
            by_key.setdefault(key, r)
    answered: set[int] = set()
    for e in entries:
        match = next((by_key[k] for k in sorted(_keys(e.received.unit)) if k in by_key), None)
        if match is None and not e.received.readable:  # an unreadable file named after its unit
            stem = compact(Path(e.received.path).stem)
            match = next((r for r in roster if r.name and compact(r.name) in stem), None)
        e.roster = match
        if match is not None:
            answered.add(id(match))
        elif e.received.readable:
            e.findings.append(finding("merge-not-on-roster", unit=e.name or e.received.path))
            e.stranger = True
    return [r for r in roster if id(r) not in answered]


def combine(received: list[Received], form: Form, *, year: int | None = None, include_invalid: bool = False,
            roster: list[RosterEntry] | None = None, skipped: list[Skipped] | None = None) -> MergeResult:
    received = sorted(received, key=lambda r: r.path)
    entries = [Entry(r) for r in received]
    year = year or choose_year(received)
    current: list[Entry] = []
    for e in entries:
        unit_year = e.received.unit.get("report_year")
        if not e.received.readable:
            e.note = "文件无法读取，未计入"
        elif unit_year != year:
            e.note = f"报告年度为 {unit_year or '未填'}，不是 {year} 年度，未计入"
            e.findings.append(finding("merge-year-mismatch", unit=e.name or e.received.path, year=unit_year or "未填",
                                      merge_year=year))
        else:
            current.append(e)
    kept = _drop_duplicates(current)
    for e in kept:
        if e.status is Status.FAILED and not include_invalid:
            e.note = f"有 {len(e.received.report.errors)} 个错误，未计入（改正后重新报送，或使用 --include-invalid）"
        else:
            e.included = True
            e.note = "有错误，按 --include-invalid 计入" if e.status is Status.FAILED else "已计入"
    missing = _match_roster(entries, roster) if roster else []
    collisions = _collisions([e for e in kept if e.included])
    cells = form.input_cells
    totals = [0.0] * len(cells)
    unit_count = 0
    for e in entries:
        if not e.included:
            continue
        for i, v in enumerate(e.received.values):
            if not math.isnan(v):
                totals[i] += v
        count = e.received.unit.get("unit_count")
        summary = e.received.unit.get("unit_category") == form.summary_category
        unit_count += count if summary and isinstance(count, int) and count > 0 else 1
    totals = [round(t, 6) for t in totals]  # amounts in 万元: no 0.30000000000000004
    return MergeResult(year, entries, missing, skipped or [], collisions, totals, unit_count)


def outcome(result: MergeResult) -> bool:
    """Everything expected was merged: each submission in the totals (or replaced by a later
    copy of the same unit), and no unit of the roster missing."""
    return not result.missing and all(e.included or e.superseded for e in result.entries)
