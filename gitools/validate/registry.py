"""Which code executes each rule: one registration per rule of the kinds validation runs,
checked against the catalog when it is made, as pandera refuses an unknown check. The
catalog contract test (tests/validate/test_catalog.py) holds the registry against the catalog:
every rule has one executor here or is emitted where ``EMITTED_BY`` says, and every template
renders with the parameters its executor declares."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gitools.form.catalog import RuleKind
from gitools.form.rules import BY_CODE

EXECUTED = frozenset({RuleKind.RELATION, RuleKind.VALUE, RuleKind.FIELD, RuleKind.NARRATIVE, RuleKind.CROSS_YEAR,
                      RuleKind.EXPLANATION})
EMITTED_BY = {  # the kinds whose findings are made where the problem is met, not by validation
    RuleKind.PARSE: ("gitools.inputs.workbook", "gitools.model.submission", "gitools.inputs.published.place"),
    RuleKind.IMPORT: ("gitools.inputs.published",),
    RuleKind.FILE: ("gitools.io", "gitools.inputs", "gitools.model.unreadable", "gitools.jobs", "gitools.cli"),
    RuleKind.MERGE: ("gitools.merge.combine",),
}


class UnknownRule(LookupError):
    """A registration names a code the catalog lacks, of another kind, or registered twice."""


@dataclass(frozen=True)
class Executor:
    code: str
    kind: RuleKind
    params: frozenset[str]  # what it passes to the rule's template, besides expected and actual
    by: str  # the module that executes it


EXECUTORS: dict[str, Executor] = {}


def executes(code: str, kind: RuleKind, params: Iterable[str], by: str) -> str:
    """Register ``by`` as the executor of ``code``; returns the code. Fails loudly at import
    time on a code the catalog does not declare for ``kind``, or one registered twice."""
    rule = BY_CODE.get(code)
    if rule is None or rule.kind is not kind:
        raise UnknownRule(f"{code!r} is not a {kind.value} rule of the catalog (form/rules.py)")
    if code in EXECUTORS and EXECUTORS[code].by != by:
        raise UnknownRule(f"{code!r} is executed by {EXECUTORS[code].by} already")
    EXECUTORS[code] = Executor(code, kind, frozenset(params), by)
    return code
