"""Read and validate many workbooks in parallel, keeping only what the merge needs of each.

Workers take chunks of files, validate a chunk's submissions in one pass of the schemas, and
send back a compact ``Received`` per file (its findings, identity and input values), so the
parent never holds more than a bounded number of workbooks, however many there are.
"""

from __future__ import annotations

import datetime as dt
import os
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from gitools.form.model import Form
from gitools.inputs.read import read_with_book
from gitools.inputs.summary import members
from gitools.io.rawbook import UnreadableWorkbook
from gitools.jobs.pool import map_chunks
from gitools.merge.received import Received
from gitools.model.findings import FileReport, finding
from gitools.model.submission import NotReadable, Submission
from gitools.validate.engine import validate_all

CHUNK = 16  # files per task: enough to amortise the schemas, small enough to balance workers


_WORKER: dict[str, Any] = {}


def _init(form: Form, today: dt.date) -> None:
    _WORKER.update(form=form, today=today)


def _modified(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def read_chunk(paths: list[str], form: Form, today: dt.date) -> list[Received]:
    out: list[Received | None] = []
    subs: list[tuple[int, Submission, tuple[tuple[str | None, str | None], ...]]] = []
    for path in paths:
        try:
            sub, book = read_with_book(Path(path), form)
            inside = members(book) if sub.unit.get("unit_category") == form.summary_category else ()
        except NotReadable as e:
            out.append(Received(path, _modified(path), FileReport(path, [e.finding], False)))
            continue
        except UnreadableWorkbook as e:  # a sheet read late, for the units inside a summary
            out.append(Received(path, _modified(path), FileReport(path, [e.finding()], False)))
            continue
        except Exception as e:  # one strange file must not stop a county's batch
            why = finding("file-unreadable", reason="unexpected", error=type(e).__name__)
            out.append(Received(path, _modified(path), FileReport(path, [why], False)))
            continue
        subs.append((len(out), sub, inside))
        out.append(None)
    for (i, sub, inside), findings in zip(subs, validate_all([s for _, s, _ in subs], form, today), strict=True):
        values = array("d", sub.figures.inputs)
        out[i] = Received(sub.path, _modified(sub.path), FileReport(sub.path, findings), sub.unit, values,
                          inside, {k: v for k, v in sub.narrative.items() if v})
    return [r for r in out if r is not None]


def _run_chunk(paths: list[str]) -> list[Received]:
    return read_chunk(paths, _WORKER["form"], _WORKER["today"])


def read_all(paths: list[Path], form: Form, *, workers: int | None = None,
             today: dt.date | None = None, progress: Callable[[int], None] = lambda n: None) -> Iterator[Received]:
    """Every file read and validated, in completion order; ``progress`` gets each chunk's size."""
    return map_chunks(_run_chunk, [str(p) for p in paths], chunk=CHUNK, workers=workers, initializer=_init,
                      initargs=(form, today or dt.date.today()), progress=progress)
