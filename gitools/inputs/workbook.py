"""Workbook → Submission: every item of the form found in a RawBook, read and turned into values.

Cells are found by their defined names; when a clerk's office suite lost the names, by the
table's labels (rows inserted above a table, a renamed sheet). What cannot be read becomes a
finding, never an exception.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from gitools.form.addresses import col_number, shift, split
from gitools.form.model import Cell, FieldType, Form, Section, Table, UnitField
from gitools.inputs.explanations import explanations
from gitools.inputs.kinds import BY_KEY
from gitools.io.rawbook import RawBook, RawCell
from gitools.model.figures import Figures, fill_totals
from gitools.model.findings import Finding, finding
from gitools.model.submission import (
    BLANK_GROUP,
    PRINTED,
    SHOWN_BLANKS,
    SOURCE_PROPERTY,
    NotReadable,
    Source,
    Submission,
    at_cell,
    blank_findings,
)
from gitools.model.values import Parsed, compact, display, parse_number


def from_book(book: RawBook, form: Form, path: str = "") -> Submission:
    findings: list[Finding] = []
    sources = _sources(book, form, findings)
    if not any(n.startswith(tuple(f"{t.key}." for t in form.tables)) for n in sources):
        raise NotReadable(finding("not-template", reason="workbook"))
    if book.kind != "xlsx":
        findings.append(finding("file-not-xlsx", kind=BY_KEY[book.kind].words, actual=book.kind))
    version = book.properties.get("gitools.version")
    if version and version != form.version:
        findings.append(finding("template-version", version=version, current=form.version,
                                expected=form.version, actual=version))
    figures = Figures.of(form, {(t.key, r, c): v for t in form.tables
                                for (r, c), v in _read_table(book, t, sources, findings).items()})
    unit = {f.key: _field_value(raw, f) for f, raw in zip(form.fields, _at(book, form.fields, sources), strict=True)}
    narrative = {s.key: str(raw.value).strip() if raw and raw.value is not None else ""
                 for s, raw in zip(form.sections, _at(book, form.sections, sources), strict=True)}
    return Submission(path, unit, figures, narrative, sources, findings,
                      explanations(book, form.result_sheet))

_BY_NAMES: dict[tuple, dict[str, Source]] = {}  # the workbooks of one template share their names


def _sources(book: RawBook, form: Form, findings: list[Finding]) -> dict[str, Source]:
    """Where each item of the form is, by name; the same for every workbook of a template
    whose names all hold, so that case is worked out once. (Treat the result as read-only.)"""
    key = (id(form), tuple(book.sheets), tuple(book.names.items()))
    if key in _BY_NAMES:
        return _BY_NAMES[key]
    before = len(findings)
    sources = {name: Source._make(loc) for name, loc in _locate(book, form, findings).items()}
    if len(findings) == before and len(sources) == len(form.item_names) and all(
            book.names.get(name) == tuple(src) for name, src in sources.items()):
        if len(_BY_NAMES) >= 16:
            _BY_NAMES.clear()
        _BY_NAMES[key] = sources
    return sources


def _locate(book: RawBook, form: Form, findings: list[Finding]) -> dict[str, tuple[str, str]]:
    """Defined names first; for whatever they miss, the offset of a label anchor."""
    where: dict[str, tuple[str, str]] = {}
    # (what, sheet, anchor address, anchor label, items)
    groups: list[tuple[str, str, str, str, list[tuple[str, str]]]] = []
    for t in form.tables:
        header = next(h for h in t.headers if h.role != "title")
        groups.append((t.title, t.sheet, header.range.split(":")[0], header.text,
                       [(c.name, c.address) for c in t.cells]))
    for sheet, named in ((form.unit_sheet, form.fields), (form.narrative_sheet, form.sections)):
        first = named[0]
        groups.append((sheet, sheet, f"A{split(first.address)[1]}", first.label,
                       [(i.name, i.address) for i in named]))

    fallback_used = False
    for what, sheet, anchor, label, items in groups:
        missing = []
        for name, _ in items:
            loc = book.names.get(name)
            if loc and loc[0] in book.sheets:
                where[name] = loc
            else:
                missing.append(name)
        if not missing:
            continue
        found = _find_anchor(book, sheet, anchor, label)
        if found is None:
            findings.append(finding("cell-not-found", sheet, sheet=sheet, label=what, count=len(missing)))
            continue
        fallback_used = True
        found_sheet, dc, dr = found
        for name, address in items:
            if name in missing:
                where[name] = (found_sheet, shift(address, dc, dr))
    if fallback_used and book.names_known:  # other formats have none to lose: see file-not-xlsx
        findings.append(finding("names-missing"))
    return where


def _find_anchor(book: RawBook, sheet: str, address: str, label: str) -> tuple[str, int, int] | None:
    """The sheet holding the anchor label and its offset from the declared address."""
    col, row = split(address)
    target = compact(label)
    order = [sheet] + [s for s in book.sheets if s != sheet]
    for name in order:
        for addr, cell in book.sheets.get(name, {}).items():
            if isinstance(cell.value, str) and compact(cell.value) == target:
                c, r = split(addr)
                return name, col_number(c) - col_number(col), r - row
    return None


def _read_table(book: RawBook, table: Table, sources: dict[str, Source],
                findings: list[Finding]) -> dict[tuple[str, str], float]:
    values: dict[tuple[str, str], float] = {}
    blanks: list[tuple[Cell, Source]] = []
    recompute: list[tuple[str, str]] = []
    printed = book.properties.get(SOURCE_PROPERTY) == PRINTED  # totals are facts, never recomputed
    trust_totals = printed or not book.formulas_known
    found = [(cell, src) for cell in table.cells if (src := sources.get(cell.name)) is not None]
    for (cell, src), raw in zip(found, _raw_cells(book, [src for _, src in found]), strict=True):
        value = raw.value if raw is not None else None
        key = (cell.row, cell.column)
        if type(value) is float and cell.input:  # the common case, first
            values[key] = value
            continue
        if not cell.input:
            if trust_totals or (raw is not None and raw.formula):
                if isinstance(value, float):
                    values[key] = value
                elif not printed:  # never recalculated, or an error value: compute it
                    recompute.append(key)
                continue
            if value is None:
                recompute.append(key)
            findings.append(finding("total-overwritten", **at_cell(table, cell.row, cell.column, src),
                                    value=value if value is not None else "空白"))
            if value is None:
                continue
        number = parse_number(value)
        if number.how is Parsed.BLANK:
            blanks.append((cell, src))
            values[key] = 0.0
        elif number.how is Parsed.INVALID:
            findings.append(finding("value-not-number", **at_cell(table, cell.row, cell.column, src),
                                    value=str(value), actual=str(value)))
        elif number.value is not None:
            values[key] = number.value
            if number.how is Parsed.TEXT_NUMBER:
                findings.append(finding("value-as-text", **at_cell(table, cell.row, cell.column, src), text=str(value),
                                        value=number.value, expected=number.value, actual=str(value)))
    fill_totals(table, values, recompute)
    shown = blanks if len(blanks) <= BLANK_GROUP else blanks[:SHOWN_BLANKS]
    findings += blank_findings(table, [at_cell(table, c.row, c.column, src) for c, src in shown], len(blanks))
    return values


def _raw_cells(book: RawBook, sources: list[Source]) -> list[RawCell | None]:
    """The cells at ``sources``, read a sheet at a time."""
    sheets = {src.sheet for src in sources}
    if len(sheets) == 1:  # a table on one sheet, as in the template
        return book.cells(sheets.pop(), [src.cell for src in sources])
    return [book.cell(src.sheet, src.cell) for src in sources]


def _at(book: RawBook, items: tuple[UnitField, ...] | tuple[Section, ...],
        sources: dict[str, Source]) -> list[RawCell | None]:
    """The cells of the identity fields or narrative sections (None where not found)."""
    found = [src for item in items if (src := sources.get(item.name)) is not None]
    raws = iter(_raw_cells(book, found))
    return [next(raws) if item.name in sources else None for item in items]


def _field_value(raw: RawCell | None, f: UnitField) -> Any:
    ftype = f.type
    value = raw.value if raw else None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if ftype in (FieldType.YEAR, FieldType.COUNT):
        n = parse_number(value)
        return int(n.value) if n.value is not None and float(n.value).is_integer() else str(value)
    if ftype is FieldType.DATE:
        return _date(value)
    if isinstance(value, float):
        value = display(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if ftype in (FieldType.CREDIT_CODE, FieldType.DIVISION_CODE):
        text = text.replace(" ", "").upper()
    if ftype is FieldType.CHOICE:  # "乡(镇)人民政府" typed with half-width brackets is still the choice
        return next((c for c in f.choices if compact(c) == compact(text)), text)
    return text


def _date(value: object) -> dt.date | str:
    if isinstance(value, float) and 20000 < value < 80000:
        return (dt.datetime(1899, 12, 30) + dt.timedelta(days=value)).date()
    text = unicodedata.normalize("NFKC", str(value)).strip()
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return text
