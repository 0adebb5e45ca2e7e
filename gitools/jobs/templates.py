"""`gitools template` as a use case: the blank template written, or one prefilled template per
unit of a roster, each named after its unit and never two onto one file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from gitools.form.model import Form
from gitools.inputs.roster import RosterEntry
from gitools.io.atomic import atomic_write
from gitools.io.filenames import file_name
from gitools.io.paths import clashes
from gitools.outputs.xlsx.template import build
from gitools.outputs.xlsx.template.personal import Prefilled, identity, personalise


def write(form: Form, path: Path, year: int | None = None, contact: Mapping[str, str] | None = None) -> None:
    wb = build(form, year, contact)
    with atomic_write(path) as tmp:
        wb.save(tmp)


class WouldOverwrite(Exception):
    """``str(e)`` says which input an output would replace."""


def write_for_roster(form: Form, entries: list[RosterEntry], outdir: Path, year: int | None = None,
                     contact: Mapping[str, str] | None = None,
                     protected: list[Path | None] | None = None) -> list[Prefilled]:
    """One prefilled template per roster unit in ``outdir``; two units never share a file (names
    that differ only in letter case are two names only on Linux), and none lands on the roster
    or another of ``protected``: that is refused before anything is written."""
    planned: list[tuple[RosterEntry, Path]] = []
    taken: set[str] = set()
    for entry in entries:
        stem = file_name(entry.name or entry.credit_code or f"名单第{entry.line}行")
        if stem.casefold() in taken:
            stem = f"{stem}_{entry.credit_code or entry.line}"
        taken.add(stem.casefold())
        planned.append((entry, outdir / f"{stem}.xlsx"))
    for out, given in clashes([p for _, p in planned], protected or []):
        raise WouldOverwrite(f"预填模板 {out} 会覆盖 {given}，未生成任何模板；请换一个输出文件夹")
    done: list[Prefilled] = []
    for entry, path in planned:
        values, skipped = identity(entry, form)
        wb = personalise(build(form, year, contact), form, values)
        with atomic_write(path) as tmp:
            wb.save(tmp)
        done.append(Prefilled(path, entry, tuple(skipped)))
    return done
