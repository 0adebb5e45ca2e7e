"""Time to validate one workbook (warm, in process; cold, as a CLI process) and 100 workbooks.

    python benchmarks/validate_speed.py [N]

Baseline in the same run: openpyxl loading the same file twice (formulas + cached values),
which is what reading both would cost without our single-pass reader.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from gitools.form import FORM
from gitools.jobs.validate import validate_file, validate_files

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "example-county-dept-2025.xlsx"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    validate_file(SAMPLE, FORM)  # warm imports and schema cache
    warm = timed(lambda: validate_file(SAMPLE, FORM), 30)
    base = timed(lambda: (openpyxl.load_workbook(SAMPLE), openpyxl.load_workbook(SAMPLE, data_only=True)), 10)
    cold = timed(lambda: subprocess.run([sys.executable, "-m", "gitools", "validate", str(SAMPLE)],
                                        capture_output=True, check=False), 3)
    with tempfile.TemporaryDirectory() as d:
        files = []
        for i in range(n):
            p = Path(d) / f"{i}.xlsx"
            p.write_bytes(SAMPLE.read_bytes())
            files.append(p)
        t = time.perf_counter()
        for p in files:
            validate_file(p, FORM)
        one_by_one = time.perf_counter() - t
        t = time.perf_counter()
        validate_files(files, FORM)
        batch = time.perf_counter() - t
    print(f"validate one workbook, warm (median of 30): {statistics.median(warm) * 1000:.1f} ms")
    print(f"baseline openpyxl load x2, warm (median of 10): {statistics.median(base) * 1000:.1f} ms")
    print(f"gitools validate, cold CLI process (median of 3): {statistics.median(cold):.2f} s")
    print(f"{n} workbooks one by one: {one_by_one:.2f} s ({one_by_one / n * 1000:.1f} ms each)")
    print(f"{n} workbooks batched (validate_files, as `gitools validate` does): {batch:.2f} s "
          f"({batch / n * 1000:.1f} ms each)")


if __name__ == "__main__":
    main()
