"""Who a summary is: the 单位信息 of the merged workbook, from what the county gave or what the
units have in common."""

from __future__ import annotations

import datetime as dt

from gitools.form.model import Form
from gitools.merge.combine import MergeResult


def summary_unit(result: MergeResult, form: Form, identity: dict[str, object], today: dt.date) -> dict[str, object]:
    """The summary's 单位信息: what the caller gave, else what the merge knows."""
    division = identity.get("division_code") or common_division(
        [e.received.unit.get("division_code") for e in result.included])
    unit = {"unit_name": identity.get("unit_name") or (f"{division} 汇总" if division else "汇总"),
            "credit_code": identity.get("credit_code"), "division_code": division,
            "unit_category": form.summary_category, "report_year": result.year,
            "preparer": identity.get("preparer"), "phone": identity.get("phone"),
            "filled_on": today, "unit_count": result.unit_count}
    return {k: v for k, v in unit.items() if v is not None}


def common_division(given: list[object]) -> str | None:
    """The smallest region holding all units: 410721 + 410724 → 410700, 410721 + 411002 → 410000."""
    codes = [c for c in given if isinstance(c, str) and len(c) == 6 and c.isdigit()]
    if not codes:
        return None
    for keep in (6, 4, 2):
        if len({c[:keep] for c in codes}) == 1:
            return codes[0][:keep].ljust(6, "0")
    return None
