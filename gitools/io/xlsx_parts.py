"""The parts of an .xlsx package we read (sheets, shared strings, the workbook), each turned
into plain Python values by one lean pass over its bytes, with the XML parser as the authority
whenever a part is not written the regular way.

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
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache

from gitools.form.addresses import col_letters, col_number, reference, split
from gitools.io import safexml
from gitools.io.rawbook import RawCell, UnreadableWorkbook

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
BROKEN = (zipfile.BadZipFile, zlib.error, KeyError, IndexError, safexml.ParseError, EOFError, ValueError,
          NotImplementedError)

_MAIN_URI = b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_SINGLE_QUOTED = re.compile(rb"<[^<>]*\s[\w:.-]+\s*=\s*'")  # an attribute in single quotes
_ENCODING = re.compile(rb"encoding=[\"']([^\"']*)")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_REF = re.compile(rb'<c r="([A-Z]{1,3}[1-9][0-9]{0,6})"')
_NUMBER_CELLS = re.compile(rb'\x00[A-Z]{1,3}[1-9][0-9]{0,6}"(?:(?: s="[0-9]+")?(?: t="n")?>(<f>[^<]*</f>)?'
                           rb'<v>(-?[0-9]+(?:\.[0-9]+)?(?:[Ee][+-]?[0-9]+)?)</v></c>)?')  # one match a cell
_TYPE = re.compile(rb' t="([^"]*)"')
_T = re.compile(rb"<t(?: [^>]*)?>([^<]*)</t>|<t(?: [^>]*)?/>")
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_SI = re.compile(rb"<si>(.*?)</si>|<si/>", re.S)
_SHEET = re.compile(rb'<sheet ((?:[a-zA-Z:]+="[^"]*" ?)*)/>')
_ATTR = re.compile(rb'([a-zA-Z:]+)="([^"]*)"')
_NAME = re.compile(rb"<definedName ([^>]*)>([^<]*)</definedName>")


class _Irregular(Exception):
    """The part is not written the regular way: parse it instead."""


@lru_cache(maxsize=4096)
def _text(data: bytes) -> str:
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


def _fast_or_parse(fast: Callable[[bytes], object], slow: Callable[[bytes], object], xml: bytes, root: bytes):
    """The fast path when the part is regular and it accounts for every element, else the
    parser (a regular part has no "<!", so no document type declaration either)."""
    if _regular(xml, root):
        try:
            return fast(xml)
        except _Irregular:
            pass
    return slow(xml)  # which refuses a document type declaration


# --- sheets ------------------------------------------------------------------------------


def sheet_cells(xml: bytes, strings: SharedStrings) -> Mapping[str, RawCell]:
    """Each non-empty cell of a worksheet part: its cached value and whether it has a formula."""
    return _fast_or_parse(lambda raw: _ScannedSheet(raw, strings), lambda raw: _parse_sheet(raw, strings),
                          xml, b"<worksheet")


class _ScannedSheet(Mapping[str, RawCell]):
    """A sheet cut at each cell's start tag, each cell decoded when first looked up: a
    submission needs its numbers and a few texts, not the hundreds of labels around them.
    A cell the pattern cannot read sends the whole sheet to the parser."""

    def __init__(self, xml: bytes, strings: SharedStrings):
        pieces = xml.split(b'<c r="')
        refs = _REF.findall(xml)
        if not len(refs) == len(pieces) - 1 == xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>"):
            raise _Irregular  # a cell whose first attribute is not its double-quoted address
        del pieces[0]
        self._pieces = dict(zip(map(bytes.decode, refs), pieces, strict=True))
        self._xml, self._strings = xml, strings
        self._cells: dict[str, RawCell | None] = {}
        self._parsed: dict[str, RawCell] | None = None

    def many(self, refs: list[str]) -> list[RawCell | None]:
        """The cells at ``refs`` (None where empty): the reader's hot path, one call a table."""
        if self._parsed is None:
            pieces, cells, strings = self._pieces, self._cells, self._strings
            try:
                todo = [ref for ref in refs if ref not in cells and ref in pieces]
                # most cells asked for are numbers, maybe totals: one pattern over all of them at once
                numbers = _NUMBER_CELLS.findall(b"\x00" + b"\x00".join([pieces[ref] for ref in todo])) if todo else []
                if len(numbers) != len(todo):
                    numbers = [(None, b"")] * len(todo)
                for ref, (formula, number) in zip(todo, numbers, strict=True):
                    if number:
                        cells[ref] = RawCell(float(number), bool(formula))
                    else:
                        cells[ref] = _cell(pieces[ref], len(ref), strings)
                return [cells.get(ref) for ref in refs]
            except _Irregular:
                self._parsed = _parse_sheet(self._xml, self._strings)
            except BROKEN as e:
                raise UnreadableWorkbook("damaged") from e
        return [self._parsed.get(ref) for ref in refs]

    def addresses(self) -> Iterable[str]:
        """Every address with a cell element, empty or not, without reading any."""
        return self._pieces.keys() if self._parsed is None else self._parsed.keys()

    def get(self, ref: str, default: RawCell | None = None) -> RawCell | None:
        cell = self.many([ref])[0]
        return default if cell is None else cell

    def __getitem__(self, ref: str) -> RawCell:
        cell = self.get(ref)
        if cell is None:
            raise KeyError(ref)
        return cell

    def __iter__(self) -> Iterator[str]:
        refs = list(self._pieces)
        return (ref for ref, cell in zip(refs, self.many(refs), strict=True) if cell is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _cell(piece: bytes, after_ref: int, strings: SharedStrings) -> RawCell | None:
    """One cell from the bytes after its '<c r="': the rest of its start tag, then its content."""
    if piece[after_ref:after_ref + 1] != b'"':
        raise _Irregular
    close = piece.find(b">", after_ref)
    attrs = piece[after_ref + 1:close]
    if close < 0 or attrs.count(b'"') % 2 or b"<" in attrs:  # a ">" inside an attribute value
        raise _Irregular
    if attrs.endswith(b"/"):
        return None
    end = piece.find(b"</c>", close)
    if end < 0:
        raise _Irregular
    inner = piece[close + 1:end]
    value = _value(attrs, inner, strings)
    formula = b"<f" in inner
    return RawCell(value, formula) if value is not None or formula else None


def _value(attrs: bytes, inner: bytes, strings: SharedStrings) -> str | float | bool | None:
    t = _TYPE.search(attrs).group(1) if b" t=" in attrs else b"n"
    if t == b"inlineStr":
        start = inner.find(b"<is>")
        return _rich(inner[start:]) if start >= 0 else None
    start = inner.find(b"<v>")
    end = inner.find(b"</v>", start)
    if start < 0 or end < 0 or b"<" in inner[start + 3:end]:
        if b"<v" in inner and b"<v/>" not in inner and b"<v></v>" not in inner:
            raise _Irregular  # a value element the pattern did not read
        return None
    raw = inner[start + 3:end]
    if not raw:  # an empty <v></v>: no value, whatever the type (a formula whose text result is empty)
        return None
    if t == b"s":
        return strings[int(raw)]
    if t in (b"str", b"e"):
        return _text(raw)
    if t == b"b":
        return raw == b"1"
    try:
        return float(raw)
    except ValueError:
        return _text(raw)


def _rich(xml: bytes) -> str:
    """The text of an <is> or <si>: its <t>, or its runs' <t>, never the phonetic guide."""
    if b"<rPh" in xml:
        xml = _PHONETIC.sub(b"", xml)
    return "".join(_text(m) for m in _T.findall(xml))


def _parse_sheet(xml: bytes, strings: SharedStrings) -> dict[str, RawCell]:
    cells: dict[str, RawCell] = {}
    data = safexml.parse(xml).find(f"{NS}sheetData")
    if data is None:
        return cells
    for row_index, row in enumerate(data.iter(f"{NS}row"), start=1):
        r = int(row.get("r", row_index))
        col = 0
        for c in row.iter(f"{NS}c"):
            ref = c.get("r")
            try:
                col = col_number(split(ref)[0]) if ref else col + 1
            except ValueError:
                col += 1
            t = c.get("t", "n")
            f = c.find(f"{NS}f")
            v = c.find(f"{NS}v")
            raw = v.text if v is not None else None
            value: str | float | bool | None
            if t == "s" and raw is not None:
                value = strings[int(raw)]
            elif t == "inlineStr":
                is_ = c.find(f"{NS}is")
                value = _element_text(is_) if is_ is not None else None
            elif t in ("str", "e"):
                value = raw
            elif t == "b":
                value = None if raw is None else raw == "1"
            elif raw is None or raw == "":
                value = None
            else:
                try:
                    value = float(raw)
                except ValueError:
                    value = raw
            if value is None and f is None:
                continue
            cells[f"{col_letters(col)}{r}"] = RawCell(value, f is not None)
    return cells


def _element_text(element: safexml.Element) -> str:
    return "".join(t.text or "" for r in element if r.tag in (f"{NS}t", f"{NS}r")
                   for t in ([r] if r.tag == f"{NS}t" else r.iter(f"{NS}t")))


# --- shared strings ----------------------------------------------------------------------


class SharedStrings:
    """The shared-string table, each string decoded when a cell first asks for it."""

    def __init__(self, xml: bytes | None):
        self._xml = xml
        self._items: list[str] | None = None if xml else []
        self._plain = False  # items read by the pattern still hold their markup

    def __getitem__(self, index: int) -> str:
        if self._items is None:
            xml = self._xml or b""
            self._items = _fast_or_parse(_scan_strings, _parse_strings, xml, b"<sst")
            self._plain = not isinstance(self._items, _Marked)
            self._decoded: dict[int, str] = {}
        if index < 0:
            raise IndexError(index)
        item = self._items[index]
        if self._plain:
            return item
        if index not in self._decoded:
            self._decoded[index] = _rich(item)
        return self._decoded[index]


class _Marked(list):
    """Shared strings as the pattern found them, markup and all."""


def _scan_strings(xml: bytes) -> list[bytes]:
    items = _Marked(m.group(1) or b"" for m in _SI.finditer(xml))
    if len(items) != xml.count(b"<si>") + xml.count(b"<si/>") or b"<si " in xml:
        raise _Irregular
    return items


def _parse_strings(xml: bytes) -> list[str]:
    return [_element_text(si) for si in safexml.parse(xml).iter(f"{NS}si")]


# --- the workbook ------------------------------------------------------------------------

Name = tuple[str, tuple[str, str]]  # a defined name and the cell it refers to: (name, (sheet, "D5"))


def workbook(xml: bytes) -> tuple[list[tuple[str, str]], tuple[Name, ...]]:
    """The sheets as (name, relationship id) in order, and the workbook-wide defined names
    that refer to a single cell (the template's names; others are of no use to the reader)."""
    return _fast_or_parse(_scan_workbook, _parse_workbook, xml, b"<workbook")


def _scan_workbook(xml: bytes) -> tuple[list[tuple[str, str]], tuple[Name, ...]]:
    sheets = []
    for m in _SHEET.finditer(xml):
        attrs = {k: _text(v) for k, v in _ATTR.findall(m.group(1))}
        rid = next((v for k, v in attrs.items() if k.endswith(b":id") or k == b"id"), "")
        sheets.append((attrs.get(b"name", ""), rid))
    start, end = xml.find(b"<definedNames>"), xml.find(b"</definedNames>")
    section = xml[start:end] if 0 <= start < end else b""
    if len(sheets) != xml.count(b"<sheet ") or xml.count(b"<definedName ") != section.count(b"</definedName>"):
        raise _Irregular
    return sheets, _names(section)


@lru_cache(maxsize=64)
def _names(section: bytes) -> tuple[Name, ...]:
    """The names of a <definedNames> section; cached, as the workbooks of one template share it."""
    names = []
    for attrs, content in _NAME.findall(section):
        attributes = dict(_ATTR.findall(attrs))
        target = reference(_text(content))
        if target and b"name" in attributes and b"localSheetId" not in attributes:
            names.append((_text(attributes[b"name"]), target))
    return tuple(names)


def _parse_workbook(xml: bytes) -> tuple[list[tuple[str, str]], tuple[Name, ...]]:
    root = safexml.parse(xml)
    sheets = [(s.get("name", ""), s.get(f"{REL_NS}id", "")) for s in root.iter(f"{NS}sheet")]
    names = []
    for dn in root.iter(f"{NS}definedName"):
        target = reference(dn.text or "")
        if target and dn.get("localSheetId") is None:
            names.append((dn.get("name", ""), target))
    return sheets, tuple(names)



# --- custom document properties ----------------------------------------------------------

CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_PROPERTY = re.compile(rb'<property ([^>]*)>(.*?)</property>', re.S)
_TAG = re.compile(rb"<[^>]*>")


def properties(xml: bytes) -> dict[str, str]:
    """The workbook's custom properties (name → text), such as the template version."""
    uri = b'"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
    if b"xmlns=" + uri in xml[:1000] and xml.count(uri) == 1 and b"<!" not in xml and b"='" not in xml:
        found = _PROPERTY.findall(xml)
        if len(found) == xml.count(b"<property "):
            return {_text(dict(_ATTR.findall(attrs)).get(b"name", b"")): _text(_TAG.sub(b"", inner))
                    for attrs, inner in found}
    return {prop.get("name", ""): "".join(prop.itertext())
            for prop in safexml.parse(xml).iter(f"{CUSTOM_NS}property")}
