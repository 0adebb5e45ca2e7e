"""`gitools import` as a use case: published reports read, validated and written in the format
asked for (``outputs.IMPORTED``), on all cores; one strange document never stops a batch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gitools.form import FORM
from gitools.form.model import Form
from gitools.inputs.read import import_report
from gitools.io.errors import os_reason
from gitools.io.paths import clashes
from gitools.jobs.pool import map_chunks
from gitools.jobs.progress import Progress, counting, silent
from gitools.model.findings import FileReport, finding
from gitools.model.submission import NotReadable
from gitools.outputs import IMPORTED
from gitools.validate import validate


def write_imported(path: Path, outdir: Path, fmt: str = "xlsx", form: Form = FORM,
                   stem: str | None = None) -> tuple[FileReport, Path]:
    """Import ``path``, validate it and write it into ``outdir`` as ``fmt`` (named ``stem``, by
    default the document's); raises NotReadable, OSError."""
    sub, found = import_report(path, form)
    report = FileReport(str(path), validate(sub, form))
    outdir.mkdir(parents=True, exist_ok=True)
    writer = IMPORTED[fmt]
    out = outdir / f"{stem or Path(path).stem}{writer.suffix}"
    writer.load()(path, sub, found, report, form, out)
    return report, out


class WouldOverwrite(Exception):
    """``str(e)`` says which input an output would replace."""


def output_stems(paths: list[Path], outdir: Path, suffix: str) -> dict[str, str]:
    """Each document's output name: its stem, or, when two documents share one (年报.docx and
    年报.html, letter case aside), its whole name (年报.docx.xlsx), numbered if still shared.
    Refuses an output that would land on one of the documents."""
    by_stem: dict[str, int] = {}
    for p in paths:
        by_stem[p.stem.casefold()] = by_stem.get(p.stem.casefold(), 0) + 1
    stems: dict[str, str] = {}
    taken: set[str] = set()
    for p in paths:
        stem = p.stem if by_stem[p.stem.casefold()] == 1 else p.name
        base, n = stem, 2
        while stem.casefold() in taken:
            stem, n = f"{base}_{n}", n + 1
        taken.add(stem.casefold())
        stems[str(p)] = stem
    for out, given in clashes([outdir / f"{s}{suffix}" for s in stems.values()], paths):
        raise WouldOverwrite(f"输出文件 {out} 是输入文件之一（{given}），不能覆盖；请换一个输出目录")
    return stems


@dataclass(frozen=True)
class ImportResult:
    """One document of a batch: its report, and what was written (or why nothing was)."""

    path: str
    report: FileReport
    output: str | None = None
    error: str | None = None  # the output could not be written


CHUNK = 4  # documents per task: writing one takes about 0.1 s, reading a PDF nearly half a second
_JOB: dict[str, object] = {}


def _init(outdir: Path, fmt: str, form: Form, stems: dict[str, str]) -> None:
    _JOB.update(outdir=outdir, fmt=fmt, form=form, stems=stems)


def _import_one(path: str) -> ImportResult:
    try:
        report, out = write_imported(Path(path), _JOB["outdir"], _JOB["fmt"], _JOB["form"],  # type: ignore[arg-type]
                                     _JOB["stems"].get(path))  # type: ignore[attr-defined]
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
    """Import many documents on all cores; results in the order of ``paths``. Raises
    WouldOverwrite, before anything is written, for an output that is one of the documents."""
    stems = output_stems(paths, outdir, IMPORTED[fmt].suffix)
    done = map_chunks(_import_chunk, [str(p) for p in paths], chunk=CHUNK, workers=workers,
                      initializer=_init, initargs=(outdir, fmt, form, stems), progress=counting(progress, len(paths)))
    order = {str(p): i for i, p in enumerate(paths)}
    return sorted(done, key=lambda r: order[r.path])
