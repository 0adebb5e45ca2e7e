"""Excel formulas for totals and live checks, built from the form's relations.

Only functions that Excel 2010+, WPS and LibreOffice all evaluate alike: SUM, IF, IFERROR,
COUNT, COUNTA, COUNTIF, LEFT.
"""

from __future__ import annotations

from collections.abc import Iterable

from gitools.form.addresses import col_letters, col_number, split
from gitools.form.model import Relation, Table
from gitools.form.rules import RULES
from gitools.model.values import display

OK = "✓"
FAIL = "✗"
WARN = "⚠"

def ranges(addresses: Iterable[str]) -> list[str]:
    """Compress addresses into contiguous vertical or horizontal runs: D5,D6,D7 → D5:D7."""
    cells = sorted({split(a) for a in addresses}, key=lambda x: (col_number(x[0]), x[1]))
    out: list[str] = []
    by_col: dict[str, list[int]] = {}
    for col, row in cells:
        by_col.setdefault(col, []).append(row)
    singles: list[tuple[str, int]] = []
    for col, rows in by_col.items():
        start = prev = rows[0]
        for r in [*rows[1:], None]:
            if r is not None and r == prev + 1:
                prev = r
                continue
            if start == prev:
                singles.append((col, start))
            else:
                out.append(f"{col}{start}:{col}{prev}")
            if r is not None:
                start = prev = r
    # join single cells of one row into horizontal runs
    by_row: dict[int, list[int]] = {}
    for col, row in singles:
        by_row.setdefault(row, []).append(col_number(col))
    for row, cols in sorted(by_row.items()):
        cols.sort()
        start = prev = cols[0]
        for c in [*cols[1:], None]:
            if c is not None and c == prev + 1:
                prev = c
                continue
            a, b = f"{col_letters(start)}{row}", f"{col_letters(prev)}{row}"
            out.append(a if a == b else f"{a}:{b}")
            if c is not None:
                start = prev = c
    return out


def _sum(table: Table, refs: Iterable[tuple[str, str]]) -> str:
    addrs = [table.cell(r, c).address for r, c in refs]
    if len(addrs) == 1:
        return addrs[0]
    return "(" + "+".join(addrs) + ")"


def total_formula(table: Table, relation: Relation) -> str:
    """The formula that fills a total cell, e.g. ``=SUM(D5:I5)``."""
    parts = ranges(table.cell(r, c).address for r, c in relation.rhs)
    return f"=SUM({','.join(parts)})"


def input_addresses(table: Table, relation: Relation) -> list[str]:
    """The clerk-typed cells a relation depends on, totals expanded to their parts."""
    defining = {r.anchor: r for r in table.relations if r.defines}
    seen: list[str] = []
    stack = list(relation.lhs + relation.rhs)
    while stack:
        ref = stack.pop()
        if ref in defining and defining[ref] is not relation:
            stack.extend(defining[ref].rhs)
        else:
            seen.append(table.cell(*ref).address)
    return seen


def not_numbers(cell_ranges: list[str]) -> str:
    """How many of these cells hold something that is not a number (blank counts as 0)."""
    return "+".join(f"COUNTA({r})-COUNT({r})" for r in cell_ranges)


def check_formula(table: Table, relation: Relation) -> str:
    """Live check shown beside the table: ✓, or ✗/⚠ with what is wrong, never an error value."""
    lhs, rhs = _sum(table, relation.lhs), _sum(table, relation.rhs)
    guard = not_numbers(ranges(input_addresses(table, relation)))
    hint = next(r.hint for r in RULES if r.code == relation.rule)
    if relation.op == "=":
        verdict = f'IF({lhs}={rhs},"{OK} 相符","{FAIL} 不符，差"&({lhs}-{rhs}))'
        return f'=IFERROR(IF({guard}>0,"{FAIL} 含非数字内容",{verdict}),"{FAIL} 含非数字内容")'
    verdict = f'IF({lhs}>={rhs},"","{WARN} {hint}")'
    return f'=IFERROR({verdict},"")'



def check_value(relation: Relation, lhs: float, rhs: float) -> str:
    """What ``check_formula`` shows when every cell holds a number: for cached values, so that
    programs that do not recalculate show the same text as Excel."""
    hint = next(r.hint for r in RULES if r.code == relation.rule)
    if relation.op == "=":
        return f"{OK} 相符" if abs(lhs - rhs) < 1e-9 else f"{FAIL} 不符，差{display(lhs - rhs)}"
    return "" if lhs >= rhs else f"{WARN} {hint}"


ALL_NUMBERS = f"{OK} 本表数字格均为数字（空白按 0 计）"  # what a table's status line shows when it holds numbers only
