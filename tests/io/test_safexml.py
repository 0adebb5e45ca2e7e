"""XML of submitted files: a document type declaration, in any encoding, is refused unparsed."""

import pytest

from gitools.io.safexml import UnsafeXml, parse

LAUGHS = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><a>&y;</a>'


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_a_document_type_declaration_is_refused_in_any_encoding(encoding):
    with pytest.raises(UnsafeXml):
        parse(LAUGHS.replace(' version="1.0"', f' version="1.0" encoding="{encoding}"').encode(encoding))


def test_ordinary_parts_parse_and_escaped_text_is_no_declaration():
    root = parse('<sst><si><t>&lt;!DOCTYPE 不是声明</t></si></sst>'.encode())
    assert root.find("si/t").text == "<!DOCTYPE 不是声明"
