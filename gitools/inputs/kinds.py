"""The kinds of file a submission may arrive as, one registry entry each (tablib's pattern): its
key, its name in the clerk's words, its suffixes, the first bytes that tell it, and its loader.
Discovery, the CLI's help and the README's lists derive from here.

A file is taken for what its first bytes say where they tell (a renamed .xls is still read as
one, an encrypted .xlsx is an OLE file), else for what its name says; the loader then says in
Chinese what is wrong with a file that is not what it claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from gitools.inputs.published.docx import docx_lines
from gitools.inputs.published.html import html_lines
from gitools.inputs.published.lines import Line, UnreadableReport, decode
from gitools.inputs.published.pdf import ScannedPdf, TooComplex, pdf_lines
from gitools.inputs.published.text import text_lines
from gitools.io.calamine import read_values
from gitools.io.errors import os_reason
from gitools.io.limits import TooLarge, check_size
from gitools.io.rawbook import RawBook, UnreadableWorkbook
from gitools.io.xlsx import read_xlsx
from gitools.model.unreadable import Unreadable

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .et, and encrypted .xlsx alike
ZIP = b"PK\x03\x04"
PDF = b"%PDF-"


class Family(StrEnum):
    WORKBOOK = "workbook"  # cells read where the template has them
    REPORT = "report"  # a published report, imported by its labels


Loader = Callable[[Path, bytes], "RawBook | list[Line]"]


@dataclass(frozen=True)
class Kind:
    key: str
    words: str  # what the clerk's office suite calls it
    suffixes: tuple[str, ...]
    family: Family
    magic: tuple[bytes, ...]  # first bytes of such a file; empty when any bytes may start it
    load: Loader
    version: str = "1"  # raised when the loader would read the same file differently (a survey re-reads)

    def claims(self, head: bytes) -> bool:
        return any(head.startswith(m) for m in self.magic)


# --- loaders -------------------------------------------------------------------------------


def _calamine(key: str) -> Loader:
    return lambda path, data: read_values(path, key, BY_KEY[key].words)


def _pdf(path: Path, data: bytes) -> list[Line]:
    if not data.startswith(PDF):
        raise UnreadableReport("not-pdf")
    try:
        return pdf_lines(path)
    except ScannedPdf as e:
        raise UnreadableReport("scanned") from e
    except TooComplex as e:
        raise UnreadableReport("too-complex", page=str(e.page), count=str(e.count), limit=str(e.limit)) from e
    except Exception as e:  # PdfiumError on damaged or encrypted files, and whatever else a hostile file finds
        if isinstance(e, MemoryError):
            raise
        raise UnreadableReport("pdf-damaged", error=type(e).__name__) from e


_MARKUP = re.compile(r"<\s*(html|table|body)\b", re.I)


def _textual(data: bytes) -> str:
    if data.startswith(OLE):
        raise UnreadableReport("not-text")
    return decode(data)


def _text(path: Path, data: bytes) -> list[Line]:
    """Text, or a web page saved under a text name (its markup tells)."""
    text = _textual(data)
    return html_lines(text) if _MARKUP.search(text[:2000]) else text_lines(text)


KINDS: tuple[Kind, ...] = (  # per family, the first entry is what an unknown file is tried as
    Kind("xlsx", "Excel 工作簿（.xlsx）", (".xlsx", ".xlsm"), Family.WORKBOOK, (ZIP,), lambda p, d: read_xlsx(d)),
    Kind("xls", "Excel 97-2003 工作簿（.xls）", (".xls",), Family.WORKBOOK, (OLE,), _calamine("xls")),
    Kind("et", "WPS 表格（.et）", (".et",), Family.WORKBOOK, (OLE,), _calamine("et")),
    Kind("ods", "OpenDocument 电子表格（.ods）", (".ods",), Family.WORKBOOK, (ZIP,), _calamine("ods")),
    Kind("xlsb", "Excel 二进制工作簿（.xlsb）", (".xlsb",), Family.WORKBOOK, (ZIP,), _calamine("xlsb")),
    Kind("text", "文字（.txt）", (".txt", ".text"), Family.REPORT, (), _text),
    Kind("markdown", "Markdown 文字（.md）", (".md",), Family.REPORT, (), _text),
    Kind("html", "网页（.html / .htm）", (".html", ".htm"), Family.REPORT, (), lambda p, d: html_lines(_textual(d))),
    Kind("docx", "Word 文档（.docx）", (".docx",), Family.REPORT, (ZIP,), lambda p, d: docx_lines(p)),
    Kind("pdf", "PDF（.pdf）", (".pdf",), Family.REPORT, (PDF,), _pdf, version="2"),  # 2: read with PDFium
)
BY_KEY = {k.key: k for k in KINDS}
BY_SUFFIX = {s: k for k in KINDS for s in k.suffixes}


def suffixes(family: Family | None = None, keys: tuple[str, ...] = ()) -> frozenset[str]:
    """The suffixes of a family (or all kinds, or the kinds named)."""
    return frozenset(s for k in KINDS if (family is None or k.family is family) and (not keys or k.key in keys)
                     for s in k.suffixes)


def listed(family: Family | None = None) -> str:
    """The suffixes as the help and the README list them: ".pdf / .txt / .html / …"."""
    return " / ".join(s for k in KINDS if family is None or k.family is family for s in k.suffixes)


XLSX_SUFFIXES = suffixes(keys=("xlsx",))
WORKBOOK_SUFFIXES = suffixes(Family.WORKBOOK)
REPORT_SUFFIXES = suffixes(Family.REPORT)
SUBMISSION_SUFFIXES = suffixes()


def identify(path: Path, head: bytes) -> Kind:
    """The kind a file is read as: its name's, unless its first bytes are another kind's of the
    same family (a renamed .xls, an encrypted .xlsx); an unknown name is tried as a workbook."""
    named = BY_SUFFIX.get(path.suffix.lower(), KINDS[0])
    if named.claims(head):
        return named
    return next((k for k in KINDS if k.family is named.family and k.claims(head)), named)


def read_bytes(path: Path, unreadable: type[Unreadable]) -> bytes:
    """A file's bytes, read once and within the size limit; ``unreadable`` says why not."""
    try:
        check_size(path)
        return path.read_bytes()
    except TooLarge as e:
        raise unreadable(e.reason, **e.params) from e
    except OSError as e:
        raise unreadable("cannot-open", cause=os_reason(e)) from e


def read_book(path: Path) -> RawBook:
    """A workbook of any kind we read; raises UnreadableWorkbook with a clerk-readable reason."""
    path = Path(path)
    data = read_bytes(path, UnreadableWorkbook)
    kind = identify(path, data[:8])
    book = (kind if kind.family is Family.WORKBOOK else KINDS[0]).load(path, data)
    if not isinstance(book, RawBook):  # a workbook loader always gives a book
        raise UnreadableWorkbook("not-xlsx")
    return book
