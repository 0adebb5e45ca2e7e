"""The blank template workbook clerks fill in, built entirely from the form declaration, one
module per sheet.

Uses only features Excel 2010+, WPS and LibreOffice share: merged cells, cell protection
without password, data validation with prompts, formula-based conditional formatting,
workbook-scoped defined names, print titles and fit-to-width.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection

from gitools.form.addresses import split
from gitools.form.model import Form
from gitools.outputs.xlsx import paper
from gitools.outputs.xlsx.results import lay_out
from gitools.outputs.xlsx.template.info import CONTACT_LABELS, info_sheet
from gitools.outputs.xlsx.template.narrative import narrative_sheet
from gitools.outputs.xlsx.template.tables import table_sheet
from gitools.outputs.xlsx.template.unit import unit_sheet

PROP_FORM = "gitools.form"
PROP_VERSION = "gitools.version"
FIXED_TIME = dt.datetime(2021, 1, 1)  # the template is reproducible byte for byte in content

__all__ = ["CONTACT_LABELS", "build"]


def build(form: Form, year: int | None = None, contact: Mapping[str, str] | None = None) -> Workbook:
    """The template as an openpyxl workbook (not yet saved); ``contact`` fills the county
    office's contact block (keys as CONTACT_LABELS)."""
    wb = Workbook()
    wb.remove(wb.active)
    info = wb.create_sheet(form.info_sheet)
    unit_sheet(wb.create_sheet(form.unit_sheet), form, year)
    for table in form.tables:
        table_sheet(wb.create_sheet(table.sheet), table)
    narrative_sheet(wb.create_sheet(form.narrative_sheet), form)
    lay_out(wb.create_sheet(form.result_sheet))  # there from the start: the structure is locked
    info_sheet(info, form, year, contact or {})
    _names(wb, form)
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.creator = "gitools"
    wb.properties.title = f"{form.title}（{form.id}）填报模板"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.custom_doc_props.append(StringProperty(name=PROP_FORM, value=form.id))
    wb.custom_doc_props.append(StringProperty(name=PROP_VERSION, value=form.version))
    wb.active = 1
    paper.lay_out(wb)
    return wb


def _names(wb: Workbook, form: Form) -> None:
    by_sheet: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for t in form.tables:
        by_sheet[t.sheet] += [(c.name, c.address) for c in t.cells]
    for f in form.fields:
        by_sheet[f.sheet].append((f.name, f.address))
    for s in form.sections:
        by_sheet[s.sheet].append((s.name, s.address))
    for sheet, items in by_sheet.items():
        for name, address in items:
            col, row = split(address)
            wb.defined_names[name] = DefinedName(name, attr_text=f"'{sheet}'!${col}${row}")
