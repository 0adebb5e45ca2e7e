"""gitools merge on real files: totals, traceability, broken inputs, safety, one level up."""

from __future__ import annotations

import hashlib
import html
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl.utils import get_column_letter

from gitools.form import FORM
from gitools.form.sheets import DETAIL_ID, DETAIL_SHEET
from gitools.inputs.kinds import read_book as read
from gitools.inputs.read import read_submission
from gitools.inputs.summary import members
from gitools.io.xlsx import sheet_parts
from gitools.jobs.merge import DoubleCount, MergeError, merge
from gitools.jobs.validate import validate_file
from gitools.model.submission import from_values
from gitools.outputs.xlsx.summary import STATUS_COLUMNS, STATUS_SHEET

from .conftest import write_unit


def expected_tables(units: dict) -> dict:
    """Every cell (inputs and totals) of the sum of the units, computed independently."""
    total: dict = {}
    for _, values in units.values():
        for key, v in values.items():
            total[key] = total.get(key, 0) + v
    return {k: df for k, df in from_values(FORM, total).tables.items()}


def assert_same_tables(path: Path, expected: dict) -> None:
    got = read_submission(path, FORM).tables
    for key, df in expected.items():
        diff = (got[key].fillna(-1) - df.fillna(-1)).abs()
        assert diff.to_numpy().max() < 1e-9, (key, got[key], df)


def digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_totals_are_the_sum_of_the_units_in_every_cell_and_the_summary_validates(county, tmp_path):
    folder, units = county(5)
    out = tmp_path / "汇总" / "县汇总.xlsx"
    result = merge([folder], out, workers=1)
    assert len(result.included) == 5 and result.unit_count == 5
    assert_same_tables(out, expected_tables(units))
    report, sub = validate_file(out)
    assert report.findings == []
    assert sub.unit["unit_category"] == "汇总" and sub.unit["unit_count"] == 5
    assert sub.unit["division_code"] == "410721" and sub.unit["report_year"] == 2025


def test_every_total_is_a_formula_over_its_column_of_units(county, tmp_path):
    folder, units = county(3)
    out = tmp_path / "县汇总.xlsx"
    merge([folder], out, workers=1)
    book = read(out)
    detail = book.sheets[DETAIL_SHEET]
    with zipfile.ZipFile(out) as z:
        sheet_xml = {name: html.unescape(z.read(part).decode()) for name, part in sheet_parts(z).items()}  # &#26126; → 明
    for i, cell in enumerate(FORM.input_cells):
        letters = get_column_letter(len(DETAIL_ID) + i + 1)
        table = FORM.table(cell.table)
        xml = sheet_xml[table.sheet]
        assert f"<f>SUM('{DETAIL_SHEET}'!{letters}5:{letters}7)</f>" in xml, cell.name
        column = [detail[f"{letters}{r}"].value for r in (5, 6, 7)]
        summed = book.sheets[table.sheet][cell.address].value
        assert sum(column) == summed
    names = {detail[f"B{r}"].value for r in (5, 6, 7)}
    assert names == {identity["unit_name"] for identity, _ in units.values()}
    assert members(book) == tuple((detail[f"B{r}"].value, detail[f"C{r}"].value) for r in (5, 6, 7))


def test_a_summary_merges_again_one_level_up_to_the_same_totals(county, tmp_path):
    a, units_a = county(3, "甲县", "410721", seed=1)
    b, units_b = county(2, "乙县", "410724", seed=2)
    merge([a], tmp_path / "上报" / "甲县汇总.xlsx", workers=1)
    merge([b], tmp_path / "上报" / "乙县汇总.xlsx", workers=1)
    city = tmp_path / "市汇总.xlsx"
    result = merge([tmp_path / "上报"], city, workers=1)
    assert result.unit_count == 5 and len(result.included) == 2
    assert_same_tables(city, expected_tables(units_a | units_b))
    report, sub = validate_file(city)
    assert report.errors == [] and sub.unit["division_code"] == "410700" and sub.unit["unit_count"] == 5


def test_a_summary_with_its_own_units_is_refused_and_nothing_is_written(county, tmp_path):
    folder, _units = county(3)
    summary = tmp_path / "县汇总.xlsx"
    merge([folder], summary, workers=1)
    out = tmp_path / "再汇总.xlsx"
    with pytest.raises(DoubleCount) as e:
        merge([folder, summary], out, workers=1)
    assert "县汇总.xlsx" in str(e.value) and "单位01.xlsx" in str(e.value)
    assert not out.exists()


def test_broken_files_each_become_one_line_and_the_rest_still_merges(county, tmp_path):
    folder, units = county(3)
    (folder / "损坏.xlsx").write_bytes(b"PK\x03\x04 this zip was cut short")
    (folder / "其实是文档.xlsx").write_text("这是一个改了扩展名的文本文件", encoding="utf-8")
    (folder / "加密.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    (folder / "旧格式.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    (folder / "~$单位01.xlsx").write_bytes(b"lock")
    (folder / ".隐藏.xlsx").write_bytes(b"hidden")
    (folder / "照片.jpg").write_bytes(b"\xff\xd8\xff")
    before = digest(folder)
    out = tmp_path / "县汇总.xlsx"
    result = merge([folder], out, workers=1)
    assert digest(folder) == before  # inputs untouched
    unreadable = {Path(e.received.path).name: e.received.report.findings[0].message
                  for e in result.entries if not e.received.readable}
    assert set(unreadable) == {"损坏.xlsx", "其实是文档.xlsx", "加密.xlsx", "旧格式.xls"}
    assert "另存为 .xlsx" in unreadable["旧格式.xls"] and "密码" in unreadable["加密.xlsx"]
    assert {Path(s.path).name for s in result.skipped} == {"~$单位01.xlsx", ".隐藏.xlsx", "照片.jpg"}
    assert len(result.included) == 3
    assert_same_tables(out, expected_tables(units))
    status = read(out).sheets[STATUS_SHEET]
    file_col, verdict_col = (get_column_letter(STATUS_COLUMNS.index(c) + 1) for c in ("文件", "校验结论"))
    lines = {v.value for k, v in status.items() if k.startswith(file_col) and isinstance(v.value, str)}
    assert all(any(line.endswith(name) for line in lines) for name in unreadable)
    states = [v.value for k, v in status.items() if k.startswith(verdict_col) and k != f"{verdict_col}3"]
    assert states.count("无法读取") == 4 and states.count("通过") == 3 and states.count("已跳过") == 3


def test_invalid_submissions_stay_out_unless_asked(county, tmp_path):
    folder, units = county(3)
    identity, values = next(iter(units.values()))
    bad = dict(values)
    bad[("requests", "new", "natural_person")] += 5  # breaks 一+二=三+四
    write_unit(folder / "有错.xlsx", identity | {"unit_name": "有错镇人民政府", "credit_code": None}, bad)
    result = merge([folder], tmp_path / "a.xlsx", workers=1)
    assert len(result.included) == 3
    assert_same_tables(tmp_path / "a.xlsx", expected_tables(units))
    result = merge([folder], tmp_path / "b.xlsx", workers=1, include_invalid=True)
    assert len(result.included) == 4
    assert_same_tables(tmp_path / "b.xlsx", expected_tables(units | {"x": (None, bad)}))
    detail = read(tmp_path / "b.xlsx").sheets[DETAIL_SHEET]
    assert any(v.value == "未通过（按要求计入）" for v in detail.values())


def test_the_output_never_overwrites_an_input(county, tmp_path):
    folder, units = county(2)
    first = next(iter(units))
    before = first.read_bytes()
    with pytest.raises(MergeError, match="输入文件之一"):
        merge([folder, first], first, workers=1)
    with pytest.raises(MergeError, match="已存在且位于输入文件夹中"):
        merge([folder], first, workers=1)
    assert first.read_bytes() == before


def test_a_previous_summary_in_the_input_folder_is_replaced_not_merged(county):
    folder, _units = county(2)
    out = folder / "汇总.xlsx"
    merge([folder], out, workers=1)
    result = merge([folder], out, workers=1)
    assert len(result.included) == 2
    assert [s.reason for s in result.skipped] == ["本次汇总的输出文件"]


def test_parallel_reading_gives_the_same_result(county, tmp_path):
    folder, units = county(20, seed=3)
    serial = merge([folder], tmp_path / "1.xlsx", workers=1)
    parallel = merge([folder], tmp_path / "2.xlsx", workers=2)
    assert serial.totals == parallel.totals
    assert [e.received.path for e in serial.entries] == [e.received.path for e in parallel.entries]
    assert_same_tables(tmp_path / "2.xlsx", expected_tables(units))


def test_libreoffice_recalculates_the_summary_to_the_same_totals(county, tmp_path, office_resave):
    folder, units = county(3)
    out = tmp_path / "县汇总.xlsx"
    merge([folder], out, workers=1)
    # drop every cached value so that the office suite must compute each formula itself
    stripped = tmp_path / "无缓存.xlsx"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1", data)
            zout.writestr(info, data)
    assert_same_tables(office_resave(stripped), expected_tables(units))
    assert_same_tables(office_resave(out), expected_tables(units))


def test_the_chart_data_adds_up_to_the_county_results_total(county, tmp_path):
    folder, units = county(4)
    out = tmp_path / "县汇总.xlsx"
    merge([folder], out, workers=1)
    charts = read(out).sheets["图表"]
    rows = {charts[f"A{r}"].value: charts[f"B{r}"].value for r in range(1, 80)
            if f"A{r}" in charts and f"B{r}" in charts}
    groups = ["（一）予以公开", "（二）部分公开", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]
    assert sum(rows[g] for g in groups) == expected_tables(units)["requests"].at["results_total", "total"]
    with zipfile.ZipFile(out) as z:
        assert sum(1 for n in z.namelist() if n.startswith("xl/charts/chart")) == 3
