"""Review levels and clerks' explanations (说明), as 联网直报 handles them.

A 核实 finding blocks until the clerk explains it beside the finding in 校验结果; the county
then reads the explanation. A 强制 finding is not let through by any explanation. An
explanation attaches to the finding's identity (rule and form key), so it survives validating
again, a renamed or shifted 校验结果 sheet and LibreOffice saving the file; when its finding is
gone it is kept and reported, never lost.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from gitools.cli import main
from gitools.form import FORM, sheets
from gitools.jobs.validate import validate_file
from gitools.model.findings import Status

from ..conftest import valid_credit_code

MISMATCH = {"overview": "本年共收到政府信息公开申请5件。"}  # the table says 3: a 核实 finding
REASON = "正文所述为县政府办公室收到的件数，表格为全县政府系统的件数"


def annotated(make_book, tmp_path: Path, capsys, **overrides) -> Path:
    book = make_book(**overrides)
    out = tmp_path / "标注.xlsx"
    main(["validate", str(book), "--annotate", str(out)])
    capsys.readouterr()
    return out


def explain(path: Path, rule: str, text: str, out: Path | None = None) -> Path:
    """What a clerk does in Excel, WPS or LibreOffice: type a 说明 beside the finding, save."""
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM.result_sheet]
    row = next(r for r in range(sheets.RESULT_FIRST_ROW, ws.max_row + 1) if ws.cell(r, sheets.RESULT_COLUMNS.index("规则编号") + 1).value == rule)
    ws.cell(row, sheets.EXPLAIN_COLUMN).value = text
    out = out or path
    wb.save(out)
    return out


def test_a_review_finding_blocks_until_explained_then_passes_with_the_explanation_shown(make_book, tmp_path, capsys):
    copy = annotated(make_book, tmp_path, capsys, narrative=MISMATCH)
    report, _ = validate_file(copy)
    assert report.status is Status.FAILED and [f.level.value for f in report.errors] == ["review"]
    explain(copy, "narrative-requests-mismatch", REASON)
    report, _ = validate_file(copy)
    (f,) = report.findings
    assert (f.rule, f.explanation, f.level_words, f.blocks) == ("narrative-requests-mismatch", REASON, "核实（已说明）", False)
    assert report.status is Status.WARNINGS
    assert main(["validate", str(copy), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)["files"][0]
    assert doc["status"] == "warnings" and doc["findings"][0]["explanation"] == REASON
    assert doc["findings"][0]["level"] == "review" and doc["findings"][0]["severity"] == "warning"


def test_an_explanation_does_not_let_a_mandatory_error_through_and_says_so(make_book, tmp_path, capsys):
    copy = annotated(make_book, tmp_path, capsys, values={("requests", "carried_forward", "natural_person"): 0})
    explain(copy, "requests-balance", "数字是对的")
    report, _ = validate_file(copy)
    balance = [f for f in report.findings if f.rule == "requests-balance"]
    assert balance[0].explanation == "数字是对的" and balance[0].blocks
    assert report.status is Status.FAILED
    assert main(["validate", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "强制（须改正，说明不能放行）" in out and "说明：数字是对的" in out


def test_the_explanation_survives_validating_again_and_a_renamed_shifted_sheet(make_book, tmp_path, capsys):
    copy = explain(annotated(make_book, tmp_path, capsys, narrative=MISMATCH), "narrative-requests-mismatch", REASON)
    again = tmp_path / "再次标注.xlsx"
    assert main(["validate", str(copy), "--annotate", str(again)]) == 0  # the new 校验结果 carries it over
    capsys.readouterr()
    ws = openpyxl.load_workbook(again)[FORM.result_sheet]
    assert [ws.cell(sheets.RESULT_FIRST_ROW, c).value for c in (sheets.EXPLAIN_COLUMN, sheets.KEY_COLUMN)] == [
        REASON, "narrative-requests-mismatch@narrative.overview"]
    wb = openpyxl.load_workbook(again)
    ws = wb[FORM.result_sheet]
    ws.title = "我的说明"
    ws.insert_rows(1, amount=3)
    wb.save(again)
    report, _ = validate_file(again)
    assert [(f.rule, f.explanation) for f in report.findings] == [("narrative-requests-mismatch", REASON)]


def test_an_explanation_whose_finding_is_gone_is_kept_and_reported(make_book, tmp_path, capsys):
    copy = explain(annotated(make_book, tmp_path, capsys, narrative=MISMATCH), "narrative-requests-mismatch", REASON)
    wb = openpyxl.load_workbook(copy)
    section = next(s for s in FORM.sections if s.key == "overview")
    wb[section.sheet][section.address] = "本年共收到政府信息公开申请3件。"  # the clerk corrected the text
    wb.save(copy)
    report, _ = validate_file(copy)
    (stale,) = report.findings
    assert stale.rule == "explanation-stale" and stale.level.value == "notice"
    assert stale.explanation == REASON and stale.key == "narrative-requests-mismatch@narrative.overview"
    assert "正文申请件数与表三不符" in stale.message
    assert report.status is Status.WARNINGS


@pytest.mark.office
def test_explained_in_libreoffice_the_county_merge_counts_the_unit_and_shows_why(
        make_book, tmp_path, capsys, office_resave):
    copy = explain(annotated(make_book, tmp_path, capsys, narrative=MISMATCH), "narrative-requests-mismatch", REASON)
    resaved = office_resave(copy)  # the file as LibreOffice writes it back
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    (inbox / "自然资源局.xlsx").write_bytes(resaved.read_bytes())
    (inbox / "卫健委.xlsx").write_bytes(make_book("卫健委", unit={
        "unit_name": "测试县卫生健康委员会", "credit_code": valid_credit_code(org8="MB123457")}, narrative=MISMATCH).read_bytes())
    out = tmp_path / "汇总.xlsx"
    assert main(["merge", str(inbox), "-o", str(out), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    by_name = {Path(s["path"]).name: s for s in doc["submissions"]}
    assert by_name["自然资源局.xlsx"]["included"] and by_name["自然资源局.xlsx"]["status"] == "warnings"
    assert not by_name["卫健委.xlsx"]["included"]  # the same finding, not explained: not counted
    wb = openpyxl.load_workbook(out)
    status = wb["报送情况"]
    header = [c.value for c in status[3]]
    row = next(r for r in status.iter_rows(min_row=4, values_only=True) if r[1] == "测试县自然资源局")
    assert row[header.index("计入汇总")] == "是"
    assert REASON in row[header.index("单位对核实项的说明")]
    findings = wb["问题清单"]
    header = [c.value for c in findings[2]]
    listed = [r for r in findings.iter_rows(min_row=3, values_only=True) if r[1] == "测试县自然资源局"]
    assert [(r[header.index("级别")], r[header.index("单位的说明")]) for r in listed] == [("核实（已说明）", REASON)]
