"""XML from submitted files (workbooks, Word documents) parsed safely and at C speed.

Entity expansion (billion laughs) and external entities (XXE, network access) both need a
document type declaration; OOXML parts never have one, and in content a "<" is always escaped.
So a part holding "<!DOCTYPE" in any encoding is refused before parsing, as defusedxml's
``forbid_dtd`` does, and the rest goes to the standard library's C parser, which never fetches
anything. (defusedxml's own parser is pure Python and made our reader three times slower;
openpyxl still uses defusedxml when it loads a clerk's workbook for an annotated copy.)
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError, fromstring

__all__ = ["Element", "ParseError", "UnsafeXml", "check", "parse"]

_DOCTYPE = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


class UnsafeXml(ValueError):
    """The part declares a document type (entities, external references): refused unparsed."""


def check(data: bytes) -> None:
    """Refuse a part declaring a document type, before anything reads it (raises UnsafeXml)."""
    if any(marker in data for marker in _DOCTYPE):  # XML keywords are case-sensitive: no other spelling parses
        raise UnsafeXml("document type declaration")


def parse(data: bytes) -> Element:
    """The root element; raises ParseError (malformed) or UnsafeXml (a DTD)."""
    check(data)
    return fromstring(data)
