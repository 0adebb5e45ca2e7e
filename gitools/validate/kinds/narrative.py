"""Rules on the narrative (kind NARRATIVE): a count the text states against the cell of the
tables it must equal, and what the text must mention at all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from gitools.form.catalog import RuleKind
from gitools.form.model import Form
from gitools.model.findings import Finding, finding
from gitools.model.submission import Submission, at_item
from gitools.validate import numbers_in_text as nt
from gitools.validate.frames import number
from gitools.validate.registry import executes


@dataclass(frozen=True)
class NarrativeCount:
    """A count the text states, which must equal a cell of the tables."""

    rule: str
    sections: tuple[str, ...]  # searched in this order; the first that states a count is used
    patterns: tuple[Any, ...]
    cell: tuple[str, str, str]  # (table, row, column)

    def __post_init__(self) -> None:
        executes(self.rule, RuleKind.NARRATIVE, ("phrase", "table", "item", "value"), __name__)


@dataclass(frozen=True)
class NarrativeMention:
    """Something the text must mention at all."""

    rule: str
    section: str
    words: tuple[str, ...]

    def __post_init__(self) -> None:
        executes(self.rule, RuleKind.NARRATIVE, (), __name__)


_OVERVIEW = ("overview_requests", "overview", "overview_active", "overview_management")
NARRATIVE_COUNTS: tuple[NarrativeCount, ...] = (
    NarrativeCount("narrative-requests-mismatch", _OVERVIEW, nt.REQUESTS_RECEIVED, ("requests", "new", "total")),
    NarrativeCount("narrative-documents-mismatch",
                   ("overview_management", "overview_active", "overview", "other_matters"),
                   nt.DOCUMENTS_ISSUED, ("active", "normative_documents", "issued")),
)
NARRATIVE_MENTIONS: tuple[NarrativeMention, ...] = (
    NarrativeMention("narrative-fee-missing", "other_matters", ("处理费", "收费", "收取")),
)


def findings(form: Form, sub: Submission) -> list[Finding]:
    out: list[Finding] = []
    sections = {s.key: s for s in form.sections}

    for link in NARRATIVE_COUNTS:
        stated = next(((key, found) for key in link.sections
                       if (found := nt.stated_count(sub.narrative.get(key, ""), link.patterns)) is not None), None)
        table, row, col = link.cell
        actual = sub.tables[table].at[row, col]
        if stated is None or pd.isna(actual) or stated[1][0] == actual:
            continue
        key, (n, phrase) = stated
        t = form.table(table)
        out.append(finding(link.rule, **at_item(sections[key], sub), phrase=phrase, table=t.sheet, item=t.cell_label(row, col),
                           value=actual, expected=number(actual), actual=n))
    for m in NARRATIVE_MENTIONS:
        if not any(word in sub.narrative.get(m.section, "") for word in m.words):
            out.append(finding(m.rule, **at_item(sections[m.section], sub)))
    return out
