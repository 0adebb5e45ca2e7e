"""Text as people paste it: copied out of a PDF (numbers split by single spaces, labels wrapped
over lines, pieces of vertical labels between rows, page numbers inside tables), markdown pipe
tables, damaged labels, an older form's one-row group, a page naming itself only in <title>."""

from __future__ import annotations

import subprocess

import pytest

from gitools.cli import main
from gitools.form import FORM
from gitools.inputs.read import import_report, read_submission

from ..conftest import ROOT

TITLE = "示例县文化和旅游局 2025 年政府信息公开工作年度报告"


def imported(tmp_path, text: str, name: str = "年报.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_report(path, FORM)


@pytest.mark.office
def test_the_text_a_pdf_extractor_gives_is_read_cell_for_cell(tmp_path, soffice, capsys):
    import pdfplumber

    summary = tmp_path / "汇总.xlsx"
    main(["merge", str(ROOT / "samples" / "county-2025"), "--name", "示例县人民政府", "-o", str(summary)])
    main(["report", str(summary), "-o", str(tmp_path), "--format", "docx"])
    docx = tmp_path / "示例县人民政府2025年政府信息公开工作年度报告.docx"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=180)
    with pdfplumber.open(docx.with_suffix(".pdf")) as pdf:
        copied = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "三 （一）予以公开" in copied and "\n、 （二）部分公开（区分处理\n" in copied  # as messy as real copies
    sub, found = imported(tmp_path, copied)
    expected = read_submission(summary, FORM).tables
    cells = [(t.key, c.row, c.column) for t in FORM.tables for c in t.cells]
    assert sum(1 for k, r, c in cells if sub.tables[k].at[r, c] == expected[k].at[r, c]) == 200
    assert (found.unit_name, found.year) == ("示例县人民政府", 2025)
    assert {f.rule for f in found.findings} <= {"import-label-variant", "import-bare-row"}  # told, never silent


WRAPPED = f"""{TITLE}
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 2 1 9
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 7 1 0 0 0 0 8
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三
、 （一）予以公开 4 1 0 0 0 0 5
本 （二）部分公开（区分处理的，
2 0 0 0 0 0 2
年 只计这一情形，不计其他情形）
- 3 -
1.本机关不掌握相关政府信息 1 0 0 0 0 0 1
（七）总计 7 1 0 0 0 0 8
四、结转下年度继续办理 0 0 0 0 0 0 0
"""


def test_wrapped_labels_numbers_on_a_middle_line_stray_characters_and_page_numbers(tmp_path):
    sub, found = imported(tmp_path, WRAPPED)
    r = sub.tables["requests"]
    assert [r.at["disclosed", c] for c in ("natural_person", "business", "total")] == [4, 1, 5]
    assert [r.at["partially_disclosed", c] for c in ("natural_person", "total")] == [2, 2]  # numbers between the label's lines
    assert [r.at["unavailable_not_held", c] for c in ("natural_person", "total")] == [1, 1]
    assert [sub.tables["active"].at["normative_documents", c] for c in ("issued", "repealed", "in_force")] == [2, 1, 9]
    assert not any(f.rule in ("import-row-unknown", "import-row-unlabeled", "import-row-count") for f in found.findings)


MARKDOWN = f"""# {TITLE}

## 二、主动公开政府信息情况

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|:---:|:---:|---:|
| 规章 | 3 | 0 | 15 |
| 行政规范性文件 | 1 | 0 | 6 |

## 四、政府信息公开行政复议、行政诉讼情况

| 2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |
"""


def test_markdown_pipe_tables_and_a_bare_row_of_fifteen(tmp_path):
    sub, found = imported(tmp_path, MARKDOWN, "年报.md.txt")
    a = sub.tables["active"]
    assert [a.at["regulations", c] for c in ("issued", "repealed", "in_force")] == [3, 0, 15]
    assert [a.at["normative_documents", c] for c in ("issued", "repealed", "in_force")] == [1, 0, 6]
    appeals = sub.tables["appeals"]
    assert [appeals.at["cases", c] for c in ("review_upheld", "review_corrected", "review_total",
                                             "direct_suit_upheld", "direct_suit_total")] == [2, 1, 3, 1, 1]
    assert [f.rule for f in found.findings if f.rule == "import-bare-row"] == ["import-bare-row"]  # placed, and said
    assert (found.unit_name, found.year) == ("示例县文化和旅游局", 2025)


DAMAGED = f"""{TITLE}
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3
（二）部分公开（区分处理的，只计这一情 形，不计其他情形） 1 0 0 0 0 0 1
2.其他法律行政止公开 1 0 0 0 0 0 1
属于信息 1 0 0 0 0 0 1
（六）其他处理 1 0 0 0 0 0 1
"""


def test_damaged_labels_are_matched_only_when_unambiguous_and_an_old_one_row_group_is_said(tmp_path):
    sub, found = imported(tmp_path, DAMAGED)
    r = sub.tables["requests"]
    assert r.at["partially_disclosed", "natural_person"] == 1  # a space inside a word
    assert r.at["withheld_prohibited", "natural_person"] == 1  # a dropped character: close, and clearly this row
    variants = [f.params["text"] for f in found.findings if f.rule == "import-label-variant"]
    assert variants == ["2.其他法律行政止公开"]
    unknown = [f.params["words"] for f in found.findings if f.rule == "import-row-unknown"]
    assert unknown == ["属于信息"]  # close to several rows: never a guess
    legacy = [f for f in found.findings if f.rule == "import-legacy-row"]
    assert [(f.params["group"], f.params["row"], f.level.value) for f in legacy] == [("（六）其他处理", "3.其他", "review")]
    assert r.at["other_other", "natural_person"] == 1


def test_a_web_page_naming_its_unit_and_year_only_in_its_title(tmp_path):
    page = ("<html><head><title>示例县水利局2024年政府信息公开工作年度报告</title></head><body>"
            "<h2>二、主动公开政府信息情况</h2><table><tr><td>规章</td><td>0</td><td>0</td><td>2</td></tr></table>"
            "</body></html>")
    _, found = imported(tmp_path, page, "page.html")
    assert (found.unit_name, found.year) == ("示例县水利局", 2024)


UNTITLED = """年度报告
二、主动公开政府信息情况
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 1 0 4
行政规范性文件\t2\t0\t约6
规章 9 9 9
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0
"""


def test_what_cannot_be_read_is_said_and_left_empty_never_guessed(tmp_path):
    sub, found = imported(tmp_path, UNTITLED)
    said = {f.rule: f for f in found.findings}
    assert said["import-title-missing"].message.startswith("标题中找不到单位名称和报告年度")
    assert said["import-table-missing"].sheet == "四、复议诉讼" and said["import-table-missing"].place == "appeals"
    assert said["import-cell-not-number"].message == "原文第 5 行“行政规范性文件”中的“约6”不是数字，此格留空"
    assert sub.tables["active"].isna().at["normative_documents", "in_force"]
    assert said["import-row-repeated"].message == "原文第 6 行“规章”重复出现（第一次在第 4 行），只采用第一次的数字"
    assert [sub.tables["active"].at["regulations", c] for c in ("issued", "repealed", "in_force")] == [1, 0, 4]
    assert sub.tables["appeals"].isna().all().all()  # a missing table stays unknown, not 0


def test_a_narrative_longer_than_a_cell_holds_is_said_to_be_cut(tmp_path, capsys):
    seed = (ROOT / "samples" / "seeds" / "000_6a1ea5d47ca6a7aa.txt").read_text(encoding="utf-8")
    long = "本镇持续推进政务公开。" * 60_000  # 660,000 characters, before the seed's own 204
    text = seed.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况\n" + long, 1)
    _, found = imported(tmp_path, text)
    cut = [f for f in found.findings if f.rule == "import-text-cut"]
    assert [f.message for f in cut] == [
        "“五、存在的主要问题及改进情况”有 660204 字，超过 Excel 单元格上限 32767 字，导入的工作簿中只保留前 32767 字，全文见原文件"]
