"""The report as a Word document in the manner of government documents (GB/T 9704): A4, title in
小标宋 二号, body in 仿宋_GB2312 三号 with fixed 28-point lines, headings in 黑体 and 楷体, tables as
real Word tables with merged cells. Each run names its Chinese font and a Latin one; where a
font is missing, Word and WPS substitute their own 仿宋/黑体 and LibreOffice its CJK fallback."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from gitools.form.addresses import col_letters
from gitools.form.model import Form
from gitools.model.submission import Submission
from gitools.outputs.document.content import Block
from gitools.outputs.document.layout import grid

TITLE_FONT, BODY_FONT, HEADING_FONT, SUBHEADING_FONT, TABLE_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
LATIN = "Times New Roman"
SIZE = {"title": 22, "body": 16, "table": 10.5}  # 二号, 三号, 五号
RED, BLUE = RGBColor(0xC0, 0, 0), RGBColor(0x1F, 0x4E, 0x79)


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
            p = _paragraph(doc, b.text, TITLE_FONT, SIZE["title"], indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
            p.paragraph_format.line_spacing = Pt(36)
            p.paragraph_format.space_after = Pt(16)
        elif b.kind == "draft":
            _paragraph(doc, b.text, HEADING_FONT, SIZE["body"], indent=False, colour=RED, bold=True)
        elif b.kind == "heading":
            _paragraph(doc, b.text, HEADING_FONT)
        elif b.kind == "subheading":
            _paragraph(doc, b.text, SUBHEADING_FONT)
        elif b.kind == "table":
            _table(doc, sub, form, b.text)
        else:
            colour = {"placeholder": RED, "reference": BLUE}.get(b.kind)
            _paragraph(doc, b.text, colour=colour)
    doc.core_properties.title = blocks[0].text
    doc.core_properties.author = str(sub.unit.get("unit_name") or "")
    doc.save(str(out))


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
    for r in range(_header_rows(rows)):  # repeated on every page the table runs over
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        header = tr_pr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
        tr_pr.append(header)
    doc.add_paragraph()


def _header_rows(rows: list[list]) -> int:
    """Rows before the first that holds a figure."""
    return next(i for i, row in enumerate(rows) if any(c is not None and not c.header for c in row))
