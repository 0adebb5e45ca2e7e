"""A report as the layers above see it: the unit's identity, its numbers (``Figures``, with the
three tables as DataFrame views indexed by the form's keys), the narrative, and for every value
the sheet and cell it came from.

Readers build it (a workbook, a published report), validation, the merge and every output take
it; it knows no file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd

from gitools.form.model import Form, Section, Table, UnitField
from gitools.model.figures import Figures
from gitools.model.findings import Finding, finding

BLANK_GROUP = 5  # more blank cells than this in one table are reported as one finding
SHOWN_BLANKS = 6  # the cells that finding names
SOURCE_PROPERTY, PRINTED = "gitools.source", "published-report"  # a workbook whose totals are a report's printed facts


class Source(NamedTuple):  # where a value was read; a tuple, as a workbook has 250 of them
    sheet: str
    cell: str


@dataclass
class Submission:
    """What one workbook says, keyed by the form; the pure input of validation and merge."""

    path: str
    unit: dict[str, Any]
    figures: Figures
    narrative: dict[str, str]
    sources: dict[str, Source]  # defined name of a cell/field/section → where it was read
    findings: list[Finding] = field(default_factory=list)  # problems met while reading
    explanations: dict[str, str] = field(default_factory=dict)  # finding identity → the clerk's 说明

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The three tables as rows × columns by form keys: views of ``figures``."""
        return self.figures.tables

    def source(self, table: str, row: str, column: str) -> Source:
        return self.sources[f"{table}.{row}.{column}"]


class NotReadable(Exception):
    """The file holds no report we can read; carries the finding that says why."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


def at_item(item: UnitField | Section, sub: Submission) -> dict[str, str]:
    """Where a finding on a unit field or a narrative section points: its form key, where it was
    read (else where the template has it) and its label."""
    src = sub.sources.get(item.name)
    return {"place": item.name, "sheet": src.sheet if src else item.sheet,
            "cell": src.cell if src else item.address, "label": item.label}


def at_cell(table: Table, row: str, column: str, src: Source | None = None) -> dict[str, str]:
    """Where a finding on a table cell points: its form key, sheet, cell and label."""
    cell = table.cell(row, column)
    return {"place": cell.name, "sheet": src.sheet if src else table.sheet,
            "cell": src.cell if src else cell.address, "label": table.cell_label(row, column)}


def blank_findings(table: Table, blanks: list[dict[str, str]], count: int | None = None) -> list[Finding]:
    """Blank number cells, taken as 0: one finding each, or one for the table when more than
    BLANK_GROUP (``blanks`` then needs only the first few, ``count`` says how many there are)."""
    count = len(blanks) if count is None else count
    if count > BLANK_GROUP:
        cells = "、".join(b["cell"] for b in blanks[:SHOWN_BLANKS]) + ("等" if count > SHOWN_BLANKS else "")
        return [finding("value-blank-many", table.key, sheet=blanks[0]["sheet"], cell=blanks[0]["cell"],
                        count=count, cells=cells, actual=count)]
    return [finding("value-blank", **b) for b in blanks]


def from_values(form: Form, values: dict[tuple[str, str, str], float], unit: dict[str, Any] | None = None,
                narrative: dict[str, str] | None = None, path: str = "", compute_totals: bool = True) -> Submission:
    """A Submission from plain values, laid out as in the template. Totals absent from ``values``
    are computed, unless ``compute_totals`` is off (a published report: what it did not print
    stays unknown)."""
    sources: dict[str, Source] = {}
    for t in form.tables:
        for c in t.cells:
            sources[c.name] = Source(t.sheet, c.address)
    figures = Figures.of(form, {k: float(v) for k, v in values.items()})
    if compute_totals:
        figures = figures.with_totals()
    for f in form.fields:
        sources[f.name] = Source(f.sheet, f.address)
    for s in form.sections:
        sources[s.name] = Source(s.sheet, s.address)
    return Submission(path, {f.key: (unit or {}).get(f.key) for f in form.fields}, figures,
                      {s.key: (narrative or {}).get(s.key, "") for s in form.sections}, sources)
