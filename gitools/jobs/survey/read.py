"""One published report surveyed: imported, validated and reduced to a plain record (its unit,
year, verdict, findings and every figure), in a child process with a time and memory limit. This
is the function the local pool and Dask workers run, a chunk of documents at a time."""

from __future__ import annotations

import math
import os
import time
from functools import cache
from pathlib import Path
from typing import Any

from gitools.form import FORM
from gitools.inputs.read import import_report
from gitools.jobs.limited import MEMORY, SECONDS, Exceeded, run_limited
from gitools.model.findings import FileReport
from gitools.model.submission import NotReadable, from_values
from gitools.outputs import IMPORTED
from gitools.outputs.text import first_problems
from gitools.validate import validate

SECONDS_ENV, MEMORY_ENV = "GITOOLS_SURVEY_SECONDS", "GITOOLS_SURVEY_MEMORY_MB"
Task = tuple[str, str, str, str | None]  # (path, sha256, version, workbook to write or None)
Row = tuple[str, str, str, str | None, dict[str, Any], float]  # what the manifest records


def read_chunk(tasks: list[Task]) -> list[Row]:
    """Every document of a chunk; one that fails becomes an unreadable record, never an exception."""
    _warm()
    seconds = float(os.environ.get(SECONDS_ENV) or SECONDS)
    memory = int(os.environ.get(MEMORY_ENV) or 0) * 1024 * 1024 or MEMORY
    out: list[Row] = []
    for path, sha, version, workbook in tasks:
        start = time.perf_counter()
        try:
            record = run_limited(_read, (path, workbook), seconds, memory)
            status, error = "done", None
        except (NotReadable, Exceeded) as e:
            finding = e.finding if isinstance(e, NotReadable) else e.finding()
            record = _unreadable(path, FileReport(path, [finding], readable=False))
            status, error = "unreadable", finding.message
        except Exception as e:  # one strange document must not stop a province's survey
            report = FileReport(path, [Exceeded("unexpected-import", error=type(e).__name__).finding()], readable=False)
            record = _unreadable(path, report)
            status, error = "unreadable", report.findings[0].message
        out.append((sha, version, status, error, record, time.perf_counter() - start))
    return out


@cache
def _warm() -> None:
    """Build the schemas (and the importer's tables) once in this worker, before any child is
    forked: every child inherits them instead of building them again for its one document."""
    validate(from_values(FORM, {}), FORM)


def _read(args: tuple[str, str | None]) -> dict[str, Any]:
    path, workbook = args
    sub, found = import_report(Path(path), FORM)
    report = FileReport(path, validate(sub, FORM))
    if workbook:  # as `gitools import` writes it, from what was read here
        Path(workbook).parent.mkdir(parents=True, exist_ok=True)
        IMPORTED["xlsx"].load()(Path(path), sub, found, report, FORM, Path(workbook))
    return {"unit_name": sub.unit.get("unit_name"), "report_year": sub.unit.get("report_year"),
            "status": report.status.value, "verdict": report.verdict(), "errors": len(report.errors),
            "warnings": len(report.warnings), "first_problem": first_problems(_of_the_report(report), 1),
            "findings": [f.to_dict() for f in report.findings],
            "figures": [None if math.isnan(v) else float(v) for v in sub.figures.vector]}


def _of_the_report(report: FileReport) -> list:
    """The findings on what the report says: a published report carries no 填报人 or credit-code
    cell, so a field it never had is not its first problem (the finding stays in the list)."""
    return [f for f in report.findings if f.rule != "unit-field-missing"] or report.findings


def _unreadable(path: str, report: FileReport) -> dict[str, Any]:
    return {"unit_name": None, "report_year": None, "status": report.status.value, "verdict": report.verdict(),
            "errors": len(report.errors), "warnings": 0, "first_problem": first_problems(report.findings, 1),
            "findings": [f.to_dict() for f in report.findings], "figures": []}
