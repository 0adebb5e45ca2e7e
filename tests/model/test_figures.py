"""A report's numbers as one value: built from cells or from the merge's input vector, asked for
tables, totals and indicators, and a batch's verdicts as one Report."""

from __future__ import annotations

import math

from gitools.form import FORM
from gitools.model.figures import Figures
from gitools.model.findings import FileReport, Report, Status, finding


def test_cells_given_are_read_back_and_every_other_cell_is_unknown():
    f = Figures.of(FORM, {("requests", "new", "natural_person"): 3.0, ("active", "fees", "fee_amount"): 0.5})
    assert f.at("requests", "new", "natural_person") == 3.0
    assert f.table("active").at["fees", "fee_amount"] == 0.5
    assert math.isnan(f.at("requests", "new", "total"))  # a total nobody computed is unknown, not 0
    assert len(f.inputs) == len(FORM.input_cells)


def test_totals_are_computed_from_their_parts_totals_of_totals_too():
    values = {("requests", "new", "natural_person"): 2.0, ("requests", "new", "business"): 1.0}
    inputs = [values.get((c.table, c.row, c.column), 0.0) for c in FORM.input_cells]
    f = Figures.from_inputs(FORM, inputs).with_totals()
    assert f.at("requests", "new", "total") == 3.0  # 自然人 2 + 商业企业 1
    assert f.at("requests", "results_total", "total") == 0.0
    assert f.at("appeals", "cases", "review_total") == 0.0
    assert list(f.inputs) == inputs  # the input cells are untouched


def test_a_total_of_an_unknown_part_stays_unknown():
    f = Figures.of(FORM, {("requests", "new", "natural_person"): 2.0}).with_totals()
    assert math.isnan(f.at("requests", "new", "total"))


def test_indicators_sum_the_input_cells_and_count_unknown_as_nothing():
    f = Figures.of(FORM, {("requests", "new", "natural_person"): 4.0, ("requests", "new", "business"): 1.0,
                          ("appeals", "cases", "review_upheld"): 2.0})
    ind = f.indicators()
    assert ind["requests_new"] == 5.0
    assert ind["reviews"] == 2.0
    assert ind["licensing"] == 0.0


def test_a_report_of_many_files_flattens_their_findings():
    ok = FileReport("a.xlsx")
    bad = FileReport("b.xlsx", [finding("requests-balance", "requests.new.natural_person", sheet="三、依申请公开",
                                        cell="D5", lhs=3, rhs=2, diff=1)])
    unreadable = FileReport("c.xlsx", [finding("file-unreadable", reason="not-xlsx")], readable=False)
    report = Report([ok, bad, unreadable])
    assert report.flatten() == [["b.xlsx", "requests-balance", "D5"], ["c.xlsx", "file-unreadable", None]]
    assert report.flatten(("rule", "level")) == [["requests-balance", bad.findings[0].level],
                                                 ["file-unreadable", unreadable.findings[0].level]]
    assert (report.count(Status.PASSED), report.count(Status.FAILED), report.count(Status.UNREADABLE)) == (1, 1, 1)
    assert not report.valid and Report([ok]).valid
