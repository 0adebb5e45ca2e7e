"""How a report relates to the same unit's report of the year before, declared as data: the
cross-year rules' executor (``validate.kinds.cross_year``) is generic over these."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Carried:
    """Across years, exact: this year's ``this_row`` equals last year's ``last_row``, column by
    column (二、上年结转 = last year's 四、结转下年度继续办理)."""

    rule: str
    table: str
    this_row: str
    last_row: str


@dataclass(frozen=True)
class Stock:
    """Across years, a question: this year's ``stock`` ≈ last year's ``stock`` + ``added`` −
    ``removed``, for each of ``rows`` (现行有效件数; documents can also lapse unrepealed)."""

    rule: str
    table: str
    rows: tuple[str, ...]
    stock: str
    added: str
    removed: str


Link = Carried | Stock
