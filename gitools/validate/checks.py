"""The checks behind the declared rules that are not relations over cells, registered by rule
code: unit fields, narrative links. Each field check says *why* a value fails (a ``Problem``:
one of the rule's reasons and its parameters; the words are the catalog's) or None; the
schemas and the engine only execute them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gitools.form.codes import Problem, credit_code_problem, division_code_problem, phone_problem
from gitools.form.model import Form
from gitools.validate import numbers_in_text as nt

Unit = Mapping[str, Any]
Reason = Callable[[Any, Unit, Form, dt.date], Problem | None]


@dataclass(frozen=True)
class FieldCheck:
    rule: str
    field: str  # the unit field it reports on
    reason: Reason  # (value, whole unit, form, today) → why it fails, or None


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
    FieldCheck("credit-code-invalid", "credit_code", _text(credit_code_problem)),
    FieldCheck("division-code-invalid", "division_code", _text(division_code_problem)),
    FieldCheck("division-code-mismatch", "division_code", _division_matches),
    FieldCheck("unit-category-invalid", "unit_category", _category),
    FieldCheck("report-year-invalid", "report_year", _year),
    FieldCheck("phone-invalid", "phone", _text(lambda p: phone_problem(p))),
    FieldCheck("date-invalid", "filled_on", _date),
    FieldCheck("unit-count-invalid", "unit_count", _count),
)


@dataclass(frozen=True)
class NarrativeCount:
    """A count the text states, which must equal a cell of the tables."""

    rule: str
    sections: tuple[str, ...]  # searched in this order; the first that states a count is used
    patterns: tuple[Any, ...]
    cell: tuple[str, str, str]  # (table, row, column)


@dataclass(frozen=True)
class NarrativeMention:
    """Something the text must mention at all."""

    rule: str
    section: str
    words: tuple[str, ...]


_OVERVIEW = ("overview_requests", "overview", "overview_active", "overview_management")
NARRATIVE_COUNTS: tuple[NarrativeCount, ...] = (
    NarrativeCount("narrative-requests-mismatch", _OVERVIEW, nt.REQUESTS_RECEIVED, ("requests", "new", "total")),
    NarrativeCount("narrative-documents-mismatch",
                   ("overview_management", "overview_active", "overview", "other_matters"),
                   nt.DOCUMENTS_ISSUED, ("active", "normative_documents", "issued")),
)
NARRATIVE_MENTIONS: tuple[NarrativeMention, ...] = (
    NarrativeMention("narrative-fee-missing", "other_matters", ("处理费", "收费", "收取")),
)
