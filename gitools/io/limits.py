"""Explicit limits on what we read, so one hostile or broken file cannot exhaust the machine.

A filled template is about 25 KB and unpacks to under 1 MB; a province's summary of 50,000
units is the largest file the tool itself writes. The limits leave room for both."""

from __future__ import annotations

import zipfile
from pathlib import Path

from gitools.model.unreadable import Unreadable

MAX_FILE_BYTES = 200 * 1024 * 1024  # a submitted file (workbook, report, roster) on disk
MAX_PART_BYTES = 512 * 1024 * 1024  # one part of a zip package (xlsx, docx) once unpacked
MAX_UNPACK_RATIO = 200  # unpacked / packed size of a part above which it is taken for a zip bomb


class TooLarge(Unreadable):
    """What exceeded which limit (a reason of file-unreadable)."""


def check_size(path: Path) -> None:
    """Refuse a file larger than any report could be, before reading it (raises OSError too)."""
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        raise TooLarge("too-large", size=size // 1048576, limit=MAX_FILE_BYTES // 1048576)


def check_part(z: zipfile.ZipFile, name: str) -> None:
    """Refuse a part of a zip package that would exceed the limits once unpacked."""
    info = z.getinfo(name)
    if info.file_size > MAX_PART_BYTES or info.file_size > MAX_UNPACK_RATIO * max(info.compress_size, 4096):
        raise TooLarge("part-too-large", part=name, size=info.file_size // 1048576)


def read_part(z: zipfile.ZipFile, name: str) -> bytes:
    """One part of a zip package, refused before unpacking when it would exceed the limits
    (zipfile stops at the declared size, so a part cannot unpack to more than was checked)."""
    check_part(z, name)
    return z.read(name)
