"""The request body Excel's Office.js client sends when a task-pane button runs a script,
built from a workbook file: for tests, the benchmark, and trying the server without Excel.

It follows xlwings Server's client (static/js/custom-scripts/index.js): per sheet the values
of A1 to the last used cell ("" for empty cells) and the used range; the workbook's names with
their unqualified addresses; the book's name, active sheet and selection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gitools.form.addresses import col_letters, col_number, split
from gitools.inputs.kinds import read_book as read


def payload(path: Path, xlwings_version: str, active_sheet: int = 0) -> dict[str, Any]:
    book = read(path)
    order = list(book.sheets)
    sheets = []
    for name in order:
        cells = {a: c for a, c in book.sheets[name].items() if c.value is not None}
        rows = max((split(a)[1] for a in cells), default=1)
        cols = max((col_number(split(a)[0]) for a in cells), default=1)
        values: list[list[Any]] = [["" for _ in range(cols)] for _ in range(rows)]
        for address, cell in cells.items():
            col, row = split(address)
            values[row - 1][col_number(col) - 1] = cell.value
        used = f"$A$1:${col_letters(cols)}${rows}" if cells else None
        sheets.append({
            "name": name, "visibility": "Visible", "show_gridlines": True, "print_area": None,
            "notes": [], "notes_supported": True, "used_range_address": used,
            "used_range_row_count": rows if cells else 0, "used_range_column_count": cols if cells else 0,
            "values": values, "pictures": [], "shapes": [], "charts": [], "tables": [], "pivot_tables": [],
        })
    names = []
    for name, (sheet, address) in book.names.items():
        col, row = split(address)
        quoted = "'" + sheet.replace("'", "''") + "'"
        names.append({"name": name, "refers_to": f"={quoted}!${col}${row}", "type": "Range",
                      "sheet_index": order.index(sheet) if sheet in order else None, "address": f"${col}${row}",
                      "scope_sheet_name": None, "scope_sheet_index": None, "book_scope": True})
    return {
        "client": "Office.js", "version": xlwings_version,
        "book": {"name": Path(path).name, "active_sheet_index": active_sheet, "selection": "A1",
                 "calculation": "Automatic"},
        "sheets": sheets, "names": names,
    }
