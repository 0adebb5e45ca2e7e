"""图表: who reported, what became of the applications, and the units that received most; each
chart beside the cells it draws, and each on a page of its own (a page break before it), at full
size, so no chart is cut by a page break or loses its legend."""

from __future__ import annotations

from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.model import Form
from gitools.io.cells import put
from gitools.merge.combine import MergeResult
from gitools.model.findings import STATUS_ZH, Status
from gitools.outputs.xlsx.style import print_setup
from gitools.outputs.xlsx.summary.common import MISSING, labels

PAGE_ROWS = 26  # rows of 15 pt that fill a landscape A4 at full size, below the repeated title
WIDTH_CM = 14.0  # from column C, within the width of the page


def chart_sheet(ws: Worksheet, result: MergeResult, form: Form) -> None:
    print_setup(ws, landscape=True, title_rows="1:1", fit_width=False)
    ws["A1"] = "图表（数据见各图左侧）"
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 24
    _reporting(ws, result)
    for n, block in enumerate((_results, _most), start=1):
        start = 2 + n * PAGE_ROWS
        ws.row_breaks.append(Break(id=start - 1))
        block(ws, result, form, start)


def _reporting(ws: Worksheet, result: MergeResult) -> int:
    """How many submissions of each verdict, and how many units sent none; the last row used."""
    ws.append([])
    ws.append(["报送情况", "份数"])
    states = [(STATUS_ZH[s], result.count(s)) for s in Status] + [(MISSING, len(result.missing))]
    for label, n in states:
        ws.append([label, n])
    bar = BarChart()
    bar.title, bar.y_axis.title, bar.legend = "报送情况", "份数", None
    bar.add_data(Reference(ws, min_col=2, min_row=3, max_row=3 + len(states)), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=4, max_row=3 + len(states)))
    bar.dataLabels = labels()
    bar.width = WIDTH_CM
    ws.add_chart(bar, "C2")
    return 4 + len(states)


def _results(ws: Worksheet, result: MergeResult, form: Form, start: int) -> int:
    """三、本年度办理结果 by its groups, from the input cells only (a total's parts are not
    counted twice); returns the first row of the chart."""
    table = form.table("requests")
    totals = dict(zip(((c.table, c.row, c.column) for c in form.input_cells), result.totals, strict=True))
    groups: dict[str, float] = {}
    parts = [ref for r in table.relations if r.rule == "requests-results-total" for ref in r.rhs]  # （一）…（六）
    for row_key, col_key in parts:
        row = table.row(row_key)
        group = row.path[1] if len(row.path) > 1 else row.label.split("（区分")[0]  # （三）不予公开 1.… → （三）
        groups[group] = groups.get(group, 0.0) + totals.get((table.key, row_key, col_key), 0.0)
    ws.cell(start, 1, "办理结果"), ws.cell(start, 2, "件数")
    for i, (label, n) in enumerate(groups.items(), start=1):
        ws.cell(start + i, 1, label), ws.cell(start + i, 2, n)
    pie = PieChart()
    pie.title = "本年度依申请公开办理结果构成"
    pie.add_data(Reference(ws, min_col=2, min_row=start, max_row=start + len(groups)), titles_from_data=True)
    pie.set_categories(Reference(ws, min_col=1, min_row=start + 1, max_row=start + len(groups)))
    pie.dataLabels = labels(percent=True)
    pie.width, pie.height = WIDTH_CM, 11.0  # room for every legend entry
    ws.add_chart(pie, f"C{start}")
    return start


def _most(ws: Worksheet, result: MergeResult, form: Form, start: int) -> None:
    """The 20 units with most applications received."""
    new_total = [i for i, c in enumerate(form.input_cells) if c.table == "requests" and c.row == "new"]
    ranked = sorted(((sum(e.received.values[i] for i in new_total), e.name) for e in result.included), reverse=True)[:20]
    ws.cell(start, 1, "单位（本年新收申请最多的 20 个）"), ws.cell(start, 2, "本年新收申请")
    for i, (n, name) in enumerate(ranked, start=1):
        put(ws.cell(start + i, 1), name)  # a unit's name is the clerk's text
        ws.cell(start + i, 2, n)
    top = BarChart()
    top.type, top.title, top.legend = "bar", "本年新收政府信息公开申请（件）", None
    top.add_data(Reference(ws, min_col=2, min_row=start, max_row=start + max(len(ranked), 1)), titles_from_data=True)
    top.set_categories(Reference(ws, min_col=1, min_row=start + 1, max_row=start + max(len(ranked), 1)))
    top.width, top.height = WIDTH_CM, min(14.0, max(7.5, 0.6 * len(ranked)))  # within one page
    top.dataLabels = labels()
    ws.add_chart(top, f"C{start}")
