"""Text into cells: stored as text, whatever it starts with."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from gitools.io.cells import MAX_CELL_TEXT, clean, live, looks_like_formula, put

PAYLOADS = [
    '=HYPERLINK("http://evil.example/","点此")',
    "=cmd|' /C calc'!A0",  # DDE
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "＝1+1",  # full-width, as an IME types it
]


@pytest.mark.parametrize("text", PAYLOADS)
def test_formula_like_text_is_recognised(text):
    assert looks_like_formula(text)


@pytest.mark.parametrize("text", ["示例县城关镇人民政府", "3件", "", "本年度未收取信息处理费。", "a=b"])
def test_ordinary_text_is_left_alone(text):
    assert not looks_like_formula(text)
    assert live(text) == text


@pytest.mark.parametrize("text", PAYLOADS)
def test_put_stores_a_string_that_a_reader_sees_verbatim(tmp_path, text):
    wb = openpyxl.Workbook()
    put(wb.active["B3"], text)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    cell = openpyxl.load_workbook(path).active["B3"]
    assert cell.data_type == "s" and cell.quotePrefix
    assert cell.value in (text, text.replace("\r", "\n"))  # a bare CR may be read as a line feed; still text


@pytest.mark.parametrize("text", PAYLOADS)
def test_live_text_carries_excels_text_mark(text):
    assert live(text) == "'" + text


def test_numbers_and_dates_pass_through_put_and_live(tmp_path):
    wb = openpyxl.Workbook()
    put(wb.active["A1"], 3)
    put(wb.active["A2"], -1.5)
    assert wb.active["A1"].value == 3 and wb.active["A2"].value == -1.5 and wb.active["A2"].data_type == "n"
    assert live(-2) == -2


def test_clean_drops_characters_no_workbook_can_hold_and_cuts_at_excels_limit():
    assert clean("甲\x00乙\x07丙\x1f丁") == "甲乙丙丁"
    assert clean("行1\n行2\t列") == "行1\n行2\t列"
    assert len(clean("字" * (MAX_CELL_TEXT + 10))) == 32767
