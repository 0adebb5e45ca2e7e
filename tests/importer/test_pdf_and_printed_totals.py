"""Reports published as PDF, read from the page geometry; printed totals kept as printed facts.

The PDFs are made the way real ones are: a Word document with ruled tables, merged header cells
and the vertical 三、本年度办理结果, printed to PDF by LibreOffice, 表三 running over a page break."""

from __future__ import annotations

import json
import subprocess

import openpyxl
import pytest

from gitools.cli import main
from gitools.form import FORM
from gitools.inputs.read import import_report, read_submission

from ..conftest import ROOT, SEEDS

SUMMARY_SOURCE = ROOT / "samples" / "county-2025"


@pytest.fixture(scope="module")
def printed_pdf(tmp_path_factory, soffice):
    """The sample county's report: Word written by gitools report, printed to PDF by LibreOffice."""
    d = tmp_path_factory.mktemp("pdf")
    summary = d / "汇总.xlsx"
    main(["merge", str(SUMMARY_SOURCE), "--name", "示例县人民政府", "-o", str(summary)])
    main(["report", str(summary), "-o", str(d), "--format", "docx"])
    docx = d / "示例县人民政府2025年政府信息公开工作年度报告.docx"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{d / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(d), str(docx)], check=True, capture_output=True, timeout=180)
    return summary, docx.with_suffix(".pdf")


@pytest.mark.office
def test_every_number_of_a_printed_pdf_lands_in_its_cell(printed_pdf):
    import pypdfium2 as pdfium

    summary, pdf = printed_pdf
    pages = [p.get_textpage().get_text_range() for p in pdfium.PdfDocument(pdf)]
    pages_with_table3 = [i for i, text in enumerate(pages) if "（七）总计" in text or "三、收到和处理政府信息公开申请情况" in text]
    assert len(set(pages_with_table3)) == 2  # 表三 breaks across a page, as in real reports
    expected = read_submission(summary, FORM).tables
    got, found = import_report(pdf, FORM)
    cells = [(t.key, c.row, c.column) for t in FORM.tables for c in t.cells]
    right = sum(1 for k, r, c in cells if got.tables[k].at[r, c] == expected[k].at[r, c])
    assert (right, len(cells)) == (200, 200)
    assert (found.unit_name, found.year) == ("示例县人民政府", 2025)  # the title, wrapped by the page, joined again
    assert [f.rule for f in found.findings] == []


@pytest.mark.office
def test_a_scanned_pdf_is_told_it_is_a_scan(printed_pdf, tmp_path, capsys):
    import pypdfium2 as pdfium

    _, pdf = printed_pdf
    image = pdfium.PdfDocument(pdf)[0].render(scale=50 / 72).to_pil()  # the page as a picture only
    scan = tmp_path / "扫描件.pdf"
    image.convert("RGB").save(scan)
    assert main(["import", str(scan), "-o", str(tmp_path / "out")]) == 2
    assert "这是扫描件" in capsys.readouterr().out


def test_a_file_named_pdf_that_is_not_one_says_so(tmp_path, capsys):
    fake = tmp_path / "年报.pdf"
    fake.write_text("不是 PDF", encoding="utf-8")
    assert main(["import", str(fake), "-o", str(tmp_path / "out")]) == 2
    assert "内容不是 PDF" in capsys.readouterr().out


def wrong_totals(tmp_path):
    """Seed 000 as published, but printing （七）总计 2 for one application, and 行政复议 总计 0
    beside 维持 10 and 纠正 1, as a real district report did."""
    lines = (SEEDS / "000_6a1ea5d47ca6a7aa.txt").read_text(encoding="utf-8").splitlines()
    total_row = next(i for i, line in enumerate(lines) if line.startswith("(七) 总计"))
    lines[total_row] = "(七) 总计\t2\t0\t0\t0\t0\t0\t2\t"
    appeals_row = next(i for i, line in enumerate(lines) if line.startswith("0\t0\t0\t0\t0\t0\t0\t0"))
    lines[appeals_row] = "\t".join(["10", "1", "0", "0", "0"] + ["0"] * 10)
    path = tmp_path / "总计有误.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_printed_totals_are_facts_and_their_broken_identities_are_reported(tmp_path, capsys):
    report = wrong_totals(tmp_path)
    assert main(["export", str(report)]) == 0
    tables = json.loads(capsys.readouterr().out)["tables"]
    assert tables["requests"]["results_total"]["natural_person"] == 2  # as printed, not the 1 of its parts
    assert tables["appeals"]["cases"]["review_total"] == 0 and tables["appeals"]["cases"]["review_upheld"] == 10
    main(["validate", str(report), "--format", "json"])
    found = {(f["rule"], f["cell"]): f for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
    assert (found[("requests-results-total", "D28")]["params"]["lhs"], found[("requests-results-total", "D28")]["params"]["rhs"]) == (2, 1)
    assert (found[("appeals-group-total", "E5")]["params"]["lhs"], found[("appeals-group-total", "E5")]["params"]["rhs"]) == (0, 11)
    assert ("requests-balance", "D5") in found


def test_the_imported_workbook_keeps_the_printed_totals_and_says_the_same(tmp_path, capsys):
    report = wrong_totals(tmp_path)
    main(["import", str(report), "-o", str(tmp_path / "out")])
    capsys.readouterr()
    book = tmp_path / "out" / "总计有误.xlsx"
    wb = openpyxl.load_workbook(book)
    assert wb["三、依申请公开"]["D28"].value == 2 and wb["四、复议诉讼"]["E5"].value == 0  # values, not formulas
    main(["validate", str(book), "--format", "json"])
    rules = {(f["rule"], f["cell"]) for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
    assert {("requests-results-total", "D28"), ("appeals-group-total", "E5")} <= rules
    assert not any(rule == "total-overwritten" for rule, _ in rules)  # the printed figure is the fact, not a slip


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory, soffice, chromium):
    """Two real reports (seeds 002 and 004) as their units publish them: the Word report printed
    by LibreOffice, and the web page printed by Chromium (another PDF producer: Skia, its own
    fonts and its own way of breaking a table across pages)."""
    d = tmp_path_factory.mktemp("seeds")
    out = []
    for seed in ("seed-002-新乡县政府办-2023.xlsx", "seed-004-平罗县陶乐镇-2023.xlsx"):
        book = ROOT / "samples" / seed
        main(["report", str(book), "-o", str(d), "--force"])
        docx = max(d.glob("*.docx"), key=lambda p: p.stat().st_mtime)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{d / 'lo'}", "--convert-to", "pdf",
                        "--outdir", str(d / "lo"), str(docx)], check=True, capture_output=True, timeout=180)
        html = docx.with_suffix(".html")
        printed = d / "chromium" / f"{docx.stem}.pdf"
        printed.parent.mkdir(exist_ok=True)
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={d / 'chromium-profile'}", f"--print-to-pdf={printed}", html.as_uri()],
                       check=True, capture_output=True, timeout=180)
        out.append((book, d / "lo" / f"{docx.stem}.pdf", printed))
    return out


@pytest.mark.office
def test_reports_printed_by_libreoffice_and_by_chromium_are_read_cell_for_cell(seed_reports):
    cells = [(t.key, c.row, c.column) for t in FORM.tables for c in t.cells]
    for book, *pdfs in seed_reports:
        expected = read_submission(book, FORM)
        for pdf in pdfs:
            got, found = import_report(pdf, FORM)
            right = sum(1 for k, r, c in cells if got.tables[k].at[r, c] == expected.tables[k].at[r, c])
            assert (right, len(cells)) == (200, 200), pdf
            assert found.unit_name == expected.unit["unit_name"], pdf  # 人民, never the radicals ⼈⺠
            assert [f.rule for f in found.findings] == [], pdf
            said = "".join(got.narrative["problems"].split())
            assert said == "".join(expected.narrative["problems"].split()), pdf  # quotation marks in place


def test_a_pdf_of_two_million_drawing_operations_is_refused_before_it_is_walked(tmp_path, capsys):
    import zlib

    stream = zlib.compress(b"0.5 w\n" + b"10 10 m 20 20 l S\n" * 666_667, 9)  # 2 million operators
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    body, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    hostile = tmp_path / "年报.pdf"
    hostile.write_bytes(bytes(body))
    assert len(body) < 100_000
    assert main(["import", str(hostile), "-o", str(tmp_path / "out")]) == 2
    said = capsys.readouterr().out
    assert "PDF 第 1 页有 666667 个图形或文字对象，超过 20000 个的上限" in said
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
