"""Findings, imported values and merge results for programs, as JSON-ready dicts; the same
objects ``outputs.text`` renders for people."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gitools.form.model import Form
from gitools.inputs.published.imported import Imported
from gitools.io.atomic import atomic_write
from gitools.merge.combine import MergeResult, outcome
from gitools.model.findings import FileReport, Report, Status
from gitools.model.submission import Submission
from gitools.model.values import plain


def json_report(reports: list[FileReport]) -> dict[str, Any]:
    return Report(reports).to_dict()


def export(sub: Submission) -> dict[str, Any]:
    """The values as read: the interchange other systems and our tests use."""
    return {
        "unit": {k: plain(v) for k, v in sub.unit.items()},
        "tables": {key: {row: {col: plain(v) for col, v in values.items()}
                         for row, values in df.to_dict(orient="index").items()}
                   for key, df in sub.tables.items()},
        "narrative": dict(sub.narrative),
    }


def merge_json(result: MergeResult, output: Path) -> dict[str, Any]:
    return {
        "year": result.year,
        "output": str(output),
        "read": len(result.entries),
        **{s.value: result.count(s) for s in Status},
        "included": len(result.included),
        "unit_count": result.unit_count,
        "complete": outcome(result),
        "submissions": [{"path": e.received.path, "unit_name": e.name or None, "status": e.status.value,
                         "errors": len(e.received.report.errors), "warnings": len(e.received.report.warnings),
                         "included": e.included, "note": e.note,
                         "merge_findings": [f.to_dict() for f in e.findings]} for e in result.entries],
        "missing": [{"unit_name": r.name, "credit_code": r.credit_code, "roster_line": r.line} for r in result.missing],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "notes": result.notes,
    }


def _dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


def findings(reports: list[FileReport], annotated: list[Path]) -> str:
    """`gitools validate --format json`: the reports, and the annotated copies written."""
    return _dumps(json_report(reports) | {"annotated": [str(p) for p in annotated]})


def merge(result: MergeResult, output: Path, feedback: list[Path] | None = None) -> str:
    return _dumps(merge_json(result, output) | ({"feedback": [str(p) for p in feedback]} if feedback else {}))


def write_imported(source: Path, sub: Submission, found: Imported, report: FileReport, form: Form, out: Path) -> None:
    """An imported report as JSON: its source, the values as read and the findings."""
    doc = {"source": str(source), **export(sub), "findings": [f.to_dict() for f in report.findings]}
    with atomic_write(out) as tmp:
        tmp.write_text(_dumps(doc), encoding="utf-8")
