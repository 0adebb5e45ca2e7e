"""Read a published report's text into the form: title, narrative sections and the three
tables, matched by their official labels rather than by position.

The input is a list of lines, each a list of fields: a tab-separated text row, a row of an
HTML or Word table (merged cells left as empty fields), or a single cell per line when a
table was flattened. Numbers follow their row label on the same line or on the next lines.
What cannot be placed is reported as a finding; no number is dropped silently or invented.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from gitools.form.model import Form, Row, Section, Table
from gitools.model.findings import Finding, finding
from gitools.model.submission import at_cell, blank_findings
from gitools.model.values import Parsed, compact, parse_number

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
    first = [" ".join(f.strip() for f in fields if f.strip()) for fields in lines[:10]]
    candidates = [*first, *(a + b for a, b in itertools.pairwise(first))]  # a title wrapped in two
    for text in candidates:
        m = _TITLE.match(unicodedata.normalize("NFKC", text))
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


CLOSE, DISTINCT = 0.85, 0.05  # a damaged label is taken only when this close, and this much closer than the next


def _match(text: str, labels: dict[str, Row]) -> tuple[Row | None, bool]:
    """The row a label names; the flag says it was only a close match. A damaged label ("其他法律
    行政止公开") is matched only when one official label is clearly the closest: never a guess
    between two rows."""
    key = core(text)
    if key in labels:
        return labels[key], False
    if len(key) < 4:
        return None, False
    scores = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in labels), reverse=True)
    best, runner_up = scores[0], scores[1] if len(scores) > 1 else (0.0, "")
    if best[0] >= CLOSE and best[0] - runner_up[0] >= DISTINCT:
        return labels[best[1]], True
    return None, False


def _starts_a_label(text: str, labels: dict[str, Row]) -> bool:
    """Whether the text is the first part of a label wrapped over lines."""
    key = core(text)
    return len(key) >= 4 and any(k.startswith(key) and k != key for k in labels)


def _strip_stray(text: str, vertical: set[str], keep: frozenset[str] = frozenset()) -> str:
    """A field without the pieces of vertical labels that PDF text puts before it ("三 （一）予以公开",
    "不予公 5.属于三类内部事务信"): leading space-separated tokens made only of their characters, unless
    a token is a whole label of its own (``keep``: "（六）其他处理" printed as one row by an older form)."""
    tokens = text.split(" ")
    while tokens and tokens[0] and set(tokens[0]) <= vertical and not _is_number(tokens[0]) \
            and core(tokens[0]) not in keep:
        tokens.pop(0)
    return " ".join(tokens).strip()


def _vertical_characters(table: Table) -> set[str]:
    """Characters of the labels the format prints vertically (merged down one column), e.g. 三、本年度办理结果."""
    out: set[str] = set()
    for h in table.headers:
        first, _, last = h.range.partition(":")
        if last and first.rstrip("0123456789") == last.rstrip("0123456789") and first != last:
            out |= set(h.text)
    return out


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

    vertical = _vertical_characters(table)
    keep = frozenset(groups)
    fragment: _Pending | None = None  # the first lines of a wrapped label, with any numbers they carried
    headings = {compact(w) for c in table.columns for w in (c.label, *c.path)}
    saw_headings = False  # whether the text carried the table's column headings at all
    for number, fields in lines:
        saw_headings = saw_headings or any(compact(f) in headings for f in fields)
        texts = [(i, t) for i, f in enumerate(fields) if (t := _strip_stray(f.strip(), vertical, keep))]
        if not texts:
            continue  # pieces of a vertical label, put on lines of their own by PDF extraction
        label_at, row, variant = None, None, False
        for i, text in texts:
            if _is_number(text):
                continue
            r, close = _match(text, labels)
            if r is not None:
                label_at, row, variant = i, r, close
            elif core(text) in groups:
                group_pending = (groups[core(text)], number)
        words = "".join(t for _, t in texts if not _is_number(t))
        numbers_here = [t for _, t in texts if _is_number(t)]
        if row is None and not words and fragment is not None:  # numbers on a middle line of a wrapped label
            fragment.values += numbers_here
            continue
        if row is None and words and core(words) not in groups:
            joined = (fragment.label if fragment else "") + words
            r, close = _match(joined, labels) if fragment else (None, False)
            if r is not None:  # the last line of a wrapped label: the numbers of all its lines are its values
                current = _Pending(r, fragment.line, fragment.values + numbers_here, joined)
                rows.append(current)
                if close:
                    out.findings.append(finding("import-label-variant", **_at_row(table, r), line=fragment.line,
                                                text=joined, official=r.label))
                fragment = None
                continue
            if _starts_a_label(joined, labels):
                fragment = _Pending(None, fragment.line if fragment else number,
                                    (fragment.values if fragment else []) + numbers_here, joined)
                continue
        fragment = None
        if row is None and numbers_here and core(words) in groups and len(numbers_here) == len(table.columns):
            group = groups[core(words)]  # an older form prints this group as one row: its last item takes it
            last = [r for r in table.rows if group in r.path][-1]
            out.findings.append(finding("import-legacy-row", **_at_row(table, last), line=number, group=group,
                                        row=last.label))
            current = _Pending(last, number, numbers_here, words)
            rows.append(current)
            continue
        if row is not None:
            if not fields[label_at + 1:] or not any(f.strip() for f in fields[label_at + 1:]):
                previous = rows[-1] if rows else None
                if previous is not None and previous.row is None and previous.line == number - 1:
                    rows.pop()  # the numbers stood on the line before their label
                    fields = [*fields[:label_at + 1], *previous.values]
            if current is not None and current.row is not None and not any(v.strip() for v in current.values):
                rows.remove(current)  # a header word that happens to be a label ("总计", "其他")
            if variant:
                out.findings.append(finding("import-label-variant", **_at_row(table, row), line=number,
                                            text=_strip_stray(fields[label_at].strip(), vertical, keep), official=row.label))
            if group_pending and len(row.path) > 1 and group_pending[0] != row.path[-1]:
                out.findings.append(finding("import-label-shifted", **_at_row(table, row), line=group_pending[1],
                                            group=group_pending[0], row=row.label, belongs=row.path[-1]))
            group_pending = None
            current = _Pending(row, number, [f for f in fields[label_at + 1:]], _strip_stray(fields[label_at].strip(), vertical, keep))
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
            stray = len(texts) < len([f for f in fields if f.strip()])  # pieces of vertical labels were dropped
            current.values += numbers_here if stray else list(fields)
        else:
            current = _Pending(None, number, list(fields))
            rows.append(current)
    if current is not None and current.row is not None and not any(v.strip() for v in current.values):
        rows.remove(current)
    _place(table, rows, width, out, saw_headings)


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


def _place(table: Table, rows: list[_Pending], width: dict, out: Imported, saw_headings: bool = True) -> None:
    seen: dict[str, _Pending] = {}
    unlabeled = [p for p in rows if p.row is None]
    if len(table.rows) == 1 and table.rows[0].key not in {p.row.key for p in rows if p.row} and unlabeled:
        unlabeled[0].row = table.rows[0]  # a one-row table (四) has no row label in the text
        if not saw_headings:  # nothing but numbers under the heading: placed by the official column order
            out.findings.append(finding("import-bare-row", **_at_row(table, table.rows[0]), line=unlabeled[0].line,
                                        count=len([v for v in unlabeled[0].values if v.strip()])))
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
