"""`gitools template` as a use case: the blank template written, or one prefilled template per
unit of a roster, each named after its unit and never two onto one file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from gitools.form.model import Form
from gitools.inputs.roster import RosterEntry
from gitools.io.atomic import atomic_write
from gitools.io.filenames import file_name
from gitools.outputs.xlsx.template import build
from gitools.outputs.xlsx.template.personal import Prefilled, identity, personalise


def write(form: Form, path: Path, year: int | None = None, contact: Mapping[str, str] | None = None) -> None:
    wb = build(form, year, contact)
    with atomic_write(path) as tmp:
        wb.save(tmp)


def write_for_roster(form: Form, entries: list[RosterEntry], outdir: Path, year: int | None = None,
                     contact: Mapping[str, str] | None = None) -> list[Prefilled]:
    """One prefilled template per roster unit in ``outdir``; two units never share a file."""
    done: list[Prefilled] = []
    taken: set[str] = set()
    for entry in entries:
        values, skipped = identity(entry, form)
        stem = file_name(entry.name or entry.credit_code or f"名单第{entry.line}行")
        if stem.lower() in taken:
            stem = f"{stem}_{entry.credit_code or entry.line}"
        taken.add(stem.lower())
        path = outdir / f"{stem}.xlsx"
        wb = personalise(build(form, year, contact), form, values)
        with atomic_write(path) as tmp:
            wb.save(tmp)
        done.append(Prefilled(path, entry, tuple(skipped)))
    return done
