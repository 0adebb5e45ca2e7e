"""merge --previous: this year against last year's summary, for the county and for each unit."""

from __future__ import annotations

import openpyxl
import pytest

from gitools.cli import main
from gitools.form import FORM
from gitools.outputs.xlsx.template.fill import zeros
from gitools.testing.synthetic import unit

from .conftest import write_unit


def requests(new: int, result: str = "disclosed") -> dict:
    return zeros(FORM) | {("requests", "new", "natural_person"): new, ("requests", result, "natural_person"): new}


@pytest.fixture()
def two_years(tmp_path, capsys):
    last = tmp_path / "2024"
    write_unit(last / "甲.xlsx", unit(FORM, 1, year=2024), requests(3))
    write_unit(last / "乙.xlsx", unit(FORM, 2, year=2024), requests(1))
    write_unit(last / "丙.xlsx", unit(FORM, 3, year=2024), requests(2, "unavailable_not_held"))
    now = tmp_path / "2025"
    write_unit(now / "甲.xlsx", unit(FORM, 1), requests(5))
    write_unit(now / "乙.xlsx", unit(FORM, 2), requests(0))
    write_unit(now / "丁.xlsx", unit(FORM, 4), requests(4))
    assert main(["merge", str(last), "-o", str(tmp_path / "2024汇总.xlsx")]) == 0
    out = tmp_path / "2025汇总.xlsx"
    assert main(["merge", str(now), "-o", str(out), "--previous", str(tmp_path / "2024汇总.xlsx")]) == 0
    assert main(["validate", str(out)]) == 0  # with its 同比 sheet, still a valid submission one level up
    capsys.readouterr()
    return openpyxl.load_workbook(out)["同比"]


def test_the_county_figures_side_by_side_with_the_change(two_years):
    rows = {r[0]: r[1:5] for r in two_years.iter_rows(min_row=3, max_row=15, values_only=True) if r[0]}
    assert rows["本年新收政府信息公开申请"] == (9, 6, 3, "+50.0%")
    assert rows["办理结果：予以公开"] == (9, 4, 5, "+125.0%")
    assert rows["办理结果：无法提供"] == (0, 2, -2, "-100.0%")
    assert rows["行政复议"] == (0, 0, 0, "—")


def test_each_unit_this_year_and_last_and_who_appears_in_one_year_only(two_years):
    header_row = next(r for r in range(1, two_years.max_row + 1) if two_years.cell(r, 1).value == "单位名称")
    header = [c.value for c in two_years[header_row]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in two_years.iter_rows(min_row=header_row + 1, values_only=True)}
    new_now, new_before = "本年新收政府信息公开申请（2025）", "本年新收政府信息公开申请（2024）"
    first, second, third, fourth = (unit(FORM, i)["unit_name"] for i in (1, 2, 3, 4))
    assert (rows[first]["年度"], rows[first][new_now], rows[first][new_before]) == ("两年均有", 5, 3)
    assert (rows[second][new_now], rows[second][new_before]) == (0, 1)
    assert (rows[fourth]["年度"], rows[fourth][new_now], rows[fourth][new_before]) == ("仅 2025 年度", 4, None)
    assert (rows[third]["年度"], rows[third][new_now], rows[third][new_before]) == ("仅 2024 年度", None, 2)


def test_a_previous_file_that_is_not_last_years_summary_is_refused(tmp_path, capsys):
    write_unit(tmp_path / "now" / "甲.xlsx", unit(FORM, 1), requests(1))
    write_unit(tmp_path / "单位.xlsx", unit(FORM, 1, year=2024), requests(1))
    assert main(["merge", str(tmp_path / "now"), "-o", str(tmp_path / "汇总.xlsx"),
                 "--previous", str(tmp_path / "单位.xlsx")]) == 2
    assert "不是 gitools 生成的汇总表" in capsys.readouterr().err and not (tmp_path / "汇总.xlsx").exists()


def test_last_years_summary_of_another_county_is_compared_but_said(tmp_path, capsys):
    last, now = tmp_path / "2024", tmp_path / "2025"
    write_unit(last / "甲.xlsx", unit(FORM, 1, year=2024), requests(3))
    write_unit(now / "甲.xlsx", unit(FORM, 1), requests(5))
    assert main(["merge", str(last), "--name", "乙县人民政府", "-o", str(tmp_path / "乙县2024汇总.xlsx")]) == 0
    capsys.readouterr()
    out = tmp_path / "2025汇总.xlsx"
    assert main(["merge", str(now), "--name", "甲县人民政府", "-o", str(out),
                 "--previous", str(tmp_path / "乙县2024汇总.xlsx")]) == 0
    said = capsys.readouterr().out
    assert "! 核实：上年汇总表 乙县2024汇总.xlsx 是“乙县人民政府”" in said and "本次汇总是“甲县人民政府”" in said
    about = {r[0]: r[1] for r in openpyxl.load_workbook(out)["汇总说明"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert about["同比提醒"].endswith("不是同一汇总单位；“同比”仅供参考，请核对是否选错了文件")
