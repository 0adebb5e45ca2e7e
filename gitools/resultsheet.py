"""The 校验结果 sheet: the findings listed for the clerk, and the 说明 the clerk writes beside
them. Annotated copies and the add-in write it from ``rows``; the reader takes the 说明 back
with ``explanations``, matched by each finding's identity (rule and form key, never an address),
so an explanation survives re-validation, inserted rows and renamed sheets."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gitools.findings import FileReport
from gitools.form.addresses import split
from gitools.io.cells import put
from gitools.io.rawbook import RawBook, addresses
from gitools.style import EXPLAIN, HEADER, fill
from gitools.values import compact

COLUMNS = ("序号", "级别", "工作表", "单元格", "项目", "问题", "规则", "说明（核实项请在此填写原因）", "定位（请勿修改）")
WIDTHS = (6, 12, 16, 8, 30, 70, 26, 50, 30)
EXPLAIN_COLUMN = COLUMNS.index("说明（核实项请在此填写原因）") + 1
KEY_COLUMN = COLUMNS.index("定位（请勿修改）") + 1
LINK_COLUMN = COLUMNS.index("单元格") + 1
LEVEL_COLUMN = COLUMNS.index("级别") + 1
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
GUIDE = ("“强制”项须改正后才能报送；“核实”项如确有原因（如上年报告已更正），请在“说明”列写明，写明后不再阻止报送，"
         "由上级审核；“提示”项仅供参考。重新校验时，说明按问题自动保留。")


def rows(report: FileReport) -> list[list[object]]:
    """The sheet's rows from A1: verdict, guide, header, one row per finding."""
    out: list[list[object]] = [[f"校验结论：{report.verdict()}"], [GUIDE], list(COLUMNS)]
    for i, f in enumerate(report.findings, start=1):
        out.append([i, f.level_words, f.sheet or "", f.cell or "", f.label or "", f.message, f.rule,
                    f.explanation or "", f.key])
    return out


def lay_out(ws: Worksheet, report: FileReport | None = None) -> None:
    """Lay out 校验结果 (the template's empty one too): verdict, guide, header, findings."""
    table = rows(report if report is not None else FileReport(""))
    if report is None:  # the template, before any validation
        table[0] = ["校验结果：点击“政务公开年报”选项卡中的“校验本工作簿”（或由县政务公开办校验）后，问题列在下方"]
    for r, values in enumerate(table, start=1):
        for c, value in enumerate(values, start=1):
            put(ws.cell(r, c), value)
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COLUMNS))
    ws.row_dimensions[2].height = 45
    for c in ws[HEADER_ROW]:
        c.font = Font(bold=True)
        c.fill = fill(HEADER)
        c.alignment = Alignment(wrap_text=True, vertical="center")
    ws.cell(HEADER_ROW, EXPLAIN_COLUMN).fill = fill(EXPLAIN)
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"A{FIRST_ROW}"


def explanations(book: RawBook, sheet: str) -> dict[str, str]:
    """The 说明 written beside findings, by finding identity: in the sheet named ``sheet``,
    else in any sheet carrying our header (a clerk may have renamed it or inserted rows)."""
    key_title, note_title = compact(COLUMNS[KEY_COLUMN - 1]), compact(COLUMNS[EXPLAIN_COLUMN - 1])
    key_col, note_col = get_column_letter(KEY_COLUMN), get_column_letter(EXPLAIN_COLUMN)
    if sheet in book.sheets and _title(book, sheet, f"{key_col}{HEADER_ROW}") == key_title \
            and _title(book, sheet, f"{note_col}{HEADER_ROW}") == note_title:  # where we put it
        return _notes(book, sheet, key_col, note_col, HEADER_ROW)
    for name in sorted(book.sheets, key=lambda n: n != sheet):  # the named sheet first
        cells = book.sheets[name]
        titles = {compact(c.value): split(a) for a, c in cells.items() if isinstance(c.value, str)}
        if key_title not in titles or note_title not in titles or titles[key_title][1] != titles[note_title][1]:
            continue
        (key_col, header_row), (note_col, _) = titles[key_title], titles[note_title]
        return _notes(book, name, key_col, note_col, header_row)
    return {}


def _title(book: RawBook, sheet: str, address: str) -> str | None:
    cell = book.cell(sheet, address)
    return compact(cell.value) if cell is not None and isinstance(cell.value, str) else None


def _notes(book: RawBook, sheet: str, key_col: str, note_col: str, header_row: int) -> dict[str, str]:
    """Each finding identity in ``key_col`` below the header, with the note beside it."""
    rows = sorted(row for col, row in (split(a) for a in addresses(book.sheets[sheet]))
                  if col == key_col and row > header_row)
    keys = book.cells(sheet, [f"{key_col}{r}" for r in rows])
    notes = book.cells(sheet, [f"{note_col}{r}" for r in rows])
    return {key.value.strip(): str(note.value).strip() for key, note in zip(keys, notes, strict=True)
            if key is not None and isinstance(key.value, str) and key.value.strip()
            and note is not None and note.value is not None and str(note.value).strip()}
