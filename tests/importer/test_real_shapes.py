"""What real published reports do, each on a Word document made in that shape from a seed's
report and printed to PDF by LibreOffice: titles over two lines (unit first, or year first and
wrapped after 信息), the unit only in the body, the older label 规范性文件, sub-headings written
out, and hard line breaks inside sentences. Nothing is guessed silently: what was inferred is
said in a finding."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest

from gitools.cli import main
from gitools.form import FORM
from gitools.inputs.read import import_report, read_submission

from ..conftest import ROOT

SEED = ROOT / "samples" / "seed-003-鲁山县露峰街道-2023.xlsx"
UNIT = "鲁山县露峰街道办事处"
PROBLEMS = ("2023年，我街道深入贯彻落实市、县关于政务信息公开的工作安排部署，政务公开工作取得了实效，"
            "但距上级要求还存在一定差距，主要表现在：因基层工作任务繁重头绪较多，涉及行业类较广。")


def _title(document, first: str, second: str | None = None, broken: bool = False) -> None:
    """The title as ``first``, over two paragraphs with ``second``, or over two lines of one
    paragraph (a manual break) when ``broken``."""
    title = document.paragraphs[0]
    if second is None:
        title.text = first
    elif broken:
        title.text = ""
        title.add_run(first).add_break()
        title.add_run(second)
    else:
        title.text = second
        title.insert_paragraph_before(first, style=title.style)


def _broken(paragraph, text: str, every: int) -> None:
    """The paragraph's text with a manual line break every ``every`` characters, as text pasted
    from a printed page keeps them."""
    paragraph.text = ""
    for start in range(0, len(text), every):
        run = paragraph.add_run(text[start:start + every])
        if start + every < len(text):
            run.add_break()


def _paragraph(document, text: str):
    return next(p for p in document.paragraphs if p.text == text)


@pytest.fixture(scope="module")
def shaped(tmp_path_factory, soffice):
    d = tmp_path_factory.mktemp("shapes")
    main(["report", str(SEED), "-o", str(d), "--format", "docx", "--force"])
    source = next(d.glob("*.docx"))
    made = {}

    def make(name: str, change) -> None:
        document = docx.Document(str(source))
        change(document)
        document.save(str(d / f"{name}.docx"))
        made[name] = d / "pdf" / f"{name}.pdf"

    def two_lines(document) -> None:
        _title(document, UNIT, "2023 年政府信息公开工作年度报告")
        table = document.tables[0]
        cell = next(c for row in table.rows for c in row.cells if c.text == "行政规范性文件")
        cell.text = "规范性文件"  # the label of the format before 2021
        _paragraph(document, "（一）主动公开").text = "（一）主动公开情况"
        _paragraph(document, "（五）监督保障").text = "（五）政府信息公开监督保障情况"
        problems = document.paragraphs[next(i for i, p in enumerate(document.paragraphs)
                                            if p.text == "五、存在的主要问题及改进情况") + 1]
        _broken(problems, PROBLEMS, 19)

    def year_first(document) -> None:
        _title(document, "2023 年鲁山县露峰街道办事处政府信息", "公开工作年度报告", broken=True)

    def body_only(document) -> None:
        _title(document, "2023 年政府信息公开工作年度报告")
        opening = next(p for p in document.paragraphs if p.text.startswith("本报告依据"))
        opening.text = "本报告由鲁山县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。" + opening.text

    for name, change in (("two-lines", two_lines), ("year-first", year_first), ("body-only", body_only)):
        make(name, change)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{d / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(d / "pdf"), *(str(d / f"{n}.docx") for n in made)],
                   check=True, capture_output=True, timeout=300)
    return made


def _read(pdf: Path):
    sub, found = import_report(pdf, FORM)
    return sub, found, {f.rule: f for f in found.findings}


@pytest.mark.office
def test_a_title_over_two_lines_unit_first_is_one_title(shaped):
    _, found, _ = _read(shaped["two-lines"])
    assert (found.unit_name, found.year) == (UNIT, 2023)


@pytest.mark.office
def test_a_title_year_first_wrapped_after_xinxi_is_one_title(shaped):
    _, found, said = _read(shaped["year-first"])
    assert (found.unit_name, found.year) == (UNIT, 2023)
    assert "import-title-missing" not in said


@pytest.mark.office
def test_the_unit_only_in_the_body_is_the_government_its_office_compiles_for_and_is_said(shaped):
    _, found, said = _read(shaped["body-only"])
    assert (found.unit_name, found.year) == ("鲁山县人民政府", 2023)
    assert said["import-unit-from-body"].message == (
        "标题中没有单位名称，已按正文“本报告由鲁山县人民政府办公室根据”读取为“鲁山县人民政府”（办公室为本单位编制年报），请核对")


@pytest.mark.office
def test_the_older_label_is_read_into_its_row_and_said(shaped):
    sub, _, said = _read(shaped["two-lines"])
    expected = read_submission(SEED, FORM).tables["active"]
    columns = ["issued", "repealed", "in_force"]
    assert sub.tables["active"].loc["normative_documents", columns].tolist() == \
        expected.loc["normative_documents", columns].tolist() == [1, 0, 1]
    assert said["import-label-variant"].message.endswith("“规范性文件”与官方标签“行政规范性文件”不完全相同，已按此行读取，请核对")


@pytest.mark.office
def test_sub_headings_written_out_split_the_overview(shaped):
    _, found, _ = _read(shaped["two-lines"])
    assert found.narrative["overview_active"].startswith("严格落实信息公开责任")
    assert found.narrative["overview_oversight"] == "【待补充：（五）监督保障】"


@pytest.mark.office
def test_hard_line_breaks_inside_sentences_are_joined(shaped):
    _, found, _ = _read(shaped["two-lines"])
    said = found.narrative["problems"]
    assert "\n" not in said and "".join(said.split()) == PROBLEMS  # (spacing around digits as printed)
