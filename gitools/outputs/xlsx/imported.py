"""An imported report as a workbook: the template filled with every number as the document
printed it (totals too), marked as a published report, with its findings in 校验结果."""

from __future__ import annotations

import pickle
from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

from gitools.form.model import Form
from gitools.inputs.published.imported import Imported
from gitools.io.atomic import atomic_write
from gitools.model.findings import FileReport
from gitools.model.submission import PRINTED, SOURCE_PROPERTY, Submission
from gitools.outputs.xlsx.annotate import annotate_book
from gitools.outputs.xlsx.paper import lay_out
from gitools.outputs.xlsx.template import build
from gitools.outputs.xlsx.template.fill import fill


def write(source: Path, sub: Submission, found: Imported, report: FileReport, form: Form, out: Path) -> None:
    unit = {k: v for k, v in (("unit_name", found.unit_name), ("report_year", found.year)) if v is not None}
    # every number as the document printed it, totals too: a printed total that disagrees with its
    # parts is what the county must see, so it is never replaced by the template's formula
    wb = fill(_template(form, found.year), form, unit=unit, values=found.values, narrative=found.narrative)
    wb.custom_doc_props.append(StringProperty(name=SOURCE_PROPERTY, value=PRINTED))
    annotate_book(wb, report)
    lay_out(wb)
    with atomic_write(out) as tmp:
        wb.save(tmp)


_TEMPLATES: dict[tuple[int, int | None], bytes] = {}


def _template(form: Form, year: int | None) -> Workbook:
    """A fresh copy of the template for ``year``: built once per process and kept pickled, as
    building it takes 15 times longer than unpickling (a city imports thousands of reports)."""
    key = (id(form), year)
    if key not in _TEMPLATES:
        _TEMPLATES[key] = pickle.dumps(build(form, year))
    return pickle.loads(_TEMPLATES[key])  # our own bytes, made just above in this process
