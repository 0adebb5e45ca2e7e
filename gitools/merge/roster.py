"""The list of units expected to report (应报单位名单), from .xlsx or .csv, and how a
submission is matched to it: by 统一社会信用代码 when both have one, else by name."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from gitools.form.addresses import col_number, split
from gitools.io.xlsx import UnreadableWorkbook, read
from gitools.values import compact

NAME_HEADERS = ("单位名称", "单位全称", "名称", "单位")
CODE_HEADERS = ("统一社会信用代码", "社会信用代码", "信用代码")
_CODE = re.compile(r"^[0-9A-Z]{18}$")


class RosterError(Exception):
    """The roster cannot be used; ``str(e)`` says why in Chinese."""


@dataclass(frozen=True)
class RosterEntry:
    name: str | None
    credit_code: str | None
    line: int  # row in the roster file, for messages

    @property
    def label(self) -> str:
        return self.name or self.credit_code or f"第 {self.line} 行"


def normalise_code(code: object) -> str | None:
    text = compact(code).upper()
    return text if _CODE.match(text) else None


def _rows_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RosterError(f"名单文件 {path} 的编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV")
    return [row for row in csv.reader(io.StringIO(text))]


def _rows_xlsx(path: Path) -> list[list[str]]:
    try:
        book = read(path)
    except UnreadableWorkbook as e:
        raise RosterError(f"名单文件 {path} 无法读取：{e}") from e
    if not book.sheets:
        return []
    cells = next(iter(book.sheets.values()))
    grid: dict[int, dict[int, str]] = {}
    for address, cell in cells.items():
        if cell.value is None:
            continue
        col, row = split(address)
        value = cell.value
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        grid.setdefault(row, {})[col_number(col) - 1] = text
    return [[grid[r].get(c, "") for c in range(max(grid[r]) + 1)] for r in sorted(grid)] if grid else []


def read_roster(path: Path) -> list[RosterEntry]:
    """Entries of the roster; a header row naming 单位名称 and/or 统一社会信用代码 is found
    anywhere in the first rows, else the first column is taken as names (or codes)."""
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
    name_col = code_col = None
    start = 0
    for i, row in enumerate(rows[:10]):
        cells = [compact(c) for c in row]
        name_col = next((j for h in NAME_HEADERS for j, c in enumerate(cells) if c == h), None)
        code_col = next((j for h in CODE_HEADERS for j, c in enumerate(cells) if c == h), None)
        if name_col is not None or code_col is not None:
            start = i + 1
            break
    entries: list[RosterEntry] = []
    for i, row in enumerate(rows[start:], start=start + 1):
        if name_col is None and code_col is None:  # no header: one unit per line, first cell
            first = next((c.strip() for c in row if c.strip()), "")
            if not first:
                continue
            code = normalise_code(first)
            entries.append(RosterEntry(None if code else first, code, i))
            continue
        name = row[name_col].strip() if name_col is not None and name_col < len(row) else ""
        code = row[code_col].strip() if code_col is not None and code_col < len(row) else ""
        if name or code:
            entries.append(RosterEntry(name or None, normalise_code(code) if code else None, i))
    if not entries:
        raise RosterError(f"名单文件 {path} 中没有单位（应有“单位名称”或“统一社会信用代码”列）")
    return entries
