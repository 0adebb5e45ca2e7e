"""An upload's verdict and identity as stored: JSON in the exact shape `gitools validate --format
json` gives, and back into the objects every face renders."""

from __future__ import annotations

import json

from gitools.jobs.inbox.store import Upload
from gitools.model.findings import FileReport, Finding, finding
from gitools.model.values import plain


def to_json(report: FileReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, default=str)


def report_of(upload: Upload) -> FileReport:
    """The stored verdict as the objects every face renders."""
    doc = json.loads(upload.report)
    findings = [_finding(f) for f in doc["findings"]]
    return FileReport(doc["path"], findings, readable=doc["status"] != "unreadable")


def _finding(d: dict[str, object]) -> Finding:
    params = dict(d["params"]) if isinstance(d["params"], dict) else {}
    f = finding(str(d["rule"]), _opt(d.get("place")), sheet=_opt(d.get("sheet")),
                cell=_opt(d.get("cell")), label=_opt(d.get("label")), expected=d.get("expected"),
                actual=d.get("actual"), key=str(d.get("key") or ""), **params)
    return f.explained(_opt(d.get("explanation")))


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def unit_json(unit: dict[str, object]) -> str:
    return json.dumps({k: plain(v) for k, v in unit.items()}, ensure_ascii=False, default=str)
