"""The three tables as grids of merged cells, derived from the form's own layout (the template's
header ranges and cells), so the published report draws them exactly as the format does."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from gitools.form.addresses import col_number, split
from gitools.form.model import Table
from gitools.model.values import display


@dataclass(frozen=True)
class GridCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    role: str = "value"  # "header" (column heading), "label" (row label) or "value" (a figure)

    @property
    def header(self) -> bool:
        return self.role != "value"


def _span(rng: str) -> tuple[int, int, int, int]:
    """(first row, first column, last row, last column), 0-based columns."""
    first, _, last = rng.partition(":")
    (c1, r1), (c2, r2) = split(first), split(last or first)
    return r1, col_number(c1) - 1, r2, col_number(c2) - 1


def figure(value: float) -> str:
    """A number as the report prints it: counts whole, amounts with their decimals, unknown blank."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else display(float(value))


def grid(table: Table, values: pd.DataFrame) -> list[list[GridCell | None]]:
    """Rows of cells; None where a merged cell above or to the left covers the position."""
    width = col_number(table.last_column)
    placed: list[tuple[tuple[int, int, int, int], GridCell]] = []
    for h in table.headers:
        if h.role in ("title", "check"):
            continue
        r1, c1, r2, c2 = _span(h.range)
        if c1 < width:
            last = min(c2, width - 1)
            placed.append(((r1, c1, r2, last), GridCell(h.text, r2 - r1 + 1, last - c1 + 1, h.role)))
    for c in table.cells:
        r1, c1, r2, c2 = _span(c.merge or c.address)
        placed.append(((r1, c1, r2, c2), GridCell(figure(values.at[c.row, c.column]), r2 - r1 + 1, c2 - c1 + 1)))
    top = min(p[0][0] for p in placed)
    bottom = max(p[0][2] for p in placed)
    rows: list[list[GridCell | None]] = [[GridCell("") for _ in range(width)] for _ in range(bottom - top + 1)]
    for (r1, c1, r2, c2), cell in placed:
        for r in range(r1, r2 + 1):
            for col in range(c1, c2 + 1):
                rows[r - top][col] = None
        rows[r1 - top][c1] = cell
    return rows
