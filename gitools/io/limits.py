"""Explicit limits on what we read, so one hostile or broken file cannot exhaust the machine.

A filled template is about 25 KB and unpacks to under 1 MB; a province's summary of 50,000
units is the largest file the tool itself writes. The limits leave room for both."""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_FILE_BYTES = 200 * 1024 * 1024  # a submitted file (workbook, report, roster) on disk
MAX_PART_BYTES = 512 * 1024 * 1024  # one part of a zip package (xlsx, docx) once unpacked
MAX_UNPACK_RATIO = 200  # unpacked / packed size of a part above which it is taken for a zip bomb


class TooLarge(Exception):
    """``str(e)`` says in Chinese what exceeded which limit."""


def check_size(path: Path) -> None:
    """Refuse a file larger than any report could be, before reading it (raises OSError too)."""
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        raise TooLarge(f"文件过大（{size // 1048576} MB，上限 {MAX_FILE_BYTES // 1048576} MB），未读取；"
                       "一份年报通常不超过 1 MB，请检查是否报错了文件")


def check_part(z: zipfile.ZipFile, name: str) -> None:
    """Refuse a part of a zip package that would exceed the limits once unpacked."""
    info = z.getinfo(name)
    if info.file_size > MAX_PART_BYTES or info.file_size > MAX_UNPACK_RATIO * max(info.compress_size, 4096):
        raise TooLarge(f"文件中的“{name}”解压后过大（{info.file_size // 1048576} MB），疑为压缩炸弹或已损坏，未读取")


def read_part(z: zipfile.ZipFile, name: str) -> bytes:
    """One part of a zip package, refused before unpacking when it would exceed the limits
    (zipfile stops at the declared size, so a part cannot unpack to more than was checked)."""
    check_part(z, name)
    return z.read(name)
