"""A report's numbers as one value: the form's table grids one after another in a flat vector
(NaN where a cell is unknown). Every consumer takes it from here: the readers fill it, validation
stacks the vectors of a batch, the merge sums their input cells, the summary and the annual report
ask it for tables, totals and indicators. No other shape of a report's numbers is passed around.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np
import pandas as pd

from gitools.form.indicators import INDICATORS
from gitools.form.model import Form, Table

Key = tuple[str, str, str]  # (table, row, column)


class Grid:
    """Where each cell of a form sits in the flat vector; one per form, worked out once."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self.offsets: dict[str, int] = {}
        start = 0
        for t in form.tables:
            self.offsets[t.key] = start
            start += t.shape[0] * t.shape[1]
        self.size = start
        self.inputs = np.array([self.position(c.table, c.row, c.column) for c in form.input_cells], dtype=np.intp)

    def position(self, table: str, row: str, column: str) -> int:
        return self.offsets[table] + self.form.table(table).flat_positions[(row, column)]

    def span(self, table: Table) -> slice:
        start = self.offsets[table.key]
        return slice(start, start + table.shape[0] * table.shape[1])


_GRIDS: dict[int, Grid] = {}


def grid(form: Form) -> Grid:
    if id(form) not in _GRIDS:
        _GRIDS[id(form)] = Grid(form)
    return _GRIDS[id(form)]


@cache
def _axis(keys: tuple[str, ...]) -> pd.Index:
    return pd.Index(keys)


@dataclass(frozen=True, eq=False)
class Figures:
    form: Form
    vector: np.ndarray

    @classmethod
    def of(cls, form: Form, values: Mapping[Key, float]) -> Figures:
        """From cell values by (table, row, column); every other cell unknown."""
        g = grid(form)
        vector = np.full(g.size, np.nan)
        if values:
            vector[[g.position(*key) for key in values]] = list(values.values())
        return cls(form, vector)

    @classmethod
    def from_inputs(cls, form: Form, inputs: Sequence[float]) -> Figures:
        """From the input cells' values in the form's order (the merge's totals); totals unknown."""
        g = grid(form)
        vector = np.full(g.size, np.nan)
        vector[g.inputs] = np.asarray(inputs, dtype=float)
        return cls(form, vector)

    @property
    def inputs(self) -> np.ndarray:
        """The input cells' values in the form's order: the columns of 明细, what the merge sums."""
        return self.vector[grid(self.form).inputs]

    def at(self, table: str, row: str, column: str) -> float:
        return float(self.vector[grid(self.form).position(table, row, column)])

    def table(self, key: str) -> pd.DataFrame:
        """One table as rows × columns by form keys (a view: no copy of the numbers)."""
        t = self.form.table(key)
        block = self.vector[grid(self.form).span(t)].reshape(t.shape)
        return pd.DataFrame(block, index=_axis(t.row_keys), columns=_axis(t.column_keys), copy=False)

    @cached_property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {t.key: self.table(t.key) for t in self.form.tables}

    def with_totals(self) -> Figures:
        """The same numbers with every unknown total computed from its parts (totals of totals
        too); a total of an unknown part stays unknown."""
        vector = self.vector.copy()
        g = grid(self.form)
        for t in self.form.tables:
            values = {(c.row, c.column): v for c in t.cells
                      if not math.isnan(v := float(vector[g.position(t.key, c.row, c.column)]))}
            missing = [(c.row, c.column) for c in t.cells if not c.input and (c.row, c.column) not in values]
            fill_totals(t, values, missing)
            for ref in missing:
                if ref in values:
                    vector[g.position(t.key, *ref)] = values[ref]
        return Figures(self.form, vector)

    def indicators(self) -> dict[str, float]:
        """The main figures (form.indicators), summed from the input cells; unknown cells count 0."""
        cells, values = self.form.input_cells, self.inputs
        return {i.key: float(sum(v for c, v in zip(cells, values, strict=True) if i.takes(c) and v == v))
                for i in INDICATORS}


def fill_totals(table: Table, values: dict[tuple[str, str], float], refs: list[tuple[str, str]]) -> None:
    """Fill totals that have no value from their parts (totals of totals too), in place."""
    if not refs:
        return
    defining = {r.anchor: r for r in table.relations if r.defines}
    pending = [ref for ref in refs if ref in defining]
    for _ in range(len(pending) + 1):
        still = []
        for ref in pending:
            parts = [values.get(p, math.nan) for p in defining[ref].rhs]
            if any(math.isnan(v) for v in parts) and any(p in pending for p in defining[ref].rhs):
                still.append(ref)
                continue
            if not any(math.isnan(v) for v in parts):  # a total of unknown parts stays unknown
                values[ref] = sum(parts)
        if not still:
            return
        pending = still
