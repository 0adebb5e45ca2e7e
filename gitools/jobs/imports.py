"""`gitools import` as a use case: published reports read, validated and written in the format
asked for (``outputs.IMPORTED``), on all cores; one strange document never stops a batch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gitools.form import FORM
from gitools.form.model import Form
from gitools.inputs.read import import_report
from gitools.io.errors import os_reason
from gitools.jobs.pool import map_chunks
from gitools.jobs.progress import Progress, counting, silent
from gitools.model.findings import FileReport, finding
from gitools.model.submission import NotReadable
from gitools.outputs import IMPORTED
from gitools.validate import validate


def write_imported(path: Path, outdir: Path, fmt: str = "xlsx", form: Form = FORM) -> tuple[FileReport, Path]:
    """Import ``path``, validate it and write it into ``outdir`` as ``fmt``; raises NotReadable, OSError."""
    sub, found = import_report(path, form)
    report = FileReport(str(path), validate(sub, form))
    outdir.mkdir(parents=True, exist_ok=True)
    writer = IMPORTED[fmt]
    out = outdir / f"{Path(path).stem}{writer.suffix}"
    writer.load()(path, sub, found, report, form, out)
    return report, out


@dataclass(frozen=True)
class ImportResult:
    """One document of a batch: its report, and what was written (or why nothing was)."""

    path: str
    report: FileReport
    output: str | None = None
    error: str | None = None  # the output could not be written


CHUNK = 4  # documents per task: writing one takes about 0.1 s, reading a PDF nearly half a second
_JOB: dict[str, object] = {}


def _init(outdir: Path, fmt: str, form: Form) -> None:
    _JOB.update(outdir=outdir, fmt=fmt, form=form)


def _import_one(path: str) -> ImportResult:
    try:
        report, out = write_imported(Path(path), _JOB["outdir"], _JOB["fmt"], _JOB["form"])  # type: ignore[arg-type]
    except NotReadable as e:
        return ImportResult(path, FileReport(path, [e.finding], readable=False))
    except OSError as e:
        return ImportResult(path, FileReport(path, []), error=os_reason(e))
    except Exception as e:  # one strange document must not stop a city's batch
        why = finding("file-unreadable", reason="unexpected-import", error=type(e).__name__)
        return ImportResult(path, FileReport(path, [why], readable=False))
    return ImportResult(path, report, str(out))


def _import_chunk(paths: list[str]) -> list[ImportResult]:
    return [_import_one(p) for p in paths]


def import_all(paths: list[Path], outdir: Path, fmt: str = "xlsx", form: Form = FORM, *, workers: int | None = None,
               progress: Progress = silent) -> list[ImportResult]:
    """Import many documents on all cores; results in the order of ``paths``."""
    done = map_chunks(_import_chunk, [str(p) for p in paths], chunk=CHUNK, workers=workers,
                      initializer=_init, initargs=(outdir, fmt, form), progress=counting(progress, len(paths)))
    order = {str(p): i for i, p in enumerate(paths)}
    return sorted(done, key=lambda r: order[r.path])
