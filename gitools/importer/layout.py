"""Read a published report's text into the form: title, narrative sections and the three
tables, matched by their official labels rather than by position.

The input is a list of lines, each a list of fields: a tab-separated text row, a row of an
HTML or Word table (merged cells left as empty fields), or a single cell per line when a
table was flattened. Numbers follow their row label on the same line or on the next lines.
What cannot be placed is reported as a finding; no number is dropped silently or invented.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from gitools.findings import Finding, finding
from gitools.form.model import Form, Row, Section, Table
from gitools.reader import at_cell, blank_findings
from gitools.values import Parsed, compact, parse_number

Line = list[str]

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d+[.、．]|\(\d+\))")
_TITLE = re.compile(r"^(?P<unit>.*?)\s*(?P<year>20\d\d)\s*年\s*度?\s*(?:的)?\s*政府信息公开\s*工作\s*年度\s*报告")


def core(text: str) -> str:
    """A label without its numbering: "（三）不予公开" → "不予公开", "1. 属于国家秘密" → "属于国家秘密"."""
    return _NUMBERING.sub("", compact(text))


def _is_heading(fields: Line, words: str) -> bool:
    text = re.sub(r"[、，,]", "", core(" ".join(fields)))
    return text == re.sub(r"[、，,]", "", words)


@dataclass
class Imported:
    unit_name: str | None = None
    year: int | None = None
    values: dict[tuple[str, str, str], float] = field(default_factory=dict)
    narrative: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


# --- title and narrative -----------------------------------------------------------------


def _title(lines: list[Line], out: Imported) -> None:
    for fields in lines[:10]:
        m = _TITLE.match(unicodedata.normalize("NFKC", " ".join(f.strip() for f in fields if f.strip())))
        if m:
            out.unit_name = m.group("unit").strip() or None
            out.year = int(m.group("year"))
            break
    if out.unit_name is None or out.year is None:
        out.findings.append(finding("import-title-missing"))


def _headings(form: Form) -> dict[str, str]:
    """Words of each heading that opens a part of the report: the top narrative sections
    ("总体情况") and the tables ("主动公开政府信息情况"), taken from the form."""
    return {**{s.key: core(s.label) for s in form.sections if not s.parent},
            **{t.key: core(t.title) for t in form.tables}}


def _section_starts(lines: list[Line], form: Form) -> dict[str, int]:
    starts: dict[str, int] = {}
    headings = _headings(form)
    for i, fields in enumerate(lines):
        for key, words in headings.items():
            if key not in starts and _is_heading(fields, words):
                starts[key] = i
    return starts


def _narrative(lines: list[Line], starts: dict[str, int], form: Form, out: Imported) -> None:
    order = sorted(starts.items(), key=lambda kv: kv[1])
    for key in (s.key for s in form.sections if not s.parent):
        if key not in starts:
            continue
        begin = starts[key] + 1
        end = next((i for _, i in order if i > starts[key]), len(lines))
        paragraphs = [" ".join(f.strip() for f in fields if f.strip()) for fields in lines[begin:end]]
        text = "\n".join(p for p in paragraphs if p)
        if any(s.parent == key for s in form.sections):
            text = _overview(text, [s for s in form.sections if s.parent == key], out)
        if text:
            out.narrative[key] = text


def _overview(text: str, parts: list[Section], out: Imported) -> str:
    """Split 一、总体情况 into its five official parts when the report uses them."""
    marks = []
    for part in parts:
        m = re.search(rf"^\s*[(（][一二三四五][)）]\s*{re.escape(core(part.label))}\s*[:：]?", text, re.M)
        if m:
            marks.append((m.start(), m.end(), part.key))
    if len(marks) < 3:  # a report with its own sub-headings: keep it whole
        return text
    marks.sort()
    for n, (_, end, key) in enumerate(marks):
        stop = marks[n + 1][0] if n + 1 < len(marks) else len(text)
        out.narrative[key] = text[end:stop].strip()
    return text[:marks[0][0]].strip()


# --- tables ------------------------------------------------------------------------------


@dataclass
class _Pending:
    row: Row | None
    line: int
    values: list[str]
    label: str = ""


def _labels(table: Table) -> dict[str, Row]:
    return {core(r.label): r for r in table.rows}


def _groups(table: Table) -> dict[str, str]:
    """Sub-heading core → its official text ("不予公开" → "（三）不予公开")."""
    return {core(p): p for r in table.rows for p in r.path[1:]}


def _match(text: str, labels: dict[str, Row]) -> tuple[Row | None, bool]:
    """The row a label names; the flag says it was only a close match."""
    key = core(text)
    if key in labels:
        return labels[key], False
    close = difflib.get_close_matches(key, list(labels), n=1, cutoff=0.85)
    return (labels[close[0]], True) if close and len(key) >= 4 else (None, False)


def _is_number(text: str) -> bool:
    return parse_number(text).how in (Parsed.NUMBER, Parsed.TEXT_NUMBER) and any(ch.isdigit() for ch in
                                                                                  unicodedata.normalize("NFKC", text))


def _table(table: Table, lines: list[tuple[int, Line]], out: Imported) -> None:
    labels, groups = _labels(table), _groups(table)
    width = {r.key: [c for c in table.cells if c.row == r.key] for r in table.rows}
    rows: list[_Pending] = []
    current: _Pending | None = None
    group_pending: tuple[str, int] | None = None

    def complete(p: _Pending | None) -> bool:
        if p is None:
            return True
        need = len(width[p.row.key]) if p.row else max(len(c) for c in width.values())
        return len([v for v in p.values if v.strip()]) >= need

    for number, fields in lines:
        texts = [(i, f.strip()) for i, f in enumerate(fields) if f.strip()]
        label_at, row, variant = None, None, False
        for i, text in texts:
            if _is_number(text):
                continue
            r, close = _match(text, labels)
            if r is not None:
                label_at, row, variant = i, r, close
            elif core(text) in groups:
                group_pending = (groups[core(text)], number)
        if row is not None:
            if current is not None and current.row is not None and not any(v.strip() for v in current.values):
                rows.remove(current)  # a header word that happens to be a label ("总计", "其他")
            if variant:
                out.findings.append(finding("import-label-variant", **_at_row(table, row), line=number,
                                            text=fields[label_at].strip(), official=row.label))
            if group_pending and len(row.path) > 1 and group_pending[0] != row.path[-1]:
                out.findings.append(finding("import-label-shifted", **_at_row(table, row), line=group_pending[1],
                                            group=group_pending[0], row=row.label, belongs=row.path[-1]))
            group_pending = None
            current = _Pending(row, number, [f for f in fields[label_at + 1:]], fields[label_at].strip())
            rows.append(current)
            continue
        numbers = [f for _, f in texts if _is_number(f)]
        if not numbers:
            continue
        if len(numbers) < len(texts):
            words = "、".join(f for _, f in texts if not _is_number(f))
            out.findings.append(finding("import-row-unknown", f"{table.key}@{number}", sheet=table.sheet,
                                        label=table.title, line=number, words=words, numbers=" ".join(numbers)))
            continue
        if current is not None and not complete(current):
            current.values += [f for f in fields]
        else:
            current = _Pending(None, number, list(fields))
            rows.append(current)
    if current is not None and current.row is not None and not any(v.strip() for v in current.values):
        rows.remove(current)
    _place(table, rows, width, out)


def _values(p: _Pending, cells: int) -> list[str] | None:
    """The row's values in column order, or None when their columns cannot be known.

    Empty fields are either merged-cell remnants (before the numbers) or blank cells. A row
    that fills the width exactly, or has exactly one number per column, is unambiguous; else
    a table grid (web page, Word) is right-aligned: the last fields are the value columns.
    """
    raw = [f.strip() for f in p.values]
    while raw and not raw[-1]:
        raw.pop()
    fields = list(raw)
    while fields and not fields[0]:
        fields.pop(0)
    if len(fields) == cells:
        return fields
    filled = [f for f in fields if f]
    if len(filled) == cells:
        return filled
    if len(raw) >= cells and not any(raw[:-cells]):
        return raw[-cells:]
    return None


def _place(table: Table, rows: list[_Pending], width: dict, out: Imported) -> None:
    seen: dict[str, _Pending] = {}
    unlabeled = [p for p in rows if p.row is None]
    if len(table.rows) == 1 and table.rows[0].key not in {p.row.key for p in rows if p.row} and unlabeled:
        unlabeled[0].row = table.rows[0]  # a one-row table (四) has no row label in the text
        unlabeled = unlabeled[1:]
    for p in unlabeled:
        numbers = " ".join(f.strip() for f in p.values if f.strip())
        out.findings.append(finding("import-row-unlabeled", f"{table.key}@{p.line}", sheet=table.sheet,
                                    label=table.title, line=p.line, numbers=numbers))
    order = [r.key for r in table.rows]
    last = -1
    blanks: list[dict[str, str]] = []
    for p in rows:
        if p.row is None:
            continue
        cells = width[p.row.key]
        if p.row.key in seen:
            out.findings.append(finding("import-row-repeated", **_at_row(table, p.row), line=p.line, original=p.label,
                                        first=seen[p.row.key].line))
            continue
        seen[p.row.key] = p
        position = order.index(p.row.key)
        if position < last:
            out.findings.append(finding("import-row-order", **_at_row(table, p.row), line=p.line, original=p.label))
        last = max(last, position)
        values = _values(p, len(cells))
        if values is None:
            got = " ".join(f.strip() for f in p.values if f.strip()) or "无"
            out.findings.append(finding("import-row-count", **_at_row(table, p.row), line=p.line, original=p.label,
                                        cells=len(cells), got=got))
            continue
        for cell, text in zip(cells, values, strict=True):
            if not text:  # as in a workbook: a blank cell counts as 0, and the clerk is told
                blanks.append(at_cell(table, cell.row, cell.column))
                out.values[(table.key, cell.row, cell.column)] = 0.0
                continue
            n = parse_number(text)
            if n.value is None:
                out.findings.append(finding("import-cell-not-number", **at_cell(table, cell.row, cell.column),
                                            line=p.line, original=p.label, text=text))
                continue
            out.values[(table.key, cell.row, cell.column)] = n.value
    out.findings += blank_findings(table, blanks)
    for r in table.rows:
        if r.key not in seen:
            out.findings.append(finding("import-row-missing", **_at_row(table, r), row=r.full_label))


def _at_row(table: Table, row: Row) -> dict[str, str]:
    """Where a finding on a whole table row points: the row's key and its first cell."""
    first = next(c for c in table.cells if c.row == row.key)
    return {"place": f"{table.key}.{row.key}", "sheet": table.sheet, "cell": first.address,
            "label": " ".join((*row.path[1:], row.label)) if len(table.rows) > 1 else table.title}


def parse(lines: list[Line], form: Form) -> Imported:
    out = Imported()
    _title(lines, out)
    starts = _section_starts(lines, form)
    _narrative(lines, starts, form, out)
    bounds = sorted(starts.values())
    for table in form.tables:
        if table.key not in starts:
            out.findings.append(finding("import-table-missing", table.key, sheet=table.sheet, label=table.title))
            continue
        begin = starts[table.key] + 1
        end = next((i for i in bounds if i > starts[table.key]), len(lines))
        _table(table, [(i + 1, lines[i]) for i in range(begin, end)], out)
    return out
