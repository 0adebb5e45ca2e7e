"""The summary as the county's document: its own guide instead of the clerks', the units'
texts to write from, check cells that show without recalculation, and a print layout that
gives each official table one page."""

from __future__ import annotations

import subprocess

import openpyxl
import pytest

from gitools.cli import main
from gitools.form import FORM

from ..conftest import ROOT

COUNTY = ROOT / "samples" / "county-2025"
ROSTER = ROOT / "samples" / "county-2025-应报单位名单.csv"


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    out = tmp_path_factory.mktemp("summary") / "示例县汇总表.xlsx"
    main(["merge", str(COUNTY), "--roster", str(ROSTER), "--name", "示例县人民政府", "-o", str(out)])
    return out


def test_the_clerks_sheets_give_way_to_the_countys(summary):
    names = openpyxl.load_workbook(summary).sheetnames
    assert names[:2] == ["汇总说明", "报送情况"] and FORM.info_sheet not in names and FORM.result_sheet not in names
    about = {r[0]: r[1] for r in openpyxl.load_workbook(summary)["汇总说明"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert about["汇总单位"] == "示例县人民政府" and about["报告年度"] == 2025
    assert about["收到报表"] == "9 份（通过 6 份，有警告 1 份，未通过 1 份，无法读取 1 份）"
    assert about["计入汇总"].startswith("6 份，覆盖 6 个单位") and about["未报送"] == "示例县西岭镇人民政府"
    assert about["应报单位名单"] == "county-2025-应报单位名单.csv（9 个单位）"
    assert main(["validate", str(summary)]) == 0  # still a valid submission one level up


def test_each_included_units_texts_are_there_to_write_from(summary):
    ws = openpyxl.load_workbook(summary)["各单位文字部分"]
    assert [c.value for c in ws[2]] == ["序号", "单位名称", "部分", "正文"]
    rows = {(r[1], r[2]): r[3] for r in ws.iter_rows(min_row=3, values_only=True)}
    assert len({unit for unit, _ in rows}) == 6 and ("示例县卫生健康委员会", "一、总体情况") not in rows  # not counted
    assert rows[("示例县教育局", "（二）依申请公开")].startswith("局机关本年收到政府信息公开申请")
    assert rows[("示例县城关镇人民政府", "六、其他需要报告的事项")] == "本年度未收取信息处理费。"


def test_a_long_text_is_cut_at_sentences_into_rows_that_print_whole():
    from gitools.outputs.xlsx.summary.texts import pieces

    text = "第一句话写了一些内容。" * 200  # 2,200 characters
    cut = pieces(text)
    assert "".join(cut) == text and len(cut) == 3
    assert all(len(p) <= 900 and p.endswith("。") for p in cut)


def test_check_cells_carry_their_values_for_programs_that_do_not_recalculate(summary):
    wb = openpyxl.load_workbook(summary, data_only=True)
    requests = wb["三、依申请公开"]
    assert [requests[f"{c}30"].value for c in "DEFGHIJ"] == ["✓ 相符"] * 7
    assert requests["A32"].value == "✓ 本表数字格均为数字（空白按 0 计）"
    assert wb["二、主动公开"]["E4"].value in (None, "")  # 现行有效 ≥ 本年制发: no warning


@pytest.mark.office
def test_libreoffice_recalculates_the_checks_to_the_same_values(summary, office_resave):
    cached = openpyxl.load_workbook(summary, data_only=True)
    recalculated = openpyxl.load_workbook(office_resave(summary), data_only=True)
    for table in FORM.tables:
        cells = [r.check_address for r in table.relations if r.check_address] + [table.status_address]
        for cell in cells:
            assert (recalculated[table.sheet][cell].value or "") == (cached[table.sheet][cell].value or ""), cell


@pytest.mark.office
def test_printed_each_official_table_takes_one_page(summary, soffice, tmp_path):
    import pypdfium2 as pdfium

    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(summary)], check=True, capture_output=True, timeout=180)
    pages = [p.get_textpage().get_text_range() for p in pdfium.PdfDocument(tmp_path / f"{summary.stem}.pdf")]
    for table in FORM.tables:
        on = [i for i, text in enumerate(pages) if table.title in text]
        assert len(on) == 1, table.title
        last = table.rows[-1].label if len(table.rows) > 1 else table.columns[-1].label
        assert last in pages[on[0]].replace(" ", ""), (table.title, last)  # the whole table on that page
    detail = [text for text in pages if text.startswith("明")]
    assert 1 <= len(detail) <= 4  # the 明细 of 180 columns, fitted to the page width


@pytest.fixture(scope="module")
def printed(tmp_path_factory, soffice):
    """Every document of a county's January, printed to PDF by LibreOffice and measured."""
    from gitools.testing.county import january
    from gitools.testing.printed import measure, print_pdf

    root = tmp_path_factory.mktemp("january")
    county = january(root)
    documents = {"summary": county.summary, "feedback": county.feedback, "annotated": county.annotated[0],
                 "report": county.report}
    return county, {k: measure(print_pdf(p, soffice, root / "pdf")) for k, p in documents.items()}


@pytest.mark.office
def test_nothing_the_county_prints_is_smaller_than_8_points(printed):
    _, documents = printed
    assert {k: round(d.smallest, 1) >= 8.0 for k, d in documents.items()} == dict.fromkeys(documents, True), \
        {k: d.smallest for k, d in documents.items()}


@pytest.mark.office
def test_each_units_full_narrative_and_explanation_are_in_the_printed_summary(printed):
    from gitools.inputs.read import read_submission
    from gitools.outputs.xlsx.summary.texts import pieces
    from gitools.testing.county import LONG_TEXT

    county, documents = printed
    cells = documents["summary"].cells
    text = "".join(cells)
    rows = pieces(LONG_TEXT)
    assert len(rows) == 4 and all("".join(p.split()) in cells for p in rows)  # 2,700 characters, none cut
    included = [p for p in sorted((county.summary.parent / "2025").glob("*.xlsx")) if "卫生健康" not in p.name]
    for path in included:
        try:
            sub = read_submission(path, FORM)
        except Exception:  # the sample county's damaged file
            continue
        for section, words in sub.narrative.items():
            assert all("".join(p.split()) in cells for p in pieces(words)), (path.name, section)
    explained = "正文所述为局机关及所属学校收到的申请件数，表三按规定只统计以本局名义办理的申请"
    assert text.count(explained) >= 2  # in 报送情况 and in 问题清单


@pytest.mark.office
def test_the_summary_on_paper_says_who_did_not_report_and_keeps_the_screen_only_sheet_off_it(printed):
    _, documents = printed
    text = documents["summary"].text
    assert "未报送示例县西岭镇人民政府" in text and "或未提供应报单位名单" not in text
    detail = [page for page in documents["summary"].pages if page.startswith("明细")]
    assert len(detail) == 1 and "不打印" in detail[0]
    assert "填写说明" not in text  # the clerks' column is not in the county's copy


@pytest.mark.office
def test_the_annotated_copy_prints_its_findings_in_words_across_the_page(printed):
    _, documents = printed
    first = documents["annotated"].pages[0]
    assert "校验结论：未通过" in first and "未填写" in first
    assert "unit-field-missing" not in first  # the rule's code is for machines, outside the print area
