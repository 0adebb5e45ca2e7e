"""Put values into a template workbook by form keys (samples, tests, the county summary)."""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl import Workbook

from gitools.form.model import Form
from gitools.io.cells import put


def fill(wb: Workbook, form: Form, *, unit: Mapping[str, object] = {},
         values: Mapping[tuple[str, str, str], object] = {},
         narrative: Mapping[str, str] = {}) -> Workbook:
    """Write identity fields, (table, row, column) values and narrative sections in place.

    Every value goes through ``put``: text from a clerk or a report never becomes a formula.
    """
    for key, value in unit.items():
        f = form.field(key)
        put(wb[f.sheet][f.address], value)
    for (table, row, col), value in values.items():
        t = form.table(table)
        put(wb[t.sheet][t.cell(row, col).address], value)
    sections = {s.key: s for s in form.sections}
    for key, text in narrative.items():
        s = sections[key]
        put(wb[s.sheet][s.address], text)
    return wb


def zeros(form: Form) -> dict[tuple[str, str, str], object]:
    """Every input cell at 0: the starting point of a report where nothing happened."""
    return {(c.table, c.row, c.column): 0 for c in form.input_cells}
