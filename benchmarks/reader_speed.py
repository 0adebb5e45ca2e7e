"""Time to read one submission, against python-calamine reading the same workbook's values.

    python benchmarks/reader_speed.py [N]

N distinct workbooks (default 200) are generated from the template, as a county's inbox is.
Each round reads all of them with:
- python-calamine: every sheet's values (``to_python``), the floor for reading cell values;
- gitools reading: the workbook read (``gitools.inputs.kinds.read_book``: defined names, custom
  properties) and every cell of the form fetched through its name: the three tables' values with
  cached formula results and formula flags (typed-over totals), the unit, the narrative;
- gitools ``read_with_book``: the whole Submission built from that (the tables as DataFrames,
  totals never calculated computed, blank and text-number findings, the clerk's 说明);
- gitools again with its per-template caches cleared before every file (each workbook read as
  if it were the first of its template: names and relationships parsed anew);
- the other option the issue named, for comparison: python-calamine for the values of the six
  sheets a submission uses, with the defined names from workbook.xml (and still no formula
  flags, which calamine does not give: typed-over totals would go unnoticed).
The best of 5 rounds is printed for each, and the ratio to calamine.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from merge_speed import generate
from python_calamine import CalamineWorkbook

from gitools.form import FORM
from gitools.inputs.kinds import read_book as read
from gitools.inputs.read import read_with_book
from gitools.io import xlsx, xlsx_parts, xlsx_scan


def calamine(path: Path) -> None:
    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python()


def gitools_reading(path: Path) -> None:
    book = read(path)
    wanted: dict[str, list[str]] = {}
    for name in FORM.item_names:
        sheet, address = book.names[name]
        wanted.setdefault(sheet, []).append(address)
    for sheet, addresses in wanted.items():
        book.cells(sheet, addresses)


def gitools(path: Path) -> None:
    read_with_book(path, FORM)


def gitools_first_of_its_template(path: Path) -> None:
    xlsx_parts._names.cache_clear()
    xlsx_scan.text.cache_clear()
    xlsx._rels.cache_clear()
    read_with_book(path, FORM)


SHEETS = [FORM.unit_sheet, *(t.sheet for t in FORM.tables), FORM.narrative_sheet, FORM.result_sheet]


def calamine_with_names(path: Path) -> None:
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xlsx_parts.workbook(z.read("xl/workbook.xml"))
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    for name in SHEETS:
        wb.get_sheet_by_name(name).to_python()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    readers = {"python-calamine, values of every sheet": calamine,
               "gitools reading the submission's cells": gitools_reading,
               "gitools read_with_book (the whole Submission)": gitools,
               "gitools, per-template caches cleared per file": gitools_first_of_its_template,
               "option not kept: calamine for six sheets' values + names from workbook.xml": calamine_with_names}
    best = dict.fromkeys(readers, float("inf"))
    with tempfile.TemporaryDirectory() as d:
        paths = generate(Path(d), n)
        for _ in range(5):
            for label, read in readers.items():
                start = time.perf_counter()
                for p in paths:
                    read(p)
                best[label] = min(best[label], (time.perf_counter() - start) / n * 1000)
    floor = best["python-calamine, values of every sheet"]
    print(f"{n} distinct workbooks from the template, best of 5 rounds:")
    for label, ms in best.items():
        print(f"  {label}: {ms:.2f} ms/file ({ms / floor:.2f}x calamine)")


if __name__ == "__main__":
    main()
