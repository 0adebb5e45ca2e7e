"""Rules on the unit's identity (kind FIELD): each field filled where it must be, and each
registered field check holding. A check says *why* a value fails (a ``Problem``: one of the
rule's reasons and its parameters; the words are the catalog's) or None; all of them run as
one pandera check over the long frame of every report's fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from gitools.form.catalog import RuleKind
from gitools.form.codes import Problem, credit_code_problem, division_code_problem, phone_problem
from gitools.form.model import Form, UnitField
from gitools.model.findings import Finding, finding
from gitools.model.submission import Submission, at_item
from gitools.validate.backend import Schema, compiled, failures, object_frame, unit_schema
from gitools.validate.registry import executes

MISSING = executes("unit-field-missing", RuleKind.FIELD, ("value",), __name__)

Unit = Mapping[str, Any]
Reason = Callable[[Any, Unit, Form, dt.date], Problem | None]


@dataclass(frozen=True)
class FieldCheck:
    rule: str
    field: str  # the unit field it reports on
    reason: Reason  # (value, whole unit, form, today) → why it fails, or None
    params: tuple[str, ...] = ()  # what its Problems pass to the rule's templates, besides the value

    def __post_init__(self) -> None:
        executes(self.rule, RuleKind.FIELD, ("value", "reason", *self.params), __name__)


def _text(problem: Callable[[str], Problem | None]) -> Reason:
    return lambda v, unit, form, today: problem(str(v))


def _division_matches(v: Any, unit: Unit, form: Form, today: dt.date) -> Problem | None:
    code = unit.get("credit_code")
    if not (isinstance(code, str) and isinstance(v, str)) or credit_code_problem(code) or division_code_problem(v):
        return None
    return None if code[2:8] == v else Problem(None, {"registered": code[2:8]})


def _category(v: Any, unit: Unit, form: Form, today: dt.date) -> Problem | None:
    return None if v in form.field("unit_category").choices else Problem()


def _year(v: Any, unit: Unit, form: Form, today: dt.date) -> Problem | None:
    if isinstance(v, int) and form.first_year <= v <= today.year:
        return None
    return Problem(None, {"first": form.first_year, "last": today.year})


def _date(v: Any, unit: Unit, form: Form, today: dt.date) -> Problem | None:
    if not isinstance(v, dt.date) or v > today:
        return Problem("not-a-date")
    year = unit.get("report_year")
    return Problem("before-year", {"year": year}) if isinstance(year, int) and v.year < year else None


def _count(v: Any, unit: Unit, form: Form, today: dt.date) -> Problem | None:
    return None if isinstance(v, int) and v >= 1 else Problem()


FIELD_CHECKS: tuple[FieldCheck, ...] = (
    FieldCheck("credit-code-invalid", "credit_code", _text(credit_code_problem), ("length", "characters")),
    FieldCheck("division-code-invalid", "division_code", _text(division_code_problem)),
    FieldCheck("division-code-mismatch", "division_code", _division_matches, ("registered",)),
    FieldCheck("unit-category-invalid", "unit_category", _category),
    FieldCheck("report-year-invalid", "report_year", _year, ("first", "last")),
    FieldCheck("phone-invalid", "phone", _text(lambda p: phone_problem(p))),
    FieldCheck("date-invalid", "filled_on", _date, ("year",)),
    FieldCheck("unit-count-invalid", "unit_count", _count),
)


def field_rows(form: Form) -> tuple[tuple[UnitField, str, FieldCheck | None], ...]:
    """The unit frame's rows for one report: each field (is it filled?), then each registered
    field check (does it hold?), as (field, rule, check)."""
    return (*((f, MISSING, None) for f in form.fields),
            *((form.field(fc.field), fc.rule, fc) for fc in FIELD_CHECKS))


def _holds(form: Form, today: dt.date) -> Callable[[np.ndarray], np.ndarray]:
    """Reports × rows of values → which hold: the required fields filled (which are required
    depends on whether the report is a summary), and every field check."""
    rows = field_rows(form)
    keys = [f.key for f in form.fields]
    category = keys.index("unit_category")
    for_unit = np.array([f.required_in(summary=False) for f in form.fields])
    for_summary = np.array([f.required_in(summary=True) for f in form.fields])

    def holds(values: np.ndarray) -> np.ndarray:
        ok = np.ones(values.shape, dtype=bool)
        fields = values[:, :len(keys)]  # the first rows of a report hold each field's value
        summary = (fields[:, category] == form.summary_category)[:, None]
        ok[:, :len(keys)] = ~(np.where(summary, for_summary[None, :], for_unit[None, :]) & pd.isna(fields))
        for i, unit in enumerate(fields):
            record = dict(zip(keys, unit, strict=True))
            for j, (_, _, fc) in enumerate(rows[len(keys):], start=len(keys)):
                v = values[i, j]
                if fc is not None and v is not None and not pd.isna(v):
                    ok[i, j] = fc.reason(v, record, form, today) is None
        return ok

    return holds


def _schema(form: Form, today: dt.date) -> Schema:
    return compiled(("unit", id(form), today), lambda: unit_schema(_holds(form, today), len(field_rows(form))))


def findings(form: Form, subs: Sequence[Submission], today: dt.date) -> list[tuple[int, Finding]]:
    rows = field_rows(form)
    frame = object_frame([s.unit.get(f.key) for s in subs for f, _, _ in rows])
    out: list[tuple[int, Finding]] = []
    for _, index in failures(_schema(form, today), frame):
        i, k = divmod(index, len(rows))
        field, rule, check = rows[k]
        sub = subs[i]
        value = sub.unit.get(field.key)
        problem = check.reason(value, sub.unit, form, today) if check else None
        how = {"reason": problem.reason, **problem.params} if problem else {}
        out.append((i, finding(rule, **at_item(field, sub), value=value, **how,
                               actual=None if value is None else str(value))))
    return out
