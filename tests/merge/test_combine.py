"""What enters the totals and why: years, duplicates, the roster, double counting."""

from __future__ import annotations

import datetime as dt
import random
from array import array

from gitools.form import FORM
from gitools.inputs.roster import RosterEntry
from gitools.merge.combine import choose_year, combine, problems
from gitools.merge.received import Received
from gitools.model.findings import FileReport, finding
from gitools.testing.synthetic import consistent_values, unit

CELLS = FORM.input_cells


def received(path: str, identity: dict, *, values: dict | None = None, errors: bool = False,
             modified: float = 0.0, members=()) -> Received:
    values = values or consistent_values(FORM, random.Random(path))
    report = FileReport(path, [finding("requests-balance", "x")] if errors else [])
    return Received(path, modified, report, identity,
                    array("d", (float(values.get((c.table, c.row, c.column), 0)) for c in CELLS)), members)


def unreadable(path: str) -> Received:
    return Received(path, 0.0, FileReport(path, [finding("file-unreadable", "坏了")], readable=False))


def test_totals_sum_the_included_and_errors_stay_out_by_default():
    a, b, c = (received(f"{i}.xlsx", unit(FORM, i)) for i in (1, 2, 3))
    bad = received("4.xlsx", unit(FORM, 4), errors=True)
    result = combine([a, b, c, bad], FORM)
    assert [e.included for e in result.entries] == [True, True, True, False]
    assert result.totals == [round(x + y + z, 6) for x, y, z in zip(a.values, b.values, c.values, strict=True)]
    assert "1 个错误，未计入" in result.entries[3].note
    assert combine([a, bad], FORM, include_invalid=True).entries[1].included


def test_the_year_most_units_report_is_summed_and_others_are_excluded_with_a_finding():
    units = [received(f"{i}.xlsx", unit(FORM, i, year=2025)) for i in range(3)]
    old = received("old.xlsx", unit(FORM, 9, year=2024))
    assert choose_year([*units, old]) == 2025
    result = combine([*units, old], FORM)
    entry = next(e for e in result.entries if e.received is old)
    assert not entry.included and [f.rule for f in entry.findings] == ["merge-year-mismatch"]
    assert combine([*units, old], FORM, year=2024).included[0].received is old


def test_a_unit_that_reported_twice_counts_once_the_later_filled_copy_wins():
    identity = unit(FORM, 1)
    early = received("早.xlsx", identity | {"filled_on": dt.date(2026, 1, 5)}, modified=200)
    late = received("晚.xlsx", identity | {"filled_on": dt.date(2026, 1, 9)}, modified=100)
    result = combine([early, late], FORM)
    assert [e.received.path for e in result.included] == ["晚.xlsx"]
    dropped = next(e for e in result.entries if not e.included)
    assert "重复报送" in dropped.note and "填报日期较晚" in dropped.note
    assert dropped.findings[0].rule == "merge-duplicate"


def test_same_filling_date_the_newer_file_wins_and_a_renamed_unit_is_caught_by_its_code():
    identity = unit(FORM, 1)
    old = received("a.xlsx", identity, modified=100)
    new = received("b.xlsx", identity | {"unit_name": "改了名字的镇"}, modified=200)
    result = combine([old, new], FORM)
    assert [e.received.path for e in result.included] == ["b.xlsx"]
    assert "文件较新" in result.entries[0].note


def test_roster_lists_the_missing_and_the_unknown():
    a, b = received("a.xlsx", unit(FORM, 1)), received("b.xlsx", unit(FORM, 2))
    stranger = received("c.xlsx", unit(FORM, 3) | {"unit_name": "外县某局", "credit_code": None})
    roster = [RosterEntry(a.unit["unit_name"], None, 2), RosterEntry(None, b.unit["credit_code"], 3),
              RosterEntry("示例县未报送镇人民政府", None, 4), RosterEntry("示例县坏文件镇", None, 5)]
    broken = unreadable("收件/示例县坏文件镇-年报.xlsx")
    result = combine([a, b, stranger, broken], FORM, roster=roster)
    assert [r.name for r in result.missing] == ["示例县未报送镇人民政府"]
    said = [(unit, f.rule, f.message) for unit, path, f in problems(result) if path is None]
    assert said == [("示例县未报送镇人民政府", "merge-missing", "示例县未报送镇人民政府（名单第 4 行）没有报送")]
    by_path = {e.received.path: e for e in result.entries}
    assert by_path["a.xlsx"].roster is roster[0] and by_path["b.xlsx"].roster is roster[1]
    assert by_path[broken.path].roster is roster[3]  # matched by its file name, reported as unreadable
    assert [f.rule for f in by_path["c.xlsx"].findings] == ["merge-not-on-roster"]
    assert by_path["c.xlsx"].included  # a unit missing from the roster still counts; the office is told


def test_a_summary_and_a_unit_it_contains_collide():
    a, b = unit(FORM, 1), unit(FORM, 2)
    summary = received("县汇总.xlsx", unit(FORM, 9) | {"unit_category": "汇总", "unit_count": 2},
                       members=((a["unit_name"], a["credit_code"]), (b["unit_name"], b["credit_code"])))
    result = combine([summary, received("单位1.xlsx", a)], FORM)
    assert [(c.rule, c.params["summary"], c.params["other"]) for c in result.collisions] == [
        ("merge-double-count", "县汇总.xlsx", "单位1.xlsx")]
    assert result.collisions[0].message == f"县汇总.xlsx 已包含 {a['unit_name']}（单位1.xlsx），不能一并汇总"
    other_county = received("单位x.xlsx", unit(FORM, 5))
    assert combine([summary, other_county], FORM).collisions == []
    assert combine([summary, other_county], FORM).unit_count == 3


def test_two_summaries_holding_the_same_unit_collide_once():
    a = unit(FORM, 1)
    s1 = received("甲.xlsx", unit(FORM, 8) | {"unit_category": "汇总"}, members=((a["unit_name"], None),))
    s2 = received("乙.xlsx", unit(FORM, 9) | {"unit_category": "汇总"}, members=((a["unit_name"], None),))
    assert len(combine([s1, s2], FORM).collisions) == 1


def test_the_number_to_dial_is_the_workbooks_only_when_it_is_a_number():
    from gitools.merge.combine import phone_to_dial

    assert phone_to_dial("0373-5551234", "0373-7021007") == ("0373-5551234", "工作簿")
    assert phone_to_dial("1393730123", "0373-7021007") == ("0373-7021007", "名单")  # ten digits: a dead number
    assert phone_to_dial(None, "0373-7021007") == ("0373-7021007", "名单")
    assert phone_to_dial("1393730123", None) == ("1393730123", "工作簿（号码有误）")
