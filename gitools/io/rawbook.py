"""A workbook as the reader sees it, whatever it was read from (an .xlsx package, an older
format through calamine, a workbook open in Excel): cells with values and formula flags,
defined names, custom properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import NamedTuple

from gitools.model.unreadable import Unreadable


class UnreadableWorkbook(Unreadable):
    """The file cannot be read as a workbook; ``str(e)`` is a message for a clerk."""


class RawCell(NamedTuple):  # a tuple: thousands are made per second
    value: str | float | bool | None
    formula: bool = False


Cells = Mapping[str, RawCell]  # address → cell


class LazySheets(MutableMapping[str, Cells]):
    """Sheets in workbook order, each read the first time it is looked at; a sheet that
    cannot be read raises UnreadableWorkbook then."""

    def __init__(self, loaders: dict[str, Callable[[], Cells]]):
        self._loaders = dict(loaders)
        self._loaded: dict[str, Cells] = {}

    def __getitem__(self, name: str) -> Cells:
        if name not in self._loaded:
            self._loaded[name] = self._loaders[name]()
        return self._loaded[name]

    def __setitem__(self, name: str, cells: Cells) -> None:
        self._loaders.setdefault(name, dict)  # type: ignore[arg-type]
        self._loaded[name] = cells

    def __delitem__(self, name: str) -> None:
        del self._loaders[name]
        self._loaded.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._loaders

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaders)

    def __len__(self) -> int:
        return len(self._loaders)


@dataclass
class RawBook:
    sheets: MutableMapping[str, Cells] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → (sheet, "D5")
    properties: dict[str, str] = field(default_factory=dict)
    formulas_known: bool = True  # False when read through Office.js or calamine: values only
    names_known: bool = True  # False for formats whose defined names we cannot read
    kind: str = "xlsx"  # the file format, for the reader's word to the clerk

    def cells(self, sheet: str, addresses: list[str]) -> list[RawCell | None]:
        """The cells at ``addresses`` of a sheet, None where empty or where there is no such sheet."""
        try:
            cells = self.sheets[sheet]
        except KeyError:
            return [None] * len(addresses)
        many = getattr(cells, "many", None)  # a sheet read lazily decodes the batch in one call
        return many(addresses) if many is not None else [cells.get(a) for a in addresses]

    def cell(self, sheet: str, address: str) -> RawCell | None:
        try:
            cells = self.sheets[sheet]
        except KeyError:
            return None
        return cells.get(address)


def addresses(cells: Cells) -> Iterable[str]:
    """The addresses a sheet may hold a value at, without reading the values (a sheet read
    lazily knows them for free; some may turn out empty)."""
    known = getattr(cells, "addresses", None)
    return known() if known is not None else cells.keys()


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
