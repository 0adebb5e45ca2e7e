"""A worksheet part read by the lean pass: cut at each cell's start tag, the number cells a table
asks for read by one pattern over all of them, other cells decoded one at a time when asked for;
an irregular part is read whole by the parser (see ``xlsx_scan``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from gitools.form.addresses import col_letters, col_number, split
from gitools.io import safexml
from gitools.io.rawbook import RawCell, UnreadableWorkbook
from gitools.io.xlsx_scan import (
    BROKEN,
    NS,
    Irregular,
    SharedStrings,
    element_text,
    fast_or_parse,
    rich,
    text,
)

_REF = re.compile(rb'<c r="([A-Z]{1,3}[1-9][0-9]{0,6})"')
_NUMBER_CELLS = re.compile(rb'\x00[A-Z]{1,3}[1-9][0-9]{0,6}"(?:(?: s="[0-9]+")?(?: t="n")?>(<f>[^<]*</f>)?'
                           rb'<v>(-?[0-9]+(?:\.[0-9]+)?(?:[Ee][+-]?[0-9]+)?)</v></c>)?')  # one match a cell
_TYPE = re.compile(rb' t="([^"]*)"')

# --- sheets ------------------------------------------------------------------------------


def sheet_cells(xml: bytes, strings: SharedStrings) -> Mapping[str, RawCell]:
    """Each non-empty cell of a worksheet part: its cached value and whether it has a formula."""
    return fast_or_parse(lambda raw: _ScannedSheet(raw, strings), lambda raw: _parse_sheet(raw, strings),
                          xml, b"<worksheet")


class _ScannedSheet(Mapping[str, RawCell]):
    """A sheet cut at each cell's start tag, each cell decoded when first looked up: a
    submission needs its numbers and a few texts, not the hundreds of labels around them.
    A cell the pattern cannot read sends the whole sheet to the parser."""

    def __init__(self, xml: bytes, strings: SharedStrings):
        pieces = xml.split(b'<c r="')
        refs = _REF.findall(xml)
        if not len(refs) == len(pieces) - 1 == xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>"):
            raise Irregular  # a cell whose first attribute is not its double-quoted address
        del pieces[0]
        self._pieces = dict(zip(map(bytes.decode, refs), pieces, strict=True))
        self._xml, self._strings = xml, strings
        self._cells: dict[str, RawCell | None] = {}
        self._parsed: dict[str, RawCell] | None = None

    def many(self, refs: list[str]) -> list[RawCell | None]:
        """The cells at ``refs`` (None where empty): the reader's hot path, one call a table."""
        if self._parsed is None:
            pieces, cells, strings = self._pieces, self._cells, self._strings
            try:
                todo = [ref for ref in refs if ref not in cells and ref in pieces]
                # most cells asked for are numbers, maybe totals: one pattern over all of them at once
                numbers = _NUMBER_CELLS.findall(b"\x00" + b"\x00".join([pieces[ref] for ref in todo])) if todo else []
                if len(numbers) != len(todo):
                    numbers = [(None, b"")] * len(todo)
                for ref, (formula, number) in zip(todo, numbers, strict=True):
                    if number:
                        cells[ref] = RawCell(float(number), bool(formula))
                    else:
                        cells[ref] = _cell(pieces[ref], len(ref), strings)
                return [cells.get(ref) for ref in refs]
            except Irregular:
                self._parsed = _parse_sheet(self._xml, self._strings)
            except BROKEN as e:
                raise UnreadableWorkbook("damaged") from e
        return [self._parsed.get(ref) for ref in refs]

    def addresses(self) -> Iterable[str]:
        """Every address with a cell element, empty or not, without reading any."""
        return self._pieces.keys() if self._parsed is None else self._parsed.keys()

    def get(self, ref: str, default: Any = None) -> Any:
        cell = self.many([ref])[0]
        return default if cell is None else cell

    def __getitem__(self, ref: str) -> RawCell:
        cell = self.get(ref)
        if cell is None:
            raise KeyError(ref)
        return cell

    def __iter__(self) -> Iterator[str]:
        refs = list(self._pieces)
        return (ref for ref, cell in zip(refs, self.many(refs), strict=True) if cell is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _cell(piece: bytes, after_ref: int, strings: SharedStrings) -> RawCell | None:
    """One cell from the bytes after its '<c r="': the rest of its start tag, then its content."""
    if piece[after_ref:after_ref + 1] != b'"':
        raise Irregular
    close = piece.find(b">", after_ref)
    attrs = piece[after_ref + 1:close]
    if close < 0 or attrs.count(b'"') % 2 or b"<" in attrs:  # a ">" inside an attribute value
        raise Irregular
    if attrs.endswith(b"/"):
        return None
    end = piece.find(b"</c>", close)
    if end < 0:
        raise Irregular
    inner = piece[close + 1:end]
    value = _value(attrs, inner, strings)
    formula = b"<f" in inner
    return RawCell(value, formula) if value is not None or formula else None


def _value(attrs: bytes, inner: bytes, strings: SharedStrings) -> str | float | bool | None:
    found = _TYPE.search(attrs) if b" t=" in attrs else None
    t = found.group(1) if found else b"n"
    if t == b"inlineStr":
        start = inner.find(b"<is>")
        return rich(inner[start:]) if start >= 0 else None
    start = inner.find(b"<v>")
    end = inner.find(b"</v>", start)
    if start < 0 or end < 0 or b"<" in inner[start + 3:end]:
        if b"<v" in inner and b"<v/>" not in inner and b"<v></v>" not in inner:
            raise Irregular  # a value element the pattern did not read
        return None
    raw = inner[start + 3:end]
    if not raw:  # an empty <v></v>: no value, whatever the type (a formula whose text result is empty)
        return None
    if t == b"s":
        return strings[int(raw)]
    if t in (b"str", b"e"):
        return text(raw)
    if t == b"b":
        return raw == b"1"
    try:
        return float(raw)
    except ValueError:
        return text(raw)


def _parse_sheet(xml: bytes, strings: SharedStrings) -> dict[str, RawCell]:
    cells: dict[str, RawCell] = {}
    data = safexml.parse(xml).find(f"{NS}sheetData")
    if data is None:
        return cells
    for row_index, row in enumerate(data.iter(f"{NS}row"), start=1):
        r = int(row.get("r", row_index))
        col = 0
        for c in row.iter(f"{NS}c"):
            ref = c.get("r")
            try:
                col = col_number(split(ref)[0]) if ref else col + 1
            except ValueError:
                col += 1
            t = c.get("t", "n")
            f = c.find(f"{NS}f")
            v = c.find(f"{NS}v")
            raw = v.text if v is not None else None
            value: str | float | bool | None
            if t == "s" and raw is not None:
                value = strings[int(raw)]
            elif t == "inlineStr":
                is_ = c.find(f"{NS}is")
                value = element_text(is_) if is_ is not None else None
            elif t in ("str", "e"):
                value = raw
            elif t == "b":
                value = None if raw is None else raw == "1"
            elif raw is None or raw == "":
                value = None
            else:
                try:
                    value = float(raw)
                except ValueError:
                    value = raw
            if value is None and f is None:
                continue
            cells[f"{col_letters(col)}{r}"] = RawCell(value, f is not None)
    return cells
