"""Findings: what validation says about a file, as plain values every renderer shares.

A finding carries its rule, where it is (as a form key and as the sheet and cell it was read
from) and the parameters of its message. The message itself is rendered from the rule's
template by one function; the location is rendered beside it, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from gitools.form.catalog import Level, Severity
from gitools.form.rules import BY_CODE, LEVEL_ZH
from gitools.model.values import display, plain


@dataclass(frozen=True)
class Finding:
    """One problem, located by form key and by sheet and cell, in words a clerk can act on."""

    rule: str
    level: Level
    params: dict[str, Any] = field(default_factory=dict)
    place: str | None = None  # form key: a cell's, field's or section's defined name, or a table key
    sheet: str | None = None
    cell: str | None = None
    label: str | None = None  # the place in the form's words: "（一）予以公开·自然人", "联系电话"
    expected: Any = None
    actual: Any = None
    explanation: str | None = None  # the clerk's 说明, attached by identity
    key: str = ""  # identity an explanation attaches to; default rule@place

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", f"{self.rule}@{self.place or ''}")

    @property
    def message(self) -> str:
        return render_message(self)

    @property
    def blocks(self) -> bool:
        """强制 always blocks; 核实 blocks until explained; 提示 never."""
        return self.level is Level.MANDATORY or (self.level is Level.REVIEW and not self.explanation)

    @property
    def severity(self) -> Severity:
        return Severity.ERROR if self.blocks else Severity.WARNING

    @property
    def where(self) -> str:
        """The location in words: "三、依申请公开 D7（（一）予以公开·自然人）"."""
        at = " ".join(x for x in (self.sheet, self.cell) if x)
        if self.label and self.label != self.sheet:
            at += f"（{self.label}）"
        return at

    @property
    def level_words(self) -> str:
        """The level as the clerk reads it, with what an explanation did or could not do."""
        words = LEVEL_ZH[self.level]
        if self.explanation and self.level is Level.REVIEW:
            return f"{words}（已说明）"
        if self.explanation and self.level is Level.MANDATORY:
            return f"{words}（须改正，说明不能放行）"
        return words

    def explained(self, text: str | None) -> Finding:
        return replace(self, explanation=text or None)

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity.value, "level": self.level.value,
                "message": self.message, "sheet": self.sheet, "cell": self.cell, "place": self.place,
                "label": self.label, "params": {k: plain(v) for k, v in self.params.items()},
                "expected": plain(self.expected), "actual": plain(self.actual),
                "explanation": self.explanation, "key": self.key}


def _words(value: Any) -> str:
    """A parameter as a clerk would write it: 3, not 3.0; dates as 2026-01-10."""
    return "" if value is None else display(value) if isinstance(value, float) else str(plain(value))


def render_message(f: Finding) -> str:
    """The one place a message is made: the rule's template (for the finding's reason, when the
    rule has several) filled with the finding's parameters."""
    values = {"expected": f.expected, "actual": f.actual, **f.params}
    template = BY_CODE[f.rule].template(f.params.get("reason"))
    return template.format_map({k: _words(v) for k, v in values.items()})


def finding(rule: str, place: str | None = None, *, sheet: str | None = None, cell: str | None = None,
            label: str | None = None, expected: Any = None, actual: Any = None, key: str = "",
            **params: Any) -> Finding:
    """A finding whose level comes from the rule catalog, never from the caller; a code the
    catalog does not declare fails loudly here, not when the message is first shown."""
    if rule not in BY_CODE:
        raise KeyError(f"rule {rule!r} is not in the catalog (form/rules.py)")
    return Finding(rule, BY_CODE[rule].level, params, place, sheet, cell, label, expected, actual, key=key)


class Status(StrEnum):
    PASSED = "passed"
    WARNINGS = "warnings"
    FAILED = "failed"
    UNREADABLE = "unreadable"


STATUS_ZH = {Status.PASSED: "通过", Status.WARNINGS: "有警告", Status.FAILED: "未通过",
             Status.UNREADABLE: "无法读取"}


@dataclass
class FileReport:
    """The verdict on one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    readable: bool = True

    @property
    def errors(self) -> list[Finding]:
        """What blocks the report: 强制 findings, and 核实 findings nobody explained."""
        return [f for f in self.findings if f.blocks]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.blocks]

    @property
    def status(self) -> Status:
        if not self.readable:
            return Status.UNREADABLE
        if self.errors:
            return Status.FAILED
        return Status.WARNINGS if self.warnings else Status.PASSED

    def verdict(self) -> str:
        """The one-line verdict every renderer shows. 错误: what blocks (强制, unexplained 核实);
        警告: what does not (提示, explained 核实)."""
        return f"{STATUS_ZH[self.status]}（{len(self.errors)} 个错误，{len(self.warnings)} 个警告）"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status.value,
                "errors": len(self.errors), "warnings": len(self.warnings),
                "findings": [f.to_dict() for f in self.findings]}


@dataclass
class Report:
    """The verdicts on many files, as frictionless' Report: what callers and tests ask of a batch."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Every file read, and nothing blocks any of them."""
        return all(f.readable and not f.errors for f in self.files)

    def count(self, status: Status) -> int:
        return sum(1 for f in self.files if f.status is status)

    def flatten(self, spec: tuple[str, ...] = ("path", "rule", "cell")) -> list[list[Any]]:
        """One row per finding of every file, its attributes named by ``spec`` ("path" is the file's):
        ``report.flatten(("rule", "cell")) == [["requests-balance", "D5"]]``."""
        return [[r.path if name == "path" else getattr(f, name) for name in spec] for r in self.files for f in r.findings]

    def to_dict(self) -> dict[str, Any]:
        return {"files": [r.to_dict() for r in self.files]}
