"""Our own county summary read back: the units its 明细 holds, with their input values, so a
summary can be merged one level up without counting a unit twice, and compared year over year."""

from __future__ import annotations

import math

from gitools.form.addresses import col_letters
from gitools.form.sheets import DETAIL_HEADER_ROW, DETAIL_ID, DETAIL_SHEET, detail_column
from gitools.io.rawbook import RawBook

Member = tuple[str | None, str | None]  # (name, credit code)


def detail_rows(book: RawBook, width: int = 0) -> list[tuple[str | None, str | None, list[float]]]:
    """The units a summary written by us holds, from its 明细 sheet: name, credit code and the
    first ``width`` input values (NaN where a cell is empty)."""
    cells = book.sheets.get(DETAIL_SHEET, {})
    name_col, code_col = (col_letters(DETAIL_ID.index(h) + 1) for h in ("单位名称", "统一社会信用代码"))
    out = []
    row = DETAIL_HEADER_ROW + 1
    while True:
        number = cells.get(f"A{row}")
        if number is None or not isinstance(number.value, float):
            break
        name, code = cells.get(f"{name_col}{row}"), cells.get(f"{code_col}{row}")
        values = []
        for i in range(width):
            v = cells.get(f"{detail_column(i)}{row}")
            values.append(v.value if v is not None and isinstance(v.value, float) else math.nan)
        out.append((str(name.value) if name and name.value else None, str(code.value) if code and code.value else None,
                    values))
        row += 1
    return out


def members(book: RawBook) -> tuple[Member, ...]:
    """The units a summary written by us holds (name, credit code), from its 明细 sheet."""
    return tuple((name, code) for name, code, _ in detail_rows(book))
