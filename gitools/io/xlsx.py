"""A small, fast, read-only view of an .xlsx file: every cell's cached value and whether it
holds a formula, the workbook's defined names and custom properties.

openpyxl needs two loads to see both a formula and its cached value; we need both (a total
typed over its formula, a file never recalculated), and the merge reads thousands of files.
Every sheet is checked against the limits at once, but unpacked and read only when looked at:
a submission is read from six of the template's sheets, never from 填报说明.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from gitools.io import safexml, xlsx_parts
from gitools.io.errors import os_reason
from gitools.io.limits import TooLarge, read_part
from gitools.io.package import Package
from gitools.io.rawbook import Cells, LazySheets, RawBook, UnreadableWorkbook
from gitools.io.xlsx_parts import BROKEN

PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@contextmanager
def _as_unreadable() -> Iterator[None]:
    """Whatever goes wrong reading the package becomes UnreadableWorkbook, said for a clerk."""
    try:
        yield
    except TooLarge as e:
        reason = "workbook-part-too-large" if e.reason == "part-too-large" else e.reason
        raise UnreadableWorkbook(reason, **e.params) from e
    except safexml.UnsafeXml as e:
        raise UnreadableWorkbook("unsafe-xml") from e
    except BROKEN as e:
        raise UnreadableWorkbook("damaged") from e
    except OSError as e:
        raise UnreadableWorkbook("cannot-read", cause=os_reason(e)) from e


@lru_cache(maxsize=64)
def _rels(xml: bytes, path: str = "xl/_rels/workbook.xml.rels") -> Mapping[str, str]:
    """Relationship id → part; cached, as the workbooks of one template share their relationships."""
    base = PurePosixPath(path).parent.parent  # xl/_rels/workbook.xml.rels → xl
    rels = {}
    for r in safexml.parse(xml).iter(f"{PKG_REL}Relationship"):
        target = r.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else str(base / target)
        rels[r.get("Id", "")] = _normalise(full)
    return MappingProxyType(rels)


def _normalise(path: str) -> str:
    parts: list[str] = []
    for p in path.split("/"):
        if p == "..":
            if parts:
                parts.pop()
        elif p not in ("", "."):
            parts.append(p)
    return "/".join(parts)


def read_xlsx(source: Path | bytes) -> RawBook:
    """Values, formula flags, names and properties of an .xlsx package, from its path or its
    bytes (size checked by the caller)."""
    with _as_unreadable():
        return _read_package(Package(source) if isinstance(source, bytes) else Package.open(source))


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the package part holding its cells, in workbook order."""
    if "xl/workbook.xml" not in z.NameToInfo:
        raise UnreadableWorkbook("not-xlsx")
    sheets, _ = xlsx_parts.workbook(read_part(z, "xl/workbook.xml"))
    return _sheet_parts(z.NameToInfo, sheets, _rels(read_part(z, "xl/_rels/workbook.xml.rels")))


def _sheet_parts(present: Package | Mapping[str, object], sheets: list[tuple[str, str]], rels: Mapping[str, str]) -> dict[str, str]:
    return {name: part for name, rid in sheets
            if (part := rels.get(rid)) is not None and part in present and "worksheet" in part}


def _read_package(z: Package) -> RawBook:
    if "xl/workbook.xml" not in z:
        raise UnreadableWorkbook("not-xlsx")
    sheets, names = xlsx_parts.workbook(z.read("xl/workbook.xml"))
    rels = _rels(z.read("xl/_rels/workbook.xml.rels"))
    parts = _sheet_parts(z, sheets, rels)
    shared = next((p for p in rels.values() if p.endswith("sharedStrings.xml") and p in z), None)
    strings = xlsx_parts.SharedStrings(z.read(shared) if shared else None)
    for part in parts.values():
        z.check(part)  # every sheet within the limits, read or not
    book = RawBook(sheets=LazySheets({title: _loader(z, part, strings) for title, part in parts.items()}))
    book.names.update(names)
    if "docProps/custom.xml" in z:
        book.properties.update(xlsx_parts.properties(z.read("docProps/custom.xml")))
    return book


def _loader(z: Package, part: str, strings: xlsx_parts.SharedStrings) -> Callable[[], Cells]:
    """A sheet's cells, unpacked and read when the reader first looks at the sheet."""
    def load() -> Cells:
        with _as_unreadable():
            return xlsx_parts.sheet_cells(z.read(part), strings)

    return load
