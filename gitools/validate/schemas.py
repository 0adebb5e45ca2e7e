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


def relation_fails(cube: np.ndarray, table: Table, rel: Relation) -> np.ndarray:
    """Which reports (first axis of a reports × rows × columns cube) break the relation.

    A relation touching an unreadable (NaN) cell holds: that cell is reported on its own.
    """
    rows = {r.key: i for i, r in enumerate(table.rows)}
    cols = {c.key: i for i, c in enumerate(table.columns)}

    def total(refs: tuple[tuple[str, str], ...]) -> np.ndarray:
        return sum(cube[:, rows[r], cols[c]] for r, c in refs)

    lhs, rhs = total(rel.lhs), total(rel.rhs)
    diff = lhs - rhs
    broken = diff < -TOLERANCE if rel.op == ">=" else np.abs(diff) > TOLERANCE
    return broken & ~np.isnan(diff)


def stack(table: Table, frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Many reports' frames of one table as one frame, report after report.

    The index is the position in the stack (pandera cannot post-process frame-wide checks on a
    MultiIndex); ``unstack_position`` turns it back into (report, row key).
    """
    data = np.concatenate([f.to_numpy(dtype="float64") for f in frames]) if frames else \
        np.empty((0, len(table.columns)))
    return pd.DataFrame(data, columns=[c.key for c in table.columns])


def unstack_position(table: Table, position: int) -> tuple[int, str]:
    report, row = divmod(position, len(table.rows))
    return report, table.rows[row].key


def table_schema(table: Table) -> pa.DataFrameSchema:
    """Columns typed float; value rules and identities as frame-wide checks (one call each).

    The frame holds any number of reports stacked (see ``stack``), so a merge of thousands
    of workbooks validates each table in a handful of pandera calls.
    """
    shape = (len(table.rows), len(table.columns))
    rows = {r.key: i for i, r in enumerate(table.rows)}
    cols = {c.key: i for i, c in enumerate(table.columns)}
    whole = np.zeros(shape, dtype=bool)
    for c in table.cells:
        whole[rows[c.row], cols[c.column]] = c.type is ValueType.COUNT

    def negative(df: pd.DataFrame) -> pd.DataFrame:
        return ~(df < 0)

    def not_whole(df: pd.DataFrame) -> pd.DataFrame:
        mask = np.tile(whole, (len(df) // shape[0], 1))
        return ~(mask & ((df - df.round()).abs() > TOLERANCE))

    def identity(rule: str, relations: list[Relation]) -> pa.Check:
        def check(df: pd.DataFrame) -> pd.DataFrame:
            cube = df.to_numpy().reshape(-1, *shape)
            ok = np.ones(cube.shape, dtype=bool)
            for rel in relations:
                r, c = rel.anchor
                ok[relation_fails(cube, table, rel), rows[r], cols[c]] = False
            return pd.DataFrame(ok.reshape(df.shape), index=df.index, columns=df.columns)

        return pa.Check(check, name=rule)

    by_rule: dict[str, list[Relation]] = {}
    for rel in table.relations:
        by_rule.setdefault(rel.rule, []).append(rel)
    checks = [pa.Check(negative, name="value-negative"), pa.Check(not_whole, name="value-not-whole")]
    checks += [identity(rule, rels) for rule, rels in by_rule.items()]
    return pa.DataFrameSchema(
        {col.key: pa.Column(float, nullable=True) for col in table.columns}, checks=checks,
        index=pa.Index(int), strict=True, ordered=True, name=table.key)


# --- the unit's identity -----------------------------------------------------------------


def _text_check(rule: str, problem) -> pa.Check:
    return pa.Check(lambda s: s.map(lambda v: v is None or problem(str(v)) is None), name=rule,
                    ignore_na=True)


def unit_schema(form: Form, today: dt.date) -> pa.DataFrameSchema:
    """One row per report of the identity fields. Fields required in every report: not null."""
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
        always = f.required_in(summary=False) and f.required_in(summary=True)
        columns[f.key] = pa.Column(object, checks=fchecks, nullable=not always)

    def required_by_category(key: str, in_summary: bool) -> pa.Check:
        """A field a unit must fill but a summary need not, or the other way round."""
        def check(df: pd.DataFrame) -> pd.Series:
            summary = df["unit_category"] == form.summary_category
            needed = summary if in_summary else ~summary
            return ~(needed & df[key].isna())

        return pa.Check(check, name=f"unit-field-missing:{key}", ignore_na=False)

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

    # frame-wide checks are named "rule:field" for the one field they report on
    return pa.DataFrameSchema(columns, checks=[
        *(required_by_category(f.key, f.required_in(summary=True)) for f in form.fields
          if f.required_in(summary=False) != f.required_in(summary=True)),
        pa.Check(division_matches, name="division-code-mismatch:division_code"),
        pa.Check(filled_after_year, name="date-invalid:filled_on"),
    ], name="unit")
