"""The checks behind the declared rules that are not relations over cells, registered by rule
code: unit fields, narrative links. Each check says *why* a value fails (a reason in Chinese,
a parameter of the rule's message) or None; the schemas and the engine only execute them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gitools.form.codes import credit_code_problem, division_code_problem, phone_problem
from gitools.form.model import Form
from gitools.validate import numbers_in_text as nt

Unit = Mapping[str, Any]
Reason = Callable[[Any, Unit, Form, dt.date], str | None]


@dataclass(frozen=True)
class FieldCheck:
    rule: str
    field: str  # the unit field it reports on
    reason: Reason  # (value, whole unit, form, today) → why it fails, or None


def _text(problem: Callable[[str], str | None]) -> Reason:
    return lambda v, unit, form, today: problem(str(v))


def _division_matches(v: Any, unit: Unit, form: Form, today: dt.date) -> str | None:
    code = unit.get("credit_code")
    if not (isinstance(code, str) and isinstance(v, str)) or credit_code_problem(code) or division_code_problem(v):
        return None
    if code[2:8] == v:
        return None
    return f"与统一社会信用代码第3至8位 {code[2:8]} 不一致，请核对（信用代码中是登记机关所在地的区划）"


def _category(v: Any, unit: Unit, form: Form, today: dt.date) -> str | None:
    choices = form.field("unit_category").choices
    return None if v in choices else "不在列表中，请从下拉列表选择"


def _year(v: Any, unit: Unit, form: Form, today: dt.date) -> str | None:
    if isinstance(v, int) and form.first_year <= v <= today.year:
        return None
    return f"有误：应为 {form.first_year} 至 {today.year} 年之间的4位年份"


def _date(v: Any, unit: Unit, form: Form, today: dt.date) -> str | None:
    if not isinstance(v, dt.date) or v > today:
        return "有误：应为日期，不晚于今天"
    year = unit.get("report_year")
    if isinstance(year, int) and v.year < year:
        return f"早于报告年度 {year}，请核对"
    return None


def _count(v: Any, unit: Unit, form: Form, today: dt.date) -> str | None:
    return None if isinstance(v, int) and v >= 1 else "应为正整数"


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
