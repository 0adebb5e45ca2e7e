"""Read a published report's lines into the form: title, narrative sections and the three
tables, matched by their official labels rather than by position.

The input is a list of lines, each a list of fields: a tab-separated text row, a row of an
HTML or Word table (merged cells left as empty fields), or a single cell per line when a
table was flattened. Numbers follow their row label on the same line or on the next lines.
What cannot be placed is reported as a finding; no number is dropped silently or invented.
"""

from __future__ import annotations

from gitools.form.model import Form
from gitools.inputs.published.imported import Imported
from gitools.inputs.published.lines import Line
from gitools.inputs.published.place import place
from gitools.inputs.published.rows import RowMatcher
from gitools.inputs.published.title import read_narrative, read_title, section_starts
from gitools.io.cells import MAX_CELL_TEXT
from gitools.model.findings import finding
from gitools.model.submission import NotReadable, Submission, from_values

VERSION = "2"  # raised whenever the layout reader would place a report's cells differently (2: titles, body unit, sub-headings)


def parse(lines: list[Line], form: Form) -> Imported:
    out = Imported()
    read_title(lines, out)
    starts = section_starts(lines, form)
    read_narrative(lines, starts, form, out)
    for section in form.sections:  # a workbook cell holds 32,767 characters: say what it will not hold
        text = out.narrative.get(section.key, "")
        if len(text) > MAX_CELL_TEXT:
            out.findings.append(finding("import-text-cut", section.name, sheet=section.sheet, cell=section.address,
                                        label=section.label, part=section.label, length=len(text), limit=MAX_CELL_TEXT))
    bounds = sorted(starts.values())
    for table in form.tables:
        if table.key not in starts:
            out.findings.append(finding("import-table-missing", table.key, sheet=table.sheet, label=table.title))
            continue
        begin = starts[table.key] + 1
        end = next((i for i in bounds if i > starts[table.key]), len(lines))
        matcher = RowMatcher(table, out)
        for i in range(begin, end):
            matcher.feed(i + 1, lines[i])
        place(table, matcher.finish(), matcher.width, out, matcher.saw_headings)
    return out


def from_lines(lines: list[Line], form: Form, path: str = "") -> tuple[Submission, Imported]:
    """The report as a Submission (import findings first); raises NotReadable."""
    found = parse(lines, form)
    if not found.values:
        raise NotReadable(finding("not-template", reason="report"))
    unit = {"unit_name": found.unit_name, "report_year": found.year}
    sub = from_values(form, found.values, unit, found.narrative, path=path, compute_totals=False)
    sub.findings = list(found.findings)
    return sub, found
