"""File names made from a unit's name or a report's title, safe on every desktop clerks use."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME = 80  # characters of a file name, well inside Windows' path limits
MAX_BYTES = 180  # and UTF-8 bytes (Linux allows 255 a name): room for "_校验结果_2.xlsx" after it


def file_name(text: str) -> str:
    """A file name any Windows, Kylin or UOS desktop accepts, from a unit's name."""
    name = _UNSAFE.sub("_", text).strip(" .")[:MAX_NAME]
    while len(name.encode()) > MAX_BYTES:
        name = name[:-1]
    name = name.strip(" .") or "未命名单位"
    return f"_{name}" if name.split(".")[0].upper() in _RESERVED else name
