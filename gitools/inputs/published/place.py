"""Matched rows → cells: each row's numbers put in their columns where that is certain, and a
finding wherever it is not (a row missing, repeated, out of order, with too many or too few
numbers, a cell that is not a number); a blank counts as 0 and says so, as in a workbook."""

from __future__ import annotations

from gitools.form.model import Cell, Table
from gitools.inputs.published.imported import Imported
from gitools.inputs.published.rows import Pending, at_row
from gitools.model.findings import finding
from gitools.model.submission import at_cell, blank_findings
from gitools.model.values import parse_number


def _values(p: Pending, cells: int) -> list[str] | None:
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


def place(table: Table, rows: list[Pending], width: dict[str, list[Cell]], out: Imported,
          saw_headings: bool = True) -> None:
    seen: dict[str, Pending] = {}
    unlabeled = [p for p in rows if p.row is None]
    if len(table.rows) == 1 and table.rows[0].key not in {p.row.key for p in rows if p.row} and unlabeled:
        unlabeled[0].row = table.rows[0]  # a one-row table (四) has no row label in the text
        if not saw_headings:  # nothing but numbers under the heading: placed by the official column order
            out.findings.append(finding("import-bare-row", **at_row(table, table.rows[0]), line=unlabeled[0].line,
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
            out.findings.append(finding("import-row-repeated", **at_row(table, p.row), line=p.line, original=p.label,
                                        first=seen[p.row.key].line))
            continue
        seen[p.row.key] = p
        position = order.index(p.row.key)
        if position < last:
            out.findings.append(finding("import-row-order", **at_row(table, p.row), line=p.line, original=p.label))
        last = max(last, position)
        values = _values(p, len(cells))
        if values is None:
            got = " ".join(f.strip() for f in p.values if f.strip()) or "无"
            out.findings.append(finding("import-row-count", **at_row(table, p.row), line=p.line, original=p.label,
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
            out.findings.append(finding("import-row-missing", **at_row(table, r), row=r.full_label))
