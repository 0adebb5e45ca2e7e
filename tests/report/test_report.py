"""gitools report: the publishable annual report, in the official layout, as Word and as a web
page; read back by gitools import, every number must land in its cell."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from gitools.cli import main
from gitools.form import FORM
from gitools.inputs.read import import_report, read_submission

from ..conftest import ROOT

NARRATIVE = {
    "overview_active": "本年主动公开政府信息 120 条。",
    "overview_requests": "本年共收到政府信息公开申请 3 件，均按期答复。",
    "overview_management": "全年出台行政规范性文件 1 件。",
    "overview_platforms": "门户网站政府信息公开专栏运行平稳。",
    "overview_oversight": "将政务公开纳入年度考核。",
    "problems": "基层政务公开标准化还需加强。",
    "other_matters": "本年度未收取信息处理费。",
}


@pytest.fixture()
def unit_report(make_book, tmp_path, capsys):
    book = make_book("自然资源局", narrative=NARRATIVE)
    out = tmp_path / "报告"
    assert main(["report", str(book), "-o", str(out)]) == 0
    capsys.readouterr()
    stem = "测试县自然资源局2025年政府信息公开工作年度报告"
    return book, out / f"{stem}.docx", out / f"{stem}.html"


def cells_equal(source: Path, written: Path) -> tuple[int, int]:
    expected = read_submission(source, FORM).tables
    got, _ = import_report(written, FORM)
    same = sum(1 for t in FORM.tables for c in t.cells
               if expected[t.key].at[c.row, c.column] == got.tables[t.key].at[c.row, c.column])
    return same, sum(len(t.cells) for t in FORM.tables)


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_every_number_the_unit_and_the_text_come_back_through_import(unit_report, kind):
    book, docx, html = unit_report
    written = {"docx": docx, "html": html}[kind]
    assert cells_equal(book, written) == (200, 200)
    sub, found = import_report(written, FORM)
    assert (found.unit_name, found.year) == ("测试县自然资源局", 2025)
    assert [f.rule for f in found.findings] == []  # no layout problem: every row and column where the format puts it
    written_in = read_submission(book, FORM).narrative
    assert {k: v for k, v in sub.narrative.items() if v} == {k: v for k, v in written_in.items() if v}


def test_the_word_tables_are_drawn_as_the_format_draws_them(unit_report):
    _, docx, _ = unit_report
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    tables = xml.split("<w:tbl>")[1:]
    assert len(tables) == 3
    active, requests, appeals = tables
    assert requests.count("<w:gridCol ") == 10 and appeals.count("<w:gridCol ") == 15 and active.count("<w:gridCol ") == 4
    assert '<w:gridSpan w:val="7"/>' in requests and '<w:gridSpan w:val="5"/>' in requests  # 申请人情况, 法人或其他组织
    assert requests.count('<w:vMerge w:val="restart"/>') >= 3  # 三、本年度办理结果 and the nested groups run down
    assert requests.count("<w:tblHeader") == 3  # the three header rows repeat on every page
    assert '<w:gridSpan w:val="5"/>' in appeals and '<w:gridSpan w:val="10"/>' in appeals  # 行政复议, 行政诉讼
    assert 'w:eastAsia="仿宋_GB2312"' in xml and 'w:eastAsia="方正小标宋简体"' in xml
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in xml or 'w:w="11905"' in xml  # A4


def test_the_web_page_uses_real_table_markup_with_the_official_merges(unit_report):
    _, _, html = unit_report
    page = html.read_text(encoding="utf-8")
    assert page.count("<table>") == 3 and "<style>" in page and "<script" not in page and "http" not in page
    assert '<th rowspan="22" class="label">三、本年度办理结果</th>' in page
    assert '<th colspan="7">申请人情况</th>' in page and '<th colspan="5">法人或其他组织</th>' in page
    assert '<th rowspan="8" class="label">（三）不予公开</th>' in page and '<th colspan="10">行政诉讼</th>' in page
    assert re.search(r"<h1>测试县自然资源局2025年政府信息公开工作年度报告</h1>", page)


def test_a_summary_says_how_many_units_it_covers_and_carries_the_sums(tmp_path, capsys):
    summary = tmp_path / "汇总.xlsx"
    main(["merge", str(ROOT / "samples" / "county-2025"), "--name", "示例县人民政府", "-o", str(summary)])
    assert main(["report", str(summary), "-o", str(tmp_path / "报告"), "--format", "html"]) == 0
    page = (tmp_path / "报告" / "示例县人民政府2025年政府信息公开工作年度报告.html").read_text(encoding="utf-8")
    assert "本报告汇总了 6 个单位的政府信息公开工作情况，表中数字为各单位数字之和。" in page
    assert cells_equal(summary, tmp_path / "报告" / "示例县人民政府2025年政府信息公开工作年度报告.html") == (200, 200)
    assert not (tmp_path / "报告" / "示例县人民政府2025年政府信息公开工作年度报告.docx").exists()


def test_empty_sections_get_a_visible_placeholder_and_nothing_is_invented(make_book, tmp_path, capsys):
    book = make_book(narrative={"overview": "", "other_matters": "本年度未收取信息处理费。"})
    main(["report", str(book), "-o", str(tmp_path), "--format", "html"])
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert '<p class="placeholder">【待补充：五、存在的主要问题及改进情况】</p>' in page
    assert "【待补充：门户网站名称和网址】" in page  # the opening names what only the author knows


def test_a_workbook_with_errors_gives_no_report_unless_forced_and_then_a_draft(tmp_path, capsys):
    faulty = ROOT / "samples" / "faulty-totals.xlsx"
    assert main(["report", str(faulty), "-o", str(tmp_path / "a")]) == 1
    assert not (tmp_path / "a").exists() and "未生成报告" in capsys.readouterr().out
    assert main(["report", str(faulty), "-o", str(tmp_path / "b"), "--force"]) == 0
    page = next((tmp_path / "b").glob("*.html")).read_text(encoding="utf-8")
    assert '<p class="draft">草稿：本报告所依据的工作簿未通过校验' in page
    xml = zipfile.ZipFile(next((tmp_path / "b").glob("*.docx"))).read("word/document.xml").decode()
    assert "草稿：本报告所依据的工作簿未通过校验" in xml


def test_last_years_figures_stand_beside_this_years_for_the_author_to_keep_or_delete(tmp_path, capsys):
    samples = ROOT / "samples"
    assert main(["report", str(samples / "example-county-dept-2025.xlsx"), "-o", str(tmp_path), "--format", "html",
                 "--previous", str(samples / "example-county-dept-2024.xlsx")]) == 0
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    now, before = (read_submission(samples / f"example-county-dept-{y}.xlsx", FORM) for y in (2025, 2024))
    new_now, new_before = (int(s.tables["requests"].at["new", "total"]) for s in (now, before))
    assert f"本年新收政府信息公开申请 {new_now} 件，2024年 {new_before} 件" in page
    assert '<p class="reference">【数据参考，可保留或删除】' in page


def test_text_from_the_workbook_is_escaped_in_the_web_page(make_book, tmp_path, capsys):
    book = make_book(narrative=NARRATIVE | {"problems": '<script>alert("x")</script>'})
    main(["report", str(book), "-o", str(tmp_path), "--format", "html"])
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.office
def test_libreoffice_prints_the_word_report_with_table_three_in_place(unit_report, soffice, tmp_path):
    import pypdfium2 as pdfium

    _, docx, _ = unit_report
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=180)
    pdf = pdfium.PdfDocument(tmp_path / f"{docx.stem}.pdf")
    assert pdf[0].get_width() == pytest.approx(595, abs=2)  # A4 portrait
    text = "".join("".join(p.get_textpage().get_text_range().split()) for p in pdf)
    for words in ("测试县自然资源局2025年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "（七）总计",
                  "四、结转下年度继续办理", "六、其他需要报告的事项", "本年度未收取信息处理费。"):
        assert words in text, words


def test_control_characters_in_a_published_text_never_stop_the_report(tmp_path, capsys):
    text = (ROOT / "samples" / "seeds" / "000_6a1ea5d47ca6a7aa.txt").read_text(encoding="utf-8")
    source = tmp_path / "年报.txt"
    source.write_text(text.replace("一、总体情况", "一、总体情况\x07\x1b\x00\ufffe", 1) + "\n\x07附记\x1b\n",
                      encoding="utf-8")
    assert main(["report", str(source), "-o", str(tmp_path / "报告"), "--force"]) == 0
    said = capsys.readouterr().out
    assert "“六、其他需要报告的事项”中有 2 个不可见的控制字符（如响铃、退出、空字符），写出时已去掉" in said
    assert "text-control-removed" in said
    written = sorted((tmp_path / "报告").iterdir())
    assert [p.suffix for p in written] == [".docx", ".html"]
    html = written[1].read_text(encoding="utf-8")
    assert "一、总体情况" in html and not any(ch in html for ch in "\x07\x1b\x00\ufffe")


@pytest.fixture(scope="module")
def printed_summary_report(tmp_path_factory, soffice):
    """The sample county's summary report, written as Word and printed by LibreOffice: what the
    county signs. Its 一 has no text of its own yet, and last year's summary stands beside it."""
    import pypdfium2 as pdfium

    d = tmp_path_factory.mktemp("printed")
    samples = ROOT / "samples"
    summary = d / "汇总.xlsx"
    main(["merge", str(samples / "county-2025"), "--name", "示例县人民政府", "-o", str(summary)])
    main(["report", str(summary), "-o", str(d), "--format", "docx"])
    docx = d / "示例县人民政府2025年政府信息公开工作年度报告.docx"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{d / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(d), str(docx)], check=True, capture_output=True, timeout=180)
    return [p.get_textpage().get_text_range().replace("\r\n", "\n") for p in pdfium.PdfDocument(docx.with_suffix(".pdf"))]


@pytest.mark.office
def test_the_printed_report_has_gbt9704_page_numbers_at_the_foot(printed_summary_report):
    for n, page in enumerate(printed_summary_report, 1):
        assert page.rstrip().endswith(f"— {n} —"), n


@pytest.mark.office
def test_the_printed_title_breaks_after_the_unit_not_inside_a_word(printed_summary_report):
    assert printed_summary_report[0].startswith("示例县人民政府\n2025 年政府信息公开工作年度报告\n")


@pytest.mark.office
def test_no_table_row_is_split_and_no_table_starts_alone_at_a_page_foot(printed_summary_report):
    def plain(text: str) -> str:  # PDFium gives “” after the words they enclose: compare without them
        return "".join(text.split()).replace("“", "").replace("”", "")

    pages = [plain(p) for p in printed_summary_report]
    for table in FORM.tables:
        for row in table.rows:
            words = plain(row.label)
            assert sum(words in p for p in pages) >= 1, (table.key, row.label)  # each row whole on some page
    active = FORM.table("active")
    heading = next(i for i, p in enumerate(pages) if active.title in p)
    assert active.rows[-1].label in pages[heading]  # 表二 kept whole with its heading


@pytest.mark.office
def test_a_summary_without_text_shows_each_part_to_fill_under_its_heading(printed_summary_report):
    text = "".join(printed_summary_report)
    for part in ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"):
        assert f"{part}\n【待补充：{part}】" in text


def test_another_units_report_as_previous_gives_no_data_reference_and_says_why(tmp_path, capsys):
    samples = ROOT / "samples"
    assert main(["report", str(samples / "example-county-dept-2025.xlsx"), "-o", str(tmp_path), "--format", "html",
                 "--previous", str(samples / "example-township-2025.xlsx")]) == 0
    said = capsys.readouterr().out
    assert "不是同一单位，未做跨年比对" in said and "（未加入“数据参考”）" in said
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "【数据参考" not in page
