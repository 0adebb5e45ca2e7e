"""Rules across years (kind CROSS_YEAR): this year's report against the same unit's report of
the year before, generic over the form's declared links (``Carried``: exact, column by column;
``Stock``: last year's stock plus what was added minus what was removed)."""

from __future__ import annotations

import pandas as pd

from gitools.form import FORM
from gitools.form.catalog import RuleKind
from gitools.form.links import Carried, Stock
from gitools.form.model import Form, Table
from gitools.model.findings import Finding, finding
from gitools.model.submission import Submission, at_cell
from gitools.validate.frames import number
from gitools.validate.registry import executes

NOT_COMPARABLE = executes("previous-not-comparable", RuleKind.CROSS_YEAR,
                          ("reason", "path", "last_name", "last_year", "name", "year"), __name__)
for _link in FORM.links:
    executes(_link.rule, RuleKind.CROSS_YEAR, ("last_year",) if isinstance(_link, Carried)
             else ("before", "issued", "repealed"), __name__)


def why_not_comparable(sub: Submission, prev: Submission) -> str | None:
    """Why last year's report cannot be held against this one (a reason of the rule), or None:
    it must be the same unit (by credit code when both have one, else by name), a year before."""
    this_year, last_year = sub.unit.get("report_year"), prev.unit.get("report_year")
    same_unit = (sub.unit.get("credit_code") == prev.unit.get("credit_code")
                 if sub.unit.get("credit_code") and prev.unit.get("credit_code")
                 else sub.unit.get("unit_name") == prev.unit.get("unit_name"))
    if not same_unit:
        return "other-unit"
    return None if isinstance(this_year, int) and last_year == this_year - 1 else "not-adjacent"


def not_comparable(sub: Submission, prev: Submission) -> Finding | None:
    """The finding that last year's report cannot be held against this one, saying why; or None."""
    reason = why_not_comparable(sub, prev)
    if reason is None:
        return None
    return finding(NOT_COMPARABLE, reason=reason, path=prev.path, last_name=prev.unit.get("unit_name"),
                   last_year=prev.unit.get("report_year"), name=sub.unit.get("unit_name"),
                   year=sub.unit.get("report_year"))


def findings(form: Form, sub: Submission, prev: Submission) -> list[Finding]:
    refused = not_comparable(sub, prev)
    if refused is not None:
        return [refused]
    out: list[Finding] = []
    for link in form.links:
        table, now, before = form.table(link.table), sub.tables[link.table], prev.tables[link.table]
        out += (_carried(table, link, now, before, sub, prev) if isinstance(link, Carried)
                else _stock(table, link, now, before, sub, prev))
    return out


def _carried(table: Table, link: Carried, now: pd.DataFrame, before: pd.DataFrame, sub: Submission,
             prev: Submission) -> list[Finding]:
    out = []
    for col in table.columns:
        a, b = now.at[link.this_row, col.key], before.at[link.last_row, col.key]
        if pd.notna(a) and pd.notna(b) and a != b:
            where = at_cell(table, link.this_row, col.key, sub.source(table.key, link.this_row, col.key))
            out.append(finding(link.rule, **where, last_year=prev.unit.get("report_year"),
                               expected=number(b), actual=number(a)))
    return out


def _stock(table: Table, link: Stock, now: pd.DataFrame, before: pd.DataFrame, sub: Submission,
           prev: Submission) -> list[Finding]:
    out = []
    for row in link.rows:
        parts = {"before": before.at[row, link.stock], "issued": now.at[row, link.added],
                 "repealed": now.at[row, link.removed]}
        expected = parts["before"] + parts["issued"] - parts["repealed"]
        actual = now.at[row, link.stock]
        if pd.notna(expected) and pd.notna(actual) and expected != actual:
            where = at_cell(table, row, link.stock, sub.source(table.key, row, link.stock))
            out.append(finding(link.rule, **where, **parts, expected=number(expected), actual=number(actual)))
    return out
