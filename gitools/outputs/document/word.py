"""The report as a Word document in the manner of government documents (GB/T 9704-2012): A4, title
in 小标宋 二号 broken after the unit's name, body in 仿宋_GB2312 三号 with fixed 28-point lines,
headings in 黑体 and 楷体, page numbers "— 1 —" in 四号 宋体 at the foot (odd pages right, even
pages left, one character in), tables as real Word tables with merged cells whose rows never split
across pages. Each run names its Chinese font and a Latin one, and the font table names the
fallback a machine without the 公文 fonts uses (仿宋, 楷体, 宋体)."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from gitools.form.addresses import col_letters
from gitools.form.model import Form
from gitools.model.submission import Submission
from gitools.outputs.document.content import Block
from gitools.outputs.document.layout import grid

TITLE_FONT, BODY_FONT, HEADING_FONT, SUBHEADING_FONT, TABLE_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
LATIN = "Times New Roman"
SIZE = {"title": 22, "body": 16, "table": 10.5}  # 二号, 三号, 五号
RED, BLUE = RGBColor(0xC0, 0, 0), RGBColor(0x1F, 0x4E, 0x79)
PAGE_FONT, PAGE_SIZE = "宋体", 14  # 四号
FALLBACK = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", SUBHEADING_FONT: "楷体", HEADING_FONT: "SimHei", TABLE_FONT: "SimSun"}
TITLE_CHARS = 20  # characters of 二号 on a line of the 156 mm text width
_YEAR_TITLE = re.compile(r"20\d\d年政府信息公开工作年度报告$")
KEEP_WHOLE = 15  # rows: a table this short moves whole to the next page rather than split


def _run(paragraph, text: str, font: str, size: float, colour: RGBColor | None = None, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.font.bold = LATIN, Pt(size), bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if colour is not None:
        run.font.color.rgb = colour


def _paragraph(doc, text: str, font: str = BODY_FONT, size: float = SIZE["body"], *, indent: bool = True,
               align=None, colour: RGBColor | None = None, bold: bool = False):
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    _run(p, text, font, size, colour, bold)
    return p


def render(blocks: list[Block], sub: Submission, form: Form, out: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = LATIN, Pt(SIZE["body"])
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    for b in blocks:
        if b.kind == "title":
            _title(doc, b.text)
        elif b.kind == "draft":
            _paragraph(doc, b.text, HEADING_FONT, SIZE["body"], indent=False, colour=RED, bold=True)
        elif b.kind == "heading":
            _paragraph(doc, b.text, HEADING_FONT).paragraph_format.keep_with_next = True
        elif b.kind == "subheading":
            _paragraph(doc, b.text, SUBHEADING_FONT).paragraph_format.keep_with_next = True
        elif b.kind == "table":
            _table(doc, sub, form, b.text)
        else:
            colour = {"placeholder": RED, "reference": BLUE}.get(b.kind)
            _paragraph(doc, b.text, colour=colour)
    _page_numbers(doc)
    _fallback_fonts(doc)
    doc.core_properties.title = blocks[0].text
    doc.core_properties.author = str(sub.unit.get("unit_name") or "")
    doc.save(str(out))


def _title(doc, text: str) -> None:
    """The title centred, broken after the unit's name when it would not fit on one line, so that
    no line breaks inside a word ("…工作年" / "度报告")."""
    p = _paragraph(doc, "", TITLE_FONT, SIZE["title"], indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.line_spacing = Pt(36)
    p.paragraph_format.space_after = Pt(16)
    p.paragraph_format.keep_with_next = True
    m = _YEAR_TITLE.search(text)
    lines = [text[:m.start()], m.group(0)] if m and m.start() and len(text) > TITLE_CHARS else [text]
    for n, line in enumerate(lines):
        _run(p, line, TITLE_FONT, SIZE["title"])
        if n + 1 < len(lines):
            p.runs[-1].add_break()


def _page_numbers(doc) -> None:
    """"— 1 —" at the foot: odd pages to the right, even pages to the left, one character in."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    section.footer_distance = Cm(2.8)
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        p = footer.paragraphs[0]
        p.alignment = align
        indent = Pt(PAGE_SIZE)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = indent
        else:
            p.paragraph_format.left_indent = indent
        _run(p, "— ", PAGE_FONT, PAGE_SIZE)
        _field(p, "PAGE")
        _run(p, " —", PAGE_FONT, PAGE_SIZE)


def _field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    run.font.name, run.font.size = LATIN, Pt(PAGE_SIZE)
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            run._r.append(run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind}))
        else:
            tag = "w:instrText" if text and text.strip() == code else "w:t"
            element = run._r.makeelement(qn(tag), {qn("xml:space"): "preserve"})
            element.text = text
            run._r.append(element)


def _fallback_fonts(doc) -> None:
    """Name, in the font table, the font a machine without the 公文 fonts substitutes."""
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/fontTable"))
    table = parse_xml(part.blob)
    for name, alternative in FALLBACK.items():
        font = table.makeelement(qn("w:font"), {qn("w:name"): name})
        font.append(font.makeelement(qn("w:altName"), {qn("w:val"): alternative}))
        font.append(font.makeelement(qn("w:charset"), {qn("w:val"): "86"}))  # GB2312
        table.append(font)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


TEXT_WIDTH = Cm(21 - 2.8 - 2.6)


def _table(doc, sub: Submission, form: Form, key: str) -> None:
    spec = form.table(key)
    rows = grid(spec, sub.tables[key])
    width = len(rows[0])
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    shares = [spec.column_widths.get(col_letters(i + 1), 10) for i in range(width)]  # as the template is laid out
    for i, column in enumerate(table.columns):
        column.width = int(TEXT_WIDTH * shares[i] / sum(shares))
        for cell in column.cells:
            cell.width = column.width
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = target.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT if cell.role == "label" else WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.line_spacing = 1.0
            _run(p, cell.text, TABLE_FONT, SIZE["table"])
    headers = _header_rows(rows)
    whole = len(rows) <= KEEP_WHOLE
    for r, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))  # a row never breaks
        if r < headers:  # repeated on every page the table runs over
            tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
        if r + 1 < len(rows) and (whole or r <= headers):  # no heading or header left alone at a page's foot
            for cell in row.cells:
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True
    doc.add_paragraph()


def _header_rows(rows: list[list]) -> int:
    """Rows before the first that holds a figure."""
    return next(i for i, row in enumerate(rows) if any(c is not None and not c.header for c in row))
