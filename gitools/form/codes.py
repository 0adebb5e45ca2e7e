"""Identity codes: 统一社会信用代码 (GB 32100-2015) with its embedded organisation code
(GB 11714-1997), 行政区划代码, phone numbers. Pure functions returning a reason or None."""

from __future__ import annotations

import re

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 symbols: no I, O, S, V, Z
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
CHECK_FAILED = "校验位不符，请对照登记证书逐位核对（常见为两位颠倒或抄错）"


def credit_check_char(first17: str) -> str:
    total = sum(CREDIT_ALPHABET.index(ch) * w for ch, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def org_check_char(first8: str) -> str:
    def value(ch: str) -> int:
        return int(ch) if ch.isdigit() else ord(ch) - 55  # A=10 … Z=35

    c = 11 - sum(value(ch) * w for ch, w in zip(first8, ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def credit_code_problem(code: str) -> str | None:
    """Why a 统一社会信用代码 is invalid, in Chinese; None when it is valid."""
    if len(code) != 18:
        return f"应为18位，实为{len(code)}位"
    bad = sorted({ch for ch in code if ch not in CREDIT_ALPHABET})
    if bad:
        return f"含有不允许的字符 {'、'.join(bad)}（只能是数字和除 I、O、S、V、Z 以外的大写字母）"
    if org_check_char(code[8:16]) != code[16] or credit_check_char(code[:17]) != code[17]:
        # No replacement character is suggested: a code "fixed" to pass its check is still the
        # wrong code when two characters were swapped, and worse than an error (it goes unseen).
        return CHECK_FAILED
    return None


def division_code_problem(code: str) -> str | None:
    if not re.fullmatch(r"[1-9]\d{5}", code):
        return "应为6位数字（首位不为 0）"
    return None


_PHONE = re.compile(r"(1[3-9]\d{9}|0\d{2,3}\d{7,8}|[2-9]\d{6,7})(转\d{1,6})?")


def phone_problem(phone: str) -> str | None:
    digits = re.sub(r"[\s\-－—()（）]", "", phone)
    if _PHONE.fullmatch(digits):
        return None
    return "应为固定电话（如 0375-1234567）或11位手机号码"
