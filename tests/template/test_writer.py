"""The template a clerk meets: official layout, protection, validation, names, formulas."""

from pathlib import Path

import openpyxl
import pytest

from gitools.cli import main
from gitools.form import FORM

from ..conftest import TEMPLATE


def snapshot(path: Path) -> dict:
    """Everything a clerk or a reader depends on, in comparable form."""
    wb = openpyxl.load_workbook(path)
    out: dict = {"sheets": wb.sheetnames,
                 "names": {n: d.attr_text for n, d in wb.defined_names.items()},
                 "props": sorted((p.name, p.value) for p in wb.custom_doc_props.props)}
    for ws in wb.worksheets:
        out[ws.title] = {
            "cells": {c.coordinate: c.value for row in ws.iter_rows() for c in row
                      if c.value is not None},
            "merges": sorted(str(m) for m in ws.merged_cells.ranges),
            "validations": sorted(
                (str(dv.sqref), dv.type, dv.operator, dv.formula1, dv.formula2, dv.prompt, dv.error)
                for dv in ws.data_validations.dataValidation),
            "unlocked": sorted(c.coordinate for row in ws.iter_rows() for c in row
                               if not c.protection.locked),
            "protected": ws.protection.sheet,
            "print": (ws.print_area, ws.print_title_rows, ws.page_setup.fitToWidth),
        }
    return out


@pytest.fixture(scope="module")
def wb():
    return openpyxl.load_workbook(TEMPLATE)


def test_committed_template_is_exactly_what_the_command_writes(tmp_path):
    out = tmp_path / "t.xlsx"
    assert main(["template", "-o", str(out)]) == 0
    assert snapshot(out) == snapshot(TEMPLATE)


def test_year_option_prefills_the_report_year(tmp_path):
    out = tmp_path / "t.xlsx"
    assert main(["template", "-o", str(out), "--year", "2025"]) == 0
    f = FORM.field("report_year")
    assert openpyxl.load_workbook(out)[f.sheet][f.address].value == 2025


def test_bad_year_and_bad_output_are_refused_in_chinese(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["template", "-o", str(tmp_path / "t.xlsx"), "--year", "25"])
    assert e.value.code == 2
    assert "4位年份" in capsys.readouterr().err
    assert main(["template", "-o", str(tmp_path / "t.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err


def test_sheets_have_chinese_names_in_the_reports_order(wb):
    assert wb.sheetnames == ["填报说明", "单位信息", "二、主动公开", "三、依申请公开", "四、复议诉讼",
                             "一五六、文字部分", "校验结果"]


def test_sheets_are_protected_but_cells_may_be_coloured_by_the_check_button(wb):
    for name in ("单位信息", "三、依申请公开", "一五六、文字部分"):
        assert wb[name].protection.sheet and not wb[name].protection.formatCells
    assert not wb["校验结果"].protection.sheet  # the button writes its findings here


def test_every_official_label_is_on_its_sheet(wb):
    for t in FORM.tables:
        texts = {c.value for row in wb[t.sheet].iter_rows() for c in row if isinstance(c.value, str)}
        for r in t.rows:
            if t.key != "appeals":
                assert r.label in texts
            assert all(p in texts for p in r.path)
        for c in t.columns:
            assert c.label in texts
            assert all(p in texts for p in c.path)


def test_multi_level_headers_are_merged_like_the_official_table(wb):
    merges = {str(m) for m in wb["三、依申请公开"].merged_cells.ranges}
    assert {"A2:C4", "D2:J2", "D3:D4", "E3:I3", "J3:J4", "A7:A28", "B9:B16"} <= merges
    merges4 = {str(m) for m in wb["四、复议诉讼"].merged_cells.ranges}
    assert {"A2:E2", "F2:O2", "F3:J3", "K3:O3", "A3:A4"} <= merges4
    assert "B8:D8" in {str(m) for m in wb["二、主动公开"].merged_cells.ranges}


def test_input_cells_are_unlocked_and_marked_everything_else_locked(wb):
    for t in FORM.tables:
        ws = wb[t.sheet]
        assert ws.protection.sheet and not ws.protection.password
        for c in t.cells:
            cell = ws[c.address]
            assert cell.protection.locked is (not c.input), c.name
            assert cell.fill.fgColor.rgb.endswith("FFF2CC" if c.input else "E7E6E6")
    for f in FORM.fields:
        assert not wb[f.sheet][f.address].protection.locked
    assert wb["三、依申请公开"]["A5"].protection.locked
    assert wb.security.lockStructure


def test_totals_are_formulas(wb):
    ws = wb["三、依申请公开"]
    t = FORM.table("requests")
    assert ws[t.cell("new", "total").address].value == "=SUM(D5:I5)"
    assert ws[t.cell("results_total", "natural_person").address].value == "=SUM(D7:D27)"
    ws4 = wb["四、复议诉讼"]
    assert ws4["E5"].value == "=SUM(A5:D5)" and ws4["O5"].value == "=SUM(K5:N5)"
    for table in FORM.tables:
        for c in table.cells:
            value = wb[table.sheet][c.address].value
            assert (isinstance(value, str) and value.startswith("=SUM(")) is (not c.input)


def test_every_input_cell_has_a_validation_with_chinese_prompt_and_error(wb):
    for t in FORM.tables:
        ws = wb[t.sheet]
        for c in t.cells:
            if not c.input:
                continue
            dvs = [dv for dv in ws.data_validations.dataValidation if c.address in dv.sqref]
            assert len(dvs) == 1, c.name
            dv = dvs[0]
            assert dv.showErrorMessage and dv.showInputMessage and dv.errorStyle in (None, "stop")
            assert dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"
            assert dv.type == ("decimal" if c.type.value == "amount" else "whole")
            assert "万元" in dv.prompt if c.type.value == "amount" else "整数" in dv.prompt
    ws = wb["单位信息"]
    kinds = {}
    for f in FORM.fields:
        (dv,) = [dv for dv in ws.data_validations.dataValidation if f.address in dv.sqref]
        kinds[f.key] = (dv.type, dv.formula1)
        assert dv.prompt and dv.error
    assert kinds["unit_category"][0] == "list" and "街道办事处" in kinds["unit_category"][1]
    assert kinds["credit_code"] == ("textLength", "18")
    assert kinds["division_code"] == ("textLength", "6")
    assert kinds["report_year"] == ("whole", "2021")


def test_every_cell_and_field_has_a_workbook_scoped_name(wb):
    names = dict(wb.defined_names.items())
    for t in FORM.tables:
        for c in t.cells:
            col = "".join(ch for ch in c.address if ch.isalpha())
            row = c.address[len(col):]
            assert names[c.name].attr_text == f"'{t.sheet}'!${col}${row}"
    for f in FORM.fields:
        assert f.name in names
    for s in FORM.sections:
        assert s.name in names
    assert all(not ws.defined_names for ws in wb.worksheets)


def test_live_check_row_under_table_three(wb):
    ws = wb["三、依申请公开"]
    assert ws["A30"].value == "校验：一＋二＝三（七）＋四"
    for col in "DEFGHIJ":
        assert f"{col}5+{col}6" in ws[f"{col}30"].value.replace("(", "").replace(")", "")
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert any('LEFT(D30,1)="✗"' in r.formula[0] for r in rules)


def test_prints_on_a4_fitted_to_width_with_repeated_headers(wb):
    ws = wb["三、依申请公开"]
    assert ws.print_area == "'三、依申请公开'!$A$1:$J$30"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$2:$4"


def test_form_id_and_version_are_stored_in_the_workbook(wb):
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props == {"gitools.form": FORM.id, "gitools.version": FORM.version}


def test_instructions_sheet_explains_checks_protection_and_contact(wb):
    text = "\n".join(str(c.value) for row in wb["填报说明"].iter_rows() for c in row if c.value)
    for rule in {r.rule for t in FORM.tables for r in t.relations}:
        assert FORM.rule(rule).title in text
    assert "没有密码" in text or "无密码" in text
    assert "联系人" in text and "校验状态" in text
