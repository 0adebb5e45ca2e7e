"""The list of units expected to report (应报单位名单), from .xlsx or .csv, and how a
submission is matched to it: by 统一社会信用代码 when both have one, else by name."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from gitools.form.addresses import col_number, split
from gitools.inputs.kinds import read_book as read
from gitools.io.encoding import decode
from gitools.io.rawbook import UnreadableWorkbook
from gitools.model.values import compact

NAME_HEADERS = ("单位名称", "单位全称", "机构名称", "名称", "单位")
HEADER_ROWS = 10  # rows searched for the header
CODE_HEADERS = ("统一社会信用代码", "社会信用代码", "信用代码")
OPTIONAL_HEADERS = {  # what else a roster may say about a unit, used where the unit's own file says nothing
    "category": ("单位类别", "类别"),
    "contact": ("联系人", "填报人"),
    "phone": ("联系电话", "电话", "手机", "手机号码"),
}
_CODE = re.compile(r"^[0-9A-Z]{18}$")


class RosterError(Exception):
    """The roster cannot be used; ``str(e)`` says why in Chinese."""


@dataclass(frozen=True)
class RosterEntry:
    name: str | None
    credit_code: str | None
    line: int  # row in the roster file, for messages
    category: str | None = None
    contact: str | None = None
    phone: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.credit_code or f"第 {self.line} 行"


def normalise_code(code: object) -> str | None:
    text = compact(code).upper()
    return text if _CODE.match(text) else None


def _rows_csv(path: Path) -> list[list[str]]:
    text = decode(path.read_bytes())
    if text is None:
        raise RosterError(f"名单文件 {path} 的编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV")
    return [row for row in csv.reader(io.StringIO(text))]


def _rows_xlsx(path: Path) -> list[list[str]]:
    try:
        book = read(path)
        cells = next(iter(book.sheets.values()), {})
    except UnreadableWorkbook as e:
        raise RosterError(f"名单文件 {path} 无法读取：{e}") from e
    grid: dict[int, dict[int, str]] = {}
    for address, cell in cells.items():
        if cell.value is None:
            continue
        col, row = split(address)
        value = cell.value
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        grid.setdefault(row, {})[col_number(col) - 1] = text
    return [[grid[r].get(c, "") for c in range(max(grid[r]) + 1)] for r in sorted(grid)] if grid else []


def _header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """The first row below the header, and the column of each item it names, from a header row
    in the first rows; None when no row names a unit's name or code (a roster we would misread)."""
    wanted = {"name": NAME_HEADERS, "code": CODE_HEADERS, **OPTIONAL_HEADERS}
    for i, row in enumerate(rows[:HEADER_ROWS]):
        cells = [compact(c) for c in row]
        columns = {key: j for key, heads in wanted.items()
                   if (j := next((j for h in heads for j, c in enumerate(cells) if c == h), None)) is not None}
        if "name" in columns or "code" in columns:
            return i + 1, columns
    return None


def read_roster(path: Path) -> list[RosterEntry]:
    """Entries of the roster, under a header row naming 单位名称 and/or 统一社会信用代码 found
    in its first rows (a title row above the header is common)."""
    path = Path(path)
    if not path.is_file():
        raise RosterError(f"找不到名单文件：{path}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _rows_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        rows = _rows_xlsx(path)
    else:
        raise RosterError(f"名单文件应为 .xlsx 或 .csv：{path}")
    header = _header(rows)
    if header is None:
        first = next((r for r in rows if any(c.strip() for c in r)), [])
        seen = "、".join(f"“{c.strip()}”" for c in first if c.strip()) or "（空）"
        raise RosterError(f"名单文件 {path} 中找不到可识别的列：前 {HEADER_ROWS} 行中应有一行列标题，"
                          f"含“单位名称”（或{'、'.join(f'“{h}”' for h in NAME_HEADERS[1:])}）"
                          f"和/或“统一社会信用代码”（或{'、'.join(f'“{h}”' for h in CODE_HEADERS[1:])}）；"
                          f"第一行是：{seen}")
    start, columns = header
    entries: list[RosterEntry] = []
    for i, row in enumerate(rows[start:], start=start + 1):
        item = {key: row[j].strip() for key, j in columns.items() if j < len(row) and row[j].strip()}
        name, code = item.get("name"), item.get("code")
        if name or code:
            entries.append(RosterEntry(name, normalise_code(code) if code else None, i, item.get("category"),
                                       item.get("contact"), item.get("phone")))
    if not entries:
        raise RosterError(f"名单文件 {path} 的“单位名称”“统一社会信用代码”列下没有单位")
    return entries
