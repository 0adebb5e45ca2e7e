"""Run the schemas and the cross-checks on a Submission; everything comes out as Findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pandera.pandas as pa

from gitools.form import FORM
from gitools.form.addresses import split
from gitools.form.model import Form
from gitools.form.rules import BY_CODE
from gitools.model.findings import Finding, finding
from gitools.model.submission import Submission, at_cell, at_item
from gitools.validate import numbers_in_text as nt
from gitools.validate.checks import NARRATIVE_COUNTS, NARRATIVE_MENTIONS
from gitools.validate.schemas import Layout, field_rows, identities_schema, unit_frame, unit_schema, values_schema

_COMPILED: dict[int, tuple[Layout, pa.DataFrameSchema, pa.DataFrameSchema]] = {}
_UNIT: dict[tuple[int, dt.date], pa.DataFrameSchema] = {}


def _compiled(form: Form) -> tuple[Layout, pa.DataFrameSchema, pa.DataFrameSchema]:
    """The form's layout and table schemas, built once per process."""
    if id(form) not in _COMPILED:
        layout = Layout(form)
        _COMPILED[id(form)] = (layout, values_schema(layout), identities_schema(layout))
    return _COMPILED[id(form)]


def _unit_schema(form: Form, today: dt.date) -> pa.DataFrameSchema:
    if (id(form), today) not in _UNIT:
        _UNIT[(id(form), today)] = unit_schema(form, today)
    return _UNIT[(id(form), today)]


def _failures(schema: pa.DataFrameSchema, df: pd.DataFrame) -> list[tuple[str, int]]:
    """pandera's failure cases as (check, row position), each once."""
    try:
        schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as e:
        cases = e.failure_cases
        seen = dict.fromkeys((check, int(index)) for check, index in zip(cases["check"], cases["index"], strict=True)
                             if index is not None and not pd.isna(index))
        return list(seen)
    return []


# --- one adapter per kind of rule: failures become findings, with no branch per rule -------


def _value_findings(layout: Layout, schema: pa.DataFrameSchema, subs: Sequence[Submission],
                    vectors: np.ndarray) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    cells = len(layout.inputs)
    for rule, index in _failures(schema, layout.values_frame(vectors)):
        i, k = divmod(index, cells)
        table, cell = layout.inputs[k]
        value = float(vectors[i, layout.input_positions[k]])
        where = at_cell(table, cell.row, cell.column, subs[i].source(table.key, cell.row, cell.column))
        out.append((i, finding(rule, **where, value=value, actual=_num(value))))
    return out


def _identity_findings(layout: Layout, schema: pa.DataFrameSchema, subs: Sequence[Submission],
                       vectors: np.ndarray) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    lhs, rhs = layout.identities(vectors)
    count = len(layout.relations)
    reported: set[tuple[int, str, tuple[str, str]]] = set()
    for _, index in _failures(schema, layout.identities_frame(lhs, rhs)):
        i, k = divmod(index, count)
        table, rel = layout.relations[k]
        if (i, rel.rule, rel.anchor) in reported:
            continue
        reported.add((i, rel.rule, rel.anchor))
        row, col = rel.anchor
        left, right = float(lhs[i, k]), float(rhs[i, k])
        where = at_cell(table, row, col, subs[i].source(table.key, row, col))
        out.append((i, finding(rel.rule, **where, lhs=left, rhs=right, diff=abs(left - right),
                               expected=_num(right), actual=_num(left))))
    return out


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def _unit_findings(form: Form, subs: Sequence[Submission], today: dt.date) -> list[tuple[int, Finding]]:
    rows = field_rows(form)
    out: list[tuple[int, Finding]] = []
    for _, index in _failures(_unit_schema(form, today), unit_frame(form, [s.unit for s in subs])):
        i, k = divmod(index, len(rows))
        field, rule, check = rows[k]
        sub = subs[i]
        value = sub.unit.get(field.key)
        problem = check.reason(value, sub.unit, form, today) if check else None
        how = {"reason": problem.reason, **problem.params} if problem else {}
        out.append((i, finding(rule, **at_item(field, sub), value=value, **how,
                               actual=None if value is None else str(value))))
    return out


def _narrative_findings(form: Form, sub: Submission) -> list[Finding]:
    out: list[Finding] = []
    sections = {s.key: s for s in form.sections}

    for link in NARRATIVE_COUNTS:
        stated = next(((key, found) for key in link.sections
                       if (found := nt.stated_count(sub.narrative.get(key, ""), link.patterns)) is not None), None)
        table, row, col = link.cell
        actual = sub.tables[table].at[row, col]
        if stated is None or pd.isna(actual) or stated[1][0] == actual:
            continue
        key, (n, phrase) = stated
        t = form.table(table)
        out.append(finding(link.rule, **at_item(sections[key], sub), phrase=phrase, table=t.sheet, item=t.cell_label(row, col),
                           value=actual, expected=_num(actual), actual=n))
    for m in NARRATIVE_MENTIONS:
        if not any(word in sub.narrative.get(m.section, "") for word in m.words):
            out.append(finding(m.rule, **at_item(sections[m.section], sub)))
    return out


def _previous_findings(form: Form, sub: Submission, prev: Submission) -> list[Finding]:
    this_year, last_year = sub.unit.get("report_year"), prev.unit.get("report_year")
    same_unit = (sub.unit.get("credit_code") == prev.unit.get("credit_code")
                 if sub.unit.get("credit_code") and prev.unit.get("credit_code")
                 else sub.unit.get("unit_name") == prev.unit.get("unit_name"))
    if not same_unit or not isinstance(this_year, int) or last_year != this_year - 1:
        return [finding("previous-not-comparable", path=prev.path, last_name=prev.unit.get("unit_name"),
                        last_year=last_year, name=sub.unit.get("unit_name"), year=this_year)]
    out: list[Finding] = []
    t = form.table("requests")
    now, before = sub.tables["requests"], prev.tables["requests"]
    for col in t.columns:
        a, b = now.at["carried_over", col.key], before.at["carried_forward", col.key]
        if pd.notna(a) and pd.notna(b) and a != b:
            out.append(finding("previous-carry-mismatch", **at_cell(t, "carried_over", col.key,
                                                                    sub.source(t.key, "carried_over", col.key)),
                               last_year=last_year, expected=_num(b), actual=_num(a)))
    a2 = form.table("active")
    now2, before2 = sub.tables["active"], prev.tables["active"]
    for row in ("regulations", "normative_documents"):
        parts = {"before": before2.at[row, "in_force"], "issued": now2.at[row, "issued"],
                 "repealed": now2.at[row, "repealed"]}
        expected = parts["before"] + parts["issued"] - parts["repealed"]
        actual = now2.at[row, "in_force"]
        if pd.notna(expected) and pd.notna(actual) and expected != actual:
            out.append(finding("previous-in-force-mismatch",
                               **at_cell(a2, row, "in_force", sub.source(a2.key, row, "in_force")),
                               **parts, expected=_num(expected), actual=_num(actual)))
    return out


def _explained(form: Form, sub: Submission, found: list[Finding]) -> list[Finding]:
    """Attach the clerk's 说明 by identity; an explanation whose finding has gone is kept as
    a 提示 of its own, so it is neither lost nor silently applied to something else."""
    notes = sub.explanations
    out = [f.explained(notes.get(f.key)) for f in found]
    present = {f.key for f in out}
    for key, text in notes.items():
        if key not in present:
            rule = BY_CODE.get(key.split("@", 1)[0])
            out.append(finding("explanation-stale", key=key, sheet=form.result_sheet,
                               title=rule.title if rule else key).explained(text))
    return out


# --- entry points ------------------------------------------------------------------------


def validate_all(subs: Sequence[Submission], form: Form = FORM, today: dt.date | None = None,
                 previous: Submission | None = None) -> list[list[Finding]]:
    """The findings on each of many submissions; each schema runs once over all of them.
    With ``previous``, each is also compared with that report of the year before."""
    today = today or dt.date.today()
    found = [list(s.findings) for s in subs]
    if subs:
        layout, values, identities = _compiled(form)
        vectors = layout.vectors([[s.tables[t.key].to_numpy() for t in form.tables] for s in subs])
        pairs = _value_findings(layout, values, subs, vectors) + _identity_findings(layout, identities, subs, vectors)
        pairs += _unit_findings(form, subs, today)
        for i, f in pairs:
            found[i].append(f)
    for i, sub in enumerate(subs):
        found[i] += _narrative_findings(form, sub)
        if previous is not None:
            found[i] += _previous_findings(form, sub, previous)
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
