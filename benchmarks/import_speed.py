"""Time to import one published report, per kind of document, and a folder of them on all cores.

    python benchmarks/import_speed.py [COPIES]

The documents are the sample county department's report as `gitools report` writes it (Word
and web page), that Word file printed to PDF by LibreOffice (when soffice is installed), and
the five real reports in samples/seeds/ (text copied out of PDFs and web pages). Printed:
- per kind, the median time of ``import_report`` in this process (warm, 10 runs);
- a folder of COPIES copies of every document (default 25) imported by ``gitools import``'s
  worker pool with one worker (the baseline) and with one per core, writing the workbooks.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gitools.form import FORM
from gitools.inputs.read import import_report, read_submission
from gitools.jobs.imports import import_all
from gitools.jobs.pool import worker_count
from gitools.jobs.publish import write_report

ROOT = Path(__file__).resolve().parent.parent


def documents(folder: Path) -> dict[str, list[Path]]:
    sub = read_submission(ROOT / "samples" / "example-county-dept-2025.xlsx", FORM)
    _, written = write_report(sub, FORM, folder, ["docx", "html"])
    kinds = {"Word (.docx)": [p for p in written if p.suffix == ".docx"],
             "web page (.html)": [p for p in written if p.suffix == ".html"],
             "text copied from PDFs and pages (.txt, the seeds)": sorted((ROOT / "samples" / "seeds").glob("*.txt"))}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        docx = kinds["Word (.docx)"][0]
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder / 'lo'}", "--convert-to", "pdf",
                        "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=180)
        kinds["PDF printed by LibreOffice (.pdf)"] = [docx.with_suffix(".pdf")]
    return kinds


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        kinds = documents(root / "docs")
        for label, paths in kinds.items():
            for p in paths:
                import_report(p, FORM)  # warm
            times = []
            for _ in range(10):
                for p in paths:
                    start = time.perf_counter()
                    import_report(p, FORM)
                    times.append(time.perf_counter() - start)
            print(f"import one document, {label}: {statistics.median(times) * 1000:.1f} ms (median)")
        inbox = root / "inbox"
        inbox.mkdir()
        for i in range(copies):
            for paths in kinds.values():
                for p in paths:
                    shutil.copy(p, inbox / f"{i:04d}-{p.name}")
        files = sorted(inbox.iterdir())
        runs = {}
        for workers in (1, worker_count()):
            start = time.perf_counter()
            results = import_all(files, root / f"out-{workers}", "xlsx", FORM, workers=workers)
            runs[workers] = time.perf_counter() - start
            assert len(results) == len(files) and all(r.output for r in results)
        for workers, seconds in runs.items():
            print(f"gitools import of {len(files)} documents, {workers} worker(s), writing workbooks: "
                  f"{seconds:.1f} s = {len(files) / seconds:.1f} documents/s")
        print(f"speed-up with {worker_count()} workers: {runs[1] / runs[worker_count()]:.1f}x")


if __name__ == "__main__":
    main()
