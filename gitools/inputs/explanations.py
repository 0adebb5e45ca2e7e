"""The 说明 a clerk wrote beside the findings in 校验结果, read back by each finding's identity
(rule and form key, never an address), so an explanation survives re-validation, inserted rows
and renamed sheets."""

from __future__ import annotations

from gitools.form.addresses import col_letters, split
from gitools.form.sheets import EXPLAIN_COLUMN, KEY_COLUMN, RESULT_COLUMNS, RESULT_HEADER_ROW
from gitools.io.rawbook import RawBook, addresses
from gitools.model.values import compact


def explanations(book: RawBook, sheet: str) -> dict[str, str]:
    """The 说明 written beside findings, by finding identity: in the sheet named ``sheet``,
    else in any sheet carrying our header (a clerk may have renamed it or inserted rows)."""
    key_title, note_title = compact(RESULT_COLUMNS[KEY_COLUMN - 1]), compact(RESULT_COLUMNS[EXPLAIN_COLUMN - 1])
    key_col, note_col = col_letters(KEY_COLUMN), col_letters(EXPLAIN_COLUMN)
    if sheet in book.sheets and _title(book, sheet, f"{key_col}{RESULT_HEADER_ROW}") == key_title \
            and _title(book, sheet, f"{note_col}{RESULT_HEADER_ROW}") == note_title:  # where we put it
        return _notes(book, sheet, key_col, note_col, RESULT_HEADER_ROW)
    for name in sorted(book.sheets, key=lambda n: n != sheet):  # the named sheet first
        cells = book.sheets[name]
        titles = {compact(c.value): split(a) for a, c in cells.items() if isinstance(c.value, str)}
        if key_title not in titles or note_title not in titles or titles[key_title][1] != titles[note_title][1]:
            continue
        (key_col, header_row), (note_col, _) = titles[key_title], titles[note_title]
        return _notes(book, name, key_col, note_col, header_row)
    return {}


def _title(book: RawBook, sheet: str, address: str) -> str | None:
    cell = book.cell(sheet, address)
    return compact(cell.value) if cell is not None and isinstance(cell.value, str) else None


def _notes(book: RawBook, sheet: str, key_col: str, note_col: str, header_row: int) -> dict[str, str]:
    """Each finding identity in ``key_col`` below the header, with the note beside it."""
    rows = sorted(row for col, row in (split(a) for a in addresses(book.sheets[sheet]))
                  if col == key_col and row > header_row)
    keys = book.cells(sheet, [f"{key_col}{r}" for r in rows])
    notes = book.cells(sheet, [f"{note_col}{r}" for r in rows])
    return {key.value.strip(): str(note.value).strip() for key, note in zip(keys, notes, strict=True)
            if key is not None and isinstance(key.value, str) and key.value.strip()
            and note is not None and note.value is not None and str(note.value).strip()}
