"""What the importer found in a published report: unit, year, the cells it could place, the
narrative, and the findings on what it could not."""

from __future__ import annotations

from dataclasses import dataclass, field

from gitools.model.findings import Finding


@dataclass
class Imported:
    unit_name: str | None = None
    year: int | None = None
    values: dict[tuple[str, str, str], float] = field(default_factory=dict)
    narrative: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
