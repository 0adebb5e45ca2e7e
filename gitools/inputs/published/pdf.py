"""PDF reports as lines of fields, read with PDFium: ruled tables become grid rows (a merged
cell's text in its first position, covered positions empty), text outside the tables becomes
lines split into fields as text is, both in reading order. A table that runs onto the next page
simply continues; page numbers and running heads between its parts are dropped."""

from __future__ import annotations

import bisect
import itertools
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


def _left(p: Piece) -> float:
    return p.x0


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


def _untangled(page: Page) -> list[list[Piece]]:
    """The page's lines, with the pieces whose order their boxes cannot tell split into
    characters: pieces that overlap another on their line, and sparse ones (quotation marks of
    several words, or of several lines, set as one run in a font of their own)."""
    if not page.pieces:
        return []
    heights = sorted(p.bottom - p.top for p in page.pieces)
    em = heights[len(heights) // 2]
    tangled = [p for p in page.pieces if p.x1 - p.x0 > SPARSE * em * (len(p.text.strip()) + 1)]
    lines = _lines(page.pieces)
    for line in lines:
        widest = line[0]
        for p in line[1:]:
            if p.x0 < widest.x1 - OVERLAP:
                tangled += [widest, p]
            if p.x1 > widest.x1:
                widest = p
    if not tangled:
        return lines
    handles = {p.handle for p in tangled}
    return _lines([p for p in page.pieces if p.handle not in handles] + page.characters(tangled))


def _table_rows(grid: Grid, texts: dict[int, list[Piece]]) -> list[Item]:
    """The grid's rows, each cell's lines of text joined (a label wrapped in its cell is one)."""
    return [(top, ["".join(_joined(line) for line in _lines(texts.get(n, []))) if n >= 0 else "" for n in row], None)
            for top, row in grid.rows()]


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
        cells: list[dict[int, list[Piece]]] = [{} for _ in tables]
        outside: list[list[Piece]] = []  # the page's lines, less what stands in a table's cells
        for line in _untangled(page):
            rest = []
            for p in line:
                for grid, texts in zip(tables, cells, strict=True):
                    n = grid.cell_at(*p.middle)
                    if n >= 0:
                        texts.setdefault(n, []).append(p)
                        break
                else:
                    rest.append(p)
            if rest:
                outside.append(rest)
        items = [row for grid, texts in zip(tables, cells, strict=True) for row in _table_rows(grid, texts)]
        items += _text_lines(outside)
        out += [line if len(line) > 1 else fields(line[0]) for line in _unwrap(sorted(items, key=lambda i: i[0]))]
    if not any_text:
        raise ScannedPdf
    return out
