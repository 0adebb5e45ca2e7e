"""`gitools report`: the publishable annual report, written from a checked workbook in the
layout of 国办公开办函〔2021〕30号, as Word and as a web page. One registry entry a format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gitools.findings import FileReport
from gitools.form.model import Form
from gitools.io.atomic import atomic_write
from gitools.io.filenames import file_name
from gitools.reader import Submission
from gitools.report import html, word
from gitools.report.content import Block, document, title
from gitools.validate import validate


def _html(blocks: list[Block], sub: Submission, form: Form, out: Path) -> None:
    out.write_text(html.render(blocks, sub, form), encoding="utf-8")


FORMATS: dict[str, tuple[str, Callable[[list[Block], Submission, Form, Path], None]]] = {
    "docx": (".docx", word.render),
    "html": (".html", _html),
}


def write_report(sub: Submission, form: Form, outdir: Path, formats: list[str], *, force: bool = False,
                 previous: Submission | None = None) -> tuple[FileReport, list[Path]]:
    """Validate, then write each format; nothing is written from a report with blocking findings
    unless ``force``, and then every copy carries a visible draft mark."""
    report = FileReport(sub.path, validate(sub, form))
    if report.errors and not force:
        return report, []
    blocks = document(sub, form, draft=bool(report.errors), previous=previous)
    written = []
    for fmt in formats:
        suffix, render = FORMATS[fmt]
        out = outdir / f"{file_name(title(sub))}{suffix}"
        outdir.mkdir(parents=True, exist_ok=True)
        with atomic_write(out) as tmp:
            render(blocks, sub, form, tmp)
        written.append(out)
    return report, written
