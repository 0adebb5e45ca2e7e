"""Throughput and peak memory of `gitools merge`, against the obvious baseline in the same run.

    python benchmarks/merge_speed.py [N] [--baseline-files M] [--workers W]

N synthetic, consistent submissions (default 1,000) are generated from the template. Then:
- gitools merge of all N, in a child process (submissions per second, peak memory of the
  main process and of the largest worker);
- the baseline: openpyxl load_workbook(data_only=True) of each file, one DataFrame per file,
  pandas concat and sum, single process, on the first M files (default min(N, 300)).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd

from gitools.form import FORM
from gitools.io.xlsx import sheet_parts
from gitools.io.xlsx_stream import cell_xml, with_cached_values
from gitools.jobs.templates import write
from gitools.model.submission import from_values
from gitools.testing.synthetic import NARRATIVE, consistent_values, unit

_EMPTY = r'<c r="{ref}"( s="\d+")?( t="\w+")?\s*(?:/>|></c>)'


def generate(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """N workbooks: the template's XML with values put into its empty cells and the totals'
    results cached in their formula cells, as Excel or WPS saves a filled template (fast)."""
    template = folder / "template.xlsx"
    write(FORM, template)
    with zipfile.ZipFile(template) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
        parts = {v: k for k, v in sheet_parts(z).items()}
    template.unlink()
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        cells: dict[str, dict[str, object]] = {}
        totals: dict[str, dict[str, float]] = {}
        values = consistent_values(FORM, rng)
        for (t, r, c), v in values.items():
            table = FORM.table(t)
            cells.setdefault(table.sheet, {})[table.cell(r, c).address] = v
        for table in FORM.tables:
            grid = from_values(FORM, values).tables[table.key]
            for cell in table.cells:
                if not cell.input:
                    totals.setdefault(table.sheet, {})[cell.address] = float(grid.at[cell.row, cell.column])
        identity = unit(FORM, i + 1) | {"filled_on": "2026-01-10"}
        for f in FORM.fields:
            if f.key in identity:
                cells.setdefault(f.sheet, {})[f.address] = identity[f.key]
        for s in FORM.sections:
            if s.key in NARRATIVE:
                cells.setdefault(s.sheet, {})[s.address] = NARRATIVE[s.key]
        path = folder / f"unit-{i:05d}.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in entries:
                sheet = parts.get(info.filename)
                if sheet in cells:
                    xml = with_cached_values(data.decode(), totals.get(sheet, {}))
                    for ref, value in cells[sheet].items():
                        xml = re.sub(_EMPTY.format(ref=ref),
                                     lambda m, ref=ref, value=value: cell_xml(ref, value, (m.group(1) or "")[4:-1]),
                                     xml, count=1)
                    data = xml.encode()
                out.writestr(info, data)
        paths.append(path)
    return paths


def baseline(paths: list[Path]) -> float:
    """Seconds for the obvious way: openpyxl per file, a frame per file, concat, sum."""
    cells = FORM.input_cells
    start = time.perf_counter()
    frames = []
    for p in paths:
        wb = openpyxl.load_workbook(p, data_only=True)
        row = {c.name: wb[FORM.table(c.table).sheet][c.address].value for c in cells}
        frames.append(pd.DataFrame([row]))
    pd.concat(frames).apply(pd.to_numeric, errors="coerce").sum()
    return time.perf_counter() - start


def readers(paths: list[Path]) -> dict[str, float]:
    """Milliseconds per file to get the cell values out, for each candidate reader."""
    from gitools.inputs.read import read_with_book

    candidates = {
        "gitools read_with_book (the whole Submission)": lambda p: read_with_book(p, FORM),
        "openpyxl read_only, data_only (values)": lambda p: [list(ws.values) for ws in
                                                             openpyxl.load_workbook(p, read_only=True,
                                                                                    data_only=True)],
        "openpyxl load_workbook, data_only (values)": lambda p: openpyxl.load_workbook(p, data_only=True),
    }
    try:
        from python_calamine import CalamineWorkbook

        def calamine(p: Path) -> None:
            wb = CalamineWorkbook.from_path(str(p))
            for name in wb.sheet_names:
                wb.get_sheet_by_name(name).to_python()

        candidates["python-calamine (values only)"] = calamine
    except ImportError:
        pass
    out = {}
    for label, fn in candidates.items():
        start = time.perf_counter()
        for p in paths:
            fn(p)
        out[label] = (time.perf_counter() - start) / len(paths) * 1000
    return out


_CHILD = """
import json, resource, sys, time
from pathlib import Path
from gitools.jobs.merge import merge
start = time.perf_counter()
result = merge([Path(sys.argv[1])], Path(sys.argv[2]), workers=int(sys.argv[3]))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "included": len(result.included),
                  "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run_merge(folder: Path, out: Path, workers: int) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(folder), str(out), str(workers)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--baseline-files", type=int)
    ap.add_argument("--workers", type=int, default=0, help="0: CPU count")
    args = ap.parse_args()
    workers = args.workers or os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "in"
        folder.mkdir()
        t = time.perf_counter()
        paths = generate(folder, args.n)
        print(f"generated {args.n} submissions in {time.perf_counter() - t:.1f} s "
              f"({sum(p.stat().st_size for p in paths) / 1e6:.1f} MB)")
        m = run_merge(folder, Path(d) / "summary.xlsx", workers)
        assert m["included"] == args.n, m
        sample = paths[: args.baseline_files or min(args.n, 300)]
        base = baseline(sample)
        per_reader = readers(paths[:100])
    ours = args.n / m["seconds"]
    theirs = len(sample) / base
    print(f"gitools merge, {workers} workers: {args.n} in {m['seconds']:.1f} s = {ours:.0f} submissions/s "
          f"(read, validate, write summary)")
    print(f"baseline openpyxl+pandas, 1 process: {len(sample)} in {base:.1f} s = {theirs:.1f} submissions/s "
          f"(read and sum only)")
    print(f"speed-up: {ours / theirs:.1f}x")
    print(f"peak memory: main process {m['main_mb']:.0f} MB, largest worker {m['worker_mb']:.0f} MB; "
          f"all processes at most {m['main_mb'] + workers * m['worker_mb']:.0f} MB")
    for label, ms in per_reader.items():
        print(f"reader {label}: {ms:.1f} ms/file")


if __name__ == "__main__":
    main()
