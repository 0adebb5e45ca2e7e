"""Read a submitted workbook in whatever format the clerk's office suite saved it: .xlsx by
our own reader, .xls, WPS .et, .ods and .xlsb by calamine (values only). The format is told by
the file's first bytes, not its name, so a renamed file is still read or refused for what it is."""

from __future__ import annotations

from pathlib import Path

from gitools.io.calamine import read_values
from gitools.io.errors import os_reason
from gitools.io.limits import TooLarge, check_size
from gitools.io.rawbook import RawBook, UnreadableWorkbook
from gitools.io.xlsx import read_xlsx

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .et, and encrypted .xlsx alike
ZIP_MAGIC = b"PK\x03\x04"


def read(path: Path) -> RawBook:
    """Read a workbook; raise UnreadableWorkbook with a clerk-readable reason."""
    path = Path(path)
    try:
        check_size(path)
        data = path.read_bytes()  # once: the kind is told by its first bytes, and a package is read from memory
    except TooLarge as e:
        raise UnreadableWorkbook(str(e)) from e
    except OSError as e:
        raise UnreadableWorkbook(f"无法打开文件：{os_reason(e)}") from e
    suffix = path.suffix.lower().lstrip(".")
    if data[:8] == OLE_MAGIC:
        return read_values(path, suffix if suffix in ("xls", "et") else "xls")
    if data[:4] == ZIP_MAGIC and suffix in ("ods", "xlsb"):
        return read_values(path, suffix)
    return read_xlsx(data)
