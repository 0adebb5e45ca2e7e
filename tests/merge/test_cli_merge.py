"""`gitools merge` as the county officer runs it: one screen of Chinese, JSON, exit codes."""

from __future__ import annotations

import json

from gitools.cli import main

from .conftest import write_unit


def test_everything_expected_merged_exits_0_with_a_one_screen_summary(county, tmp_path, capsys):
    folder, units = county(3)
    roster = tmp_path / "名单.csv"
    roster.write_text("单位名称\n" + "\n".join(i["unit_name"] for i, _ in units.values()), encoding="utf-8")
    out = tmp_path / "县汇总.xlsx"
    assert main(["merge", str(folder), "-o", str(out), "--roster", str(roster), "--name", "示例县人民政府",
                 "--workers", "1"]) == 0
    text = capsys.readouterr().out
    assert "读取 3 份报表（通过 3 份）" in text and "计入汇总 3 份，覆盖 3 个单位" in text
    assert f"汇总表：{out}" in text and len(text.splitlines()) <= 24
    assert out.is_file()


def test_missing_units_and_excluded_files_exit_1_and_json_lists_them(county, tmp_path, capsys):
    folder, units = county(2)
    identity, values = next(iter(units.values()))
    write_unit(folder / "去年的.xlsx", identity | {"report_year": 2024, "unit_name": "去年镇"}, values)
    roster = tmp_path / "名单.csv"
    roster.write_text("单位名称\n" + "\n".join([*(i["unit_name"] for i, _ in units.values()), "未报送镇"]),
                      encoding="utf-8")
    out = tmp_path / "县汇总.xlsx"
    assert main(["merge", str(folder), "-o", str(out), "--roster", str(roster), "--format", "json",
                 "--workers", "1"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["year"] == 2025 and doc["read"] == 3 and doc["included"] == 2 and doc["complete"] is False
    assert [m["unit_name"] for m in doc["missing"]] == ["未报送镇"]
    excluded = [s for s in doc["submissions"] if not s["included"]]
    assert [s["merge_findings"][0]["rule"] for s in excluded] == ["merge-year-mismatch"]


def test_nothing_usable_or_a_wrong_call_exits_2_with_a_chinese_message(tmp_path, capsys):
    (tmp_path / "空").mkdir()
    assert main(["merge", str(tmp_path / "空"), "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "没有找到可汇总的工作簿" in capsys.readouterr().err
    assert main(["merge", str(tmp_path), "-o", str(tmp_path / "x.csv")]) == 2
    assert "应以 .xlsx 结尾" in capsys.readouterr().err
    (tmp_path / "坏.xlsx").write_text("x")
    assert main(["merge", str(tmp_path), "-o", str(tmp_path / "x.xlsx"), "--roster", str(tmp_path / "无.csv")]) == 2
    assert "找不到名单文件" in capsys.readouterr().err
    assert main(["merge", str(tmp_path), "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "没有可计入汇总的报表" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_the_readme_command_on_the_bundled_county_sample(tmp_path, capsys):
    from ..conftest import ROOT

    out = tmp_path / "输出" / "示例县汇总表.xlsx"
    code = main(["merge", str(ROOT / "samples" / "county-2025"), "--roster",
                 str(ROOT / "samples" / "county-2025-应报单位名单.csv"), "--name", "示例县人民政府", "-o", str(out)])
    text = capsys.readouterr().out
    assert code == 1 and out.is_file()
    assert "读取 9 份报表（通过 6 份，有警告 1 份，未通过 1 份，无法读取 1 份）" in text  # 教育局 explained its 核实 finding
    assert "计入汇总 6 份" in text and "（初稿）.xlsx：重复报送" in text and "未报送 1 个单位：示例县西岭镇人民政府" in text
