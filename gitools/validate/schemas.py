"""pandera schemas derived from the form declaration.

Each check is named by its rule code. Identity checks return a boolean frame of the table's
shape that is False only on the anchor cell of a violated relation, so pandera's failure
cases carry (row key, column key) and map straight back to a sheet and cell.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pandera.pandas as pa

from gitools.form.model import FieldType, Form, Relation, Table, ValueType
from gitools.validate.codes import credit_code_problem, division_code_problem, phone_problem

TOLERANCE = 1e-6


def relation_holds(df: pd.DataFrame, rel: Relation) -> bool:
    lhs = [df.at[r, c] for r, c in rel.lhs]
    rhs = [df.at[r, c] for r, c in rel.rhs]
    if any(np.isnan(v) for v in lhs + rhs):
        return True  # an unreadable cell is reported on its own; do not pile on
    diff = sum(lhs) - sum(rhs)
    return diff >= -TOLERANCE if rel.op == ">=" else abs(diff) <= TOLERANCE


def _identity_check(rule: str, relations: list[Relation]) -> pa.Check:
    def check(df: pd.DataFrame) -> pd.DataFrame:
        ok = pd.DataFrame(True, index=df.index, columns=df.columns)
        for rel in relations:
            if not relation_holds(df, rel):
                ok.at[rel.anchor] = False
        return ok

    return pa.Check(check, name=rule)


def table_schema(table: Table) -> pa.DataFrameSchema:
    """Columns typed float; value rules and identities as frame-wide checks (one call each)."""
    whole = pd.DataFrame(False, index=[r.key for r in table.rows], columns=[c.key for c in table.columns])
    for c in table.cells:
        whole.at[c.row, c.column] = c.type is ValueType.COUNT

    def negative(df: pd.DataFrame) -> pd.DataFrame:
        return ~(df < 0)

    def not_whole(df: pd.DataFrame) -> pd.DataFrame:
        return ~(whole & ((df - df.round()).abs() > TOLERANCE))

    by_rule: dict[str, list[Relation]] = {}
    for rel in table.relations:
        by_rule.setdefault(rel.rule, []).append(rel)
    checks = [pa.Check(negative, name="value-negative"), pa.Check(not_whole, name="value-not-whole")]
    checks += [_identity_check(rule, rels) for rule, rels in by_rule.items()]
    return pa.DataFrameSchema(
        {col.key: pa.Column(float, nullable=True) for col in table.columns}, checks=checks,
        index=pa.Index(str, pa.Check.isin([r.key for r in table.rows])),
        strict=True, ordered=True, name=table.key)


# --- the unit's identity -----------------------------------------------------------------


def _text_check(rule: str, problem) -> pa.Check:
    return pa.Check(lambda s: s.map(lambda v: v is None or problem(str(v)) is None), name=rule,
                    ignore_na=True)


def unit_schema(form: Form, today: dt.date) -> pa.DataFrameSchema:
    """A one-row frame of the identity fields. Required fields: not null."""
    checks: dict[FieldType, list[pa.Check]] = {
        FieldType.CREDIT_CODE: [_text_check("credit-code-invalid", credit_code_problem)],
        FieldType.DIVISION_CODE: [_text_check("division-code-invalid", division_code_problem)],
        FieldType.PHONE: [_text_check("phone-invalid", phone_problem)],
        FieldType.YEAR: [pa.Check(lambda s: s.map(
            lambda v: isinstance(v, int) and 2021 <= v <= today.year), name="report-year-invalid",
            ignore_na=True)],
        FieldType.DATE: [pa.Check(lambda s: s.map(
            lambda v: isinstance(v, dt.date) and v <= today), name="date-invalid", ignore_na=True)],
        FieldType.COUNT: [pa.Check(lambda s: s.map(lambda v: isinstance(v, int) and v >= 0),
                                   name="value-not-number", ignore_na=True)],
    }
    columns = {}
    for f in form.fields:
        fchecks = list(checks.get(f.type, []))
        if f.type is FieldType.CHOICE:
            fchecks.append(pa.Check(lambda s, allowed=f.choices: s.map(lambda v: v in allowed),
                                    name="unit-category-invalid", ignore_na=True))
        columns[f.key] = pa.Column(object, checks=fchecks, nullable=not f.required)

    def division_matches(df: pd.DataFrame) -> pd.Series:
        def ok(row) -> bool:
            code, div = row["credit_code"], row["division_code"]
            if not (isinstance(code, str) and isinstance(div, str)):
                return True
            if credit_code_problem(code) or division_code_problem(div):
                return True
            return code[2:8] == div

        return df.apply(ok, axis=1)

    def filled_after_year(df: pd.DataFrame) -> pd.Series:
        def ok(row) -> bool:
            d, y = row["filled_on"], row["report_year"]
            return not (isinstance(d, dt.date) and isinstance(y, int)) or d.year >= y

        return df.apply(ok, axis=1)

    return pa.DataFrameSchema(columns, checks=[
        pa.Check(division_matches, name="division-code-mismatch"),
        pa.Check(filled_after_year, name="date-invalid"),
    ], name="unit")
