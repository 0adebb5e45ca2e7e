"""Reading the roster of expected units: header found, columns recognised, or a clear refusal."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from gitools.inputs.roster import RosterError, read_roster

from .conftest import valid_credit_code

CODE = valid_credit_code()


def test_csv_roster_in_utf8_or_gbk_with_a_header(tmp_path):
    for encoding in ("utf-8-sig", "gbk"):
        path = tmp_path / f"名单-{encoding}.csv"
        path.write_text(f"序号,单位名称,统一社会信用代码\n1,甲镇人民政府,{CODE}\n2,乙镇人民政府,\n", encoding=encoding)
        entries = read_roster(path)
        assert [(e.name, e.credit_code, e.line) for e in entries] == [
            ("甲镇人民政府", CODE, 2), ("乙镇人民政府", None, 3)]


def test_xlsx_roster_with_a_title_above_the_header(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["2025年度应报单位名单"])
    ws.append(["序号", "信用代码", "单位全称"])
    ws.append([1, CODE.lower(), "甲镇人民政府"])
    ws.append([2, None, " 乙 镇人民政府 "])
    wb.save(tmp_path / "名单.xlsx")
    entries = read_roster(tmp_path / "名单.xlsx")
    assert [(e.name, e.credit_code) for e in entries] == [("甲镇人民政府", CODE), ("乙 镇人民政府", None)]


@pytest.mark.parametrize("content", [
    "机构,代码\n甲镇人民政府,114107210054321014\n",  # columns named otherwise
    f"甲镇人民政府\n\n{CODE}\n",  # no header at all: the first unit would be taken for one
])
def test_a_roster_without_a_recognised_column_is_refused_naming_what_was_looked_for(tmp_path, content):
    path = tmp_path / "名单.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RosterError) as err:
        read_roster(path)
    message = str(err.value)
    assert str(path) in message and "找不到可识别的列" in message
    assert "“单位名称”" in message and "“统一社会信用代码”" in message  # what it looked for
    assert content.splitlines()[0].split(",")[0] in message  # and what it found instead


@pytest.mark.parametrize("name,content,message", [
    ("名单.csv", "单位名称\n", "下没有单位"),
    ("名单.txt", "甲镇", "应为 .xlsx 或 .csv"),
    ("名单.xlsx", "not a workbook", "无法读取"),
])
def test_an_unusable_roster_is_a_clear_error(tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(RosterError, match=message):
        read_roster(tmp_path / name)
    with pytest.raises(RosterError, match="找不到"):
        read_roster(tmp_path / "不存在.csv")
