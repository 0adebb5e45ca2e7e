"""Validation run over a batch of Submissions: each kind of rule by its own module
(``validate.kinds``), then the clerks' 说明 attached by identity, the summary's exemptions and
the order a clerk reads. Everything comes out as Findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from gitools.form import FORM
from gitools.form.addresses import split
from gitools.form.catalog import RuleKind
from gitools.form.model import Form
from gitools.form.rules import BY_CODE
from gitools.model.findings import Finding, finding
from gitools.model.submission import Submission
from gitools.validate.frames import Layout
from gitools.validate.kinds import cross_year, field, narrative, relation, value
from gitools.validate.registry import executes

STALE = executes("explanation-stale", RuleKind.EXPLANATION, ("title",), __name__)


_LAYOUTS: dict[int, Layout] = {}


def _layout(form: Form) -> Layout:
    """The form's layout, worked out once per process (by identity: hashing a form is not cheap)."""
    if id(form) not in _LAYOUTS:
        _LAYOUTS[id(form)] = Layout(form)
    return _LAYOUTS[id(form)]


def _explained(form: Form, sub: Submission, found: list[Finding]) -> list[Finding]:
    """Attach the clerk's 说明 by identity; an explanation whose finding has gone is kept as
    a 提示 of its own, so it is neither lost nor silently applied to something else."""
    notes = sub.explanations
    out = [f.explained(notes.get(f.key)) for f in found]
    present = {f.key for f in out}
    for key, text in notes.items():
        if key not in present:
            rule = BY_CODE.get(key.split("@", 1)[0])
            out.append(finding(STALE, key=key, sheet=form.result_sheet,
                               title=rule.title if rule else key).explained(text))
    return out


def validate_all(subs: Sequence[Submission], form: Form = FORM, today: dt.date | None = None,
                 previous: Submission | None = None) -> list[list[Finding]]:
    """The findings on each of many submissions; each schema runs once over all of them.
    With ``previous``, each is also compared with that report of the year before."""
    today = today or dt.date.today()
    found = [list(s.findings) for s in subs]
    if subs:
        layout = _layout(form)
        vectors = layout.vectors([s.figures for s in subs])
        pairs = value.findings(layout, subs, vectors) + relation.findings(layout, subs, vectors)
        pairs += field.findings(form, subs, today)
        for i, f in pairs:
            found[i].append(f)
    for i, sub in enumerate(subs):
        found[i] += narrative.findings(form, sub)
        if previous is not None:
            found[i] += cross_year.findings(form, sub, previous)
        if sub.unit.get("unit_category") == form.summary_category:  # a summary: what applies to units only
            found[i] = [f for f in found[i] if BY_CODE[f.rule].in_summary]
        found[i] = _explained(form, sub, found[i])
    return [sorted(fs, key=lambda f: _order(form, f)) for fs in found]


def validate(sub: Submission, form: Form = FORM, previous: Submission | None = None,
             today: dt.date | None = None) -> list[Finding]:
    """All findings on a submission: what reading met, then every rule of the form."""
    return validate_all([sub], form, today, previous)[0]


def _order(form: Form, f: Finding) -> tuple:
    sheets = [form.info_sheet, form.unit_sheet, *(t.sheet for t in form.tables), form.narrative_sheet]
    rank = sheets.index(f.sheet) if f.sheet in sheets else (-1 if f.sheet is None else len(sheets))
    col, row = split(f.cell) if f.cell else ("", 0)
    return rank, row, len(col), col
