"""`gitools report` as a use case: validate a submission, then write the annual report in each
format asked for; a report with blocking findings is written only as a marked draft."""

from __future__ import annotations

from pathlib import Path

from gitools.form.model import Form
from gitools.io.atomic import atomic_write
from gitools.io.cells import printable
from gitools.io.filenames import file_name
from gitools.io.paths import clashes
from gitools.model.findings import FileReport, finding
from gitools.model.submission import Submission
from gitools.outputs import DOCUMENTS
from gitools.outputs.document.content import document, title
from gitools.validate import validate
from gitools.validate.kinds.cross_year import not_comparable


class WouldOverwrite(Exception):
    """``str(e)`` says which input an output would replace."""


def write_report(sub: Submission, form: Form, outdir: Path, formats: list[str], *, force: bool = False,
                 previous: Submission | None = None,
                 protected: list[Path] | None = None) -> tuple[FileReport, list[Path]]:
    """Validate, then write each format; nothing is written from a report with blocking findings
    unless ``force``, and then every copy carries a visible draft mark."""
    report = FileReport(sub.path, validate(sub, form))
    if report.errors and not force:
        return report, []
    if previous is not None and (refused := not_comparable(sub, previous)):
        # another unit's report, or not the year before: no 数据参考 beside figures it does not match
        report.findings.append(refused)
        previous = None
    for section in form.sections:  # what a clerk never meant to type goes, and the report says so
        text = sub.narrative.get(section.key) or ""
        if (count := len(text) - len(printable(text))) > 0:
            report.findings.append(finding("text-control-removed", section.name, sheet=section.sheet,
                                           cell=section.address, label=section.label, part=section.label,
                                           count=count))
    blocks = document(sub, form, draft=bool(report.errors), previous=previous)
    outs = [outdir / f"{file_name(title(sub))}{DOCUMENTS[fmt].suffix}" for fmt in formats]
    for out, given in clashes(outs, [Path(sub.path) if sub.path else None, *(protected or []),
                                     Path(previous.path) if previous and previous.path else None]):
        raise WouldOverwrite(f"输出文件 {out} 是输入文件之一（{given}），不能覆盖；请换一个输出目录")
    written = []
    for fmt, out in zip(formats, outs, strict=True):
        render = DOCUMENTS[fmt].load()
        outdir.mkdir(parents=True, exist_ok=True)
        with atomic_write(out) as tmp:
            render(blocks, sub, form, tmp)
        written.append(out)
    return report, written
