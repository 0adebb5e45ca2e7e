"""Row labels of a published table: matched to the form's after numbering, width and spaces are
set aside, with damaged labels taken only when one official label is clearly the closest, and the
stray pieces of vertically printed labels that PDF text scatters between rows removed."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

from gitools.form.model import Row, Table
from gitools.model.values import Parsed, compact, parse_number

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d+[.、．]|\(\d+\))")


@lru_cache(maxsize=8192)
def core(text: str) -> str:
    """A label without its numbering: "（三）不予公开" → "不予公开", "1. 属于国家秘密" → "属于国家秘密"."""
    return _NUMBERING.sub("", compact(text))


def labels_of(table: Table) -> dict[str, Row]:
    return {core(r.label): r for r in table.rows}


def groups_of(table: Table) -> dict[str, str]:
    """Sub-heading core → its official text ("不予公开" → "（三）不予公开")."""
    return {core(p): p for r in table.rows for p in r.path[1:]}


CLOSE, DISTINCT = 0.85, 0.05  # a damaged label is taken only when this close, and this much closer than the next


def match(text: str, labels: dict[str, Row]) -> tuple[Row | None, bool]:
    """The row a label names; the flag says it was only a close match. A damaged label ("其他法律
    行政止公开") is matched only when one official label is clearly the closest: never a guess
    between two rows."""
    key = core(text)
    if key in labels:
        return labels[key], False
    former = next((r for r in labels.values() if r.former and key in {core(f) for f in r.former}), None)
    if former is not None:  # an older label of the row: read, and said
        return former, True
    closest = _closest(key, tuple(labels))
    return (labels[closest], True) if closest else (None, False)


@lru_cache(maxsize=4096)
def _closest(key: str, official: tuple[str, ...]) -> str | None:
    """The one official label a damaged one is clearly closest to (cached: every report of a
    survey prints the same labels, damaged the same ways)."""
    if len(key) < 4:
        return None
    scores = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in official), reverse=True)
    best, runner_up = scores[0], scores[1] if len(scores) > 1 else (0.0, "")
    return best[1] if best[0] >= CLOSE and best[0] - runner_up[0] >= DISTINCT else None


def starts_a_label(text: str, labels: dict[str, Row]) -> bool:
    """Whether the text is the first part of a label wrapped over lines."""
    key = core(text)
    return len(key) >= 4 and any(k.startswith(key) and k != key for k in labels)


def strip_stray(text: str, vertical: set[str], keep: frozenset[str] = frozenset()) -> str:
    """A field without the pieces of vertical labels that PDF text puts before it ("三 （一）予以公开",
    "不予公 5.属于三类内部事务信"): leading space-separated tokens made only of their characters, unless
    a token is a whole label of its own (``keep``: "（六）其他处理" printed as one row by an older form)."""
    tokens = text.split(" ")
    while tokens and tokens[0] and set(tokens[0]) <= vertical and not is_number(tokens[0]) \
            and core(tokens[0]) not in keep:
        tokens.pop(0)
    return " ".join(tokens).strip()


def vertical_characters(table: Table) -> set[str]:
    """Characters of the labels the format prints vertically (merged down one column), e.g. 三、本年度办理结果."""
    out: set[str] = set()
    for h in table.headers:
        first, _, last = h.range.partition(":")
        if last and first.rstrip("0123456789") == last.rstrip("0123456789") and first != last:
            out |= set(h.text)
    return out


@lru_cache(maxsize=8192)
def is_number(text: str) -> bool:
    return parse_number(text).how in (Parsed.NUMBER, Parsed.TEXT_NUMBER) and any(ch.isdigit() for ch in
                                                                                  unicodedata.normalize("NFKC", text))
