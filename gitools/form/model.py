"""The vocabulary of a report form: tables, rows, columns, cells, relations, fields.

Plain frozen dataclasses with no I/O and no third-party imports, so that the template
writer, the reader, the pandera schemas and the merge can all derive from one declaration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, SupportsIndex

if TYPE_CHECKING:
    from gitools.form.catalog import Rule
    from gitools.form.links import Link


class ValueType(StrEnum):
    """What a numeric cell holds; decides validation and number format."""

    COUNT = "count"  # whole number ≥ 0
    AMOUNT = "amount"  # decimal ≥ 0 (万元)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    path: tuple[str, ...] = ()  # labels of the headings this row sits under
    former: tuple[str, ...] = ()  # labels older reports print for this row ("规范性文件")

    @property
    def full_label(self) -> str:
        """The label with its headings, as a clerk would say it: "（三）不予公开 1.属于国家秘密"."""
        return " ".join((*self.path, self.label)).strip()


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    path: tuple[str, ...] = ()

    @property
    def full_label(self) -> str:
        return "·".join((*self.path, self.label))


@dataclass(frozen=True)
class Cell:
    """One numeric cell of a table: where it is and whether the clerk types it."""

    table: str
    row: str
    column: str
    address: str
    type: ValueType
    input: bool
    merge: str | None = None  # range the cell spans in the official layout, e.g. "B8:D8"

    @cached_property
    def name(self) -> str:
        """Workbook-scoped defined name: survives inserted rows and renamed sheets."""
        return f"{self.table}.{self.row}.{self.column}"


Ref = tuple[str, str]  # (row key, column key)


@dataclass(frozen=True)
class Relation:
    """sum(lhs) <op> sum(rhs) over cells of one table.

    When ``defines`` is true, lhs is a single total cell that the template computes with a
    formula; otherwise the relation is a check whose result is shown at ``check_address``.
    """

    rule: str
    lhs: tuple[Ref, ...]
    rhs: tuple[Ref, ...]
    op: str = "="  # "=" or ">=": a ">=" relation is a question for the clerk, not an error
    defines: bool = False
    check_address: str | None = None

    @property
    def anchor(self) -> Ref:
        """The cell a failure is reported on."""
        return self.lhs[0]


@dataclass(frozen=True)
class HeaderCell:
    """A fixed text cell of the official layout (title, header, row label), maybe merged."""

    range: str
    text: str
    role: str = "header"  # "title" | "header" | "label" | "check"


@dataclass(frozen=True)
class Table:
    key: str
    sheet: str
    title: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    cells: tuple[Cell, ...]
    relations: tuple[Relation, ...]
    headers: tuple[HeaderCell, ...]
    header_rows: tuple[int, int]  # first and last row repeated when printing
    last_column: str
    last_row: int
    status_address: str  # where the sheet's "all numbers?" status line goes
    landscape: bool = False
    column_widths: dict[str, float] = field(default_factory=dict)

    def cell(self, row: str, column: str) -> Cell:
        return self._index[(row, column)]

    def has_cell(self, row: str, column: str) -> bool:
        return (row, column) in self._index

    def cell_label(self, row: str, column: str) -> str:
        """A cell named the way a clerk reads the table: "（三）不予公开 1.属于国家秘密·自然人"."""
        return self._labels[(row, column)]

    @cached_property
    def _labels(self) -> dict[Ref, str]:
        return {(r.key, c.key): self._label(r.key, c.key) for r in self.rows for c in self.columns}

    @cached_property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows)

    @cached_property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), len(self.columns)

    @cached_property
    def flat_positions(self) -> dict[Ref, int]:
        """(row key, column key) → position in the table's grid read row by row."""
        width = len(self.columns)
        return {(r, c): i * width + j for i, r in enumerate(self.row_keys) for j, c in enumerate(self.column_keys)}

    def _label(self, row: str, column: str) -> str:
        r, c = self.row(row), self.column(column)
        row_part = " ".join((*r.path[1:], r.label)) if len(self.rows) > 1 else ""
        labels = [x.label for x in self.columns]
        col_part = c.label if labels.count(c.label) == 1 else c.full_label
        return f"{row_part}·{col_part}" if row_part else col_part

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @cached_property
    def _index(self) -> dict[Ref, Cell]:
        return {(c.row, c.column): c for c in self.cells}


class FieldType(StrEnum):
    TEXT = "text"
    CREDIT_CODE = "credit_code"
    DIVISION_CODE = "division_code"
    CHOICE = "choice"
    YEAR = "year"
    PHONE = "phone"
    DATE = "date"
    COUNT = "count"


@dataclass(frozen=True)
class UnitField:
    """One item of the submitting unit's identity."""

    key: str
    label: str
    sheet: str
    address: str
    type: FieldType
    required: bool = True  # in a unit's own report
    choices: tuple[str, ...] = ()
    prompt: str = ""
    summary_required: bool | None = None  # in a summary of units; None: as ``required``

    @property
    def name(self) -> str:
        return f"unit.{self.key}"

    def required_in(self, summary: bool) -> bool:
        """A summary has no preparer of its own figures but must say how many units it holds."""
        if summary and self.summary_required is not None:
            return self.summary_required
        return self.required


@dataclass(frozen=True)
class Section:
    """A narrative section (一 and its parts, 五, 六): free text in one cell."""

    key: str
    label: str
    sheet: str
    address: str
    parent: str = ""

    @property
    def name(self) -> str:
        return f"narrative.{self.key}"


_FORMS: dict[str, Form] = {}  # the first form declared under each id


def _declared(form_id: str) -> Form:
    return _FORMS[form_id]


@dataclass(frozen=True)
class Form:
    id: str
    title: str
    version: str
    tables: tuple[Table, ...]
    fields: tuple[UnitField, ...]
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...]
    info_sheet: str
    unit_sheet: str
    narrative_sheet: str
    summary_category: str = ""  # the 单位类别 that marks a summary of several units
    result_sheet: str = "校验结果"  # where the add-in and --annotate list the findings
    first_year: int = 2021  # the first report year the format applies to
    last_year: int = 2099  # the last year the template's input checks accept
    links: tuple[Link, ...] = ()  # how a report relates to the same unit's of the year before

    def __post_init__(self) -> None:
        _FORMS.setdefault(self.id, self)

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        """A declared form crosses to another process by its id, not as some thousand objects
        (every Submission a survey worker sends back carries it)."""
        if _FORMS.get(self.id) is self:
            return _declared, (self.id,)
        return super().__reduce_ex__(protocol)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    @cached_property
    def input_cells(self) -> tuple[Cell, ...]:
        """The cells a unit types, in form order: the columns of 明细, the order of merged values."""
        return tuple(c for t in self.tables for c in t.cells if c.input)

    @cached_property
    def item_names(self) -> tuple[str, ...]:
        """The defined name of every table cell, identity field and narrative section."""
        return (*(c.name for t in self.tables for c in t.cells), *(f.name for f in self.fields),
                *(s.name for s in self.sections))

    def field(self, key: str) -> UnitField:
        return next(f for f in self.fields if f.key == key)

    def rule(self, code: str) -> Rule:
        return next(r for r in self.rules if r.code == code)
