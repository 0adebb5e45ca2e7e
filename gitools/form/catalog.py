"""The vocabulary of the rule catalog: review levels as 联网直报 uses them, the kinds of rule
(which decide how a rule is executed), and the Rule declaration itself. ``form.rules`` holds
the rules of the national format."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """Review levels as statistical direct reporting (联网直报) uses them."""

    MANDATORY = "mandatory"  # 强制: must hold; the report cannot go in until it is corrected
    REVIEW = "review"  # 核实: may fail for a real reason; blocks until the clerk explains it (说明)
    NOTICE = "notice"  # 提示: information only


class Severity(StrEnum):
    """What a finding does to the verdict: kept as the ``severity`` of the JSON output."""

    ERROR = "error"  # blocks: a 强制 finding, or a 核实 finding nobody explained
    WARNING = "warning"  # does not block


class RuleKind(StrEnum):
    """What a rule checks, which decides how it is executed and where its finding points."""

    RELATION = "relation"  # an identity over cells of one table (the form's Relations)
    PARSE = "parse"  # what a number cell holds, met while reading it (text, blank, typed-over total)
    VALUE = "value"  # one cell's value, once read
    FIELD = "field"  # an item of the unit's identity
    NARRATIVE = "narrative"  # a count the text states, against the tables
    CROSS_YEAR = "cross_year"  # this year's report against last year's
    FILE = "file"  # the file and its layout as a whole
    IMPORT = "import"  # reading a published report
    MERGE = "merge"  # many reports together
    EXPLANATION = "explanation"  # the clerks' explanations themselves


@dataclass(frozen=True)
class Rule:
    """One rule, declared once: its stable code, level, words and message template.

    ``message`` is a str.format template over the finding's parameters. It never names the
    sheet or cell: every renderer shows the location once, beside the message. A rule that can
    fail in several ways has one template per way in ``reasons``; the finding's ``reason``
    parameter names which, and ``message`` is the general sentence (填报说明, unknown ways).
    """

    code: str
    kind: RuleKind
    level: Level
    title: str
    hint: str  # shown in live checks and in 填报说明
    message: str
    in_summary: bool = True  # whether it applies to a summary of many units
    reasons: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def template(self, reason: str | None = None) -> str:
        """The message template for a finding that failed for ``reason`` (None: the general
        sentence); an unknown reason is a programming error and fails loudly."""
        if reason is None or not self.reasons:
            return self.message
        if reason not in self.reasons:
            raise KeyError(f"rule {self.code!r} has no reason {reason!r}")
        return self.reasons[reason]
