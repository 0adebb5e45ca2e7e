"""One file as the merge sees it: its verdict, identity and input values, small enough that a
county's hundreds (or a province's thousands) travel back from the workers cheaply."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

from gitools.model.findings import FileReport


@dataclass
class Received:
    """One file as the merge sees it."""

    path: str
    modified: float
    report: FileReport
    unit: dict[str, Any] = field(default_factory=dict)
    values: array = field(default_factory=lambda: array("d"))  # form.input_cells order; NaN unreadable
    members: tuple[tuple[str | None, str | None], ...] = ()  # (name, credit code) inside a summary
    narrative: dict[str, str] = field(default_factory=dict)  # for 各单位文字部分, from which the county writes

    @property
    def readable(self) -> bool:
        return self.report.readable
