"""Published reports surveyed a chunk at a time: each imported in a child process with a time and
memory limit, the chunk validated at once, each reduced to a plain record (its unit, year,
verdict, findings and every figure). This is the function the local pool and Dask workers run."""

from __future__ import annotations

import math
import os
import time
from functools import cache
from pathlib import Path
from typing import Any

from gitools.form import FORM
from gitools.inputs.published.imported import Imported
from gitools.inputs.read import import_report
from gitools.jobs.limited import MEMORY, SECONDS, Exceeded, kept
from gitools.model.findings import FileReport
from gitools.model.submission import NotReadable, Submission, from_values
from gitools.outputs import IMPORTED
from gitools.outputs.text import first_problems
from gitools.validate import validate, validate_all

SECONDS_ENV, MEMORY_ENV = "GITOOLS_SURVEY_SECONDS", "GITOOLS_SURVEY_MEMORY_MB"
Task = tuple[str, str, str, str | None]  # (path, sha256, version, workbook to write or None)
Row = tuple[str, str, str, str | None, dict[str, Any], float]  # what the manifest records


def read_chunk(tasks: list[Task]) -> list[Row]:
    """Every document of a chunk; one that fails becomes an unreadable record, never an exception.
    Each document is read in the worker's child (the limits); the chunk is then validated at
    once, each schema running over all its reports."""
    _warm()
    seconds = float(os.environ.get(SECONDS_ENV) or SECONDS)
    memory = int(os.environ.get(MEMORY_ENV) or 0) * 1024 * 1024 or MEMORY
    read: list[tuple[Task, Submission, Imported | None, float]] = []
    out: list[Row] = []
    box = kept(_import, seconds, memory)
    for task in tasks:
        start = time.perf_counter()
        try:
            sub, found = box.run((task[0], task[3] is not None))
            read.append((task, sub, found, time.perf_counter() - start))
            continue
        except (NotReadable, Exceeded) as e:
            finding = e.finding if isinstance(e, NotReadable) else e.finding()
        except Exception as e:  # one strange document must not stop a province's survey
            finding = Exceeded("unexpected-import", error=type(e).__name__).finding()
        report = FileReport(task[0], [finding], readable=False)
        out.append((task[1], task[2], "unreadable", finding.message, _unreadable(task[0], report),
                    time.perf_counter() - start))
    start = time.perf_counter()
    found_all = validate_all([sub for _, sub, _, _ in read], FORM)
    share = (time.perf_counter() - start) / max(len(read), 1)
    for (task, sub, found, seconds_read), findings in zip(read, found_all, strict=True):
        path, sha, version, workbook = task
        report = FileReport(path, findings)
        if workbook and found:  # as `gitools import` writes it, from what was read here
            Path(workbook).parent.mkdir(parents=True, exist_ok=True)
            IMPORTED["xlsx"].load()(Path(path), sub, found, report, FORM, Path(workbook))
        out.append((sha, version, "done", None, _record(sub, report), seconds_read + share))
    return out


@cache
def _warm() -> None:
    """Build the schemas (and the importer's tables) once in this worker, before any child is
    forked: every child inherits them instead of building them again for its one document."""
    validate(from_values(FORM, {}), FORM)


def _import(task: tuple[str, bool]) -> tuple[Submission, Imported | None]:
    """The document read in the child; what the importer found comes back only for a workbook
    to write (it repeats the narrative and the figures)."""
    path, for_workbook = task
    sub, found = import_report(Path(path), FORM)
    return sub, found if for_workbook else None


def _record(sub: Submission, report: FileReport) -> dict[str, Any]:
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
