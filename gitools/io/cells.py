"""Text into cells. Whatever a clerk, a published report, a roster or the command line wrote
is stored as text and can never become a formula, in any office suite that opens the file.

One module, three back ends: openpyxl cells (``put``), cells streamed as XML (``clean`` with an
inline string, see gitools.io.xlsx_stream) and a live workbook driven through xlwings (``live``).
"""

from __future__ import annotations

import re
from typing import Any

# what makes Excel, WPS or LibreOffice read typed text as a formula (full-width forms too: IME input)
FORMULA_START = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
MAX_CELL_TEXT = 32767  # Excel's limit on the characters of one cell
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LEADING_BLANKS = " \t\r\n\u3000\x0b\x0c"


def looks_like_formula(text: str) -> bool:
    """Text an office suite would take for a formula if it were typed or pasted (leading
    blanks, tabs and line breaks are skipped, as a paste into a cell skips them)."""
    return text.lstrip(_LEADING_BLANKS).startswith(FORMULA_START)


def printable(text: str) -> str:
    """Text without the characters XML cannot hold (BEL, ESC, NUL, U+FFFE…): what a clerk never
    meant to type, and what would stop a Word document or a workbook from being written."""
    return _ILLEGAL_XML.sub("", text)


def clean(text: str) -> str:
    """Text that fits a cell: characters XML cannot hold removed, cut at Excel's limit."""
    return printable(text)[:MAX_CELL_TEXT]


def put(cell: Any, value: object) -> None:
    """Write ``value`` into an openpyxl cell; a string is always stored as a string.

    openpyxl turns any string starting with "=" into a formula; forcing the type keeps it
    text, and Excel's quote prefix keeps it text when the clerk edits the cell later.
    """
    if not isinstance(value, str):
        cell.value = value
        return
    text = clean(value)
    cell.value = text
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True


def live(value: object) -> object:
    """``value`` for a cell of a workbook open in Excel (xlwings): a leading apostrophe is
    Excel's own mark for "this is text"; it is not shown and not part of the value."""
    if isinstance(value, str):
        text = clean(value)
        return "'" + text if looks_like_formula(text) else text
    return value


def csv_safe(value: object) -> str:
    """Text for a CSV cell that Excel and WPS will not take for a formula when they open the file."""
    text = "" if value is None else clean(str(value))
    return f"'{text}" if looks_like_formula(text) else text
