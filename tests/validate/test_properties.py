"""Properties: any consistent report passes; any single change to table 三 is caught."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gitools.form import FORM
from gitools.model.submission import from_values
from gitools.outputs.xlsx.template.fill import zeros
from gitools.validate import validate

from ..conftest import GOOD_UNIT

T = FORM.table("requests")
APPLICANTS = [c.key for c in T.columns if c.key != "total"]
RESULTS = [r.key for r in T.rows if r.key not in ("new", "carried_over", "results_total", "carried_forward")]
NARRATIVE = {"other_matters": "本年度未收取信息处理费。"}


@st.composite
def consistent_reports(draw):
    """Results per applicant column, then split 一+二 so that the balance holds."""
    values = zeros(FORM)
    for col in APPLICANTS:
        done = 0
        for row in RESULTS:
            n = draw(st.integers(0, 3)) if draw(st.booleans()) else 0
            values[("requests", row, col)] = n
            done += n
        forward = draw(st.integers(0, 3))
        carried = draw(st.integers(0, done + forward))
        values[("requests", "carried_forward", col)] = forward
        values[("requests", "carried_over", col)] = carried
        values[("requests", "new", col)] = done + forward - carried
    return values


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(consistent_reports())
def test_a_random_consistent_report_passes(values):
    sub = from_values(FORM, values, GOOD_UNIT, NARRATIVE)
    assert validate(sub) == []


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(consistent_reports(), st.sampled_from([c for c in T.cells if c.input]), st.integers(1, 5),
       st.booleans())
def test_changing_any_single_input_cell_of_table_three_is_caught(values, cell, delta, up):
    # totals stay as the clerk's file had them; only one input cell changes
    original = from_values(FORM, values, GOOD_UNIT, NARRATIVE)
    key = ("requests", cell.row, cell.column)
    changed = dict(values)
    for c in T.cells:
        if not c.input:
            changed[("requests", c.row, c.column)] = original.tables["requests"].at[c.row, c.column]
    changed[key] = values[key] + delta if up or values[key] < delta else values[key] - delta
    findings = validate(from_values(FORM, changed, GOOD_UNIT, NARRATIVE))
    assert any(f.severity.value == "error" and f.sheet == T.sheet for f in findings)
