"""各单位文字部分: each included unit's narrative, a row per section, from which the county writes
its own report. A long section is cut, at a paragraph or a sentence, into rows short enough to
print whole on a page (a row never breaks across pages, and Excel's tallest row is 409 pt)."""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.model import Form
from gitools.merge.combine import MergeResult
from gitools.outputs.xlsx.style import print_setup
from gitools.outputs.xlsx.summary.common import header, prototype

TEXT_COLUMNS = ("序号", "单位名称", "部分", "正文")
TEXT_WIDTHS = (5, 20, 18, 92)
ROW_CHARACTERS = 900  # about 18 printed lines of the 正文 column: well under a page
CONTINUED = "（续）"
_BREAKS = ("\n", "。", "；", "，")  # where a long text is cut, best first


def pieces(text: str, size: int = ROW_CHARACTERS) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, each ending at a paragraph, else at a
    sentence or a clause, so no word is cut and nothing is lost."""
    out: list[str] = []
    while len(text) > size:
        cut = next((i + 1 for mark in _BREAKS if (i := text.rfind(mark, size // 2, size)) >= 0), size)
        out.append(text[:cut].strip())
        text = text[cut:]
    if text.strip():
        out.append(text.strip())
    return out


def texts_rows(result: MergeResult, form: Form) -> Iterator[list[object]]:
    for n, e in enumerate(result.included, start=1):
        for s in form.sections:
            for i, piece in enumerate(pieces(e.received.narrative.get(s.key) or "")):
                yield [n, e.name or None, s.label + (CONTINUED if i else ""), piece]


def texts_sheet(ws: Worksheet, form: Form) -> int:
    ws["A1"] = "各单位报告正文（第一、五、六部分），供撰写本级年度报告"
    ws["A1"].font = Font(bold=True, size=14)
    header(ws, 2, TEXT_COLUMNS, TEXT_WIDTHS)
    prototype(ws, 3, len(TEXT_COLUMNS), wrap=(2, 3, 4))
    ws.freeze_panes = "A3"
    print_setup(ws, landscape=True, title_rows="2:2")
    return 3
