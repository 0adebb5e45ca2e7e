"""The only module that speaks pandera: long frames checked by schemas built from the kinds'
declarations, and pandera's failure cases handed back as (check, row position).

pandera's cost is per check (a check that fails costs several milliseconds of error
bookkeeping), so many reports are validated in one call per schema and the data are laid out
long, one row per report and cell, identity or field; a failing row's position says which
report and which item it is (the kinds divide it by the rows a report has).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import pandera.pandas as pa

from gitools.validate.frames import Layout

TOLERANCE = 1e-6
IDENTITY = "identity"  # the check on the identities frame; each row's rule is its relation's
FIELDS = "fields"  # the check on the unit frame; each row's rule is its field check's

Predicate = Callable[[pd.Series], "pd.Series | np.ndarray"]
Schema = pa.DataFrameSchema


def failures(schema: Schema, df: pd.DataFrame) -> list[tuple[str, int]]:
    """pandera's failure cases as (check, row position), each once."""
    try:
        schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as e:
        cases = e.failure_cases
        seen = dict.fromkeys((check, int(index)) for check, index in zip(cases["check"], cases["index"], strict=True)
                             if index is not None and not pd.isna(index))
        return list(seen)
    return []


def values_schema(checks: Mapping[str, Predicate]) -> Schema:
    """One row per report and input cell; each check named by the rule it executes."""
    return pa.DataFrameSchema({"value": pa.Column(float, nullable=True, checks=[
        pa.Check(fn, name=code) for code, fn in checks.items()])}, strict=True, name="values")


def identities_schema(layout: Layout) -> Schema:
    """Every identity of the form holds: its two sides equal, or for ">=" the first not smaller."""
    at_least, count = layout.at_least, len(layout.relations)

    def holds(df: pd.DataFrame) -> pd.Series:
        diff = (df["lhs"] - df["rhs"]).to_numpy()
        ge = np.tile(at_least, len(df) // count) if count else np.zeros(0, dtype=bool)
        ok = np.isnan(diff) | np.where(ge, diff >= -TOLERANCE, np.abs(diff) <= TOLERANCE)
        return pd.Series(ok, index=df.index)

    return pa.DataFrameSchema({"lhs": pa.Column(float, nullable=True), "rhs": pa.Column(float, nullable=True)},
                              checks=[pa.Check(holds, name=IDENTITY)], strict=True, name="identities")


def unit_schema(holds: Callable[[np.ndarray], np.ndarray], width: int) -> Schema:
    """One row per report and field (filled?) or field check (holds?): ``holds`` takes the
    reports × ``width`` values and says which hold."""

    def check(df: pd.DataFrame) -> pd.Series:
        values = df["value"].to_numpy(dtype=object).reshape(-1, width)
        return pd.Series(holds(values).ravel(), index=df.index)

    return pa.DataFrameSchema({"value": pa.Column(object, nullable=True)},
                              checks=[pa.Check(check, name=FIELDS, ignore_na=False)], strict=True, name="unit")


def object_frame(values: Sequence[object]) -> pd.DataFrame:
    return pd.DataFrame({"value": pd.Series(list(values), dtype=object)})


_CACHE: dict[tuple[object, ...], Schema] = {}


def compiled(key: tuple[object, ...], build: Callable[[], Schema]) -> Schema:
    """A schema built once per process and key (form, and what else it depends on)."""
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = build()
    return _CACHE[key]

