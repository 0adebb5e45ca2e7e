"""Numbers a narrative states, so they can be held against the tables."""

from __future__ import annotations

import re
import unicodedata

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_int(text: str) -> int | None:
    """'3', '３', '十二', '两' → int; None when it is no number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[ch]
    return total + current


_NUM = r"([0-9０-９]+|[零〇一二两三四五六七八九十百]+)"
_GAP = r"[^。；;，,0-9０-９]{0,12}?"

REQUESTS_RECEIVED = (
    re.compile(r"(?:未|没有)(?:收到|受理)" + _GAP + r"申请"),
    re.compile(r"(?:收到|受理|接收)" + _GAP + r"(?:申请|依申请公开)" + r"[^。；;，,0-9０-９]{0,4}?" + _NUM + r"\s*[件个条]"),
    re.compile(r"(?:收到|受理|接收)" + _GAP + _NUM + r"\s*[件个条]" + _GAP + r"申请"),
)
DOCUMENTS_ISSUED = (
    re.compile(r"(?:出台|制发|印发|制定|发布)" + _GAP + r"规范性文件" + r"[^。；;，,0-9０-９]{0,4}?" + _NUM + r"\s*[件个份]"),
    re.compile(r"(?:出台|制发|印发|制定|发布)" + _GAP + _NUM + r"\s*[件个份]" + _GAP + r"规范性文件"),
)


def stated_count(text: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[int, str] | None:
    """The first count the text states with one of the patterns, and the phrase it stood in."""
    text = unicodedata.normalize("NFKC", text)
    for pattern in patterns:
        m = pattern.search(text)
        if m is None:
            continue
        if not m.groups():  # a "none received" pattern
            return 0, m.group(0)
        n = chinese_int(m.group(1))
        if n is not None:
            return n, m.group(0)
    return None
