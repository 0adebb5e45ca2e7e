"""Published reports (text, HTML, Word) read into the form, so that a report that was only
published can be validated, merged and compared like a submitted workbook."""

from __future__ import annotations

from pathlib import Path

from gitools.form.model import Form
from gitools.inputs.published.layout import Imported, parse
from gitools.inputs.published.sources import UnreadableReport, lines_of
from gitools.model.findings import finding
from gitools.model.submission import NotReadable, Submission, from_values


def import_report(path: Path, form: Form) -> tuple[Submission, Imported]:
    """The report as a Submission (import findings first); raises NotReadable."""
    try:
        lines = lines_of(Path(path))
    except UnreadableReport as e:
        raise NotReadable(finding("file-unreadable", reason=str(e))) from e
    found = parse(lines, form)
    if not found.values:
        raise NotReadable(finding("not-template", reason="文件中找不到政府信息公开年度报告的统计表格"))
    unit = {"unit_name": found.unit_name, "report_year": found.year}
    sub = from_values(form, found.values, unit, found.narrative, path=str(path), compute_totals=False)
    sub.findings = list(found.findings)
    return sub, found


__all__ = ["Imported", "import_report"]
