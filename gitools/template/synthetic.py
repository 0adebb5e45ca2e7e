"""Made-up but consistent reports: the county sample folder, tests and benchmarks.

Values are drawn at random and then made to satisfy every identity of the form, whatever
the form declares: totals come from their formulas, and each balance relation is closed
on its first input cell.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from gitools.form.model import Form
from gitools.validate.codes import credit_check_char, org_check_char

Values = dict[tuple[str, str, str], float]


def credit_code(division: str, org8: str, kind: str = "11") -> str:
    """A code that passes GB 32100 (only for made-up units)."""
    body = kind + division + org8 + org_check_char(org8)
    return body + credit_check_char(body)


def consistent_values(form: Form, rng: random.Random, busy: float = 0.3) -> Values:
    """Input cells mostly 0, some small counts; every ``=`` identity holds, ``>=`` too."""
    values: Values = {}
    for t in form.tables:
        for c in t.cells:
            if c.input:
                n = rng.randint(1, 9) if rng.random() < busy else 0
                values[(t.key, c.row, c.column)] = round(n * 0.37, 2) if c.type.value == "amount" else n
    for t in form.tables:
        totals = {r.anchor: r for r in t.relations if r.defines}

        def value(ref: tuple[str, str], t=t, totals=totals) -> float:
            if ref in totals:
                return sum(value(p) for p in totals[ref].rhs)
            return values.get((t.key, *ref), 0)

        for rel in t.relations:
            if rel.defines or not t.cell(*rel.lhs[0]).input:
                continue
            first, rest = rel.lhs[0], rel.lhs[1:]
            if rel.op == ">=":
                need = sum(value(r) for r in rel.rhs) - sum(value(r) for r in rest)
                values[(t.key, *first)] = max(value(first), need)
                continue
            need = sum(value(r) for r in rel.rhs) - sum(value(r) for r in rest)
            if need < 0:  # the other parts already exceed: move them into the first part
                for r in rest:
                    values[(t.key, *r)] = 0
                need = sum(value(r) for r in rel.rhs)
            values[(t.key, *first)] = need
    return values


def unit(form: Form, index: int, division: str = "410721", year: int = 2025,
         category: str = "乡（镇）人民政府") -> dict[str, Any]:
    """Identity of made-up unit number ``index`` of a county."""
    return {"unit_name": f"示例县第{index}{'镇人民政府' if '乡' in category else '单位'}",
            "credit_code": credit_code(division, f"{index:08d}"), "division_code": division,
            "unit_category": category, "report_year": year, "preparer": "王五", "phone": "0373-5551234",
            "filled_on": dt.date(year + 1, 1, 10)}


NARRATIVE = {"other_matters": "本年度未收取信息处理费。"}
