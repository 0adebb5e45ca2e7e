"""Workbooks re-saved by a real office suite (LibreOffice) read and validate the same."""

import openpyxl
import pytest

from gitools.jobs.validate import validate_file

pytestmark = pytest.mark.office


def test_a_consistent_report_resaved_by_libreoffice_still_passes(make_book, office_resave):
    report, sub = validate_file(office_resave(make_book()))
    assert report.findings == []
    assert sub.tables["requests"].at["results_total", "total"] == 3


def test_hand_damage_survives_the_round_trip_and_is_reported(make_book, office_resave, tmp_path):
    wb = openpyxl.load_workbook(make_book())
    ws = wb["三、依申请公开"]
    ws["J5"] = 10          # text/number typed over the total formula
    ws["E7"] = "３件"       # full-width digit with a unit
    ws["D8"] = None         # a blank left for 0
    wb["单位信息"]["B5"] = "410702"  # an identity that contradicts the credit code
    wb.save(tmp_path / "damaged.xlsx")
    report, _ = validate_file(office_resave(tmp_path / "damaged.xlsx"))
    found = {(f.rule, f.cell) for f in report.findings}
    assert ("total-overwritten", "J5") in found
    assert ("requests-row-total", "J5") in found
    assert ("value-as-text", "E7") in found
    assert ("value-blank", "D8") in found
    assert ("division-code-mismatch", "B5") in found
