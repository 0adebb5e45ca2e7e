"""pandera schemas derived from the form declaration, over long frames.

Many reports are validated in one call per schema, and pandera's cost is per check (a check
that fails costs several milliseconds of error bookkeeping), so the data are laid out long:
- ``values``: one row per report and input cell, the checks named by their rule codes;
- ``identities``: one row per report and identity of the form (its two sides, summed), with
  one check that every identity holds; the rule of a failing row is its identity's;
- ``unit``: one row per report and field (filled?) or field check (holds?), with one check;
  the rule of a failing row is its field check's.
A failing row's position says which report and which cell, identity or field it is (the
engine's adapters divide it by the rows a report has), so every finding names its sheet and cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
import pandera.pandas as pa

from gitools.form.model import Cell, Form, Relation, Table, UnitField, ValueType
from gitools.form.rules import UNUSUAL_COUNT
from gitools.validate.checks import FIELD_CHECKS, FieldCheck

TOLERANCE = 1e-6
IDENTITY = "identity"  # the check on the identities frame; each row's rule is its relation's


@dataclass(frozen=True)
class Layout:
    """Where each table cell sits in a report's flat vector of values (the tables' grids one
    after another), and the form's identities as sums over that vector."""

    form: Form

    @cached_property
    def offsets(self) -> dict[str, int]:
        out, start = {}, 0
        for t in self.form.tables:
            out[t.key] = start
            start += t.shape[0] * t.shape[1]
        return out

    @cached_property
    def size(self) -> int:
        return sum(t.shape[0] * t.shape[1] for t in self.form.tables)

    def position(self, table: Table, row: str, column: str) -> int:
        return self.offsets[table.key] + table.flat_positions[(row, column)]

    @cached_property
    def inputs(self) -> tuple[tuple[Table, Cell], ...]:
        return tuple((t, c) for t in self.form.tables for c in t.cells if c.input)

    @cached_property
    def input_positions(self) -> np.ndarray:
        return np.array([self.position(t, c.row, c.column) for t, c in self.inputs], dtype=np.intp)

    @cached_property
    def counted(self) -> np.ndarray:
        """Per input cell: a count of things, so a whole number."""
        return np.array([c.type is ValueType.COUNT for _, c in self.inputs])

    @cached_property
    def relations(self) -> tuple[tuple[Table, Relation], ...]:
        return tuple((t, r) for t in self.form.tables for r in t.relations)

    @cached_property
    def sides(self) -> tuple[np.ndarray, np.ndarray]:
        """Two size × relations matrices of 0/1: which cells each side of each identity sums."""
        lhs, rhs = np.zeros((self.size, len(self.relations))), np.zeros((self.size, len(self.relations)))
        for k, (t, rel) in enumerate(self.relations):
            for side, refs in ((lhs, rel.lhs), (rhs, rel.rhs)):
                for r, c in refs:
                    side[self.position(t, r, c), k] += 1
        return lhs, rhs

    @cached_property
    def at_least(self) -> np.ndarray:
        return np.array([rel.op == ">=" for _, rel in self.relations])

    def vectors(self, grids: list[list[np.ndarray]]) -> np.ndarray:
        """Reports × size: each report's table grids, flattened one after another."""
        if not grids:
            return np.empty((0, self.size))
        return np.stack([np.concatenate([g.ravel() for g in tables]) for tables in grids])

    def values_frame(self, vectors: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame({"value": vectors[:, self.input_positions].ravel()})

    def identities(self, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Reports × relations: each side's sum; NaN where a side touches an unreadable cell
        (that cell is reported on its own)."""
        lhs_m, rhs_m = self.sides
        unknown = np.isnan(vectors)
        known = np.where(unknown, 0.0, vectors)
        lhs, rhs = known @ lhs_m, known @ rhs_m
        touched = (unknown.astype(float) @ (lhs_m + rhs_m)) > 0
        lhs[touched] = np.nan
        rhs[touched] = np.nan
        return lhs, rhs

    def identities_frame(self, lhs: np.ndarray, rhs: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame({"lhs": lhs.ravel(), "rhs": rhs.ravel()})


# --- the schemas -------------------------------------------------------------------------


def values_schema(layout: Layout) -> pa.DataFrameSchema:
    """Every input cell: not negative; counts whole and not unusually large."""
    counted, cells = layout.counted, len(layout.inputs)

    def is_counted(s: pd.Series) -> np.ndarray:  # NaN rows are dropped before the check: go by index
        return counted[s.index.to_numpy() % cells]

    return pa.DataFrameSchema({"value": pa.Column(float, nullable=True, checks=[
        pa.Check(lambda s: s >= 0, name="value-negative"),
        pa.Check(lambda s: ~(is_counted(s) & ((s - s.round()).abs() > TOLERANCE)), name="value-not-whole"),
        pa.Check(lambda s: ~(is_counted(s) & (s >= UNUSUAL_COUNT)), name="value-unusually-large"),
    ])}, strict=True, name="values")


def identities_schema(layout: Layout) -> pa.DataFrameSchema:
    """Every identity of the form holds: its two sides equal, or for ">=" the first not smaller."""
    at_least, count = layout.at_least, len(layout.relations)

    def holds(df: pd.DataFrame) -> pd.Series:
        diff = (df["lhs"] - df["rhs"]).to_numpy()
        ge = np.tile(at_least, len(df) // count) if count else np.zeros(0, dtype=bool)
        ok = np.isnan(diff) | np.where(ge, diff >= -TOLERANCE, np.abs(diff) <= TOLERANCE)
        return pd.Series(ok, index=df.index)

    return pa.DataFrameSchema({"lhs": pa.Column(float, nullable=True), "rhs": pa.Column(float, nullable=True)},
                              checks=[pa.Check(holds, name=IDENTITY)], strict=True, name="identities")


FIELDS = "fields"  # the check on the unit frame; each row's rule is its field check's


def field_rows(form: Form) -> tuple[tuple[UnitField, str, FieldCheck | None], ...]:
    """The unit frame's rows for one report: each field (is it filled?), then each registered
    field check (does it hold?), as (field, rule, check)."""
    return (*((f, "unit-field-missing", None) for f in form.fields),
            *((form.field(fc.field), fc.rule, fc) for fc in FIELD_CHECKS))


def unit_frame(form: Form, units: list[dict]) -> pd.DataFrame:
    rows = field_rows(form)
    return pd.DataFrame({"value": pd.Series([u.get(f.key) for u in units for f, _, _ in rows], dtype=object)})


def unit_schema(form: Form, today: dt.date) -> pa.DataFrameSchema:
    """Each report's identity fields: the required ones filled (which are required depends on
    whether the report is a summary), and every registered field check holds."""
    rows = field_rows(form)
    keys = [f.key for f in form.fields]
    category = keys.index("unit_category")
    for_unit = np.array([f.required_in(summary=False) for f in form.fields])
    for_summary = np.array([f.required_in(summary=True) for f in form.fields])

    def holds(df: pd.DataFrame) -> pd.Series:
        values = df["value"].to_numpy(dtype=object).reshape(-1, len(rows))
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
        return pd.Series(ok.ravel(), index=df.index)

    return pa.DataFrameSchema({"value": pa.Column(object, nullable=True)},
                              checks=[pa.Check(holds, name=FIELDS, ignore_na=False)], strict=True, name="unit")
