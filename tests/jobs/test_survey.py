"""`gitools survey` over real published reports: one row per report, every finding, the same
unit's contradictions across years; a second run skips what is done; a killed run resumes; Dask
gives the same tables; a document over its time limit is a finding."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from gitools.cli import main

from ..conftest import ROOT, SEEDS

SEED_000 = SEEDS / "000_6a1ea5d47ca6a7aa.txt"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


@pytest.fixture()
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "年报"
    (folder / "2023").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / "2023" / seed.name).write_bytes(seed.read_bytes())
    (folder / "2023" / "焦店镇年报（转载）.txt").write_bytes(SEED_000.read_bytes())  # one report, two names
    lines = SEED_000.read_text(encoding="utf-8").splitlines()
    lines = [line.replace("2023 年", "2022 年") if "年度报告" in line else line for line in lines]
    lines = [("四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1\t" if line.startswith("四、结转下年度继续办理") else line)
             for line in lines]
    (folder / "焦店镇2022年报.md").write_text("\n".join(lines), encoding="utf-8")
    return folder


def test_one_row_per_report_every_finding_and_the_cross_year_contradiction(reports, tmp_path, capsys):
    out = tmp_path / "结果"
    assert main(["survey", str(reports), "-o", str(out), "--workers", "1"]) == 0
    said = capsys.readouterr().out
    assert "普查 7 份年报：本次读取 6 份" in said and "同一文件的其他名称 1 份" in said
    table = rows(out / "年报普查.csv")
    assert len(table) == 7
    by_file = {Path(r["源文件"]).name: r for r in table}
    assert by_file["002_e8660239deac921c.txt"]["单位"] == "新乡县人民政府办公室"
    assert by_file["002_e8660239deac921c.txt"]["二：行政规范性文件·本年制发件数"] == "2.0"
    assert by_file["焦店镇年报（转载）.txt"]["结论"] == by_file["000_6a1ea5d47ca6a7aa.txt"]["结论"]
    problems = rows(out / "问题.csv")
    assert any(p["单位"] == "新乡县人民政府办公室" and p["规则编号"] == "narrative-documents-mismatch" for p in problems)
    years = rows(out / "跨年度.csv")
    carry = [y for y in years if y["规则编号"] == "previous-carry-mismatch"]
    assert {(y["单位"], y["年度"], y["上年度"], y["单元格"]) for y in carry} == {
        ("新华区焦店镇人民政府", "2023", "2022", "D6"), ("新华区焦店镇人民政府", "2023", "2022", "J6")}


def test_the_workbook_holds_the_same_tables_with_figures_as_numbers(reports, tmp_path):
    out = tmp_path / "结果"
    assert main(["survey", str(reports), "-o", str(out), "--workers", "1"]) == 0
    book = openpyxl.load_workbook(out / "年报普查.xlsx")
    assert book.sheetnames == ["年报", "问题", "跨年度"]
    sheet = book["年报"]
    header = [c.value for c in sheet[1]]
    listed = {Path(r[0]).name: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(listed) == 7 and sheet.freeze_panes == "B2"
    xinxiang = listed["002_e8660239deac921c.txt"]
    assert xinxiang["单位"] == "新乡县人民政府办公室" and xinxiang["二：行政规范性文件·本年制发件数"] == 2
    for name, csv_name in (("问题", "问题.csv"), ("跨年度", "跨年度.csv")):
        assert book[name].max_row - 1 == len(rows(out / csv_name)), name


def test_a_second_run_skips_what_is_done_and_reads_what_changed(reports, tmp_path, capsys):
    out = tmp_path / "结果"
    main(["survey", str(reports), "-o", str(out), "--workers", "1"])
    capsys.readouterr()
    before = (out / "年报普查.csv").read_bytes()
    assert main(["survey", str(reports), "-o", str(out), "--workers", "1"]) == 0
    assert "本次读取 0 份，已完成未改动而跳过 6 份" in capsys.readouterr().out
    assert (out / "年报普查.csv").read_bytes() == before
    changed = reports / "2023" / "003_f8e573e1db3a03c4.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n附：本报告已更正。\n", encoding="utf-8")
    main(["survey", str(reports), "-o", str(out), "--workers", "1"])
    assert "本次读取 1 份，已完成未改动而跳过 5 份" in capsys.readouterr().out


def test_dask_gives_the_same_tables_as_the_local_pool(reports, tmp_path):
    pytest.importorskip("distributed")
    assert main(["survey", str(reports), "-o", str(tmp_path / "本机"), "--workers", "2"]) == 0
    assert main(["survey", str(reports), "-o", str(tmp_path / "集群"), "--scheduler", "dask", "--workers", "2"]) == 0
    for name in ("年报普查.csv", "问题.csv", "跨年度.csv"):
        assert (tmp_path / "本机" / name).read_bytes() == (tmp_path / "集群" / name).read_bytes(), name


def test_a_document_over_its_time_limit_is_a_finding_not_a_stall(reports, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GITOOLS_SURVEY_SECONDS", "0.001")
    out = tmp_path / "结果"
    assert main(["survey", str(reports), "-o", str(out), "--workers", "1"]) == 0
    problems = rows(out / "问题.csv")
    assert problems and all("读取超过 0.001 秒仍未完成" in p["问题"] for p in problems)


def test_a_run_killed_with_kill_9_resumes_without_redoing_finished_files(tmp_path):
    folder = tmp_path / "年报"
    folder.mkdir()
    text = SEED_000.read_text(encoding="utf-8")
    for i in range(40):
        (folder / f"{i:02d}.txt").write_text(text + f"\n附：第 {i} 份\n", encoding="utf-8")
    out = tmp_path / "结果"
    command = [sys.executable, "-m", "gitools", "survey", str(folder), "-o", str(out), "--workers", "1"]
    run = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = out / "manifest.sqlite"
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and run.poll() is None:
        if manifest.exists():
            try:
                with sqlite3.connect(manifest) as db:
                    done = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                done = 0
            if done >= 8:
                break
        time.sleep(0.05)
    run.kill()
    run.wait()
    assert 8 <= done < 40, done
    assert not (out / "年报普查.xlsx").exists()  # nothing half-written under a final name
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONUNBUFFERED": "1"})
    finished = int(again.stdout.split("已完成未改动而跳过 ")[1].split(" 份")[0])
    assert finished >= done and f"本次读取 {40 - finished} 份" in again.stdout
    assert len(rows(out / "年报普查.csv")) == 40
