"""Every rule: a consistent report passes, and each kind of mistake is found where it is."""

import datetime as dt

import openpyxl
import pytest

from gitools.jobs.validate import validate_file
from gitools.model.findings import Report, Status

from ..conftest import valid_credit_code

R, A, T4 = "requests", "active", "appeals"


def rules_at(report):
    return {tuple(row) for row in Report([report]).flatten(("rule", "cell"))}


def test_a_consistent_report_passes_without_any_finding(make_book):
    report, sub = validate_file(make_book())
    assert report.findings == []
    assert report.status is Status.PASSED
    assert sub.tables[R].at["new", "total"] == 3  # a total never calculated is computed


@pytest.mark.parametrize("overrides, rule, cell, level", [
    ({"values": {(R, "new", "total"): 9}}, "requests-row-total", "J5", "mandatory"),
    ({"values": {(R, "results_total", "business"): 7}}, "requests-results-total", "E28", "mandatory"),
    ({"values": {(R, "carried_forward", "natural_person"): 0}}, "requests-balance", "D5", "mandatory"),
    ({"values": {(T4, "cases", "review_total"): 4}}, "appeals-group-total", "E5", "mandatory"),
    ({"values": {(A, "regulations", "issued"): 2, (A, "regulations", "in_force"): 1}},
     "active-in-force-below-issued", "D4", "review"),
    ({"values": {(T4, "cases", "direct_suit_upheld"): "abc"}}, "value-not-number", "F5", "mandatory"),
    ({"values": {(T4, "cases", "review_other"): -1, (T4, "cases", "review_upheld"): 2}},
     "value-negative", "C5", "mandatory"),
    ({"values": {(A, "licensing", "decisions"): 1.5}}, "value-not-whole", "B8", "mandatory"),
    ({"values": {(R, "new", "business"): "１件"}}, "value-as-text", "E5", "notice"),
    ({"values": {(A, "penalties", "decisions"): None}}, "value-blank", "B11", "notice"),
    ({"values": {(R, "new", "total"): 3}}, "total-overwritten", "J5", "notice"),
    ({"unit": {"preparer": None}}, "unit-field-missing", "B8", "mandatory"),
    ({"unit": {"credit_code": valid_credit_code()[:-1] + "0"}}, "credit-code-invalid", "B4", "mandatory"),
    ({"unit": {"division_code": "41072"}}, "division-code-invalid", "B5", "mandatory"),
    ({"unit": {"division_code": "410702"}}, "division-code-mismatch", "B5", "review"),
    ({"unit": {"unit_category": "县直单位"}}, "unit-category-invalid", "B6", "mandatory"),
    ({"unit": {"report_year": 2019}}, "report-year-invalid", "B7", "mandatory"),
    ({"unit": {"phone": "电话待定"}}, "phone-invalid", "B9", "review"),
    ({"unit": {"filled_on": dt.date(2024, 5, 1)}}, "date-invalid", "B10", "review"),
    ({"narrative": {"overview": "本年共收到政府信息公开申请5件。"}}, "narrative-requests-mismatch", "B3", "review"),
    ({"narrative": {"overview_management": "全年出台行政规范性文件 3 件。"}},
     "narrative-documents-mismatch", "B6", "review"),
    ({"narrative": {"other_matters": "无"}}, "narrative-fee-missing", "B10", "review"),
    ({"values": {(A, "penalties", "decisions"): None, (A, "enforcement", "decisions"): None,
                 (A, "licensing", "decisions"): None, (A, "fees", "fee_amount"): None,
                 (A, "regulations", "issued"): None, (A, "regulations", "repealed"): None}},
     "value-blank-many", "B4", "notice"),
    ({"values": {(A, "licensing", "decisions"): 12000}}, "value-unusually-large", "B8", "review"),
    ({"unit": {"unit_count": 0}}, "unit-count-invalid", "B11", "mandatory"),
])
def test_each_rule_finds_its_mistake(make_book, overrides, rule, cell, level):
    report, _ = validate_file(make_book(**overrides))
    hits = [f for f in report.findings if f.rule == rule]
    assert hits, report.findings
    assert hits[0].cell == cell and hits[0].level.value == level
    assert hits[0].sheet and hits[0].sheet not in hits[0].message  # the location is rendered beside it, once
    assert hits[0].key == f"{rule}@{hits[0].place}" and hits[0].place  # an identity an explanation can attach to
    assert report.status is (Status.WARNINGS if level == "notice" else Status.FAILED)


def test_balance_message_says_both_sides_and_the_difference(make_book):
    report, _ = validate_file(make_book(values={(R, "carried_forward", "natural_person"): 0}))
    (f,) = [f for f in report.findings if f.rule == "requests-balance" and f.cell == "D5"]
    assert f.message == "本年新收＋上年结转＝3，办理结果总计＋结转下年度＝2，相差 1，请核对"
    assert f.where == "三、依申请公开 D5（一、本年新收政府信息公开申请数量·自然人）"
    assert (f.expected, f.actual) == (2, 3)


def test_chinese_numerals_in_the_narrative_are_understood(make_book):
    report, _ = validate_file(make_book(narrative={"overview": "全年共收到政府信息公开申请三件。"}))
    assert report.findings == []
    report, _ = validate_file(make_book(narrative={"overview": "全年共收到政府信息公开申请两件。"}))
    assert [f.rule for f in report.findings] == ["narrative-requests-mismatch"]


def test_across_years(make_book):
    last = make_book("last", unit={"report_year": 2024, "filled_on": dt.date(2025, 1, 5)},
                     values={(R, "carried_forward", "natural_person"): 1,
                             (A, "normative_documents", "in_force"): 3})
    from gitools.form import FORM
    from gitools.inputs.read import read_submission
    prev = read_submission(last, FORM)
    ok, _ = validate_file(make_book(), previous=prev)
    assert ok.findings == []
    bad, _ = validate_file(make_book("bad", values={
        (R, "carried_over", "natural_person"): 2, (R, "new", "natural_person"): 1,
        (A, "normative_documents", "in_force"): 7}), previous=prev)
    assert ("previous-carry-mismatch", "D6") in rules_at(bad)
    assert ("previous-in-force-mismatch", "D5") in rules_at(bad)
    other, _ = validate_file(make_book("other", unit={"unit_name": "别的单位", "credit_code": valid_credit_code(
        org8="AB123456")}), previous=prev)
    assert [f.rule for f in other.findings] == ["previous-not-comparable"]
    assert other.findings[0].level.value == "review" and other.status is Status.FAILED  # a 核实 item: say why
    assert "不是同一单位，未做跨年比对；请核对是否选错了文件" in other.findings[0].message
    same_year, _ = validate_file(make_book("same"), previous=read_submission(make_book("again"), FORM))
    assert "是 2025 年度的，本报告是 2025 年度的，不是上一年度" in same_year.findings[0].message


def test_unreadable_files_are_reports_not_tracebacks(tmp_path):
    cases = {
        "renamed.xlsx": b"this is a text file, renamed",
        "old.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
        "locked.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
        "truncated.xlsx": b"PK\x03\x04" + b"\0" * 40,
    }
    messages = {}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        report, sub = validate_file(tmp_path / name)
        assert report.status is Status.UNREADABLE and sub is None
        messages[name] = report.findings[0].message
    assert "另存为 .xlsx" in messages["old.xls"]
    assert "加密" in messages["locked.xlsx"]
    assert "损坏" in messages["truncated.xlsx"]


def test_a_workbook_that_is_not_our_template(tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "随便什么表"
    wb.save(tmp_path / "other.xlsx")
    report, _ = validate_file(tmp_path / "other.xlsx")
    assert report.status is Status.UNREADABLE
    assert report.findings[0].rule == "not-template"


def test_names_lost_rows_inserted_and_sheet_renamed_are_read_by_labels(make_book, tmp_path):
    path = make_book()
    wb = openpyxl.load_workbook(path)
    for name in list(wb.defined_names):
        del wb.defined_names[name]
    ws = wb["三、依申请公开"]
    ws.title = "表三"
    ws.insert_rows(1, amount=3)
    wb.save(tmp_path / "moved.xlsx")
    report, sub = validate_file(tmp_path / "moved.xlsx")
    assert [f.rule for f in report.findings] == ["names-missing"]
    assert sub.tables[R].at["new", "natural_person"] == 2
    assert sub.source(R, "new", "natural_person").sheet == "表三"
    assert sub.source(R, "new", "natural_person").cell == "D8"


def test_renamed_sheet_with_names_kept_reads_by_name(make_book, tmp_path):
    wb = openpyxl.load_workbook(make_book())
    wb["四、复议诉讼"].title = "复议诉讼"
    for dn in wb.defined_names.values():
        dn.attr_text = dn.attr_text.replace("'四、复议诉讼'", "'复议诉讼'")
    wb.save(tmp_path / "renamed.xlsx")
    report, sub = validate_file(tmp_path / "renamed.xlsx")
    assert report.findings == []
    assert sub.source(T4, "cases", "review_upheld").sheet == "复议诉讼"


def test_a_table_that_cannot_be_found_is_an_error_not_a_crash(make_book, tmp_path):
    wb = openpyxl.load_workbook(make_book())
    for name in [n for n in wb.defined_names if n.startswith("appeals.")]:
        del wb.defined_names[name]
    wb["四、复议诉讼"]["A2"] = "改掉的表头"
    wb.save(tmp_path / "broken.xlsx")
    report, _ = validate_file(tmp_path / "broken.xlsx")
    assert ("cell-not-found", None) in rules_at(report)
    assert report.status is Status.FAILED


def test_an_old_template_version_is_a_warning(make_book, tmp_path):
    wb = openpyxl.load_workbook(make_book())
    for p in wb.custom_doc_props.props:
        if p.name == "gitools.version":
            p.value = "2020.9"
    wb.save(tmp_path / "old.xlsx")
    report, _ = validate_file(tmp_path / "old.xlsx")
    assert [f.rule for f in report.findings] == ["template-version"]


def test_many_files_validated_in_one_batch_say_exactly_what_each_says_alone(tmp_path):
    from gitools.jobs.validate import validate_file, validate_files

    from ..conftest import ROOT

    files = [*sorted((ROOT / "samples").glob("*.xlsx")), tmp_path / "坏.xlsx"]
    files[-1].write_text("不是工作簿")
    batched = validate_files(files, batch=4)
    for path, (report, _) in zip(files, batched, strict=True):
        alone, _ = validate_file(path)
        assert report.to_dict() == alone.to_dict(), path.name
