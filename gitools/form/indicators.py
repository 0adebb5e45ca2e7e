"""The main figures of a report, declared once: what a county compares year over year and
what a published report states in its text. Each is a sum of the form's input cells."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gitools.form.model import Cell


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    takes: Callable[[Cell], bool]  # which input cells it adds up


def _in(table: str, rows: tuple[str, ...] | None = None, prefix: str = "", columns: tuple[str, ...] = ()):
    def takes(c: Cell) -> bool:
        return (c.table == table and (rows is None or c.row in rows) and c.row.startswith(prefix)
                and (not columns or any(c.column.startswith(col) for col in columns)))

    return takes


INDICATORS: tuple[Indicator, ...] = (
    Indicator("requests_new", "本年新收政府信息公开申请", _in("requests", ("new",))),
    Indicator("requests_disclosed", "办理结果：予以公开", _in("requests", ("disclosed",))),
    Indicator("requests_partly", "办理结果：部分公开", _in("requests", ("partially_disclosed",))),
    Indicator("requests_withheld", "办理结果：不予公开", _in("requests", prefix="withheld")),
    Indicator("requests_unavailable", "办理结果：无法提供", _in("requests", prefix="unavailable")),
    Indicator("requests_forward", "结转下年度继续办理", _in("requests", ("carried_forward",))),
    Indicator("reviews", "行政复议", _in("appeals", columns=("review_",))),
    Indicator("suits", "行政诉讼", _in("appeals", columns=("direct_suit_", "suit_after_review_"))),
    Indicator("corrected", "复议、诉讼结果纠正", _in("appeals", columns=("review_corrected", "direct_suit_corrected",
                                                                        "suit_after_review_corrected"))),
    Indicator("documents_issued", "本年制发行政规范性文件", _in("active", ("normative_documents",), columns=("issued",))),
    Indicator("documents_in_force", "现行有效行政规范性文件", _in("active", ("normative_documents",), columns=("in_force",))),
    Indicator("licensing", "行政许可决定", _in("active", ("licensing",))),
    Indicator("penalties", "行政处罚决定", _in("active", ("penalties",))),
)
