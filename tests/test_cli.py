"""The command line a clerk or county officer uses: Chinese output, agreed JSON, exit codes."""

import hashlib
import json

import openpyxl
import pytest

from gitools.cli import main

from .conftest import ROOT


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_validate_json_shape_and_exit_codes(make_book, tmp_path, capsys):
    good, bad = make_book("good"), make_book("bad", values={("requests", "carried_forward", "natural_person"): 0})
    assert main(["validate", str(good), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["files"][0]["status"] == "passed" and doc["files"][0]["findings"] == []
    assert main(["validate", str(good), str(bad), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    f = doc["files"][1]["findings"][0]
    assert set(f) >= {"rule", "severity", "sheet", "cell", "message", "expected", "actual"}
    assert doc["files"][1]["status"] == "failed"
    (tmp_path / "junk.xlsx").write_text("不是工作簿")
    assert main(["validate", str(good), str(tmp_path / "junk.xlsx"), "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["files"][1]["status"] == "unreadable"


def test_validate_text_report_is_chinese_and_names_cells(make_book, capsys):
    bad = make_book(values={("requests", "new", "business"): "１件", ("requests", "new", "total"): 9})
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "结论：未通过" in out
    assert "三、依申请公开 E5" in out and "已按 1 读取" in out
    assert "Traceback" not in out


def test_annotate_writes_a_marked_copy_and_never_touches_the_input(make_book, tmp_path, capsys):
    bad = make_book(values={("requests", "carried_forward", "natural_person"): 0})
    before = digest(bad)
    out = tmp_path / "marked.xlsx"
    assert main(["validate", str(bad), "--annotate", str(out)]) == 1
    assert digest(bad) == before
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "校验结果"
    ws = wb["校验结果"]
    assert ws["A1"].value.startswith("校验结论：未通过")
    assert [c.value for c in ws[3]] == ["序号", "级别", "工作表", "单元格", "项目", "问题", "规则",
                                        "说明（核实项请在此填写原因）", "规则编号", "定位（请勿修改）"]
    rows = list(ws.iter_rows(min_row=4, values_only=False))
    balance = [r for r in rows if r[8].value == "requests-balance"]
    assert balance[0][6].value == "三：一＋二＝三（七）＋四"  # the rule in words, its code at the end
    assert [c.value for c in balance[0][1:5]] == ["强制", "三、依申请公开", "D5", "一、本年新收政府信息公开申请数量·自然人"]
    assert balance[0][3].hyperlink.location == "'三、依申请公开'!D5"
    assert balance[0][9].value == "requests-balance@requests.new.natural_person"
    cell = wb["三、依申请公开"]["D5"]
    assert cell.comment is not None and "相差 1" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("FF9999")
    assert main(["validate", str(bad), "--annotate", str(bad)]) == 2
    assert digest(bad) == before


@pytest.mark.office
def test_annotate_says_why_an_ods_workbook_gets_no_marked_copy(make_book, tmp_path, soffice, capsys):
    import subprocess

    bad = make_book(values={("requests", "carried_forward", "natural_person"): 0})
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", "ods",
                    "--outdir", str(tmp_path), str(bad)], check=True, capture_output=True, timeout=180)
    ods = tmp_path / f"{bad.stem}.ods"
    assert main(["validate", str(ods), "--annotate", str(tmp_path / "副本")]) == 1
    said = "".join(capsys.readouterr())
    assert f"提示：{ods} 是OpenDocument 电子表格（.ods），标注副本只能写在 .xlsx 上，没有生成；请在 Excel 或 WPS 中另存为 .xlsx 后再校验" in said
    assert not (tmp_path / "副本").exists()


def test_export_prints_values_by_form_keys(make_book, capsys):
    assert main(["export", str(make_book())]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["unit"]["unit_name"] == "测试县自然资源局"
    assert doc["unit"]["filled_on"] == "2026-01-10"
    assert doc["tables"]["requests"]["new"] == {
        "natural_person": 2, "business": 1, "research": 0, "public_interest": 0, "legal_service": 0,
        "other_org": 0, "total": 3}
    assert doc["tables"]["active"]["licensing"]["issued"] is None  # no such cell in the form
    assert doc["narrative"]["other_matters"] == "本年度未收取信息处理费。"


def test_export_of_an_unreadable_file_is_a_chinese_error(tmp_path, capsys):
    (tmp_path / "x.xlsx").write_bytes(b"garbage")
    assert main(["export", str(tmp_path / "x.xlsx")]) == 2
    assert "无法读取" in capsys.readouterr().err


def test_bundled_samples_say_what_the_readme_says(capsys):
    samples = ROOT / "samples"
    assert main(["validate", str(samples / "example-county-dept-2025.xlsx")]) == 0
    capsys.readouterr()
    main(["validate", str(samples / "seed-002-新乡县政府办-2023.xlsx"), "--format", "json"])
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
    assert "narrative-documents-mismatch" in rules  # the published report says 1 件, its table 2
    main(["validate", str(samples / "seed-001-勍香镇-2022.xlsx"), "--format", "json"])
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
    assert "narrative-fee-missing" in rules


def test_a_passing_comparison_with_last_year_says_it_was_done(make_book, capsys):
    import datetime as dt

    last = make_book("last", unit={"report_year": 2024, "filled_on": dt.date(2025, 1, 5)},
                     values={("requests", "carried_forward", "natural_person"): 1,
                             ("active", "normative_documents", "in_force"): 3})
    assert main(["validate", str(make_book()), "--previous", str(last)]) == 0
    assert "跨年度比对：已与上年报告" in capsys.readouterr().out


def test_merge_as_json_still_answers_when_nothing_could_be_counted(tmp_path, capsys):
    bad = tmp_path / "坏.xlsx"
    bad.write_text("不是工作簿", encoding="utf-8")
    assert main(["merge", str(bad), "-o", str(tmp_path / "汇总.xlsx"), "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert "没有可计入汇总的报表" in doc["error"]
    assert [f["status"] for f in doc["files"]] == ["unreadable"]


def test_the_addin_server_without_its_licence_announces_no_address(monkeypatch, capsys):
    monkeypatch.delenv("XLWINGS_LICENSE_KEY", raising=False)
    assert main(["addin", "serve", "--port", "8799"]) == 2
    err = capsys.readouterr().err
    assert "XLWINGS_LICENSE_KEY" in err and "校验服务：" not in err


def test_validate_of_an_empty_folder_named_like_a_workbook_names_the_folder(tmp_path, capsys):
    folder = tmp_path / "a.xlsx"
    folder.mkdir()
    assert main(["validate", str(folder)]) == 2
    assert f"错误：没有找到要校验的工作簿或年报（{folder} 是文件夹，其中没有）" in capsys.readouterr().err
