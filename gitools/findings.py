"""Findings: what validation says about a file, as plain values every renderer shares."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from gitools.form.model import Severity


@dataclass(frozen=True)
class Finding:
    """One problem, located to a sheet and cell, in words a clerk can act on."""

    rule: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    expected: Any = None
    actual: Any = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["severity"] = self.severity.value
        return d

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.sheet and self.cell else (self.sheet or "")


class Status(StrEnum):
    PASSED = "passed"
    WARNINGS = "warnings"
    FAILED = "failed"
    UNREADABLE = "unreadable"


STATUS_ZH = {Status.PASSED: "通过", Status.WARNINGS: "有警告", Status.FAILED: "未通过",
             Status.UNREADABLE: "无法读取"}
SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告"}
SEVERITY_COLOUR = {Severity.ERROR: "FF9999", Severity.WARNING: "FFD966"}  # how a marked cell is filled


@dataclass
class FileReport:
    """The verdict on one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    readable: bool = True

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def status(self) -> Status:
        if not self.readable:
            return Status.UNREADABLE
        if self.errors:
            return Status.FAILED
        return Status.WARNINGS if self.warnings else Status.PASSED

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status.value,
                "errors": len(self.errors), "warnings": len(self.warnings),
                "findings": [f.to_dict() for f in self.findings]}


def finding(rule: str, message: str, **where: Any) -> Finding:
    """A finding whose severity comes from the rule catalog, never from the caller."""
    from gitools.form.rules import SEVERITY

    return Finding(rule, SEVERITY[rule], message, **where)
