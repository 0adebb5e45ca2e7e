"""What a document looks like on paper: printed to PDF by headless LibreOffice, then measured with
PDFium (pages, each sheet's pages, the smallest text size, the text). Tests and the print-layout
benchmark use it to hold the county's documents to "no text below 8 pt, nothing cut off"."""

from __future__ import annotations

import ctypes
import math
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from gitools.inputs.published.pdf import pdf_lines


@dataclass(frozen=True)
class Printed:
    pdf: Path
    pages: list[str]  # each page's text
    smallest: float  # points: the smallest text on any page, as printed (after any shrink-to-fit)
    sizes: list[float]  # the smallest text of each page

    @property
    def text(self) -> str:
        """All the text, without the blanks and line ends the page layout put in."""
        return "".join("".join(page.split()) for page in self.pages)

    @property
    def cells(self) -> list[str]:
        """The text of each ruled cell and line, as our PDF reader puts it together: a wrapped
        cell's lines in order, not interleaved with the cell beside it."""
        return ["".join(field.split()) for line in pdf_lines(self.pdf) for field in line if field.strip()]


def print_pdf(document: Path, soffice: str, out: Path) -> Path:
    """``document`` (a workbook or a Word file) printed to PDF in ``out`` by LibreOffice."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{out / 'lo-profile'}", "--convert-to",
                    "pdf", "--outdir", str(out), str(document)], check=True, capture_output=True, timeout=300)
    return out / f"{document.stem}.pdf"


def measure(pdf: Path) -> Printed:
    doc = pdfium.PdfDocument(str(pdf))
    pages, sizes = [], []
    matrix = raw.FS_MATRIX()
    for page in doc:
        text_page = page.get_textpage()
        pages.append(text_page.get_text_range())
        smallest = math.inf
        for i in range(text_page.count_chars()):
            if not chr(raw.FPDFText_GetUnicode(text_page.raw, i)).strip():
                continue
            size = raw.FPDFText_GetFontSize(text_page.raw, i)
            if raw.FPDFText_GetMatrix(text_page.raw, i, ctypes.byref(matrix)):
                size *= math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))  # the page's shrink-to-fit
            smallest = min(smallest, size)
        sizes.append(smallest)
    doc.close()
    return Printed(pdf, pages, min(sizes, default=math.inf), sizes)
