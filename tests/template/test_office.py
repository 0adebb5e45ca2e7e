"""The template computes its totals and live checks in a real office suite (LibreOffice)."""

import openpyxl
import pytest

from gitools.form import FORM

from ..conftest import TEMPLATE

pytestmark = pytest.mark.office


def fill(tmp_path, values: dict[tuple[str, str, str], object]):
    wb = openpyxl.load_workbook(TEMPLATE)
    for (table, row, col), v in values.items():
        t = FORM.table(table)
        wb[t.sheet][t.cell(row, col).address] = v
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    return path


def test_libreoffice_computes_totals_and_checks(tmp_path, office_resave):
    path = fill(tmp_path, {
        ("requests", "new", "natural_person"): 3, ("requests", "new", "business"): 1,
        ("requests", "disclosed", "natural_person"): 2, ("requests", "withheld_query", "business"): 1,
        ("requests", "carried_forward", "natural_person"): 1,
        ("requests", "new", "research"): 2,  # never answered: 一+二 ≠ 三（七）+四 in this column
        ("appeals", "cases", "review_upheld"): 1, ("appeals", "cases", "review_pending"): 2,
        ("active", "normative_documents", "issued"): 3, ("active", "normative_documents", "in_force"): 1,
    })
    wb = openpyxl.load_workbook(office_resave(path), data_only=True)
    t3, ws3 = FORM.table("requests"), wb["三、依申请公开"]
    assert ws3[t3.cell("new", "total").address].value == 6
    assert ws3[t3.cell("results_total", "natural_person").address].value == 2
    assert ws3[t3.cell("results_total", "total").address].value == 3
    checks = {r.lhs[0][1]: ws3[r.check_address].value for r in t3.relations if r.check_address}
    assert checks["natural_person"].startswith("✓") and checks["business"].startswith("✓")
    assert checks["research"] == "✗ 不符，差2"
    assert checks["total"] == "✗ 不符，差2"
    assert wb["四、复议诉讼"]["E5"].value == 3
    t2 = FORM.table("active")
    warn = next(r.check_address for r in t2.relations if r.lhs[0][0] == "normative_documents")
    assert wb["二、主动公开"][warn].value.startswith("⚠")
    status = [c.value for row in wb["填报说明"].iter_rows() for c in row
              if isinstance(c.value, str) and c.value[:1] in "✓✗"]
    assert status == ["✗ 有2处不符，请到各表查看红色提示"]
    # names and the form's identity survive the round trip
    wb2 = openpyxl.load_workbook(office_resave(path))
    assert wb2.defined_names["requests.new.natural_person"].attr_text == "'三、依申请公开'!$D$5"
    assert {p.name: p.value for p in wb2.custom_doc_props.props}["gitools.form"] == FORM.id

def test_text_in_a_number_cell_is_flagged(tmp_path, office_resave):
    path = fill(tmp_path, {("requests", "new", "natural_person"): "3件",
                           ("appeals", "cases", "review_upheld"): "１"})
    wb = openpyxl.load_workbook(office_resave(path), data_only=True)
    t3 = FORM.table("requests")
    assert wb["三、依申请公开"]["D30"].value == "✗ 含非数字内容"
    assert wb["三、依申请公开"][t3.status_address].value.startswith("✗ 本表有1个")
    assert wb["四、复议诉讼"][FORM.table("appeals").status_address].value.startswith("✗")


def test_blank_template_passes_its_own_checks(tmp_path, office_resave):
    wb = openpyxl.load_workbook(office_resave(TEMPLATE), data_only=True)
    assert all(wb["三、依申请公开"][f"{c}30"].value == "✓ 相符" for c in "DEFGHIJ")
    status = [c.value for row in wb["填报说明"].iter_rows() for c in row
              if isinstance(c.value, str) and c.value[:1] in "✓✗"]
    assert status == ["✓ 各表勾稽关系相符，数字格均为数字"]
