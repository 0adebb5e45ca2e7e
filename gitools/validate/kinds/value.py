"""Rules on one cell's value once read (kind VALUE): pandera checks over the long frame of
every report's input cells, one check per rule."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from gitools.form.catalog import RuleKind
from gitools.form.rules import UNUSUAL_COUNT
from gitools.model.findings import Finding, finding
from gitools.model.submission import Submission, at_cell
from gitools.validate.backend import TOLERANCE, Predicate, Schema, compiled, failures, values_schema
from gitools.validate.frames import Layout, number
from gitools.validate.registry import executes

NEGATIVE = executes("value-negative", RuleKind.VALUE, ("value",), __name__)
NOT_WHOLE = executes("value-not-whole", RuleKind.VALUE, ("value",), __name__)
UNUSUAL = executes("value-unusually-large", RuleKind.VALUE, ("value",), __name__)


def checks(layout: Layout) -> dict[str, Predicate]:
    """Every input cell: not negative; counts whole and not unusually large."""
    counted, cells = layout.counted, len(layout.inputs)

    def is_counted(s: pd.Series) -> np.ndarray:  # NaN rows are dropped before the check: go by index
        return counted[s.index.to_numpy() % cells]

    return {
        NEGATIVE: lambda s: s >= 0,
        NOT_WHOLE: lambda s: ~(is_counted(s) & ((s - s.round()).abs() > TOLERANCE)),
        UNUSUAL: lambda s: ~(is_counted(s) & (s >= UNUSUAL_COUNT)),
    }


def _schema(layout: Layout) -> Schema:
    return compiled(("values", id(layout.form)), lambda: values_schema(checks(layout)))


def findings(layout: Layout, subs: Sequence[Submission], vectors: np.ndarray) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    cells = len(layout.inputs)
    for rule, index in failures(_schema(layout), layout.values_frame(vectors)):
        i, k = divmod(index, cells)
        table, cell = layout.inputs[k]
        value = float(vectors[i, layout.input_positions[k]])
        where = at_cell(table, cell.row, cell.column, subs[i].source(table.key, cell.row, cell.column))
        out.append((i, finding(rule, **where, value=value, actual=number(value))))
    return out

