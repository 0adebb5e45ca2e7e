"""Problems back to the units: annotated copies named after them and a 退回清单 for mail merge;
报送情况 and the terminal say why, and count what 问题清单 lists."""

from __future__ import annotations

import openpyxl
import pytest

from gitools.cli import main
from gitools.form import FORM

from ..conftest import ROOT

COUNTY = ROOT / "samples" / "county-2025"
ROSTER = ROOT / "samples" / "county-2025-应报单位名单.csv"


@pytest.fixture()
def merged(tmp_path, capsys):
    out, feedback = tmp_path / "汇总.xlsx", tmp_path / "退回"
    code = main(["merge", str(COUNTY), "--roster", str(ROSTER), "-o", str(out), "--feedback", str(feedback)])
    return code, out, feedback, capsys.readouterr().out


def rows_of(path, sheet, header_row):
    ws = openpyxl.load_workbook(path)[sheet]
    header = [c.value for c in ws[header_row]]
    return [dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=header_row + 1, values_only=True)
            if any(v is not None for v in r)]


def test_each_unit_that_must_act_gets_its_annotated_copy_named_after_it(merged):
    code, _, feedback, _ = merged
    assert code == 1
    assert sorted(p.name for p in feedback.iterdir()) == [  # 教育局 explained its 核实 item: nothing to do
        "示例县卫生健康委员会_校验结果.xlsx", "退回清单.xlsx"]
    wb = openpyxl.load_workbook(feedback / "示例县卫生健康委员会_校验结果.xlsx")
    assert wb.sheetnames[0] == FORM.result_sheet
    assert wb[FORM.unit_sheet][FORM.field("phone").address].fill.fgColor.rgb.endswith("FF9999")


def test_the_return_list_says_whom_to_call_and_about_what(merged):
    _, _, feedback, _ = merged
    listed = {r["单位名称"]: r for r in rows_of(feedback / "退回清单.xlsx", "退回清单", 1)}
    assert list(listed) == ["示例县卫生健康委员会", "示例县住房和城乡建设局", "示例县西岭镇人民政府"]  # roster order
    health = listed["示例县卫生健康委员会"]
    assert (health["联系人"], health["联系电话"]) == ("赵六", "0373-5550106")  # the file's preparer, the roster's phone
    assert health["电话来源"] == "名单"
    assert health["需要处理的问题"] == "〔强制〕单位信息 B9（联系电话）：未填写"
    assert health["标注副本"] == "示例县卫生健康委员会_校验结果.xlsx" and health["是否计入汇总"] == "否"
    broken = listed["示例县住房和城乡建设局"]
    assert broken["校验结论"] == "无法读取" and "已损坏" in broken["需要处理的问题"] and broken["标注副本"] is None
    assert (broken["联系人"], broken["联系电话"]) == ("联络员8", "0373-5550108")  # matched by file name, roster contacts
    missing = listed["示例县西岭镇人民政府"]
    assert (missing["校验结论"], missing["联系人"], missing["联系电话"]) == ("未报送", "联络员9", "0373-5550109")
    assert "示例县教育局" not in listed  # only 核实 already explained: the county has nothing to ask of it


def test_the_status_sheet_has_contacts_and_the_first_problems_in_words(merged):
    _, out, _, _ = merged
    status = {r["单位名称"]: r for r in rows_of(out, "报送情况", 3) if r["单位名称"]}
    health = status["示例县卫生健康委员会"]
    assert (health["填报人"], health["联系电话"], health["主要问题"]) == ("赵六", "0373-5550106", "〔强制〕单位信息 B9（联系电话）：未填写")
    assert status["示例县城关镇人民政府"]["主要问题"] is None


def test_the_terminal_gives_each_reason_and_counts_what_the_problem_sheet_lists(merged):
    _, out, _, text = merged
    assert "06-示例县卫生健康委员会.xlsx：有 1 个错误" in text and "      单位信息 B9（联系电话）：未填写" in text
    assert "      文件已损坏或不是 Excel 工作簿（.xlsx），请重新保存后报送" in text
    listed = rows_of(out, "问题清单", 2)
    assert f"问题 {len(listed)} 条（含未报送）" in text
    assert "退回材料：1 份标注副本和退回清单" in text  # 教育局 has nothing left to do


def test_units_off_the_roster_are_named_on_the_terminal(tmp_path, capsys):
    roster = tmp_path / "名单.csv"
    roster.write_text("单位名称\n示例县城关镇人民政府\n", encoding="utf-8")
    main(["merge", str(COUNTY / "01-示例县城关镇人民政府.xlsx"), str(COUNTY / "05-示例县教育局.xlsx"),
          "--roster", str(roster), "-o", str(tmp_path / "汇总.xlsx")])
    text = capsys.readouterr().out
    assert "不在应报单位名单中 1 份（仍计入，请核对名单）：" in text and "? 示例县教育局（05-示例县教育局.xlsx）" in text


def test_feedback_inside_the_inbox_is_refused(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    (inbox / "a.xlsx").write_bytes((COUNTY / "01-示例县城关镇人民政府.xlsx").read_bytes())
    assert main(["merge", str(inbox), "-o", str(tmp_path / "汇总.xlsx"), "--feedback", str(inbox / "退回")]) == 2
    assert "在输入文件夹中" in capsys.readouterr().err and not (tmp_path / "汇总.xlsx").exists()


@pytest.mark.office
def test_a_returned_copy_explained_and_saved_in_libreoffice_comes_back_counted(merged, office_resave, tmp_path, capsys):
    from ..validate.test_explanations import explain

    _, _, feedback, _ = merged
    copy = feedback / "示例县卫生健康委员会_校验结果.xlsx"
    wb = openpyxl.load_workbook(copy)
    wb[FORM.unit_sheet][FORM.field("phone").address] = "0373-5550106"  # the clerk fixes the 强制 finding
    wb.save(tmp_path / "改正.xlsx")
    explain(tmp_path / "改正.xlsx", "unit-field-missing", "已补填")  # and writes a note the fix makes stale
    back = office_resave(tmp_path / "改正.xlsx")
    assert main(["validate", str(back), "--format", "json"]) == 0
    doc = __import__("json").loads(capsys.readouterr().out)["files"][0]
    assert [(f["rule"], f["explanation"]) for f in doc["findings"]] == [("explanation-stale", "已补填")]
