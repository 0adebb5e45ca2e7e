"""What a PDF page shows, read with PDFium (pypdfium2): its pieces of text with their boxes, and
the straight rules drawn on it (table borders), in top-down page coordinates.

PDFium keeps one text object per text-showing operator, so a table cell's line of text or a run
of a paragraph line comes as one piece with one box: a few hundred calls a page instead of one per
character, which is what makes this near the cost of PDFium's bare text extraction. Limits are
explicit: a page of more objects than any report has is refused before it is walked.
"""

from __future__ import annotations

import ctypes
import itertools
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw

MAX_OBJECTS = 20_000  # drawing and text objects on one page; a report's page has well under 2,000
MAX_SEGMENTS = 2_000  # segments of one path walked for rules; beyond that it is a drawing, not a table
MAX_RULES = 4_000  # straight rules on one page; a report's tables draw a few hundred
THIN = 2.0  # points: a filled or stroked shape this narrow is a rule
_MARKS = {0x02: "-", 0xFFFE: "-"}  # PDFium's marks for a hyphen at a line's end: in Chinese text a real one
Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


class TooComplex(Exception):
    """A page with more objects or rules than any report has (a hostile or generated drawing)."""

    def __init__(self, page: int, count: int, limit: int) -> None:
        super().__init__(page, count, limit)
        self.page, self.count, self.limit = page, count, limit


class Piece(NamedTuple):
    """A run of text and its box (a tuple: pages make hundreds of them)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    handle: int = 0  # the address of the PDFium text object it came from

    @property
    def middle(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Rule:
    """A straight horizontal (``across``) or vertical rule: its position and its extent."""

    across: bool
    at: float
    start: float
    end: float


@dataclass
class Page:
    number: int
    pieces: list[Piece]
    rules: list[Rule]
    reader: _Reader = field(repr=False)

    def characters(self, pieces: list[Piece]) -> list[Piece]:
        """The pieces split into their characters, each with its own box: for text objects that
        interleave on a line (LibreOffice sets “” in a font of their own, placed over the blanks
        it leaves in the words around them), whose order only the characters' places tell."""
        return self.reader.characters([p.handle for p in pieces])


def pages(path: Path) -> Iterator[Page]:
    """Every page of the document, open while the caller works on it; PdfiumError for a damaged
    or encrypted file, TooComplex."""
    doc = pdfium.PdfDocument(str(path))
    try:
        for number in range(len(doc)):
            page = doc[number]
            reader = _Reader(number + 1, page)
            try:
                yield _read(reader, page)
            finally:
                reader.text_page.close()
                page.close()
    finally:
        doc.close()


def _fast(name: str, result: Any, *args: Any) -> Any:
    """A PDFium function called with plain addresses and numbers: pypdfium2's typed bindings
    convert every argument, which costs more than the call itself for the hundreds of objects a
    page has. Only the calls made once per object or character go this way."""
    return ctypes.CFUNCTYPE(result, *args)(ctypes.cast(getattr(raw, name), ctypes.c_void_p).value or 0)


_P, _I, _F, _D = ctypes.c_void_p, ctypes.c_int, ctypes.c_float, ctypes.c_double
_get_object = _fast("FPDFPage_GetObject", _P, _P, _I)
_get_type = _fast("FPDFPageObj_GetType", _I, _P)
_get_bounds = _fast("FPDFPageObj_GetBounds", _I, _P, _P, _P, _P, _P)
_form_count = _fast("FPDFFormObj_CountObjects", _I, _P)
_form_object = _fast("FPDFFormObj_GetObject", _P, _P, ctypes.c_ulong)
# asked for every character: without declared arguments ctypes converts less (a third of the
# call's cost); the text page goes as a c_void_p, the index as the C int it is
_char_object = ctypes.CFUNCTYPE(_P)(ctypes.cast(raw.FPDFText_GetTextObject, _P).value or 0)
_char_unicode = _fast("FPDFText_GetUnicode", ctypes.c_uint, _P, _I)
_char_box = _fast("FPDFText_GetCharBox", _I, _P, _I, _P, _P, _P, _P)
_FLOATS = struct.Struct("4f")  # the four floats at once: a ctypes array unpacks them one by one
_TEXT, _PATH, _FORM = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM


class _Reader:
    """Reads one page: its rules by walking the page objects (into form XObjects too), its text
    by one pass over the text page's characters, each told by the text object it belongs to.
    (Asking PDFium for each text object's text instead looks through the page's characters once
    per object.)"""

    def __init__(self, number: int, page: pdfium.PdfPage) -> None:
        self.number, self.height = number, page.get_height()
        self.text_page = page.get_textpage()
        self.text_handle = ctypes.cast(self.text_page.raw, _P).value
        self.text_pointer = _P(self.text_handle)  # for the calls without declared arguments
        self.pieces: list[Piece] = []
        self.rules: list[Rule] = []
        self.seen = 0
        self.floats = (_F * 4)()
        self.corners = [_P(ctypes.addressof(self.floats) + 4 * k) for k in range(4)]  # made once: an
        # address converted for every call costs more than the call
        self.doubles = (_D * 4)()
        self.matrices: dict[int, Matrix] = {}  # a text object inside a form XObject → the form's matrix
        self.spans: dict[int, tuple[int, int]] = {}  # a text object → the range of its characters

    def walk(self, objects: list[int], matrix: Matrix) -> None:
        self.seen += len(objects)
        if self.seen > MAX_OBJECTS:
            raise TooComplex(self.number, self.seen, MAX_OBJECTS)
        for obj in objects:
            kind = _get_type(obj)
            if kind == _PATH:
                self._path(obj, matrix)
            elif kind == _TEXT and matrix != IDENTITY:
                self.matrices[obj] = matrix
            elif kind == _FORM:
                inner = [_form_object(obj, i) for i in range(_form_count(obj))]
                self.walk(inner, _compose(_matrix(obj), matrix))

    def read_text(self) -> None:
        """The page's pieces of text: the characters of each text object, in the order of the
        page's content, with the object's box. The blanks and line ends the text page adds
        between objects belong to none and part them."""
        tp = self.text_handle
        count = self.text_page.count_chars()
        text = self.text_page.get_text_range() if count else ""
        if len(text) != count:  # characters beyond the BMP take two places in the text: one by one
            text = "".join(chr(_char_unicode(tp, i)) for i in range(count))
        if "\x02" in text or "\ufffe" in text:
            text = text.translate(_MARKS)
        pointer = self.text_pointer
        owners = [_char_object(pointer, i) for i in range(count)]
        runs = [(obj, len(list(chars))) for obj, chars in itertools.groupby(owners)]
        ends = list(itertools.accumulate(length for _, length in runs))
        n, last = 0, len(runs) - 2
        while n < len(runs):
            obj = runs[n][0]
            if obj is None:  # a blank or line end PDFium adds between objects
                n += 1
                continue
            k = n
            while k < last and runs[k + 1][0] is None and runs[k + 2][0] == obj:  # ... or inside one
                k += 2
            first, end = ends[n] - runs[n][1], ends[k]
            self.spans[obj] = (first, end)
            piece = text[first:end]
            if piece.strip():
                self.pieces.append(Piece(piece, *self._box(obj, self.matrices.get(obj, IDENTITY)), obj))
            n = k + 1

    def _box(self, obj: int, matrix: Matrix) -> Box:
        _get_bounds(obj, *self.corners)
        left, bottom, right, top = _FLOATS.unpack_from(self.floats)
        if matrix != IDENTITY:
            left, bottom, right, top = _transform((left, bottom, right, top), matrix)
        return left, self.height - top, right, self.height - bottom

    def characters(self, objects: list[int]) -> list[Piece]:
        """Each character of ``objects`` with its own box."""
        out: list[Piece] = []
        for obj in dict.fromkeys(objects):  # each once, in order
            first, last = self.spans.get(obj, (0, 0))
            for i in range(first, last):
                if _char_object(self.text_pointer, i) == obj:
                    self._character(i, out)
        return out

    def _character(self, i: int, out: list[Piece]) -> None:
        char = chr(_char_unicode(self.text_handle, i)).translate(_MARKS)
        if char.strip():
            d = self.doubles
            a = ctypes.addressof(d)
            _char_box(self.text_handle, i, a, a + 8, a + 16, a + 24)
            left, right, bottom, top = d
            out.append(Piece(char, left, self.height - top, right, self.height - bottom))

    def _path(self, obj: int, matrix: Matrix) -> None:
        x0, top, x1, bottom = self._box(obj, matrix)
        width, height = x1 - x0, bottom - top
        if height <= THIN < width:
            self.rules.append(Rule(True, (top + bottom) / 2, x0, x1))
        elif width <= THIN < height:
            self.rules.append(Rule(False, (x0 + x1) / 2, top, bottom))
        elif width > THIN and height > THIN:
            self._segments(ctypes.cast(obj, raw.FPDF_PAGEOBJECT), matrix)

    def _segments(self, obj: Any, matrix: Matrix) -> None:
        """The straight horizontal and vertical segments of a larger path (a cell's frame drawn as
        a rectangle, or all of a table's borders in one path); curves are no rules."""
        count = raw.FPDFPath_CountSegments(obj)
        if count > MAX_SEGMENTS:
            return
        full = _compose(_matrix(obj), matrix)
        x, y = ctypes.c_float(), ctypes.c_float()
        start = last = None
        for i in range(count):
            seg = raw.FPDFPath_GetPathSegment(obj, i)
            raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
            point = _apply(full, x.value, y.value)
            kind = raw.FPDFPathSegment_GetType(seg)
            if kind == raw.FPDF_SEGMENT_LINETO and last is not None:
                self._segment(last, point)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                start = point
            elif raw.FPDFPathSegment_GetClose(seg) and start is not None:
                self._segment(point, start)
            last = point

    def _segment(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        (ax, ay), (bx, by) = a, b
        if abs(ay - by) <= THIN / 2 < abs(ax - bx):
            self.rules.append(Rule(True, self.height - (ay + by) / 2, min(ax, bx), max(ax, bx)))
        elif abs(ax - bx) <= THIN / 2 < abs(ay - by):
            self.rules.append(Rule(False, (ax + bx) / 2, self.height - max(ay, by), self.height - min(ay, by)))


def _read(reader: _Reader, page: pdfium.PdfPage) -> Page:
    handle = ctypes.cast(page.raw, _P).value
    count = raw.FPDFPage_CountObjects(page.raw)
    if count > MAX_OBJECTS:
        raise TooComplex(reader.number, count, MAX_OBJECTS)
    reader.walk([_get_object(handle, i) for i in range(count)], IDENTITY)
    reader.read_text()
    if len(reader.rules) > MAX_RULES:
        raise TooComplex(reader.number, len(reader.rules), MAX_RULES)
    return Page(reader.number, reader.pieces, reader.rules, reader)


def _matrix(obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(ctypes.cast(obj, raw.FPDF_PAGEOBJECT), ctypes.byref(m)):
        return IDENTITY
    return m.a, m.b, m.c, m.d, m.e, m.f


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _transform(rect: tuple[float, float, float, float], m: Matrix) -> tuple[float, float, float, float]:
    left, bottom, right, top = rect
    points = [_apply(m, x, y) for x in (left, right) for y in (bottom, top)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)
