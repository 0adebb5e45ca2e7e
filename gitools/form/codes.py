"""Identity codes: 统一社会信用代码 (GB 32100-2015) with its embedded organisation code
(GB 11714-1997), 行政区划代码, phone numbers. Pure functions returning what is wrong (a reason
of the rule and its parameters; the words are the catalog's) or None."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 symbols: no I, O, S, V, Z
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


class Problem(NamedTuple):
    """Why a value fails a rule: one of the rule's ``reasons`` (None: its only message) and the
    parameters its template needs."""

    reason: str | None = None
    params: dict[str, Any] = {}  # noqa: RUF012  (a NamedTuple default, never mutated)


def credit_check_char(first17: str) -> str:
    total = sum(CREDIT_ALPHABET.index(ch) * w for ch, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def org_check_char(first8: str) -> str:
    def value(ch: str) -> int:
        return int(ch) if ch.isdigit() else ord(ch) - 55  # A=10 … Z=35

    c = 11 - sum(value(ch) * w for ch, w in zip(first8, ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def credit_code_problem(code: str) -> Problem | None:
    """Why a 统一社会信用代码 is invalid (rule credit-code-invalid); None when it is valid."""
    if len(code) != 18:
        return Problem("length", {"length": len(code)})
    bad = sorted({ch for ch in code if ch not in CREDIT_ALPHABET})
    if bad:
        return Problem("characters", {"characters": "、".join(bad)})
    if org_check_char(code[8:16]) != code[16] or credit_check_char(code[:17]) != code[17]:
        return Problem("check")  # never a suggested character: see the rule's words
    return None


def division_code_problem(code: str) -> Problem | None:
    return None if re.fullmatch(r"[1-9]\d{5}", code) else Problem()


_PHONE = re.compile(r"(1[3-9]\d{9}|0\d{2,3}\d{7,8}|[2-9]\d{6,7})(转\d{1,6})?")


def phone_problem(phone: str) -> Problem | None:
    digits = re.sub(r"[\s\-－—()（）]", "", phone)
    return None if _PHONE.fullmatch(digits) else Problem()
