"""Published reports (PDF, text, web page, Word) read into the form: each format gives lines of
fields, the layout reader finds the title, the narrative and the three tables in them, so a
report that was only published is validated, merged and compared like a submitted workbook."""

from __future__ import annotations

from gitools.form.model import Form
from gitools.inputs.published.imported import Imported
from gitools.inputs.published.layout import parse
from gitools.inputs.published.lines import Line
from gitools.model.findings import finding
from gitools.model.submission import NotReadable, Submission, from_values


def from_lines(lines: list[Line], form: Form, path: str = "") -> tuple[Submission, Imported]:
    """The report as a Submission (import findings first); raises NotReadable."""
    found = parse(lines, form)
    if not found.values:
        raise NotReadable(finding("not-template", reason="report"))
    unit = {"unit_name": found.unit_name, "report_year": found.year}
    sub = from_values(form, found.values, unit, found.narrative, path=path, compute_totals=False)
    sub.findings = list(found.findings)
    return sub, found


__all__ = ["Imported", "from_lines"]
