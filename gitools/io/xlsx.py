"""A small, fast, read-only view of an .xlsx file: every cell's cached value and whether it
holds a formula, the workbook's defined names and custom properties, in one pass.

openpyxl needs two loads to see both a formula and its cached value; we need both (a total
typed over its formula, a file never recalculated), and the merge reads thousands of files.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath

from gitools.form.addresses import col_letters, col_number, split
from gitools.io import safexml
from gitools.io.errors import os_reason
from gitools.io.limits import TooLarge, read_part
from gitools.io.rawbook import RawBook, RawCell, UnreadableWorkbook

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"

_REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$")


def _shared_strings(z: zipfile.ZipFile, path: str | None) -> list[str]:
    if not path or path not in z.namelist():
        return []
    out = []
    for si in safexml.parse(read_part(z, path)).iter(f"{NS}si"):
        parts = [t.text or "" for r in si if r.tag in (f"{NS}t", f"{NS}r")
                 for t in ([r] if r.tag == f"{NS}t" else r.iter(f"{NS}t"))]
        out.append("".join(parts))
    return out


def _rels(z: zipfile.ZipFile, path: str) -> dict[str, str]:
    base = PurePosixPath(path).parent.parent  # xl/_rels/workbook.xml.rels → xl
    rels = {}
    for r in safexml.parse(read_part(z, path)).iter(f"{PKG_REL}Relationship"):
        target = r.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else str(base / target)
        rels[r.get("Id", "")] = _normalise(full)
    return rels


def _normalise(path: str) -> str:
    parts: list[str] = []
    for p in path.split("/"):
        if p == "..":
            if parts:
                parts.pop()
        elif p not in ("", "."):
            parts.append(p)
    return "/".join(parts)


def read_xlsx(path: Path) -> RawBook:
    """Values, formula flags, names and properties of an .xlsx package (size checked by the caller)."""
    try:
        with zipfile.ZipFile(path) as z:
            return _read_zip(z)
    except TooLarge as e:
        raise UnreadableWorkbook(f"{e}；请用 Excel 或 WPS 重新保存后报送") from e
    except safexml.UnsafeXml as e:
        raise UnreadableWorkbook("文件中含有不安全的 XML 内容（实体或文档类型声明），已拒绝读取；"
                                 "请用 Excel 或 WPS 重新保存后报送") from e
    except (zipfile.BadZipFile, KeyError, safexml.ParseError, EOFError, ValueError, NotImplementedError) as e:
        raise UnreadableWorkbook("文件已损坏或不是 Excel 工作簿（.xlsx），请重新保存后报送") from e
    except OSError as e:
        raise UnreadableWorkbook(f"无法读取文件：{os_reason(e)}") from e


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the package part holding its cells, in workbook order."""
    names = set(z.namelist())
    if "xl/workbook.xml" not in names:
        raise UnreadableWorkbook("文件不是 Excel 工作簿（.xlsx），请用统一模板填报")
    rels = _rels(z, "xl/_rels/workbook.xml.rels")
    parts = {}
    for s in safexml.parse(read_part(z, "xl/workbook.xml")).iter(f"{NS}sheet"):
        target = rels.get(s.get(f"{REL_NS}id", ""))
        if target and target in names and "worksheet" in target:
            parts[s.get("name", "")] = target
    return parts


def _read_zip(z: zipfile.ZipFile) -> RawBook:
    names = set(z.namelist())
    parts = sheet_parts(z)
    wb = safexml.parse(read_part(z, "xl/workbook.xml"))
    rels = _rels(z, "xl/_rels/workbook.xml.rels")
    shared_path = next((p for p in rels.values() if p.endswith("sharedStrings.xml")), None)
    strings = _shared_strings(z, shared_path)
    book = RawBook()
    for title, part in parts.items():
        book.sheets[title] = _read_sheet(read_part(z, part), strings)
    for dn in wb.iter(f"{NS}definedName"):
        name, text = dn.get("name", ""), (dn.text or "").strip()
        if dn.get("localSheetId") is not None:
            continue
        m = _REF.match(text)
        if m:
            sheet = (m.group(1) or m.group(2)).replace("''", "'")
            book.names[name] = (sheet, f"{m.group(3)}{m.group(4)}")
    if "docProps/custom.xml" in names:
        for prop in safexml.parse(read_part(z, "docProps/custom.xml")).iter(f"{CUSTOM_NS}property"):
            book.properties[prop.get("name", "")] = "".join(prop.itertext())
    return book


def _read_sheet(xml: bytes, strings: list[str]) -> dict[str, RawCell]:
    cells: dict[str, RawCell] = {}
    root = safexml.parse(xml)
    data = root.find(f"{NS}sheetData")
    if data is None:
        return cells
    for row_index, row in enumerate(data.iter(f"{NS}row"), start=1):
        r = int(row.get("r", row_index))
        col = 0
        for c in row.iter(f"{NS}c"):
            ref = c.get("r")
            if ref:
                try:
                    col = col_number(split(ref)[0])
                except ValueError:
                    col += 1
            else:
                col += 1
            address = f"{col_letters(col)}{r}"
            t = c.get("t", "n")
            f = c.find(f"{NS}f")
            v = c.find(f"{NS}v")
            raw = v.text if v is not None else None
            value: str | float | bool | None
            if t == "s" and raw is not None:
                value = strings[int(raw)]
            elif t == "inlineStr":
                is_ = c.find(f"{NS}is")
                value = "".join(x.text or "" for x in is_.iter(f"{NS}t")) if is_ is not None else None
            elif t in ("str", "e"):
                value = raw
            elif t == "b":
                value = raw == "1"
            elif raw is None or raw == "":
                value = None
            else:
                try:
                    value = float(raw)
                except ValueError:
                    value = raw
            if value is None and f is None:
                continue
            cells[address] = RawCell(value, f is not None)
    return cells
