"""The lean pass over an .xlsx part: what every part's fast path shares (is the part written the
regular way? text and entities; the parser as the authority), and the shared strings.

Every office suite writes cells the same way: ``<c r="D5" s="3" t="s"><f>…</f><v>…</v></c>``
in the default namespace, attributes double-quoted. Such a sheet is cut at each cell's start
tag and a cell is decoded only when the reader asks for it, several times faster than building
the element tree of the whole part; that is what brings a workbook's read near
python-calamine's. A part that uses a namespace prefix, a comment, CDATA, single-quoted
attributes or anything else the pattern does not account for, is handed to the parser
instead: each fast path counts the elements it found against the element's start tags in the
part, and any difference sends the whole part to the parser. The parser also decides what is
malformed, so a broken part is refused as before (a broken cell when it is read).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from gitools.io import safexml

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
BROKEN = (zipfile.BadZipFile, zlib.error, KeyError, IndexError, safexml.ParseError, EOFError, ValueError,
          NotImplementedError)

_MAIN_URI = b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_SINGLE_QUOTED = re.compile(rb"<[^<>]*\s[\w:.-]+\s*=\s*'")  # an attribute in single quotes
_ENCODING = re.compile(rb"encoding=[\"']([^\"']*)")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
T_TAG = re.compile(rb"<t(?: [^>]*)?>([^<]*)</t>|<t(?: [^>]*)?/>")
PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_SI = re.compile(rb"<si>(.*?)</si>|<si/>", re.S)
class Irregular(Exception):
    """The part is not written the regular way: parse it instead."""


@lru_cache(maxsize=4096)
def text(data: bytes) -> str:
    """Element text as the parser gives it: line ends normalised, references resolved.
    Cached: every workbook of a batch repeats the template's labels."""
    raw = data.decode("utf-8")
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in raw:
        if raw.count("&") != len(_ENTITY.findall(raw)):
            raise safexml.ParseError("undefined entity")  # as the parser would
        raw = _ENTITY.sub(_entity, raw)
    return raw


def _entity(m: re.Match[str]) -> str:
    name = m.group(1)
    if not name.startswith("#"):
        return _PREDEFINED[name]
    code = int(name[2:], 16) if name[1] == "x" else int(name[1:])
    if not (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF):
        raise safexml.ParseError("reference to invalid character")
    return chr(code)


def _regular(xml: bytes, root: bytes) -> bool:
    """Written the regular way: UTF-8, the main namespace as the only default and bound to no
    prefix (so every unprefixed c, v, t is a cell's), no comments, CDATA or single-quoted
    attributes."""
    head = xml[:1000]
    declared = _ENCODING.search(head[:head.find(b"?>")]) if b"?>" in head else None
    return (root in head and (declared is None or declared.group(1).lower() in (b"utf-8", b"utf8"))
            and b"xmlns=" + _MAIN_URI in head and xml.count(_MAIN_URI) == 1 and xml.count(b'xmlns="') == 1
            and b"<!" not in xml  # a declaration, a comment or CDATA
            and (b"='" not in xml or _SINGLE_QUOTED.search(xml) is None))  # a formula may hold =' too


def fast_or_parse(fast: Callable[[bytes], object], slow: Callable[[bytes], object], xml: bytes, root: bytes):
    """The fast path when the part is regular and it accounts for every element, else the
    parser (a regular part has no "<!", so no document type declaration either)."""
    if _regular(xml, root):
        try:
            return fast(xml)
        except Irregular:
            pass
    return slow(xml)  # which refuses a document type declaration


# --- shared strings ----------------------------------------------------------------------


class SharedStrings:
    """The shared-string table, each string decoded when a cell first asks for it."""

    def __init__(self, xml: bytes | None):
        self._xml = xml
        self._items: list[Any] | None = None if xml else []  # bytes from the pattern, str from the parser
        self._plain = False  # items read by the pattern still hold their markup

    def __getitem__(self, index: int) -> str:
        if self._items is None:
            xml = self._xml or b""
            self._items = fast_or_parse(_scan_strings, _parse_strings, xml, b"<sst")
            self._plain = not isinstance(self._items, _Marked)
            self._decoded: dict[int, str] = {}
        if index < 0:
            raise IndexError(index)
        item = self._items[index]
        if self._plain:
            return item
        if index not in self._decoded:
            self._decoded[index] = rich(item)
        return self._decoded[index]


class _Marked(list):
    """Shared strings as the pattern found them, markup and all."""


def _scan_strings(xml: bytes) -> list[bytes]:
    items = _Marked(m.group(1) or b"" for m in _SI.finditer(xml))
    if len(items) != xml.count(b"<si>") + xml.count(b"<si/>") or b"<si " in xml:
        raise Irregular
    return items


def _parse_strings(xml: bytes) -> list[str]:
    return [element_text(si) for si in safexml.parse(xml).iter(f"{NS}si")]


def rich(xml: bytes) -> str:
    """The text of an <is> or <si>: its <t>, or its runs' <t>, never the phonetic guide."""
    if b"<rPh" in xml:
        xml = PHONETIC.sub(b"", xml)
    return "".join(text(m) for m in T_TAG.findall(xml))


def element_text(element: safexml.Element) -> str:
    return "".join(t.text or "" for r in element if r.tag in (f"{NS}t", f"{NS}r")
                   for t in ([r] if r.tag == f"{NS}t" else r.iter(f"{NS}t")))
