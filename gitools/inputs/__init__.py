"""One registry from the kind of file to the reader that turns it into a Submission: workbooks
(.xlsx and the older formats) by the workbook reader, published reports (text, web page, Word)
by the importer. Every command reads submissions through here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gitools.form.model import Form
from gitools.inputs.published import import_report
from gitools.inputs.workbook import from_book
from gitools.io.kinds import REPORT_SUFFIXES, WORKBOOK_SUFFIXES, XLSX_SUFFIXES
from gitools.io.rawbook import RawBook, UnreadableWorkbook
from gitools.io.workbook import read
from gitools.model.findings import finding
from gitools.model.submission import NotReadable, Submission

__all__ = ["READERS", "REPORT_SUFFIXES", "WORKBOOK_SUFFIXES", "XLSX_SUFFIXES", "read_submission", "read_with_book"]

Reader = Callable[[Path, Form], tuple[Submission, RawBook]]


def _workbook(path: Path, form: Form) -> tuple[Submission, RawBook]:
    try:
        book = read(path)
        return from_book(book, form, str(path)), book  # sheets are read as the reader looks at them
    except UnreadableWorkbook as e:
        raise NotReadable(finding("file-unreadable", reason=str(e))) from e


def _report(path: Path, form: Form) -> tuple[Submission, RawBook]:
    return import_report(path, form)[0], RawBook()


READERS: dict[str, Reader] = {**dict.fromkeys(WORKBOOK_SUFFIXES, _workbook), **dict.fromkeys(REPORT_SUFFIXES, _report)}


def read_with_book(path: Path, form: Form) -> tuple[Submission, RawBook]:
    """The submission and the raw workbook it came from (empty for a published report);
    raises NotReadable. A file of an unknown kind is tried as a workbook, which says what it is."""
    return READERS.get(Path(path).suffix.lower(), _workbook)(Path(path), form)


def read_submission(path: Path, form: Form) -> Submission:
    return read_with_book(path, form)[0]
