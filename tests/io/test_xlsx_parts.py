"""The lean pass over a workbook's parts reads exactly what the XML parser reads, and any part
it cannot account for goes to the parser, which also decides what is malformed."""

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gitools.io import xlsx_parts
from gitools.io.package import Package
from gitools.io.rawbook import RawCell, UnreadableWorkbook
from gitools.io.xlsx_parts import SharedStrings, sheet_cells, workbook

HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">')
STRINGS = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<si><t>单位名称</t></si><si><r><t>示例县</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 教育局</t></r>'
           '<rPh sb="0" eb="1"><t>ジ</t></rPh></si><si/></sst>').encode()


def sheet(cells: str) -> bytes:
    return (HEAD + f'<sheetData><row r="1">{cells}</row></sheetData></worksheet>').encode()


def both(xml: bytes) -> tuple[dict[str, RawCell], dict[str, RawCell]]:
    """What the lean pass reads, and what the parser reads, from one part."""
    strings = SharedStrings(STRINGS)
    return dict(sheet_cells(xml, strings).items()), xlsx_parts._parse_sheet(xml, strings)


EXCEL = ('<c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="3"><v>12</v></c><c r="C1" s="3"><f>SUM(B1:B1)</f><v>12</v></c>'
         '<c r="D1" t="s"><v>1</v></c><c r="E1" t="inlineStr"><is><t>甲&amp;乙 &lt;丙&gt;</t></is></c>'
         '<c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="G1" t="b"><v>1</v></c><c r="H1" t="e"><v>#DIV/0!</v></c>'
         '<c r="I1" s="4"/><c r="J1" s="3" t="n"></c><c r="K1"><v>-1.5E+3</v></c><c r="L1"><f>B1*2</f></c>'
         '<c r="M1" t="s"><v>2</v></c><c r="N1"><v>3件</v></c><c r="O1" t="inlineStr"><is><t>&#22635;&#x62A5;\r\n说明</t></is></c>'
         '<c r="P1" s="5" t="str"><f>IF(B1&gt;0,"","否")</f><v></v></c>')  # LibreOffice's empty text result


def test_the_lean_pass_reads_what_excel_writes_as_the_parser_does():
    fast, parsed = both(sheet(EXCEL))
    assert fast == parsed
    assert fast["A1"] == RawCell("单位名称") and fast["D1"] == RawCell("示例县 教育局")  # never the phonetic guide
    assert fast["C1"] == RawCell(12.0, True) and fast["L1"] == RawCell(None, True)  # a formula never calculated
    assert fast["E1"] == RawCell("甲&乙 <丙>") and fast["O1"] == RawCell("填报\n说明")
    assert fast["K1"] == RawCell(-1500.0) and fast["N1"] == RawCell("3件") and fast["G1"] == RawCell(True)
    assert "I1" not in fast and "J1" not in fast  # empty cells
    assert fast["P1"] == RawCell(None, True)
    assert fast["M1"] == RawCell("")  # an empty string is text, as the parser has it; the reader takes it as blank


@pytest.mark.parametrize("change", [
    lambda x: x.replace('<c r="B1" s="3">', '<c s="3" r="B1">'),  # address not first
    lambda x: x.replace('<c r="B1" s="3">', "<c r='B1' s='3'>"),  # single quotes
    lambda x: x.replace("<row r=\"1\">", "<row r=\"1\"><!-- 备注 -->"),  # a comment
    lambda x: x.replace("<v>12</v></c><c r=\"C1\"", "<v><![CDATA[12]]></v></c><c r=\"C1\""),  # CDATA
    lambda x: x.replace('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
                .replace("<sheetData>", "<x:sheetData>").replace("</sheetData>", "</x:sheetData>")
                .replace("</worksheet>", "</x:worksheet>").replace("<row ", "<x:row ").replace("</row>", "</x:row>")
                .replace("<c ", "<x:c ").replace("</c>", "</x:c>").replace("<v>", "<x:v>").replace("</v>", "</x:v>")
                .replace("<f>", "<x:f>").replace("</f>", "</x:f>").replace("<is>", "<x:is>")
                .replace("</is>", "</x:is>").replace("<t>", "<x:t>").replace("</t>", "</x:t>"),  # prefixed
    lambda x: x.replace('<c r="B1" s="3"><v>12</v>', '<c r="B1" s="3"><v xml:space="preserve">12</v>'),
    lambda x: x.replace('<c r="G1" t="b">', '<c t="b">'),  # a cell placed by order, without an address
], ids=["attribute-order", "single-quotes", "comment", "cdata", "prefixed", "value-attribute", "no-address"])
def test_a_part_not_written_the_regular_way_is_read_by_the_parser(change):
    fast, parsed = both(change(sheet(EXCEL).decode()).encode())
    assert fast == parsed and fast["B1"] == RawCell(12.0)


def test_a_damaged_cell_that_is_read_makes_the_workbook_unreadable_as_the_parser_would():
    broken = sheet('<c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>&nbsp;</t></is></c>')
    cells = sheet_cells(broken, SharedStrings(None))
    assert cells["A1"] == RawCell(1.0)
    with pytest.raises(UnreadableWorkbook, match="损坏"):
        cells.get("B1")


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff",
                                      max_codepoint=0x2FFFF).filter(lambda c: c in "\t\n\r" or c >= " "), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.floats(allow_nan=False, allow_infinity=False, width=32), text, st.booleans(),
                          st.none()), min_size=1, max_size=12))
def test_any_values_read_the_same_by_both(values):
    from xml.sax.saxutils import escape

    cells = []
    for i, v in enumerate(values):
        ref = f"{chr(65 + i)}1"
        if isinstance(v, bool):
            cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
        elif isinstance(v, float):
            cells.append(f'<c r="{ref}" s="1"><v>{v!r}</v></c>')
        elif isinstance(v, str):
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
        else:
            cells.append(f'<c r="{ref}" s="1"/>')
    fast, parsed = both(sheet("".join(cells)))
    assert fast == parsed


def test_defined_names_whatever_the_order_of_their_attributes():
    xml = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
           '<sheet name="二、主动公开" sheetId="1" r:id="rId1"/><sheet name="O&apos;Neil" sheetId="2" r:id="rId2"/></sheets>'
           '<definedNames><definedName name="active.regulations.issued">\'二、主动公开\'!$B$4</definedName>'
           '<definedName function="false" hidden="false" name="a.b" vbProcedure="false">\'O\'\'Neil\'!$C$5</definedName>'
           '<definedName name="_xlnm.Print_Area" localSheetId="0">\'二、主动公开\'!$A$1:$F$12</definedName>'
           '<definedName name="local" localSheetId="0">\'二、主动公开\'!$B$4</definedName>'
           "</definedNames></workbook>").encode()
    sheets, names = workbook(xml)
    assert sheets == [("二、主动公开", "rId1"), ("O'Neil", "rId2")]
    assert names == (("active.regulations.issued", ("二、主动公开", "B4")), ("a.b", ("O'Neil", "C5")))
    assert xlsx_parts._parse_workbook(xml) == (sheets, names)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_part_unpacks_to_no_more_than_its_declared_size():
    data = _zip({"xl/a.xml": b"<a>" + b"x" * 5000 + b"</a>"})
    assert Package(data).read("xl/a.xml").startswith(b"<a>xxx")
    central = data.rindex(b"PK\x01\x02")
    lying = bytearray(data)
    lying[central + 24:central + 28] = (100).to_bytes(4, "little")  # declares 100 bytes unpacked
    with pytest.raises(zipfile.BadZipFile):
        Package(bytes(lying)).read("xl/a.xml")
    damaged = bytearray(data)
    damaged[data.index(b"xl/a.xml") + len("xl/a.xml") + 5] ^= 0xFF  # a byte of the packed data
    with pytest.raises((zipfile.BadZipFile, __import__("zlib").error)):
        Package(bytes(damaged)).read("xl/a.xml")


def test_custom_properties_as_the_parser_reads_them_prefixed_or_not():
    plain = ('<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
             '2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
             '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="gitools.version">'
             '<vt:lpwstr>2021.1</vt:lpwstr></property><property pid="3" name="备注"><vt:lpwstr>甲&amp;乙</vt:lpwstr>'
             '</property></Properties>').encode()
    prefixed = plain.replace(b"<Properties xmlns=", b"<op:Properties xmlns:op=").replace(b"<property ", b"<op:property ") \
        .replace(b"</property>", b"</op:property>").replace(b"</Properties>", b"</op:Properties>")
    expected = {"gitools.version": "2021.1", "备注": "甲&乙"}
    assert xlsx_parts.properties(plain) == expected
    assert xlsx_parts.properties(prefixed) == expected


def test_a_damaged_sheet_the_report_does_not_use_stops_nothing_one_it_uses_is_reported(tmp_path):
    from pathlib import Path

    from gitools.io.xlsx import sheet_parts
    from gitools.jobs.validate import validate_file
    from gitools.model.findings import Status

    sample = Path(__file__).resolve().parents[2] / "samples" / "example-county-dept-2025.xlsx"

    def with_broken(sheet: str) -> Path:
        out = tmp_path / f"{sheet}.xlsx"
        with zipfile.ZipFile(sample) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            part = sheet_parts(src)[sheet]
            for info in src.infolist():
                dst.writestr(info, b"<worksheet><sheetData><row" if info.filename == part else src.read(info))
        return out

    report, _ = validate_file(with_broken("填报说明"))  # the instructions are never read
    assert report.status is Status.PASSED
    report, _ = validate_file(with_broken("三、依申请公开"))
    assert report.status is Status.UNREADABLE and "已损坏" in report.findings[0].message


def test_every_part_of_a_workbook_libreoffice_saved_reads_the_same_both_ways(office_resave):
    from pathlib import Path

    from gitools.io.xlsx import sheet_parts

    saved = office_resave(Path(__file__).resolve().parents[2] / "samples" / "faulty-totals.xlsx")
    with zipfile.ZipFile(saved) as z:
        strings = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in z.namelist() else None
        assert workbook(z.read("xl/workbook.xml")) == xlsx_parts._parse_workbook(z.read("xl/workbook.xml"))
        for sheet, part in sheet_parts(z).items():
            fast = dict(sheet_cells(z.read(part), SharedStrings(strings)).items())
            assert fast == xlsx_parts._parse_sheet(z.read(part), SharedStrings(strings)), sheet
            assert fast, sheet
