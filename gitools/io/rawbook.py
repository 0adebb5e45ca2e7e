"""A workbook as the reader sees it, whatever it was read from (an .xlsx package, an older
format through calamine, a workbook open in Excel): cells with values and formula flags,
defined names, custom properties."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class UnreadableWorkbook(Exception):
    """The file cannot be read as a workbook; ``str(e)`` is a message for a clerk."""


@dataclass(frozen=True)
class RawCell:
    value: str | float | bool | None
    formula: bool = False


@dataclass
class RawBook:
    sheets: dict[str, dict[str, RawCell]] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → (sheet, "D5")
    properties: dict[str, str] = field(default_factory=dict)
    formulas_known: bool = True  # False when read through Office.js or calamine: values only
    names_known: bool = True  # False for formats whose defined names we cannot read
    kind: str = "xlsx"  # the file format, for the reader's word to the clerk

    def cell(self, sheet: str, address: str) -> RawCell | None:
        return self.sheets.get(sheet, {}).get(address)


def raw_value(value: object) -> str | float | bool | None:
    """A value from another reader (calamine, a live workbook) as our cells hold it: numbers as
    floats, dates as 2026-01-10 (which the reader parses), nothing for an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
