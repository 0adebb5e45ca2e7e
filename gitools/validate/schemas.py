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

from gitools.form.model import Form, Relation, Table, ValueType
from gitools.form.rules import UNUSUAL_COUNT
from gitools.validate.checks import FIELD_CHECKS, FieldCheck

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

    def unusual(df: pd.DataFrame) -> pd.DataFrame:
        mask = np.tile(whole, (len(df) // shape[0], 1))
        return ~(mask & (df >= UNUSUAL_COUNT))

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
    checks = [pa.Check(negative, name="value-negative"), pa.Check(not_whole, name="value-not-whole"),
              pa.Check(unusual, name="value-unusually-large")]
    checks += [identity(rule, rels) for rule, rels in by_rule.items()]
    return pa.DataFrameSchema(
        {col.key: pa.Column(float, nullable=True) for col in table.columns}, checks=checks,
        index=pa.Index(int), strict=True, ordered=True, name=table.key)


# --- the unit's identity -----------------------------------------------------------------


def unit_schema(form: Form, today: dt.date) -> pa.DataFrameSchema:
    """One row per report of the identity fields. Fields required in every report: not null;
    every registered field check as a frame-wide check named "rule:field"."""
    columns = {}
    for f in form.fields:
        always = f.required_in(summary=False) and f.required_in(summary=True)
        columns[f.key] = pa.Column(object, nullable=not always)

    def required_by_category(key: str, in_summary: bool) -> pa.Check:
        """A field a unit must fill but a summary need not, or the other way round."""
        def check(df: pd.DataFrame) -> pd.Series:
            summary = df["unit_category"] == form.summary_category
            needed = summary if in_summary else ~summary
            return ~(needed & df[key].isna())

        return pa.Check(check, name=f"unit-field-missing:{key}", ignore_na=False)

    def field_check(fc: FieldCheck) -> pa.Check:
        def check(df: pd.DataFrame) -> pd.Series:
            return pd.Series([v is None or fc.reason(v, row, form, today) is None
                              for v, row in zip(df[fc.field], df.to_dict("records"), strict=True)], index=df.index)

        return pa.Check(check, name=f"{fc.rule}:{fc.field}")

    return pa.DataFrameSchema(columns, checks=[
        *(required_by_category(f.key, f.required_in(summary=True)) for f in form.fields
          if f.required_in(summary=False) != f.required_in(summary=True)),
        *(field_check(fc) for fc in FIELD_CHECKS),
    ], name="unit")
