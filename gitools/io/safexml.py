"""XML from submitted files (workbooks, Word documents) parsed with entities and DTDs
refused, so a crafted file cannot expand entities (billion laughs) or reach the network."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as _fromstring

__all__ = ["DefusedXmlException", "Element", "ParseError", "parse"]


def parse(data: bytes) -> Element:
    """The root element; raises ParseError (malformed) or DefusedXmlException (unsafe)."""
    return _fromstring(data, forbid_dtd=True)
