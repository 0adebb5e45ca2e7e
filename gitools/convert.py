"""An imported report written out: a filled template with its findings, or JSON."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from openpyxl.packaging.custom import StringProperty

from gitools.annotate import annotate
from gitools.findings import FileReport
from gitools.form import FORM
from gitools.form.model import Form
from gitools.importer import import_report
from gitools.io.atomic import atomic_write
from gitools.reader import PRINTED, SOURCE_PROPERTY
from gitools.render import export
from gitools.template.fill import fill
from gitools.template.writer import build
from gitools.validate import validate


def write_imported(path: Path, outdir: Path, fmt: str = "xlsx", form: Form = FORM) -> tuple[FileReport, Path]:
    """Import ``path`` and write it into ``outdir``; raises NotReadable, OSError."""
    sub, found = import_report(path, form)
    report = FileReport(str(path), validate(sub, form))
    outdir.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        out = outdir / f"{Path(path).stem}.json"
        doc = {"source": str(path), **export(sub), "findings": [f.to_dict() for f in report.findings]}
        with atomic_write(out) as tmp:
            tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        return report, out
    out = outdir / f"{Path(path).stem}.xlsx"
    unit = {k: v for k, v in (("unit_name", found.unit_name), ("report_year", found.year)) if v is not None}
    # every number as the document printed it, totals too: a printed total that disagrees with its
    # parts is what the county must see, so it is never replaced by the template's formula
    wb = fill(build(form, found.year), form, unit=unit, values=found.values, narrative=found.narrative)
    wb.custom_doc_props.append(StringProperty(name=SOURCE_PROPERTY, value=PRINTED))
    with tempfile.TemporaryDirectory(prefix="gitools-") as d:
        draft = Path(d) / "draft.xlsx"
        wb.save(draft)
        annotate(draft, report, out)
    return report, out
