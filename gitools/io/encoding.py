"""Text files from Chinese offices: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK."""

from __future__ import annotations


def decode(raw: bytes) -> str | None:
    """The text, trying UTF-16 by its BOM, then UTF-8, then GB18030 (which covers GBK and
    GB2312); None when none of them reads it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
