"""The lines of one published table → its rows, each with the numbers that belong to it.

Published text puts numbers on the label's line, on the lines before or after it, or on the
middle line of a label wrapped over three; PDF text scatters the characters of vertical labels
between rows; older forms print a group as one row. ``RowMatcher`` reads one line at a time
and keeps what it is in the middle of as named state.
"""

from __future__ import annotations

from dataclasses import dataclass

from gitools.form.model import Row, Table
from gitools.inputs.published.imported import Imported
from gitools.inputs.published.labels import (
    core,
    groups_of,
    is_number,
    labels_of,
    match,
    starts_a_label,
    strip_stray,
    vertical_characters,
)
from gitools.inputs.published.lines import Line
from gitools.model.findings import finding
from gitools.model.values import compact


@dataclass
class Pending:
    """A row as read: its form row (None while unlabelled), first line, fields after the label."""

    row: Row | None
    line: int
    values: list[str]
    label: str = ""


def at_row(table: Table, row: Row) -> dict[str, str]:
    """Where a finding on a whole table row points: the row's key and its first cell."""
    first = next(c for c in table.cells if c.row == row.key)
    return {"place": f"{table.key}.{row.key}", "sheet": table.sheet, "cell": first.address,
            "label": " ".join((*row.path[1:], row.label)) if len(table.rows) > 1 else table.title}


class RowMatcher:
    """Reads a table's lines one by one (``feed``) into rows (``finish``).

    State: ``current``, the row that bare numbers on the next lines continue; ``fragment``, the
    first lines of a label wrapped over lines (or split by a page break), with any numbers they
    carried; ``group``, a group
    heading ("（三）不予公开") and its line, waiting for its first row; ``saw_headings``, whether
    the text carried the table's column headings at all.
    """

    def __init__(self, table: Table, out: Imported) -> None:
        self.table, self.out = table, out
        self.labels, self.groups = labels_of(table), groups_of(table)
        self.width = {r.key: [c for c in table.cells if c.row == r.key] for r in table.rows}
        self.vertical, self.keep = vertical_characters(table), frozenset(self.groups)
        self.headings = {compact(w) for c in table.columns for w in (c.label, *c.path)}
        self.header = self.headings | {compact(h.text) for h in table.headers
                                       if core(h.text) not in self.labels and core(h.text) not in self.groups}
        self.rows: list[Pending] = []
        self.current: Pending | None = None
        self.fragment: Pending | None = None
        self.group: tuple[str, int] | None = None
        self.saw_headings = False

    def feed(self, number: int, fields: Line) -> None:
        self.saw_headings = self.saw_headings or any(compact(f) in self.headings for f in fields)
        texts = [(i, t) for i, f in enumerate(fields) if (t := self._clean(f))]
        if not texts:
            return  # pieces of a vertical label, put on lines of their own by PDF extraction
        if self.fragment is not None and all(compact(t) in self.header for _, t in texts):
            return  # the header repeated on the next page, inside a row the page break split
        label_at, row, variant = self._label(number, texts)
        words = "".join(t for _, t in texts if not is_number(t))
        numbers = [t for _, t in texts if is_number(t)]
        if row is None and self._wrapped(number, words, numbers):
            return
        self.fragment = None
        if row is None and self._legacy(number, words, numbers):
            return
        if row is not None:
            self._labelled(number, fields, label_at, row, variant)
        else:
            self._unlabelled(number, fields, texts, numbers)

    def finish(self) -> list[Pending]:
        self._drop_header_word()
        return self.rows

    # --- one method per kind of line --------------------------------------------------------

    def _clean(self, field: str) -> str:
        return strip_stray(field.strip(), self.vertical, self.keep)

    def _label(self, number: int, texts: list[tuple[int, str]]) -> tuple[int, Row | None, bool]:
        """The field naming a row (its position, the row, whether only a close match); a group
        heading met on the way waits in ``group``."""
        label_at, row, variant = -1, None, False
        for i, text in texts:
            if is_number(text):
                continue
            r, close = match(text, self.labels)
            if r is not None:
                label_at, row, variant = i, r, close
            elif core(text) in self.groups:
                self.group = (self.groups[core(text)], number)
        return label_at, row, variant

    def _wrapped(self, number: int, words: str, numbers: list[str]) -> bool:
        """A line of a label wrapped over lines: its middle (numbers only), a further piece, or
        the last piece, which makes the row with the numbers of all its lines."""
        frag = self.fragment
        if not words and frag is not None:
            frag.values += numbers
            return True
        if not words or core(words) in self.groups:
            return False
        joined = (frag.label if frag else "") + words
        row, close = match(joined, self.labels) if frag else (None, False)
        if frag is not None and row is not None:
            self.current = Pending(row, frag.line, frag.values + numbers, joined)
            self.rows.append(self.current)
            if close:
                self.out.findings.append(finding("import-label-variant", **at_row(self.table, row), line=frag.line,
                                                 text=joined, official=row.label))
            self.fragment = None
            return True
        if starts_a_label(joined, self.labels):
            self.fragment = Pending(None, frag.line if frag else number, (frag.values if frag else []) + numbers,
                                    joined)
            return True
        return False

    def _legacy(self, number: int, words: str, numbers: list[str]) -> bool:
        """An older form's group printed as one row: its last item takes the numbers."""
        if not numbers or core(words) not in self.groups or len(numbers) != len(self.table.columns):
            return False
        group = self.groups[core(words)]
        last = [r for r in self.table.rows if group in r.path][-1]
        self.out.findings.append(finding("import-legacy-row", **at_row(self.table, last), line=number, group=group,
                                         row=last.label))
        self.current = Pending(last, number, numbers, words)
        self.rows.append(self.current)
        return True

    def _labelled(self, number: int, fields: Line, label_at: int, row: Row, variant: bool) -> None:
        after = fields[label_at + 1:]
        if not any(f.strip() for f in after):
            previous = self.rows[-1] if self.rows else None
            if previous is not None and previous.row is None and previous.line == number - 1:
                self.rows.pop()  # the numbers stood on the line before their label
                fields = [*fields[:label_at + 1], *previous.values]
        self._drop_header_word()
        label = self._clean(fields[label_at])
        if variant:
            self.out.findings.append(finding("import-label-variant", **at_row(self.table, row), line=number,
                                             text=label, official=row.label))
        if self.group and len(row.path) > 1 and self.group[0] != row.path[-1]:
            self.out.findings.append(finding("import-label-shifted", **at_row(self.table, row), line=self.group[1],
                                             group=self.group[0], row=row.label, belongs=row.path[-1]))
        self.group = None
        self.current = Pending(row, number, list(fields[label_at + 1:]), label)
        self.rows.append(self.current)

    def _unlabelled(self, number: int, fields: Line, texts: list[tuple[int, str]], numbers: list[str]) -> None:
        """Numbers with no label of their own: the rest of the current row, or a row of its own
        (placed later, or reported); numbers beside words that are no label are reported."""
        if not numbers:
            return
        if len(numbers) < len(texts):
            words = "、".join(t for _, t in texts if not is_number(t))
            self.out.findings.append(finding("import-row-unknown", f"{self.table.key}@{number}", sheet=self.table.sheet,
                                             label=self.table.title, line=number, words=words,
                                             numbers=" ".join(numbers)))
            return
        if self.current is not None and not self._complete(self.current):
            stray = len(texts) < len([f for f in fields if f.strip()])  # pieces of vertical labels were dropped
            self.current.values += numbers if stray else list(fields)
        else:
            self.current = Pending(None, number, list(fields))
            self.rows.append(self.current)

    def _complete(self, p: Pending) -> bool:
        need = len(self.width[p.row.key]) if p.row else max(len(c) for c in self.width.values())
        return len([v for v in p.values if v.strip()]) >= need

    def _drop_header_word(self) -> None:
        """A label with no numbers at all was a header word that happens to be a label ("总计", "其他")."""
        if self.current is not None and self.current.row is not None and not any(v.strip() for v in self.current.values):
            self.rows.remove(self.current)
