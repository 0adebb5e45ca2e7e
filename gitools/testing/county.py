"""A county's January, as the print tests and the print-layout benchmark need it: the sample
county's workbooks for 2025 and the same units a year earlier, merged with the roster and last
year's summary, with 退回材料, the annotated copies and the Word report. Every document the county
office prints comes out of one call, made as the county makes it: with the commands."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from gitools.form import FORM

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NAME = "示例县人民政府"


@dataclass(frozen=True)
class January:
    summary: Path
    previous: Path
    feedback: Path  # 退回清单.xlsx
    annotated: list[Path]  # the copies sent back to units
    report: Path  # the Word report of the summary


LONG_UNIT = "01-示例县城关镇人民政府.xlsx"
LONG_TEXT = "".join(f"（{n}）本镇第 {n} 项改进措施已于年内落实，并在镇政府网站和村务公开栏同步公开，接受群众监督。"
                    for n in range(1, 61))  # some 2,700 characters: longer than a page at 8 pt


def _set(book_path: Path, name: str, value: object, target: Path | None = None) -> None:
    """One cell of a workbook, found by its defined name, set to ``value``."""
    book = openpyxl.load_workbook(book_path)
    sheet, cell = next(iter(book.defined_names[name].destinations))
    book[sheet][cell.replace("$", "")] = value
    book.save(target or book_path)


def _a_year_earlier(source: Path, target: Path) -> None:
    _set(source, f"unit.{FORM.field('report_year').key}", 2024, target)


def _gitools(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "gitools", *args], capture_output=True, timeout=600)


def january(root: Path) -> January:
    now, before = root / "2025", root / "2024"
    shutil.copytree(SAMPLES / "county-2025", now)
    _set(now / LONG_UNIT, "narrative.problems", LONG_TEXT)  # a unit that writes at length
    before.mkdir()
    for book in sorted(now.glob("*.xlsx")):
        if "初稿" not in book.name:
            try:
                _a_year_earlier(book, before / book.name)
            except zipfile.BadZipFile:  # the sample county's damaged file has no year before
                continue
    previous = root / "2024汇总.xlsx"
    _gitools("merge", str(before), "--name", NAME, "-o", str(previous))
    summary, back = root / "2025汇总.xlsx", root / "退回"
    _gitools("merge", str(now), "--name", NAME, "--roster", str(SAMPLES / "county-2025-应报单位名单.csv"),
             "--previous", str(previous), "--feedback", str(back), "-o", str(summary))
    _gitools("report", str(summary), "-o", str(root), "--format", "docx")
    return January(summary, previous, back / "退回清单.xlsx",
                   sorted(p for p in back.glob("*.xlsx") if p.name != "退回清单.xlsx"),
                   root / f"{NAME}2025年政府信息公开工作年度报告.docx")
