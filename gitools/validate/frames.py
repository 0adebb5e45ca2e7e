"""A batch of reports as numbers: where each table cell sits in a report's flat vector (the
tables' grids one after another), and the form's identities as sums over that vector, so every
check runs once over a whole batch as one long frame."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from gitools.form.model import Cell, Form, Relation, Table, ValueType
from gitools.model.figures import Figures, grid


@dataclass(frozen=True)
class Layout:
    """The form's input cells and identities over a batch of reports' figures (one row each, the
    vector of ``model.figures``), the identities as sums over that vector."""

    form: Form

    @cached_property
    def size(self) -> int:
        return grid(self.form).size

    def position(self, table: Table, row: str, column: str) -> int:
        return grid(self.form).position(table.key, row, column)

    @cached_property
    def inputs(self) -> tuple[tuple[Table, Cell], ...]:
        return tuple((t, c) for t in self.form.tables for c in t.cells if c.input)

    @cached_property
    def input_positions(self) -> np.ndarray:
        return grid(self.form).inputs

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

    def vectors(self, figures: Sequence[Figures]) -> np.ndarray:
        """Reports × size: each report's figures, one row each."""
        return np.stack([f.vector for f in figures]) if figures else np.empty((0, self.size))

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


def number(v: float) -> int | float:
    """A value for a finding's expected/actual: 3, not 3.0."""
    return int(v) if float(v).is_integer() else v
