"""An imported report written out: a filled template with its findings, or JSON."""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

from gitools.form import FORM
from gitools.form.model import Form
from gitools.inputs import import_report
from gitools.io.atomic import atomic_write
from gitools.io.errors import os_reason
from gitools.jobs.pool import map_chunks
from gitools.jobs.progress import Progress, counting, silent
from gitools.model.findings import FileReport, finding
from gitools.model.submission import PRINTED, SOURCE_PROPERTY, NotReadable
from gitools.outputs.json import export
from gitools.outputs.xlsx.annotate import annotate_book
from gitools.outputs.xlsx.template.fill import fill
from gitools.outputs.xlsx.template.writer import build
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
    wb = fill(_template(form, found.year), form, unit=unit, values=found.values, narrative=found.narrative)
    wb.custom_doc_props.append(StringProperty(name=SOURCE_PROPERTY, value=PRINTED))
    annotate_book(wb, report)
    with atomic_write(out) as tmp:
        wb.save(tmp)
    return report, out


_TEMPLATES: dict[tuple[int, int | None], bytes] = {}


def _template(form: Form, year: int | None) -> Workbook:
    """A fresh copy of the template for ``year``: built once per process and kept pickled, as
    building it takes 15 times longer than unpickling (a city imports thousands of reports)."""
    key = (id(form), year)
    if key not in _TEMPLATES:
        _TEMPLATES[key] = pickle.dumps(build(form, year))
    return pickle.loads(_TEMPLATES[key])  # our own bytes, made just above in this process


@dataclass(frozen=True)
class ImportResult:
    """One document of a batch: its report, and what was written (or why nothing was)."""

    path: str
    report: FileReport
    output: str | None = None
    error: str | None = None  # the output could not be written


CHUNK = 4  # documents per task: writing one takes about 0.1 s, reading a PDF nearly half a second
_JOB: dict[str, object] = {}


def _init(outdir: Path, fmt: str, form: Form) -> None:
    _JOB.update(outdir=outdir, fmt=fmt, form=form)


def _import_one(path: str) -> ImportResult:
    try:
        report, out = write_imported(Path(path), _JOB["outdir"], _JOB["fmt"], _JOB["form"])  # type: ignore[arg-type]
    except NotReadable as e:
        return ImportResult(path, FileReport(path, [e.finding], readable=False))
    except OSError as e:
        return ImportResult(path, FileReport(path, []), error=os_reason(e))
    except Exception as e:  # one strange document must not stop a city's batch
        why = finding("file-unreadable", reason="unexpected-import", error=type(e).__name__)
        return ImportResult(path, FileReport(path, [why], readable=False))
    return ImportResult(path, report, str(out))


def _import_chunk(paths: list[str]) -> list[ImportResult]:
    return [_import_one(p) for p in paths]


def import_all(paths: list[Path], outdir: Path, fmt: str = "xlsx", form: Form = FORM, *, workers: int | None = None,
               progress: Progress = silent) -> list[ImportResult]:
    """Import many documents on all cores; results in the order of ``paths``."""
    done = map_chunks(_import_chunk, [str(p) for p in paths], chunk=CHUNK, workers=workers,
                      initializer=_init, initargs=(outdir, fmt, form), progress=counting(progress, len(paths)))
    order = {str(p): i for i, p in enumerate(paths)}
    return sorted(done, key=lambda r: order[r.path])
