"""The five real published reports, imported: every number in the right cell, and what the
published tables get wrong reported. Expected values are transcribed by hand from the seeds."""

from __future__ import annotations

import math

import pytest

from gitools.form import FORM
from gitools.inputs.read import import_report
from gitools.validate import validate

from ..conftest import SEEDS

# Every number of every table of each seed: the ones below as published, all others 0.
# (The published tables are almost all zeros; each non-zero number is listed with its cell.)
EXPECTED = {
    "000_6a1ea5d47ca6a7aa.txt": ("新华区焦店镇人民政府", 2023, {
        ("requests", "new", "natural_person"): 1, ("requests", "new", "total"): 1,
        ("requests", "partially_disclosed", "natural_person"): 1, ("requests", "partially_disclosed", "total"): 1,
        ("requests", "results_total", "natural_person"): 1, ("requests", "results_total", "total"): 1}),
    "001_273e2686118735bf.txt": ("勍香镇", 2022, {}),
    "002_e8660239deac921c.txt": ("新乡县人民政府办公室", 2023, {
        ("active", "normative_documents", "issued"): 2, ("active", "normative_documents", "in_force"): 2,
        ("requests", "new", "natural_person"): 2, ("requests", "new", "total"): 2,
        ("requests", "disclosed", "natural_person"): 2, ("requests", "disclosed", "total"): 2,
        ("requests", "results_total", "natural_person"): 2, ("requests", "results_total", "total"): 2}),
    "003_f8e573e1db3a03c4.txt": ("鲁山县露峰街道办事处", 2023, {
        ("active", "normative_documents", "issued"): 1, ("active", "normative_documents", "in_force"): 1}),
    "004_b4c873c83d7e3610.txt": ("平罗县陶乐镇", 2023, {}),
}
# 004's 表三 was damaged when published: three unlabeled rows, and no rows for 6.–8. of （三）
DAMAGED = {"withheld_process_info", "withheld_enforcement_file", "withheld_query"}


def all_cells():
    return [(t.key, c.row, c.column) for t in FORM.tables for c in t.cells]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_number_of_the_seed_lands_in_its_cell(name):
    unit_name, year, nonzero = EXPECTED[name]
    sub, found = import_report(SEEDS / name, FORM)
    assert (found.unit_name, found.year) == (unit_name, year)
    assert (sub.unit["unit_name"], sub.unit["report_year"]) == (unit_name, year)
    for key in all_cells():
        got = sub.tables[key[0]].at[key[1], key[2]]
        if name.startswith("004") and key[0] == "requests" and key[1] in DAMAGED:
            assert math.isnan(got), key  # never invented
        else:
            assert got == nonzero.get(key, 0), (name, key, got)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_narrative_sections_are_taken_as_text(name):
    _, found = import_report(SEEDS / name, FORM)
    assert found.narrative.get("problems") and found.narrative.get("other_matters")
    assert found.narrative.get("overview") or found.narrative.get("overview_active")
    assert "二、主动公开" not in "".join(found.narrative.values())


def test_seed_000_splits_the_overview_into_its_five_parts():
    _, found = import_report(SEEDS / "000_6a1ea5d47ca6a7aa.txt", FORM)
    assert found.narrative["overview_requests"].startswith("2023 年收到政府信息公开申请 1 件")
    assert {"overview_active", "overview_management", "overview_platforms", "overview_oversight"} <= set(found.narrative)


def test_the_damaged_table_of_seed_004_is_reported_row_by_row():
    sub, found = import_report(SEEDS / "004_b4c873c83d7e3610.txt", FORM)
    rules = [f.rule for f in found.findings]
    assert rules.count("import-row-unlabeled") == 3
    assert rules.count("import-row-missing") == 3 and rules.count("import-label-shifted") == 3
    missing = [f for f in found.findings if f.rule == "import-row-missing"]
    assert [f.cell for f in missing] == ["D14", "D15", "D16"]
    assert "6.属于四类过程性信息" in missing[0].message
    assert "原文第 67 行" in next(f for f in found.findings if f.rule == "import-row-unlabeled").message
    assert all(f.severity.value == "error" for f in found.findings if f.rule != "import-label-shifted")
    assert {f.rule for f in validate(sub)} >= {"import-row-unlabeled", "import-row-missing"}


def test_what_the_seeds_get_wrong_is_reported_like_a_workbook():
    sub, _ = import_report(SEEDS / "002_e8660239deac921c.txt", FORM)
    assert "narrative-documents-mismatch" in {f.rule for f in validate(sub)}
    for name in ("000_6a1ea5d47ca6a7aa.txt", "001_273e2686118735bf.txt", "002_e8660239deac921c.txt",
                 "003_f8e573e1db3a03c4.txt"):
        sub, found = import_report(SEEDS / name, FORM)
        assert found.findings == []  # layouts read cleanly
        tables = {f.rule for f in validate(sub) if f.sheet and f.sheet.startswith(("二", "三", "四"))}
        assert tables == set(), (name, tables)  # and their tables are consistent


def test_rows_out_of_order_and_variant_spelling_are_read_by_label_and_reported(tmp_path):
    lines = (SEEDS / "002_e8660239deac921c.txt").read_text(encoding="utf-8").splitlines()
    new = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    lines[new], lines[new + 1] = lines[new + 1], lines[new]  # 二、上年结转 now comes first
    moved = tmp_path / "顺序颠倒.txt"
    moved.write_bytes("\n".join(lines).replace("1.属于国家秘密", "1．属于国家秘密").encode("gb18030"))
    sub, found = import_report(moved, FORM)
    assert [f.rule for f in found.findings] == ["import-row-order"]
    assert "二、上年结转" in found.findings[0].message or "一、本年新收" in found.findings[0].message
    assert sub.tables["requests"].at["new", "natural_person"] == 2
    assert sub.tables["requests"].at["carried_over", "natural_person"] == 0
