"""A1-style cell addresses: the one place that converts column letters and numbers."""

from __future__ import annotations

import re

_ADDR = re.compile(r"([A-Z]+)(\d+)")


def split(address: str) -> tuple[str, int]:
    """"D12" → ("D", 12)."""
    m = _ADDR.fullmatch(address)
    if not m:
        raise ValueError(address)
    return m.group(1), int(m.group(2))


def col_number(letters: str) -> int:
    """"A" → 1, "AA" → 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def col_letters(n: int) -> str:
    """1 → "A", 27 → "AA"."""
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def shift(address: str, columns: int, rows: int) -> str:
    col, row = split(address)
    return f"{col_letters(col_number(col) + columns)}{row + rows}"


_REFERENCE = re.compile(r"^=?(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]+)\$?(\d+)$")


def reference(text: str) -> tuple[str, str] | None:
    """"='二、主动公开'!$B$4" → ("二、主动公开", "B4"); None for anything but one cell."""
    m = _REFERENCE.match(text.strip())
    if m is None:
        return None
    quoted, plain, col, row = m.groups()
    return (quoted.replace("''", "'") if quoted else plain), f"{col}{row}"
