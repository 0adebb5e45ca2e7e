"""Made-up but consistent reports: the county sample folder, tests and benchmarks.

Values are drawn at random and then made to satisfy every identity of the form, whatever
the form declares: totals come from their formulas, and each balance relation is closed
on its first input cell.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from gitools.form.codes import credit_check_char, org_check_char
from gitools.form.model import Form

Values = dict[tuple[str, str, str], float]


def credit_code(division: str, org8: str, kind: str = "11") -> str:
    """A code that passes GB 32100 (only for made-up units)."""
    body = kind + division + org8 + org_check_char(org8)
    return body + credit_check_char(body)


# Proportions of real reports (the seeds and published county figures): almost all applicants are
# natural persons; 予以公开 leads, then 无法提供 (mostly 本机关不掌握) and 部分公开; 不予公开 is a few
# percent, mostly internal affairs, process information and enforcement files.
APPLICANTS = {"natural_person": 0.86, "business": 0.09, "other_org": 0.03, "legal_service": 0.01,
              "public_interest": 0.005, "research": 0.005}
RESULTS = {"disclosed": 0.46, "unavailable_not_held": 0.2, "partially_disclosed": 0.12,
           "unavailable_needs_creation": 0.04, "unavailable_unclear": 0.03, "withheld_internal_affairs": 0.02,
           "withheld_process_info": 0.02, "withheld_enforcement_file": 0.015, "withheld_third_party": 0.01,
           "withheld_query": 0.01, "declined_complaint": 0.025, "declined_repeated": 0.015,
           "declined_publication": 0.005, "other_no_correction": 0.02, "other_other": 0.01}
BUSY = {"township": 2, "department": 8, "busy_department": 40}  # mean applications a year


def realistic_values(form: Form, rng: random.Random, kind: str = "department") -> Values:
    """A unit's year as real reports show it: a handful of applications for a township, tens for a
    busy department, nearly all from natural persons, mostly disclosed or not held; few appeals."""
    values: Values = {(c.table, c.row, c.column): 0 for c in form.input_cells}
    received = min(int(rng.expovariate(1 / BUSY[kind])), BUSY[kind] * 6)
    carried_over = rng.choice((0, 0, 0, 1)) if received else 0
    forward = min(rng.choice((0, 0, 0, 1, 2)), received)
    handled = received + carried_over - forward
    for _ in range(received):
        who = rng.choices(list(APPLICANTS), weights=list(APPLICANTS.values()))[0]
        values[("requests", "new", who)] += 1
    values[("requests", "carried_over", "natural_person")] = carried_over
    values[("requests", "carried_forward", "natural_person")] = forward
    applicants = [col for col in APPLICANTS for _ in range(int(values[("requests", "new", col)]))]
    applicants += ["natural_person"] * carried_over
    rng.shuffle(applicants)
    for who in applicants[:handled]:  # each application handled gets one result, for its applicant
        row = rng.choices(list(RESULTS), weights=list(RESULTS.values()))[0]
        values[("requests", row, who)] += 1
    for who in applicants[handled:]:  # what is carried forward belongs to someone too
        values[("requests", "carried_forward", "natural_person")] -= 1
        values[("requests", "carried_forward", who)] += 1
    in_force = rng.randint(0, 12 if kind == "township" else 30)
    values |= {("active", "normative_documents", "issued"): min(rng.choice((0, 0, 1, 1, 2, 3)), in_force),
               ("active", "normative_documents", "repealed"): rng.choice((0, 0, 0, 1)),
               ("active", "normative_documents", "in_force"): in_force,
               ("active", "licensing", "decisions"): 0 if kind == "township" else int(rng.expovariate(1 / 120)),
               ("active", "penalties", "decisions"): int(rng.expovariate(1 / (15 if kind == "township" else 60))),
               ("active", "enforcement", "decisions"): rng.choice((0, 0, 0, 1, 2))}
    if rng.random() < (0.05 if kind == "township" else 0.2):  # an administrative review, usually upheld
        values[("appeals", "cases", rng.choice(("review_upheld", "review_upheld", "review_upheld",
                                               "review_corrected")))] = 1
    if rng.random() < 0.08:
        values[("appeals", "cases", "direct_suit_upheld")] = 1
    return values


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
