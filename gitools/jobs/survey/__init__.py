"""`gitools survey` as a use case: every published report in some folders read, validated and
tabled, with the cross-year contradictions of units found in several years. Resumable through
a manifest (``manifest``), on the local pool or on Dask (``schedulers``); each document read in
a child process within time and memory limits (``read``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gitools.form import FORM
from gitools.inputs.kinds import BY_SUFFIX, KINDS, REPORT_SUFFIXES
from gitools.inputs.published.layout import VERSION as LAYOUT_VERSION
from gitools.io.discover import Skipped, discover
from gitools.jobs.imports import output_stems
from gitools.jobs.survey import tables
from gitools.jobs.survey.manifest import Manifest
from gitools.jobs.survey.read import Task
from gitools.jobs.survey.schedulers import SchedulerError, run
from gitools.outputs import frames
from gitools.outputs.xlsx import survey as book

BOOK, REPORTS_CSV, FINDINGS_CSV, YEARS_CSV = "年报普查.xlsx", "年报普查.csv", "问题.csv", "跨年度.csv"

__all__ = ["SchedulerError", "Surveyed", "survey"]


@dataclass
class Surveyed:
    files: int = 0  # documents found
    read: int = 0  # read in this run
    skipped: int = 0  # done before and unchanged
    same: int = 0  # listed again under another name, read once
    unreadable: int = 0
    outputs: list[Path] = field(default_factory=list)
    passed_over: list[Skipped] = field(default_factory=list)


def version(path: Path) -> str:
    """What a document is read with: its kind's loader, the layout reader and the form."""
    kind = BY_SUFFIX.get(path.suffix.lower(), KINDS[0])
    return f"{kind.key}{kind.version}-layout{LAYOUT_VERSION}-form{FORM.version}"


def survey(inputs: list[Path], outdir: Path, *, workers: int | None = None, scheduler: str = "processes",
           workbooks: bool = False, progress: Callable[[int, int], None] = lambda done, total: None) -> Surveyed:
    files, passed_over = discover(inputs, REPORT_SUFFIXES, "可普查的年报文件")
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(outdir / "manifest.sqlite")
    known, seen = manifest.known(), []
    for p in files:
        st = p.stat()
        before = known.get(str(p))
        same = before is not None and before[0] == st.st_size and before[1] == st.st_mtime
        sha = before[2] if same and before else hashlib.sha256(p.read_bytes()).hexdigest()
        seen.append((str(p), st.st_size, st.st_mtime, sha, version(p)))
    manifest.remember(seen)
    done = manifest.done()
    stems = output_stems(files, outdir / "工作簿", ".xlsx") if workbooks else {}
    todo: dict[tuple[str, str], Task] = {}
    for path, _, _, sha, ver in seen:
        if (sha, ver) not in done and (sha, ver) not in todo:
            todo[(sha, ver)] = (path, sha, ver, str(outdir / "工作簿" / f"{stems[path]}.xlsx") if workbooks else None)
    result = Surveyed(files=len(files), passed_over=passed_over,
                      skipped=len({(s, v) for _, _, _, s, v in seen} & done))
    result.same = len(seen) - len({(s, v) for _, _, _, s, v in seen})
    count = [0]

    def record(rows: list) -> None:
        manifest.record(rows)
        count[0] += len(rows)
        progress(count[0], len(todo))

    progress(0, len(todo))
    run(list(todo.values()), scheduler, workers, record)
    result.read = count[0]
    records = manifest.records()
    listed = [(path, records[(sha, ver)]) for path, _, _, sha, ver in seen if (sha, ver) in records]
    result.unreadable = sum(1 for _, r in listed if r["status"] == "unreadable")
    result.outputs = _write(outdir, listed)
    return result


def _write(outdir: Path, listed: list[tables.Listed]) -> list[Path]:
    sheets = {"年报": tables.reports(FORM, listed), "问题": tables.findings(listed),
              "跨年度": tables.across_years(FORM, listed)}
    out = [outdir / BOOK, outdir / REPORTS_CSV, outdir / FINDINGS_CSV, outdir / YEARS_CSV]
    book.write(out[0], sheets)
    for path, df in zip(out[1:], sheets.values(), strict=True):
        frames.write_csv(df, path)
    if frames.parquet_available():
        for name, df in zip(("年报普查", "问题", "跨年度"), sheets.values(), strict=True):
            frames.write_parquet(df, outdir / f"{name}.parquet")
            out.append(outdir / f"{name}.parquet")
    return out
