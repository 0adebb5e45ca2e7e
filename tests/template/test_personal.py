"""Templates prefilled per roster unit: identity written in and locked, files named after units."""

from __future__ import annotations

import openpyxl
import pytest

from gitools.cli import main
from gitools.form import FORM
from gitools.inputs.read import read_submission
from gitools.outputs.xlsx.template.fill import fill

from ..conftest import GOOD_NARRATIVE, good_values, valid_credit_code

CODE = valid_credit_code("410721", "00543214")
ROSTER = ("序号,单位名称,统一社会信用代码,单位类别,联系人,联系电话\n"
          f"1,示例县教育局,{CODE},县（市、区）政府部门,赵六,0373-5550001\n"
          f"2,示例县河口镇人民政府,{CODE[:-1]}{'1' if CODE[-1] != '1' else '2'},乡镇,钱七,\n"
          "3,示例县/西岭镇:人民政府,,,,\n")


@pytest.fixture()
def prefilled(tmp_path, capsys):
    roster = tmp_path / "名单.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    settings = tmp_path / "设置.ini"
    settings.write_text("[联系方式]\n联系单位 = 示例县人民政府办公室\n联系人 = 李四\n", encoding="utf-8")
    out = tmp_path / "各单位"
    assert main(["template", "--roster", str(roster), "-o", str(out), "--year", "2025", "--settings", str(settings),
                 "--contact-phone", "0373-5551234"]) == 0
    return out, capsys.readouterr().out


def test_one_template_per_unit_named_after_it(prefilled):
    out, text = prefilled
    assert sorted(p.name for p in out.iterdir()) == ["示例县_西岭镇_人民政府.xlsx", "示例县教育局.xlsx", "示例县河口镇人民政府.xlsx"]
    assert "共 3 个单位的预填模板" in text


def test_the_identity_is_prefilled_and_locked_the_rest_left_to_the_clerk(prefilled):
    out, _ = prefilled
    unit = read_submission(out / "示例县教育局.xlsx", FORM).unit
    assert (unit["unit_name"], unit["credit_code"], unit["division_code"], unit["unit_category"], unit["report_year"]) \
        == ("示例县教育局", CODE, "410721", "县（市、区）政府部门", 2025)
    ws = openpyxl.load_workbook(out / "示例县教育局.xlsx")[FORM.unit_sheet]
    locked = {f.key: ws[f.address].protection.locked for f in FORM.fields}
    assert locked["unit_name"] and locked["credit_code"] and locked["division_code"] and locked["unit_category"]
    assert not locked["preparer"] and not locked["phone"] and not locked["report_year"]
    assert ws.protection.sheet


def test_what_the_roster_gets_wrong_is_left_open_and_reported(prefilled):
    out, text = prefilled
    unit = read_submission(out / "示例县河口镇人民政府.xlsx", FORM).unit
    assert unit["unit_name"] == "示例县河口镇人民政府" and unit["credit_code"] is None and unit["unit_category"] is None
    ws = openpyxl.load_workbook(out / "示例县河口镇人民政府.xlsx")[FORM.unit_sheet]
    assert not ws[FORM.field("credit_code").address].protection.locked
    assert "  ! 名单第 3 行（示例县河口镇人民政府）：统一社会信用代码" in text and "校验位不符，未预填" in text
    assert "单位类别“乡镇”不在模板的列表中" in text
    assert "其中 1 个单位的名单有误、相应项未预填（示例县河口镇人民政府）" in text.splitlines()[-1]  # said again at the end


def test_the_county_contact_block_comes_from_settings_and_options(prefilled):
    out, _ = prefilled
    ws = openpyxl.load_workbook(out / "示例县教育局.xlsx")[FORM.info_sheet]
    block = {row[0].value: row[1].value for row in ws.iter_rows(max_col=2) if row[0].value in ("联系单位", "联系人", "联系电话")}
    assert block == {"联系单位": "示例县人民政府办公室", "联系人": "李四", "联系电话": "0373-5551234"}


@pytest.mark.office
def test_a_prefilled_template_filled_in_and_saved_by_libreoffice_passes(prefilled, office_resave, tmp_path):
    out, _ = prefilled
    wb = openpyxl.load_workbook(out / "示例县教育局.xlsx")
    fill(wb, FORM, unit={"preparer": "王五", "phone": "0373-5551234", "filled_on": __import__("datetime").date(2026, 1, 9)},
         values=good_values(), narrative=GOOD_NARRATIVE)
    wb.save(tmp_path / "填好.xlsx")
    resaved = office_resave(tmp_path / "填好.xlsx")
    assert main(["validate", str(resaved)]) == 0
    assert read_submission(resaved, FORM).unit["credit_code"] == CODE
    assert openpyxl.load_workbook(resaved)[FORM.unit_sheet][FORM.field("credit_code").address].protection.locked
