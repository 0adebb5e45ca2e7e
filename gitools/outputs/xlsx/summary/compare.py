"""同比: this year against last year, for the county and per unit (figures from merge.compare)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.indicators import INDICATORS
from gitools.io.cells import put
from gitools.outputs.xlsx.style import BOLD, BORDER, print_setup
from gitools.outputs.xlsx.summary.common import header, prototype


@dataclass(frozen=True)
class YearOverYear:
    """What the 同比 sheet shows (computed in gitools.merge.compare)."""

    year: int
    last_year: int
    county: list[list[object]]  # indicator, this year, last year, change, change in percent
    units: Iterable[list[object]]  # name, code, in which years, then (this year, last year) per indicator


def compare_sheet(ws: Worksheet, yoy: YearOverYear) -> int:
    ws["A1"] = f"同比：{yoy.year} 年度与 {yoy.last_year} 年度"
    ws["A1"].font = Font(bold=True, size=14)
    header(ws, 2, ("指标", f"{yoy.year} 年度", f"{yoy.last_year} 年度", "增减", "增减率"), (26, 12, 12, 10, 10))
    for r, row in enumerate(yoy.county, start=3):
        for c, value in enumerate(row, start=1):
            put(ws.cell(r, c), value)
            ws.cell(r, c).border = BORDER
    head = 4 + len(yoy.county)
    ws.cell(head - 1, 1, "各单位（按统一社会信用代码或单位名称对应；只在一个年度出现的单位已标明）").font = BOLD
    titles = ["单位名称", "统一社会信用代码", "年度"]
    titles += [f"{i.label}（{y}）" for i in INDICATORS for y in (yoy.year, yoy.last_year)]
    header(ws, head, titles, (26, 21, 12, *(11 for _ in INDICATORS for _ in (1, 2))))
    ws.row_dimensions[head].height = 60
    prototype(ws, head + 1, len(titles), formats={i: "0.##" for i in range(4, len(titles) + 1)})
    ws.freeze_panes = ws.cell(head + 1, 2).coordinate
    print_setup(ws, landscape=True, title_rows=f"{head}:{head}")
    return head + 1
