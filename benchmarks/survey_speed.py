"""Survey speed: documents per second and peak memory for N published reports (text copies of the
seeds, each made distinct) on the local pool and on a Dask LocalCluster, the resumed re-run, and
how time grows with N; then, per PDF report, gitools' whole read (import and validate) against
pypdfium2's bare text extraction of the same file, as the floor, in the same run.

    python benchmarks/survey_speed.py [--counts 200,1000,2000] [--pdfs 20]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = sorted((ROOT / "samples" / "seeds").glob("*.txt"))


def make_reports(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    for i in range(n):
        (folder / f"{i:05d}.txt").write_text(texts[i % len(texts)] + f"\n（第 {i} 份）\n", encoding="utf-8")


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds, and the peak resident memory (MB) of the largest process it started."""
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def surveys(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            folder = Path(tmp) / f"n{n}"
            make_reports(folder, n)
            for scheduler in ("processes", "dask"):
                out = Path(tmp) / f"out-{n}-{scheduler}"
                command = [sys.executable, "-m", "gitools", "survey", str(folder), "-o", str(out),
                           "--scheduler", scheduler]
                seconds, peak = timed(command)
                again, _ = timed(command)
                print(f"{n:>5} reports, {scheduler:<9}: {seconds:6.1f} s, {n / seconds:6.1f} reports/s, "
                      f"peak process {peak:5.0f} MB; resumed re-run {again:5.1f} s")


def pdfs(count: int) -> None:
    import pypdfium2 as pdfium

    from gitools.form import FORM
    from gitools.inputs.read import import_report
    from gitools.validate import validate

    soffice = shutil.which("soffice")
    if soffice is None:
        print("PDF ratio: LibreOffice not installed, skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        summary = root / "汇总.xlsx"
        subprocess.run([sys.executable, "-m", "gitools", "merge", str(ROOT / "samples" / "county-2025"), "--name",
                        "示例县人民政府", "-o", str(summary)], cwd=ROOT, capture_output=True)
        subprocess.run([sys.executable, "-m", "gitools", "report", str(summary), "-o", str(root), "--format", "docx"],
                       cwd=ROOT, capture_output=True, check=True)
        docx = next(root.glob("*.docx"))
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{root / 'lo'}", "--convert-to", "pdf",
                        "--outdir", str(root), str(docx)], check=True, capture_output=True, timeout=180)
        pdf = docx.with_suffix(".pdf")
        files = []
        for i in range(count):
            files.append(root / f"{i:03d}.pdf")
            shutil.copyfile(pdf, files[-1])

        def floor(path: Path) -> None:
            doc = pdfium.PdfDocument(str(path))
            for page in doc:
                page.get_textpage().get_text_range()
            doc.close()

        def ours(path: Path) -> None:
            sub, _ = import_report(path, FORM)
            validate(sub, FORM)

        ours(files[0])  # warm: the schemas are built once per process
        for name, fn in (("pypdfium2 text only (floor)", floor), ("gitools: import + validate", ours)):
            start = time.perf_counter()
            for f in files:
                fn(f)
            per = 1000 * (time.perf_counter() - start) / len(files)
            print(f"PDF, {len(doc_pages(pdf))} pages, {name:<28}: {per:6.1f} ms per report")


def doc_pages(pdf: Path) -> list[int]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    n = len(doc)
    doc.close()
    return list(range(n))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--counts", default="200,1000,2000")
    ap.add_argument("--pdfs", type=int, default=20)
    args = ap.parse_args()
    pdfs(args.pdfs)
    surveys([int(c) for c in args.counts.split(",")])


if __name__ == "__main__":
    main()
