"""PDF reports as lines of fields, read with PDFium: ruled tables become grid rows (a merged
cell's text in its first position, covered positions empty), text outside the tables becomes
lines split into fields as text is, both in reading order. A table that runs onto the next page
simply continues; page numbers and running heads between its parts are dropped."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from pathlib import Path

from gitools.inputs.published.lines import PAGE_MARK, Line, fields
from gitools.inputs.published.pdfium import Page, Piece, TooComplex, pages
from gitools.inputs.published.ruling import Grid, grids

__all__ = ["ScannedPdf", "TooComplex", "pdf_lines"]

Item = tuple[float, Line, float | None]  # (top, fields, right edge of a text line; None for a table row)

GAP = 1.0  # of the line's height: pieces further apart are separate words (boxes are the ink, and
# full-width punctuation carries most of an em of blank, which is no gap)
SPARSE = 2.0  # a piece wider than this many ems per character is spread over its line
OVERLAP = 1.0  # points: pieces of a line overlapping more than this interleave
BLANK = 0.25  # of the line's height: a gap after a piece ending in a blank that keeps the blank
WRAP_MARGIN = 18  # points: a line ending this close to the right margin was wrapped by the page
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])")


class ScannedPdf(Exception):
    """The PDF holds pictures of pages, no text."""


def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into lines, top to bottom and each left to right. Lines are drawn by the
    full-height pieces (overlapping by half, so a title's larger year stays on its line); small
    ones (quotation marks set high, commas set low, "一") join the line their middle falls in."""
    if len(pieces) < 2:
        return [pieces] if pieces else []
    heights = sorted(p.bottom - p.top for p in pieces)
    small = heights[len(heights) // 2] / 2
    spans: list[list[float]] = []
    lines: list[list[Piece]] = []
    for p in sorted((p for p in pieces if p.bottom - p.top >= small), key=_reading):
        if spans:
            span = spans[-1]
            top, bottom = p.top, p.bottom  # min and max written out: this runs for every piece of every page
            if (span[1] if span[1] < bottom else bottom) - (span[0] if span[0] > top else top) >= (bottom - top) / 2:
                if top < span[0]:
                    span[0] = top
                if bottom > span[1]:
                    span[1] = bottom
                lines[-1].append(p)
                continue
        spans.append([p.top, p.bottom])
        lines.append([p])
    for p in (p for p in pieces if p.bottom - p.top < small):
        y = p.middle[1]
        n = bisect.bisect_right([top for top, _ in spans], y) - 1
        if n >= 0 and y <= spans[n][1]:
            lines[n].append(p)
        else:
            spans.insert(n + 1, [p.top, p.bottom])
            lines.insert(n + 1, [p])
    return [sorted(line, key=_left) for line in lines]


def _reading(p: Piece) -> tuple[float, float]:
    return (p.top + p.bottom) / 2, p.x0


_left = operator.attrgetter("x0")


def _joined(line: list[Piece]) -> str:
    """A line's text. Boxes are the ink, so a gap of a whole line height parts words; a piece's
    own trailing blank does where some space follows it (not before a closing quotation mark)."""
    height = 0.0
    for p in line:
        if p.bottom - p.top > height:
            height = p.bottom - p.top
    text = line[0].text
    for before, p in itertools.pairwise(line):
        gap = p.x0 - before.x1
        blank = text.endswith(" ")
        text = text.rstrip()
        if gap >= GAP * height or (blank and gap >= BLANK * height):
            text += " "
        text += p.text.lstrip()
    return text.strip()


def _tangled(line: list[Piece]) -> list[Piece]:
    """The pieces of a line (left to right) that overlap another: their order only their
    characters' places tell."""
    out: list[Piece] = []
    widest = line[0]
    for p in line[1:]:
        if p.x0 < widest.x1 - OVERLAP:
            out += [widest, p]
        if p.x1 > widest.x1:
            widest = p
    return out


def _untangled(page: Page, pieces: list[Piece]) -> list[list[Piece]]:
    """The lines of ``pieces``, those that overlap another on their line split into characters."""
    lines = _lines(pieces)
    tangled = [p for line in lines for p in _tangled(line) if p.handle]  # (a character has none: it is split)
    if not tangled:
        return lines
    handles = {p.handle for p in tangled}
    return _lines([p for p in pieces if p.handle not in handles] + page.characters(tangled))


def _placed(page: Page, tables: list[Grid]) -> tuple[list[dict[int, list[Piece]]], list[Piece]]:
    """The page's pieces in the tables' cells (by their middle) and the rest. Sparse pieces
    (quotation marks of several words, or of several lines, set as one run in a font of their
    own) are split into characters first."""
    pieces = page.pieces
    if pieces:
        heights = sorted(p.bottom - p.top for p in pieces)
        em = heights[len(heights) // 2]
        sparse = [p for p in pieces if p.x1 - p.x0 > SPARSE * em * (len(p.text.strip()) + 1)]
        if sparse:
            handles = {p.handle for p in sparse}
            pieces = [p for p in pieces if p.handle not in handles] + page.characters(sparse)
    cells: list[dict[int, list[Piece]]] = [{} for _ in tables]
    if not tables:
        return cells, pieces
    rest: list[Piece] = []
    where = [(*grid.box, grid, texts) for grid, texts in zip(tables, cells, strict=True)]
    for p in pieces:
        x, y = (p.x0 + p.x1) / 2, (p.top + p.bottom) / 2
        for left, top, right, bottom, grid, texts in where:
            if left <= x <= right and top <= y <= bottom and (n := grid.cell_at(x, y)) >= 0:
                texts.setdefault(n, []).append(p)
                break
        else:
            rest.append(p)
    return cells, rest


def _table_rows(page: Page, grid: Grid, texts: dict[int, list[Piece]]) -> list[Item]:
    """The grid's rows, each cell's lines of text joined (a label wrapped in its cell is one)."""
    return [(top, [_cell_text(page, texts.get(n)) if n >= 0 else "" for n in row], None) for top, row in grid.rows()]


def _cell_text(page: Page, pieces: list[Piece] | None) -> str:
    """A cell's text: its lines, each joined, one after another."""
    if not pieces:
        return ""
    if len(pieces) == 1:
        return _joined(pieces)
    # most cells hold one line: pieces sharing a band of half the tallest one's height are one
    # line for ``_lines`` too
    if min(p.bottom for p in pieces) - max(p.top for p in pieces) >= max(p.bottom - p.top for p in pieces) / 2:
        line = pieces if all(a.x0 <= b.x0 for a, b in itertools.pairwise(pieces)) else sorted(pieces, key=_left)
        if not any(p.handle for p in _tangled(line)):
            return _joined(line)
    return "".join(_joined(line) for line in _untangled(page, pieces))


def _text_lines(lines: list[list[Piece]]) -> list[Item]:
    out: list[Item] = []
    for line in lines:
        text = _joined(line)
        if not PAGE_MARK.match(text):
            out.append((line[0].top, [text], line[-1].x1))
    return out


def _unwrap(items: list[Item]) -> list[Line]:
    """Join a line that runs to the right margin with the next: a paragraph or title wrapped by the
    page, not a new one. Table rows (no right edge) are never joined."""
    right = max((x1 for _, _, x1 in items if x1 is not None), default=0)
    out: list[Line] = []
    wrapped = False
    for _, line, x1 in items:
        if wrapped and x1 is not None and not HEADING.match(line[0]):
            out[-1] = [out[-1][0] + line[0]]
        else:
            out.append(line)
        wrapped = x1 is not None and x1 >= right - WRAP_MARGIN
    return out


def pdf_lines(path: Path) -> list[Line]:
    """The report's lines; raises ScannedPdf when no page has text, TooComplex for a page beyond
    the limits, PdfiumError when the file is damaged or encrypted."""
    out: list[Line] = []
    any_text = False
    for page in pages(path):
        any_text = any_text or bool(page.pieces)
        tables = grids(page.rules)
        cells, rest = _placed(page, tables)
        items = [row for grid, texts in zip(tables, cells, strict=True) for row in _table_rows(page, grid, texts)]
        items += _text_lines(_untangled(page, rest) if rest else [])
        out += [line if len(line) > 1 else fields(line[0]) for line in _unwrap(sorted(items, key=lambda i: i[0]))]
    if not any_text:
        raise ScannedPdf
    return out
