"""Tables for analysts: a DataFrame as CSV (opened safely by Excel and WPS: UTF-8 with a BOM, no
text taken for a formula) or as Parquet, written atomically."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gitools.io.atomic import atomic_write
from gitools.io.cells import csv_safe


def write_csv(df: pd.DataFrame, path: Path) -> None:
    safe = df.copy()
    for column in safe.columns:
        if safe[column].dtype == object:
            safe[column] = [csv_safe(v) if isinstance(v, str) else v for v in safe[column]]
    with atomic_write(path) as tmp:
        safe.to_csv(tmp, index=False, encoding="utf-8-sig")


def parquet_available() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    with atomic_write(path) as tmp:
        df.to_parquet(tmp, index=False)
