"""The workbook part (sheets and defined names) and the custom document properties, read by
the lean pass with the parser as the authority; with the worksheets (``xlsx_sheet``) and the
shared strings (``xlsx_scan``), every part of an .xlsx package we read."""

from __future__ import annotations

import re
from functools import lru_cache

from gitools.form.addresses import reference
from gitools.io import safexml
from gitools.io.xlsx_scan import BROKEN, NS, REL_NS, Irregular, SharedStrings, fast_or_parse, text
from gitools.io.xlsx_sheet import _parse_sheet, sheet_cells

_SHEET = re.compile(rb'<sheet ((?:[a-zA-Z:]+="[^"]*" ?)*)/>')
_ATTR = re.compile(rb'([a-zA-Z:]+)="([^"]*)"')
_NAME = re.compile(rb"<definedName ([^>]*)>([^<]*)</definedName>")



__all__ = ["BROKEN", "SharedStrings", "_parse_sheet", "properties", "sheet_cells", "workbook"]

# --- the workbook ------------------------------------------------------------------------

Name = tuple[str, tuple[str, str]]  # a defined name and the cell it refers to: (name, (sheet, "D5"))


def workbook(xml: bytes) -> tuple[list[tuple[str, str]], tuple[Name, ...]]:
    """The sheets as (name, relationship id) in order, and the workbook-wide defined names
    that refer to a single cell (the template's names; others are of no use to the reader)."""
    return fast_or_parse(_scan_workbook, _parse_workbook, xml, b"<workbook")


def _scan_workbook(xml: bytes) -> tuple[list[tuple[str, str]], tuple[Name, ...]]:
    sheets = []
    for m in _SHEET.finditer(xml):
        attrs = {k: text(v) for k, v in _ATTR.findall(m.group(1))}
        rid = next((v for k, v in attrs.items() if k.endswith(b":id") or k == b"id"), "")
        sheets.append((attrs.get(b"name", ""), rid))
    start, end = xml.find(b"<definedNames>"), xml.find(b"</definedNames>")
    section = xml[start:end] if 0 <= start < end else b""
    if len(sheets) != xml.count(b"<sheet ") or xml.count(b"<definedName ") != section.count(b"</definedName>"):
        raise Irregular
    return sheets, _names(section)


@lru_cache(maxsize=64)
def _names(section: bytes) -> tuple[Name, ...]:
    """The names of a <definedNames> section; cached, as the workbooks of one template share it."""
    names = []
    for attrs, content in _NAME.findall(section):
        attributes = dict(_ATTR.findall(attrs))
        target = reference(text(content))
        if target and b"name" in attributes and b"localSheetId" not in attributes:
            names.append((text(attributes[b"name"]), target))
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
            return {text(dict(_ATTR.findall(attrs)).get(b"name", b"")): text(_TAG.sub(b"", inner))
                    for attrs, inner in found}
    return {prop.get("name", ""): "".join(prop.itertext())
            for prop in safexml.parse(xml).iter(f"{CUSTOM_NS}property")}
