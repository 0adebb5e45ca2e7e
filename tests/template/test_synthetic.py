"""Made-up sample reports look like real ones: consistent, and in the proportions real reports show."""

from __future__ import annotations

import random

import pytest

from gitools.form import FORM
from gitools.model.submission import from_values
from gitools.testing.synthetic import realistic_values
from gitools.validate import validate_all


@pytest.mark.parametrize("kind", ["township", "department", "busy_department"])
def test_every_identity_of_the_form_holds(kind):
    subs = [from_values(FORM, realistic_values(FORM, random.Random(seed), kind), {"unit_name": "甲"})
            for seed in range(60)]
    for found in validate_all(subs):
        assert [f.rule for f in found if f.level.value == "mandatory" and not f.rule.startswith("unit")] == []


def test_in_aggregate_the_mix_is_that_of_real_reports():
    total: dict = {}
    for seed in range(300):
        for key, v in realistic_values(FORM, random.Random(seed), "department").items():
            total[key] = total.get(key, 0) + v
    new = {col: total[("requests", "new", col)] for col in ("natural_person", "business", "research")}
    results = {row: sum(v for (t, r, _), v in total.items() if t == "requests" and r == row)
               for row in ("disclosed", "unavailable_not_held", "partially_disclosed")}
    withheld = sum(v for (t, r, _), v in total.items() if t == "requests" and r.startswith("withheld"))
    handled = sum(v for (t, r, _), v in total.items() if t == "requests" and r not in ("new", "carried_over", "carried_forward"))
    assert new["natural_person"] / sum(v for (t, r, _), v in total.items() if (t, r) == ("requests", "new")) > 0.75
    assert new["business"] > new["research"]
    assert results["disclosed"] > results["unavailable_not_held"] > results["partially_disclosed"]
    assert withheld / handled < 0.1  # a few percent, as in real reports
