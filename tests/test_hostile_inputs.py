"""Hostile and broken inputs, as a new user and an attacker would try them.

Each case says what a clerk or county officer must see: text stays text in everything we
write, crafted XML and oversized files are refused with a Chinese reason, every message is
Chinese, and no command reports an output it did not write.
"""

from __future__ import annotations

import argparse
import errno
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from gitools.cli import build_parser, main
from gitools.form import FORM
from gitools.io.atomic import MARK, temp_stem
from gitools.io.errors import os_reason
from gitools.model.findings import FileReport, finding
from gitools.testing.synthetic import consistent_values, unit

from .conftest import ROOT, SEEDS
from .merge.conftest import write_unit

SAMPLES = ROOT / "samples"
PAYLOADS = [
    '=HYPERLINK("http://evil.example/","点此")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+2",
]
NEEDLES = ("HYPERLINK", "cmd|", "1+1", "1+2", "SUM(1,1)")


def formulas_from_text(path: Path) -> list[tuple[str, str, str]]:
    """Formula cells whose formula holds any payload: there must be none."""
    wb = openpyxl.load_workbook(path)
    return [(ws.title, c.coordinate, c.value) for ws in wb for row in ws.iter_rows() for c in row
            if c.data_type == "f" and any(n in str(c.value) for n in NEEDLES)]


def texts(path: Path, sheet: str) -> set[str]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {c.value.replace("\r", "\n") for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


# --- no text becomes a formula ---------------------------------------------------------------


def test_an_imported_report_keeps_a_formula_like_unit_name_and_narrative_as_text(tmp_path, capsys):
    lines = (SEEDS / "000_6a1ea5d47ca6a7aa.txt").read_text(encoding="utf-8").splitlines()
    lines[0] = f"{PAYLOADS[0]}2023年政府信息公开工作年度报告"
    at = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    lines.insert(at + 1, PAYLOADS[1])
    report = tmp_path / "evil.txt"
    report.write_text("\n".join(lines), encoding="utf-8")
    main(["import", str(report), "-o", str(tmp_path / "out")])
    out = tmp_path / "out" / "evil.xlsx"
    assert formulas_from_text(out) == []
    assert PAYLOADS[0] in texts(out, FORM.unit_sheet)
    narrative = texts(out, FORM.narrative_sheet)
    assert any(t.startswith(PAYLOADS[1]) for t in narrative)


def test_the_merge_summary_keeps_unit_names_and_its_own_name_as_text_on_every_sheet(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    import random

    rng = random.Random(3)
    for i, name in enumerate(PAYLOADS, start=1):
        write_unit(inbox / f"{i}.xlsx", unit(FORM, i) | {"unit_name": name}, consistent_values(FORM, rng))
    out = tmp_path / "汇总.xlsx"
    assert main(["merge", str(inbox), "-o", str(out), "--name", PAYLOADS[1], "--preparer", "@A1"]) == 0
    assert formulas_from_text(out) == []
    for sheet in ("报送情况", "明细", "图表"):  # streamed rows, the chart's category labels
        assert {p.strip() for p in PAYLOADS} <= texts(out, sheet), sheet  # names as read: trimmed
    assert {PAYLOADS[1], "@A1"} <= texts(out, FORM.unit_sheet)


@pytest.mark.office
def test_libreoffice_opens_the_summary_and_still_sees_text_not_formulas(tmp_path, office_resave, capsys):
    inbox = tmp_path / "收件箱"
    import random

    rng = random.Random(5)
    for i, name in enumerate(PAYLOADS[:3], start=1):
        write_unit(inbox / f"{i}.xlsx", unit(FORM, i) | {"unit_name": name}, consistent_values(FORM, rng))
    out = tmp_path / "汇总.xlsx"
    main(["merge", str(inbox), "-o", str(out), "--name", PAYLOADS[0]])
    resaved = office_resave(out)
    assert formulas_from_text(resaved) == []
    assert set(PAYLOADS[:3]) <= texts(resaved, "图表")
    assert PAYLOADS[0] in texts(resaved, FORM.unit_sheet)


def test_an_annotated_copy_lists_a_formula_like_message_as_text(tmp_path):
    report = FileReport("x.xlsx", [finding("file-unreadable", reason="unexpected", error=PAYLOADS[1], sheet="单位信息",
                                           cell="B3", label=PAYLOADS[1])])  # a cell of its own, and inside the message
    out = tmp_path / "标注.xlsx"
    from gitools.outputs.xlsx.annotate import annotate

    annotate(SAMPLES / "example-township-2025.xlsx", report, out)
    assert formulas_from_text(out) == []
    assert PAYLOADS[1] in texts(out, FORM.result_sheet)


def test_control_characters_in_a_unit_name_are_dropped_not_a_crash(tmp_path):
    path = write_unit(tmp_path / "a.xlsx", unit(FORM, 1) | {"unit_name": "甲\x00镇\x07人民政府"},
                      consistent_values(FORM, __import__("random").Random(1)))
    assert "甲镇人民政府" in texts(path, FORM.unit_sheet)


# --- crafted files --------------------------------------------------------------------------


def rewrite_part(src: Path, dst: Path, part: str, data: bytes) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, data if info.filename == part else zin.read(info.filename))
    return dst


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
                  b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>')
EXTERNAL_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&x;</t></si></sst>')


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_a_workbook_with_entity_declarations_is_refused_as_unsafe(tmp_path, capsys, payload):
    bad = rewrite_part(SAMPLES / "example-township-2025.xlsx", tmp_path / "bad.xlsx", "xl/workbook.xml", payload)
    assert main(["validate", str(bad)]) == 2
    out = capsys.readouterr().out
    assert "不安全的 XML 内容" in out and "root:" not in out


def test_a_word_file_with_entity_declarations_is_refused_as_unsafe(tmp_path, capsys):
    docx = tmp_path / "年报.docx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", BILLION_LAUGHS.replace(b"sst", b"w:document"))
    assert main(["import", str(docx), "-o", str(tmp_path / "out")]) == 2
    assert "不安全的 XML 内容" in capsys.readouterr().out
    assert not (tmp_path / "out" / "年报.xlsx").exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, capsys):
    sheet = b"<worksheet>" + b" " * (60 * 1024 * 1024) + b"</worksheet>"
    bomb = rewrite_part(SAMPLES / "example-township-2025.xlsx", tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", sheet)
    assert bomb.stat().st_size < 1024 * 1024
    assert main(["validate", str(bomb)]) == 2
    assert "解压后过大" in capsys.readouterr().out


def test_a_file_larger_than_any_report_is_refused_without_reading_it(tmp_path, capsys):
    huge = tmp_path / "huge.xlsx"
    with open(huge, "wb") as fh:
        fh.truncate(201 * 1024 * 1024)  # sparse: nothing is written to disk
    assert main(["validate", str(huge)]) == 2
    assert "文件过大" in capsys.readouterr().out


def test_an_encrypted_or_garbled_old_format_file_says_why(tmp_path, capsys):
    fake = tmp_path / "旧.xls"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert main(["validate", str(fake)]) == 2
    assert "加密" in capsys.readouterr().out


# --- the formats clerks save in ---------------------------------------------------------------


@pytest.mark.office
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_a_workbook_saved_as_xls_et_or_ods_is_read_with_a_warning(tmp_path, soffice, capsys, fmt):
    src = SAMPLES / "example-township-2025.xlsx"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", fmt,
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    converted = [tmp_path / f"{src.stem}.{fmt}"]
    if fmt == "xls":  # WPS's .et is the same binary workbook format under its own name
        converted.append(converted[0].with_suffix(".et"))
        converted[1].write_bytes(converted[0].read_bytes())
    assert main(["export", str(src)]) == 0
    expected = capsys.readouterr().out
    for path in converted:
        assert main(["validate", str(path), "--format", "json"]) == 0
        doc = __import__("json").loads(capsys.readouterr().out)["files"][0]
        assert [f["rule"] for f in doc["findings"]] == ["file-not-xlsx"]
        assert main(["export", str(path)]) == 0
        assert capsys.readouterr().out == expected  # every value as in the .xlsx it was saved from


# --- messages that lead to the right fix, all in Chinese ----------------------------------------


def test_a_swapped_credit_code_is_not_fixed_by_a_suggested_character(make_book, capsys):
    book = make_book(unit={"credit_code": "114107210045330166", "division_code": "410721"})
    assert main(["validate", str(book)]) == 1
    out = capsys.readouterr().out
    assert "校验位不符，请对照登记证书逐位核对（常见为两位颠倒或抄错）" in out
    assert "应为 5" not in out and "应为 F" not in out


def test_every_option_of_every_command_is_described_in_chinese():
    def walk(parser):
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    yield from walk(sub)

    for parser in walk(build_parser()):
        for action in parser._actions:
            if action.help is None or action.help == "==SUPPRESS==":
                raise AssertionError(f"{parser.prog} {action.option_strings or action.dest} 没有说明")
            assert any("\u4e00" <= ch <= "\u9fff" for ch in action.help), (parser.prog, action.help)


def test_version_help_and_argument_errors_are_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "显示版本号并退出" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["merge"])
    err = capsys.readouterr().err
    assert "缺少必需的参数" in err and "error" not in err


@pytest.mark.parametrize("code,words", [
    (errno.ENOENT, "不存在"), (errno.EISDIR, "文件夹"), (errno.EACCES, "没有访问权限"),
    (errno.ENOSPC, "磁盘空间不足"), (errno.EROFS, "只读"),
])
def test_os_errors_are_told_in_chinese(code, words):
    assert words in os_reason(OSError(code, "English words"))
    assert "English" not in os_reason(OSError(code, "English words"))


def test_an_output_that_cannot_be_written_is_explained(tmp_path, capsys):
    (tmp_path / "文件").write_text("x")
    assert main(["template", "-o", str(tmp_path / "文件" / "模板.xlsx")]) == 2
    assert "不是文件夹" in capsys.readouterr().err
    (tmp_path / "目录.xlsx").mkdir()
    assert main(["template", "-o", str(tmp_path / "目录.xlsx")]) == 2
    assert "这是一个文件夹" in capsys.readouterr().err


def test_an_unexpected_failure_is_a_chinese_message_not_a_traceback(monkeypatch, capsys):
    import gitools.cli.form as cli

    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.delenv("GITOOLS_DEBUG", raising=False)
    monkeypatch.setattr(cli, "run", broken)
    assert main(["form"]) == 2
    err = capsys.readouterr().err
    assert "程序内部出错" in err and "Traceback" not in err


# --- outputs: written, or not claimed --------------------------------------------------------


def test_validate_takes_a_folder_and_lists_exactly_the_copies_it_wrote(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for name in ("faulty-totals.xlsx", "example-township-2025.xlsx"):
        (inbox / name).write_bytes((SAMPLES / name).read_bytes())
    (inbox / "~$faulty-totals.xlsx").write_bytes(b"lock")
    (inbox / "照片.jpg").write_bytes(b"\xff\xd8\xff")
    out = tmp_path / "标注"
    assert main(["validate", str(inbox), "--annotate", str(out)]) == 1
    text = capsys.readouterr().out
    claimed = sorted(line.split("：", 1)[1] for line in text.splitlines() if line.startswith("已写出标注副本"))
    assert claimed == sorted(str(p) for p in out.iterdir())
    assert sorted(p.name for p in out.iterdir()) == ["example-township-2025_校验结果.xlsx", "faulty-totals_校验结果.xlsx"]


def test_validate_refuses_a_file_as_the_annotate_target_of_a_folder_and_writes_nothing(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    (inbox / "a.xlsx").write_bytes((SAMPLES / "faulty-totals.xlsx").read_bytes())
    assert main(["validate", str(inbox), "--annotate", str(tmp_path / "标注.xlsx")]) == 2
    assert "应为输出文件夹" in capsys.readouterr().err
    assert not (tmp_path / "标注.xlsx").exists() and "已写出" not in capsys.readouterr().out


def test_a_missing_input_is_a_chinese_reason(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "没有.xlsx")]) == 2
    out = capsys.readouterr().out
    assert "文件或文件夹不存在" in out and "No such file" not in out


def test_a_roster_with_unknown_columns_stops_the_merge_and_names_the_file(tmp_path, capsys):
    roster = tmp_path / "名单.csv"
    roster.write_text("机构,代码\n甲镇,1\n", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    assert main(["merge", str(SAMPLES / "county-2025"), "--roster", str(roster), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(roster) in err and "“单位名称”" in err and "“机构”" in err
    assert not out.exists()


def test_a_killed_merge_leaves_nothing_the_next_run_does_not_clean_up(tmp_path, capsys):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        out = tmp_path / "汇总.xlsx"
        stale = tmp_path / f".{temp_stem(out)}{MARK}{dead.pid}-abc123.xlsx"
        busy = tmp_path / f".{temp_stem(out)}{MARK}{alive.pid}-def456.xlsx"
        stale.write_bytes(b"half a summary")
        busy.write_bytes(b"another run still writing")
        main(["merge", str(SAMPLES / "county-2025"), "-o", str(out)])
        assert out.exists() and not stale.exists()
        assert busy.exists()  # a run still going is left alone
    finally:
        alive.kill()


def test_a_merge_killed_for_real_is_cleaned_up_by_the_next_run(tmp_path):
    """kill -9 while the summary is being written, then run again: no temporary file remains."""
    out = tmp_path / "汇总.xlsx"
    code = ("import sys, signal, os\n"
            "import gitools.io.xlsx_stream as s\n"
            "real = s.finish\n"
            "def finish(*a, **k):\n"
            "    real(*a, **k)\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n"  # dies with its temporary file written
            "s.finish = finish\n"
            "import gitools.outputs.xlsx.summary as m; m.finish = finish\n"
            "from gitools.cli import main\n"
            f"main(['merge', {str(SAMPLES / 'county-2025')!r}, '-o', {str(out)!r}])\n")
    killed = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert killed.returncode == -9
    assert [p.name for p in tmp_path.iterdir() if MARK in p.name]  # what a kill leaves
    assert main(["merge", str(SAMPLES / "county-2025"), "-o", str(out)]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇总.xlsx"]


def test_output_is_never_an_input(tmp_path, capsys):
    sample = tmp_path / "a.xlsx"
    sample.write_bytes((SAMPLES / "faulty-totals.xlsx").read_bytes())
    before = sample.read_bytes()
    assert main(["validate", str(sample), "--annotate", str(sample)]) == 2
    assert sample.read_bytes() == before
    assert "已写出" not in capsys.readouterr().out


def test_console_output_survives_a_gbk_terminal(make_book, monkeypatch):
    book = make_book(values={("requests", "new", "total"): 9})
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="gbk"))
    assert main(["validate", str(book)]) == 1
    sys.stdout.flush()
    assert "结论".encode("gbk") in raw.getvalue()


# --- no command overwrites an input -----------------------------------------------------------


def _roster_xlsx(path: Path, names: list[str]) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["单位名称", "统一社会信用代码"])
    for name in names:
        wb.active.append([name, None])
    wb.save(path)
    return path


def test_merge_refuses_to_write_its_summary_over_the_roster_or_last_years_summary(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_unit(inbox / "a.xlsx", unit(FORM, 1), consistent_values(FORM, __import__("random").Random(1)))
    roster = _roster_xlsx(tmp_path / "名单.xlsx", [unit(FORM, 1)["unit_name"]])
    before = roster.read_bytes()
    assert main(["merge", str(inbox), "--roster", str(roster), "-o", str(roster)]) == 2
    assert "是输入文件之一" in capsys.readouterr().err and roster.read_bytes() == before
    last = tmp_path / "上年汇总表.xlsx"
    assert main(["merge", str(inbox), "-o", str(last)]) in (0, 1)
    kept = last.read_bytes()
    assert main(["merge", str(inbox), "--previous", str(last), "-o", str(last)]) == 2
    assert "是输入文件之一" in capsys.readouterr().err and last.read_bytes() == kept


def test_template_for_a_roster_refuses_to_write_over_the_roster(tmp_path, capsys):
    roster = _roster_xlsx(tmp_path / "示例县教育局.xlsx", ["示例县教育局", "示例县卫生健康委员会"])
    before = roster.read_bytes()
    assert main(["template", "--roster", str(roster), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "会覆盖" in err and "未生成任何模板" in err
    assert roster.read_bytes() == before and not (tmp_path / "示例县卫生健康委员会.xlsx").exists()


def _as_web_page(text: str) -> str:
    """A report's text as the page a portal publishes: each line a table row, fields as cells."""
    from html import escape

    rows = "".join("<tr>" + "".join(f"<td>{escape(f)}</td>" for f in line.split("\t")) + "</tr>"
                   for line in text.splitlines())
    return f"<html><body><table>{rows}</table></body></html>"


def test_report_refuses_to_write_over_the_document_it_reads(tmp_path, capsys):
    title = "新乡县人民政府办公室2023年政府信息公开工作年度报告"
    source = tmp_path / f"{title}.html"
    text = (SEEDS / "002_e8660239deac921c.txt").read_text(encoding="utf-8")
    source.write_text(_as_web_page(text), encoding="utf-8")
    before = source.read_bytes()
    assert main(["report", str(source), "-o", str(tmp_path), "--format", "html", "--force"]) == 2
    assert "是输入文件之一" in capsys.readouterr().err and source.read_bytes() == before


def test_two_documents_of_one_report_both_survive_import(tmp_path, capsys):
    folder = tmp_path / "年报"
    folder.mkdir()
    text = (SEEDS / "000_6a1ea5d47ca6a7aa.txt").read_text(encoding="utf-8")
    (folder / "焦店镇年报.txt").write_text(text, encoding="utf-8")
    (folder / "焦店镇年报.html").write_text(_as_web_page(text), encoding="utf-8")
    main(["import", str(folder), "-o", str(tmp_path / "输出")])
    out = capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "输出").iterdir()) == ["焦店镇年报.html.xlsx", "焦店镇年报.txt.xlsx"]
    assert out.count("与另一份文件同名") == 2


def test_a_unit_name_of_99_characters_gets_its_template_and_its_feedback(tmp_path, capsys):
    long_name = "示例县" + "很长的单位名称" * 13 + "局"
    assert len(long_name) == 95 and len(long_name.encode()) > 255
    roster = tmp_path / "名单.csv"
    roster.write_text(f"单位名称\n{long_name}\n示例县教育局\n", encoding="utf-8")
    assert main(["template", "--roster", str(roster), "-o", str(tmp_path / "模板")]) == 0
    made = sorted((tmp_path / "模板").iterdir())
    assert len(made) == 2 and all(len(p.name.encode()) <= 255 for p in made)
    assert "共 2 个单位的预填模板" in capsys.readouterr().out


def test_a_write_that_fails_names_the_file_asked_for_not_a_temporary_one(tmp_path, capsys):
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code = main(["template", "-o", str(folder / "x.xlsx")])
        err = capsys.readouterr().err
    finally:
        folder.chmod(0o700)
    if code == 2:  # root may write anyway; as a user the write is refused
        assert "x.xlsx" in err and MARK not in err
