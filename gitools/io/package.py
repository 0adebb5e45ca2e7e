"""A zip package (an .xlsx workbook) held in memory, its parts unpacked on request within the
limits.

zipfile's reader goes through a buffered stream with a CRC check in Python for every part;
for the small parts of a workbook, unpacking the stored bytes with zlib directly takes half
the time. Parts that are encrypted or packed with other methods still go through zipfile.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from gitools.io.limits import check_part

_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature … file name length, extra field length


class Package:
    """The parts of one zip file; ``read`` raises BadZipFile or zlib.error when damaged,
    TooLarge when a part would exceed the limits."""

    def __init__(self, data: bytes):
        self._data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))

    @classmethod
    def open(cls, path: Path) -> Package:
        return cls(Path(path).read_bytes())

    def __contains__(self, name: object) -> bool:
        return name in self.zip.NameToInfo

    def check(self, name: str) -> None:
        check_part(self.zip, name)

    def read(self, name: str) -> bytes:
        self.check(name)
        info = self.zip.getinfo(name)
        if info.flag_bits & 1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return self.zip.read(name)
        signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(self._data, info.header_offset)
        if signature != b"PK\x03\x04":
            raise zipfile.BadZipFile(f"bad local header for {name}")
        start = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
        packed = self._data[start:start + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            data = packed
        else:
            unpack = zlib.decompressobj(-15)
            data = unpack.decompress(packed, info.file_size + 1)  # never more than was declared and checked
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            raise zipfile.BadZipFile(f"damaged part {name}")
        return data
