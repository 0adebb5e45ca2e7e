"""What the summary's sheets share: their names, the header and prototype rows the streamed rows
copy, and the status colours."""

from __future__ import annotations

from openpyxl.chart.label import DataLabelList
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gitools.model.findings import STATUS_ZH, Status
from gitools.outputs.xlsx.style import BOLD, BORDER, HEADER_FILL, STATUS, WRAP, fill

STATUS_SHEET, FINDINGS_SHEET, CHART_SHEET = "报送情况", "问题清单", "图表"
ABOUT_SHEET, TEXTS_SHEET, COMPARE_SHEET = "汇总说明", "各单位文字部分", "同比"
MISSING, SKIPPED = "未报送", "已跳过"
RED, YELLOW, GREEN = (fill(STATUS[s], conditional=True) for s in (Status.FAILED, Status.WARNINGS, Status.PASSED))


def header(ws: Worksheet, row: int, titles: tuple[str, ...] | list[str], widths: tuple[float, ...]) -> None:
    for i, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        c = ws.cell(row, i, title)
        c.font, c.fill, c.border = BOLD, HEADER_FILL, BORDER
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width


def prototype(ws: Worksheet, row: int, width: int, formats: dict[int, str] | None = None,
               wrap: tuple[int, ...] = ()) -> None:
    """The styled row the streamed rows copy (see gitools.io.xlsx_stream)."""
    for i in range(1, width + 1):
        c = ws.cell(row, i)
        c.border = BORDER
        if i in wrap:
            c.alignment = WRAP
        if formats and i in formats:
            c.number_format = formats[i]


def labels(percent: bool = False) -> DataLabelList:
    return DataLabelList(showVal=True, showPercent=percent, showSerName=False, showCatName=False,
                         showLegendKey=False)


def status_colours(ws: Worksheet, rng: str) -> None:
    for text, fill_ in ((STATUS_ZH[Status.FAILED], RED), (STATUS_ZH[Status.UNREADABLE], RED), (MISSING, RED),
                        (STATUS_ZH[Status.WARNINGS], YELLOW), (STATUS_ZH[Status.PASSED], GREEN)):
        ws.conditional_formatting.add(rng, CellIsRule(operator="equal", formula=[f'"{text}"'], fill=fill_))
