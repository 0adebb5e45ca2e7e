"""Files → Submissions, for every command: the file's kind is looked up in the registry
(``inputs.kinds``), its loader gives a RawBook (a workbook) or lines (a published report), and
the workbook reader or the importer turns that into a Submission."""

from __future__ import annotations

from pathlib import Path

from gitools.form.model import Form
from gitools.inputs.kinds import Family, identify, read_bytes
from gitools.inputs.published.imported import Imported
from gitools.inputs.published.layout import from_lines
from gitools.inputs.published.lines import Line, UnreadableReport
from gitools.inputs.workbook import from_book
from gitools.io.rawbook import RawBook, UnreadableWorkbook
from gitools.model.submission import NotReadable, Submission


def _loaded(path: Path, family: Family | None = None) -> RawBook | list[Line]:
    """What the file's loader gives (of ``family``, when given); raises NotReadable."""
    try:
        data = read_bytes(path, UnreadableWorkbook)
        kind = identify(path, data[:8])
        if family is not None and kind.family is not family:
            raise UnreadableReport("not-a-report")
        return kind.load(path, data)
    except (UnreadableWorkbook, UnreadableReport) as e:
        raise NotReadable(e.finding()) from e


def read_with_book(path: Path, form: Form) -> tuple[Submission, RawBook]:
    """The submission and the raw workbook it came from (empty for a published report);
    raises NotReadable. A file of an unknown kind is tried as a workbook, which says what it is."""
    path = Path(path)
    loaded = _loaded(path)
    if isinstance(loaded, RawBook):
        try:
            return from_book(loaded, form, str(path)), loaded  # sheets are read as the reader looks at them
        except UnreadableWorkbook as e:
            raise NotReadable(e.finding()) from e
    return from_lines(loaded, form, str(path))[0], RawBook()


def read_submission(path: Path, form: Form) -> Submission:
    return read_with_book(path, form)[0]


def import_report(path: Path, form: Form) -> tuple[Submission, Imported]:
    """A published report as a Submission, with what the importer found; raises NotReadable."""
    loaded = _loaded(Path(path), Family.REPORT)
    if isinstance(loaded, RawBook):  # a report loader gives lines
        raise NotReadable(UnreadableReport("not-a-report").finding())
    return from_lines(loaded, form, str(path))
