"""Survey speed: documents per second and peak memory for N published reports (text copies of the
seeds, each made distinct) on the local pool and on a Dask LocalCluster, the resumed re-run, and
how time grows with N; then, per PDF report (the seeds printed by LibreOffice and by Chromium), the
survey's whole work on its chunks against pypdfium2's bare text extraction of the same files, as
the floor, in the same run.

    python benchmarks/survey_speed.py [--counts 200,1000,2000] [--rounds 5]
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


def printed(root: Path) -> dict[str, list[Path]]:
    """The seed reports and the sample county's summary report as their units publish them: the
    Word report printed by LibreOffice, the web page printed by Chromium."""
    soffice, chromium = shutil.which("soffice"), shutil.which("chromium") or shutil.which("chromium-browser")
    books = sorted((ROOT / "samples").glob("seed-*.xlsx"))
    out: dict[str, list[Path]] = {"LibreOffice": [], "Chromium": []}
    for book in books:
        subprocess.run([sys.executable, "-m", "gitools", "report", str(book), "-o", str(root), "--force"],
                       cwd=ROOT, capture_output=True, check=True)
    for docx in sorted(root.glob("*.docx")):
        if soffice:
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{root / 'lo'}", "--convert-to",
                            "pdf", "--outdir", str(root / "lo-pdf"), str(docx)], check=True, capture_output=True)
            out["LibreOffice"].append(root / "lo-pdf" / f"{docx.stem}.pdf")
        if chromium:
            pdf = root / "chromium-pdf" / f"{docx.stem}.pdf"
            pdf.parent.mkdir(exist_ok=True)
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--user-data-dir={root / 'cr'}", f"--print-to-pdf={pdf}", docx.with_suffix(".html").as_uri()],
                           check=True, capture_output=True)
            out["Chromium"].append(pdf)
    return {k: v for k, v in out.items() if v}


def pdfs(rounds: int) -> None:
    """Per PDF report: the survey's whole work, chunk after chunk as a worker does it (read in the
    worker's limited child, place, validate the chunk, make the records), against pypdfium2's bare
    text extraction. The first round warms the child up, as the first chunk of a worker does."""
    import pypdfium2 as pdfium

    from gitools.jobs.survey.read import read_chunk
    from gitools.jobs.survey.schedulers import CHUNK

    def floor(files: list[Path]) -> None:
        for path in files:
            doc = pdfium.PdfDocument(str(path))
            for page in doc:
                page.get_textpage().get_text_range()
            doc.close()

    def survey(files: list[Path]) -> None:  # as a worker does: chunk after chunk, in its kept child
        tasks = [(str(p), "", "", None) for p in files]
        for i in range(0, len(tasks), CHUNK):
            read_chunk(tasks[i:i + CHUNK])

    with tempfile.TemporaryDirectory() as tmp:
        for producer, files in printed(Path(tmp)).items():
            files = files * 8  # 40 reports
            pages = sum(len(pdfium.PdfDocument(str(p))) for p in files) / len(files)
            best: dict[str, float] = {}
            ratios = []
            for _ in range(rounds):  # interleaved, so both see the same machine; each round is a ratio
                times = {}
                for name, fn in (("floor", floor), ("survey", survey)):
                    start = time.perf_counter()
                    fn(files)
                    times[name] = 1000 * (time.perf_counter() - start) / len(files)
                    best[name] = min(best.get(name, times[name]), times[name])
                ratios.append(times["survey"] / times["floor"])
            ratios.sort()
            print(f"PDF printed by {producer:<11} ({pages:.1f} pages): pypdfium2 bare text {best['floor']:5.1f} ms, "
                  f"gitools survey {best['survey']:5.1f} ms per report (best of {rounds}); ratio per round "
                  f"{ratios[0]:.1f}–{ratios[-1]:.1f}×, median {ratios[len(ratios) // 2]:.1f}×")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--counts", default="200,1000,2000")
    ap.add_argument("--rounds", type=int, default=7, help="timed rounds of the PDF comparison")
    args = ap.parse_args()
    pdfs(args.rounds)
    surveys([int(c) for c in args.counts.split(",") if int(c)])


if __name__ == "__main__":
    main()
