"""The 校验本工作簿 entry point on an xlwings remote-engine Book, built from the JSON that
Excel's Office.js client sends: what it writes back into the clerk's workbook."""

from __future__ import annotations

import xlwings as xw

from gitools.addin.entry import COLOURS, INPUT_COLOUR, MARKS_COLUMN, check_book
from gitools.form import FORM
from gitools.form.catalog import Severity
from gitools.form.rules import BY_CODE
from gitools.testing.officejs import payload

from ..conftest import ROOT

SAMPLES = ROOT / "samples"


def run(data: dict) -> tuple[object, list[dict]]:
    book = xw.Book(json=data)
    report = check_book(book)
    return report, book.json()["actions"]


def colours(actions: list[dict], data: dict) -> dict[tuple[str, str], str]:
    names = [s["name"] for s in data["sheets"]]
    out = {}
    for a in actions:
        if a["func"] == "setRangeColor" and a["sheet_position"] is not None:
            sheet = names[a["sheet_position"]]
            cell = f"{chr(65 + a['start_column'])}{a['start_row'] + 1}"
            out[(sheet, cell)] = a["args"][0]
    return out


def test_a_faulty_workbook_gets_its_findings_listed_linked_and_its_cells_coloured():
    data = payload(SAMPLES / "faulty-totals.xlsx", xw.__version__)
    report, actions = run(data)
    funcs = [a["func"] for a in actions]
    assert "sheetClear" in funcs and "addSheet" not in funcs  # the template's 校验结果 sheet is reused
    written = next(a for a in actions if a["func"] == "setValues" and a["values"][2][0] == "序号")["values"]
    assert written[0][0] == f"校验结论：未通过（{len(report.errors)} 个错误，{len(report.warnings)} 个警告）"
    assert [row[8] for row in written[3:]] == [f.rule for f in report.findings]
    assert [row[6] for row in written[3:]] == [BY_CODE[f.rule].title for f in report.findings]
    assert [row[9] for row in written[3:]] == [f.key for f in report.findings]  # where a 说明 attaches
    links = [a["args"][0] for a in actions if a["func"] == "addHyperlink"]
    assert "#'三、依申请公开'!D5" in links
    coloured = colours(actions, data)
    assert coloured[("三、依申请公开", "D5")] == COLOURS[Severity.ERROR]
    alert = next(a for a in actions if a["func"] == "alert")
    assert alert["args"][0].startswith(f"未通过（{len(report.errors)} 个错误") and alert["args"][1] == "校验结果：未通过"
    assert not any(f.rule == "total-overwritten" for f in report.findings)  # Office.js sends values only


def test_a_good_workbook_passes_and_the_marks_of_the_last_run_are_cleared():
    data = payload(SAMPLES / "example-county-dept-2025.xlsx", xw.__version__)
    result = next(s for s in data["sheets"] if s["name"] == FORM.result_sheet)
    # what the previous run left: its list of coloured cells in column H
    marks = [["本次标色的单元格"], ["三、依申请公开!D5"], ["单位信息!B4"], ["三、依申请公开!A1"]]
    while len(result["values"]) < len(marks):
        result["values"].append([""] * len(result["values"][0]))
    for row, (mark,) in zip(result["values"], marks, strict=False):
        row += [""] * (MARKS_COLUMN - len(row))
        row[MARKS_COLUMN - 1] = mark
    report, actions = run(data)
    assert report.findings == []
    restored = colours(actions, data)
    assert restored[("三、依申请公开", "D5")] == INPUT_COLOUR and restored[("单位信息", "B4")] == INPUT_COLOUR
    assert restored[("三、依申请公开", "A1")] is None  # not a form cell: fill removed, nothing else touched
    assert len(restored) == 3
    alert = next(a for a in actions if a["func"] == "alert")
    assert alert["args"][0] == "校验通过：没有发现问题。"


def test_a_workbook_that_is_not_the_template_gets_a_clear_message():
    data = payload(SAMPLES / "example-county-dept-2025.xlsx", xw.__version__)
    data["names"] = []
    for sheet in data["sheets"]:
        sheet["values"] = [["随便什么"]]
    report, actions = run(data)
    assert report is None
    assert [a["func"] for a in actions] == ["alert"]
    assert "找不到年报统计表" in actions[0]["args"][0] and actions[0]["args"][1] == "无法校验"


def test_the_button_keeps_the_clerks_explanation_and_lets_an_explained_review_finding_pass(make_book, tmp_path):
    from gitools.cli import main

    from ..validate.test_explanations import MISMATCH, REASON, explain

    copy = tmp_path / "标注.xlsx"
    main(["validate", str(make_book(narrative=MISMATCH)), "--annotate", str(copy)])
    explain(copy, "narrative-requests-mismatch", REASON)
    report, actions = run(payload(copy, xw.__version__))
    written = next(a for a in actions if a["func"] == "setValues" and a["values"][2][0] == "序号")["values"]
    assert [(row[1], row[7]) for row in written[3:]] == [("核实（已说明）", REASON)]  # rewritten, not lost
    assert report.status.value == "warnings"
    assert next(a for a in actions if a["func"] == "alert")["args"][1] == "校验结果：有警告"
