"""Workbooks in the formats clerks also save in (.xls, WPS .et, .ods, .xlsb), read for their
values with python-calamine.

These formats keep no defined names we can read and calamine gives no formulas, so the book
comes back with ``names_known`` and ``formulas_known`` off: the reader finds the tables by
their labels and takes totals as the office suite last calculated them.
"""

from __future__ import annotations

from pathlib import Path

from gitools.form.addresses import col_letters
from gitools.io.rawbook import RawBook, RawCell, UnreadableWorkbook, raw_value


def read_values(path: Path, kind: str, words: str) -> RawBook:
    """Every sheet's values; raises UnreadableWorkbook with the reason in Chinese (``words``: the
    format as the clerk's office suite calls it)."""
    import python_calamine

    try:
        wb = python_calamine.CalamineWorkbook.from_path(str(path))
        book = RawBook(formulas_known=False, names_known=False, kind=kind)
        for name in wb.sheet_names:
            cells: dict[str, RawCell] = {}
            rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for r, row in enumerate(rows, start=1):
                for c, value in enumerate(row, start=1):
                    plain = raw_value(value)
                    if plain is not None:
                        cells[f"{col_letters(c)}{r}"] = RawCell(plain)
            book.sheets[name] = cells
    except python_calamine.PasswordError as e:
        raise UnreadableWorkbook("password") from e
    except (python_calamine.CalamineError, ValueError, OSError) as e:
        raise UnreadableWorkbook("locked-or-damaged", words=words) from e
    return book
