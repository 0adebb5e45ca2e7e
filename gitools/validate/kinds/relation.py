"""The identities of the form (kind RELATION): each declared as a Relation over cells, all of
them checked by one pandera check over the long frame of every report's identities; a failing
row's rule is its relation's."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from gitools.form import FORM
from gitools.form.catalog import RuleKind
from gitools.model.findings import Finding, finding
from gitools.model.submission import Submission, at_cell
from gitools.validate.backend import compiled, failures, identities_schema
from gitools.validate.frames import Layout, number
from gitools.validate.registry import executes

PARAMS = ("lhs", "rhs", "diff")  # the two sides summed, and how far apart
for _code in sorted({rel.rule for t in FORM.tables for rel in t.relations}):
    executes(_code, RuleKind.RELATION, PARAMS, __name__)


def findings(layout: Layout, subs: Sequence[Submission], vectors: np.ndarray) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    lhs, rhs = layout.identities(vectors)
    count = len(layout.relations)
    schema = compiled(("identities", id(layout.form)), lambda: identities_schema(layout))
    reported: set[tuple[int, str, tuple[str, str]]] = set()
    for _, index in failures(schema, layout.identities_frame(lhs, rhs)):
        i, k = divmod(index, count)
        table, rel = layout.relations[k]
        if (i, rel.rule, rel.anchor) in reported:
            continue
        reported.add((i, rel.rule, rel.anchor))
        row, col = rel.anchor
        left, right = float(lhs[i, k]), float(rhs[i, k])
        where = at_cell(table, row, col, subs[i].source(table.key, row, col))
        out.append((i, finding(rel.rule, **where, lhs=left, rhs=right, diff=abs(left - right),
                               expected=number(right), actual=number(left))))
    return out
