"""Problems sent back: for each unit whose report has findings, an annotated copy named after
the unit, and one 退回清单 workbook listing whom to call and about what, laid out for mail
merge (one header row, one unit a row, no merged cells), units that sent nothing included."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from gitools.inputs.kinds import XLSX_SUFFIXES
from gitools.io.atomic import atomic_write
from gitools.io.cells import put
from gitools.io.filenames import file_name
from gitools.merge.combine import Entry, MergeResult
from gitools.model.findings import STATUS_ZH, FileReport
from gitools.outputs.text import first_problems
from gitools.outputs.xlsx import style
from gitools.outputs.xlsx.annotate import annotate
from gitools.outputs.xlsx.paper import fit_rows, lay_out

LIST_NAME = "退回清单.xlsx"
COLUMNS = ("序号", "单位名称", "联系人", "联系电话", "电话来源", "校验结论", "错误数", "警告数", "是否计入汇总",
           "需要处理的问题", "标注副本", "报送的文件")
WIDTHS = (5, 22, 8, 14, 8, 8, 6, 6, 8, 50, 32, 40)  # what the county phones with fits a landscape A4 at 8 pt
PRINTED = COLUMNS.index("标注副本")  # the file names after it are for the screen and mail merge


def _needs_feedback(e: Entry) -> bool:
    """A unit hears back when it must act: its file could not be read, or something blocks it
    (强制, or 核实 nobody explained). Notices and explained 核实 need nothing; a draft replaced by a
    later copy of the same unit neither."""
    return not e.superseded and (not e.received.readable or any(f.blocks for f in e.all_findings))


def _order(line: int | None, name: str) -> tuple[int, str]:
    """The roster's order; units not on it after, by name."""
    return (line if line is not None else 1 << 30, name)


def write_feedback(result: MergeResult, outdir: Path) -> list[Path]:
    """Write the copies and the list; returns the copies written, then the list."""
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    rows: list[tuple[tuple[int, str], list[object]]] = []
    taken: set[str] = set()
    for e in result.entries:
        if not _needs_feedback(e):
            continue
        copy = None
        path = Path(e.received.path)
        if e.received.readable and path.suffix.lower() in XLSX_SUFFIXES:
            stem = file_name(f"{e.name or path.stem}_校验结果")
            while stem.casefold() in taken:  # ABC局 and abc局 are one file on Windows
                stem += "_2"
            taken.add(stem.casefold())
            copy = outdir / f"{stem}.xlsx"
            annotate(path, FileReport(e.received.path, e.all_findings), copy)
            written.append(copy)
        contact, _ = e.contact
        phone, source = e.phone
        note = first_problems(e.all_findings)
        if copy is None and e.received.readable:
            note += "\n（文件不是 .xlsx，未生成标注副本）"
        name = e.name or (e.roster.label if e.roster else path.stem)
        rows.append((_order(e.roster.line if e.roster else None, name), [
            name, contact, phone, source or None, STATUS_ZH[e.status], len(e.received.report.errors),
            len(e.received.report.warnings), "是" if e.included else "否", note, copy.name if copy else None,
            e.received.path]))
    for r in result.missing:
        rows.append((_order(r.line, r.label), [r.label, r.contact, r.phone, "名单" if r.phone else None, "未报送",
                                               None, None, "否", "名单中的单位没有报送，请催报", None, None]))
    out = outdir / LIST_NAME
    _write_list(out, [row for _, row in sorted(rows, key=lambda kv: kv[0])], result.year)
    return [*written, out]


def _write_list(out: Path, rows: list[list[object]], year: int | None) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "退回清单"
    for c, title in enumerate(COLUMNS, start=1):
        cell = ws.cell(1, c, title)
        cell.font, cell.fill = Font(bold=True), style.fill(style.HEADER)
    for r, values in enumerate(rows, start=2):
        put(ws.cell(r, 1), r - 1)
        for c, value in enumerate(values, start=2):
            put(ws.cell(r, c), value)
        for c in range(1, len(COLUMNS) + 1):
            ws.cell(r, c).alignment = style.WRAP
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = width
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{ws.cell(1, len(COLUMNS)).column_letter}{len(rows) + 1}"
    fit_rows(ws, 2, len(rows) + 1)
    style.print_setup(ws, landscape=True, title_rows="1:1", area=f"A1:{ws.cell(1, PRINTED).column_letter}{len(rows) + 1}")
    lay_out(wb)
    wb.properties.title = f"{year or ''} 年度政府信息公开年报退回清单"
    with atomic_write(out) as tmp:
        wb.save(tmp)
