"""Scripts exposed to xlwings Server: what a task-pane button may run."""

from __future__ import annotations

import xlwings as xw
from xlwings.server import script

from gitools.addin.entry import check_book


@script
def gitools_validate(book: xw.Book) -> None:
    """校验本工作簿."""
    check_book(book)
