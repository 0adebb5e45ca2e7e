"""Turn what clerks type into comparable values: numbers from "3", "３", " 3 ", "3件", "1,234",
"0.5万元"; labels and names without full-width forms or spaces."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


def compact(text: object) -> str:
    """Text as compared: full-width forms made half-width (NFKC), all whitespace removed."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


class Parsed(StrEnum):
    NUMBER = "number"  # a real number in the cell
    TEXT_NUMBER = "text_number"  # text we could read as a number
    BLANK = "blank"
    INVALID = "invalid"


@dataclass(frozen=True)
class Number:
    value: float | None
    how: Parsed


_UNITS = ("万元", "元", "件", "个", "条", "次", "份", "项", "宗")
_ZERO_WORDS = {"无", "没有", "-", "—", "——", "/", "／", "－"}
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def parse_number(raw: object) -> Number:
    if raw is None:
        return Number(None, Parsed.BLANK)
    if isinstance(raw, bool):
        return Number(None, Parsed.INVALID)
    if isinstance(raw, int | float):
        return Number(float(raw), Parsed.NUMBER)
    return _parse_text(str(raw))


@functools.lru_cache(maxsize=4096)  # a province's reports say "0" and "1" a million times
def _parse_text(raw: str) -> Number:
    text = unicodedata.normalize("NFKC", raw).strip().replace(",", "").replace(" ", "")
    if text == "":
        return Number(None, Parsed.BLANK)
    if text in _ZERO_WORDS:
        return Number(0.0, Parsed.TEXT_NUMBER)
    for unit in _UNITS:
        if text.endswith(unit):
            text = text[: -len(unit)]
            break
    if _NUMBER.fullmatch(text):
        return Number(float(text), Parsed.TEXT_NUMBER)
    return Number(None, Parsed.INVALID)


def display(value: float | None) -> str:
    """A number as a clerk would write it: 3, not 3.0."""
    if value is None:
        return "空白"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def plain(value: object) -> object:
    """A value for JSON: 3 not 3.0, None for an unknown number, dates as 2026-01-10."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
