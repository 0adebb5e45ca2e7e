"""Templates prefilled per unit from the county's roster: the unit's name, 统一社会信用代码,
行政区划代码 and 类别 written in and locked, the file named after the unit. Typos in these
codes are the most common identity error; the roster already holds them.

What the roster gets wrong is not locked in: a code that fails its check, or a category not in
the list, is left for the clerk and reported to the county office.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from openpyxl.workbook import Workbook

from gitools.form.codes import credit_code_problem
from gitools.form.model import Form
from gitools.inputs.roster import RosterEntry
from gitools.io.cells import put
from gitools.model.values import compact
from gitools.outputs.xlsx.style import LOCKED, TOTAL_FILL


@dataclass(frozen=True)
class Prefilled:
    path: Path
    entry: RosterEntry
    skipped: tuple[str, ...]  # what the roster said that was not locked in, in words


def identity(entry: RosterEntry, form: Form) -> tuple[dict[str, str], list[str]]:
    """The identity fields the roster settles, and what it says that cannot be used."""
    out: dict[str, str] = {}
    skipped: list[str] = []
    if entry.name:
        out["unit_name"] = entry.name
    if entry.credit_code and credit_code_problem(entry.credit_code) is None:
        out["credit_code"] = entry.credit_code
        out["division_code"] = entry.credit_code[2:8]  # the registering authority's division
    elif entry.credit_code:
        skipped.append(f"统一社会信用代码 {entry.credit_code} 校验位不符，未预填，请核对名单")
    if entry.category:
        choice = next((c for c in form.field("unit_category").choices if compact(c) == compact(entry.category)), None)
        if choice:
            out["unit_category"] = choice
        else:
            skipped.append(f"单位类别“{entry.category}”不在模板的列表中，未预填")
    return out, skipped


def personalise(wb: Workbook, form: Form, values: Mapping[str, str]) -> Workbook:
    """Write the unit's identity into its cells and lock them (grey, like computed cells)."""
    for key, value in values.items():
        f = form.field(key)
        cell = wb[f.sheet][f.address]
        put(cell, value)
        cell.protection, cell.fill = LOCKED, TOTAL_FILL
    return wb
