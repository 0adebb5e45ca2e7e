"""Finish a workbook openpyxl has saved: stream long lists of rows into its sheets and give
formula cells the values we already computed.

openpyxl keeps every cell as an object; a province's summary lists 10,000 units × 180
columns, which would not fit in the memory budget. openpyxl writes the headers and one styled
*prototype* row; here that row is replaced by the real rows, written straight into the zip.
Formula cells get cached values so that programs reading values without recalculating (our
own reader one level up, pandas, python-calamine) see the totals; Excel still recalculates.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from gitools.form.addresses import col_letters
from gitools.io.cells import clean
from gitools.io.xlsx import sheet_parts

_EPOCH = dt.datetime(1899, 12, 30)


@dataclass(frozen=True)
class Formula:
    """A formula (without "=") with the value it evaluates to."""

    text: str
    value: float | str | None = None


@dataclass
class Rows:
    """Rows for a sheet, written from the prototype row on with that row's cell styles; with
    ``height``, each row as tall as it says (programs that open the file do not fit rows)."""

    prototype: int
    rows: Iterable[Sequence[object]]
    height: Callable[[Sequence[object]], float] | None = None


def _text(value: str) -> str:
    return escape(clean(value))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def cell_xml(ref: str, value: object, style: str = "") -> str:
    s = f' s="{style}"' if style else ""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, Formula):
        f = f"<f>{_text(value.text)}</f>"
        if isinstance(value.value, str):
            return f'<c r="{ref}"{s} t="str">{f}<v>{_text(value.value)}</v></c>'
        v = "" if value.value is None else f"<v>{_number(value.value)}</v>"
        return f'<c r="{ref}"{s}>{f}{v}</c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{s}><v>{_number(value)}</v></c>'
    if isinstance(value, dt.datetime | dt.date):
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        serial = (moment - _EPOCH).total_seconds() / 86400
        return f'<c r="{ref}"{s}><v>{_number(serial)}</v></c>'
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{_text(str(value))}</t></is></c>'


_ROW = r'<row r="{n}"[^>]*?(?:/>|>.*?</row>)'
_CELL_STYLE = re.compile(r'<c r="([A-Z]+)\d+"(?: s="(\d+)")?')
_DIMENSION = re.compile(r'<dimension ref="[^"]*"\s*/>')
# a formula cell without a value, as openpyxl writes it with or without lxml: <v/>, <v></v> or none
_FORMULA_CELL = re.compile(r'<c r="([A-Z]+\d+)"([^>]*)><f>([^<]*)</f>(?:<v\s*/>|<v></v>)?</c>')


def _with_rows(xml: str, spec: Rows, out) -> None:
    m = re.search(_ROW.format(n=spec.prototype), xml, re.S)
    if m is None:
        raise ValueError(f"prototype row {spec.prototype} not found")
    proto = m.group(0)
    styles = {col: s or "" for col, s in _CELL_STYLE.findall(proto)}
    opening = re.match(r'<row r="\d+"([^>]*?)/?>', proto)
    attrs = opening.group(1) if opening else ""
    # <dimension> is optional and would have to precede rows we have not counted yet
    out.write(_DIMENSION.sub("", xml[:m.start()], count=1).encode())
    buffer: list[str] = []
    for n, values in enumerate(spec.rows, start=spec.prototype):
        cells = "".join(cell_xml(f"{col_letters(i)}{n}", v, styles.get(col_letters(i), ""))
                        for i, v in enumerate(values, start=1))
        tall = f' ht="{spec.height(values):.1f}" customHeight="1"' if spec.height else ""
        buffer.append(f'<row r="{n}"{attrs}{tall}>{cells}</row>')
        if len(buffer) >= 500:
            out.write("".join(buffer).encode())
            buffer.clear()
    out.write("".join(buffer).encode())
    out.write(xml[m.end():].encode())


def with_cached_values(xml: str, values: dict[str, float | str]) -> str:
    """A sheet's XML with the values of its formula cells filled in (Excel recalculates anyway)."""
    def put(m: re.Match) -> str:
        ref, attrs, formula = m.groups()
        if ref not in values:
            return m.group(0)
        value = values[ref]
        if isinstance(value, str):
            return f'<c r="{ref}"{attrs} t="str"><f>{formula}</f><v>{_text(value)}</v></c>'
        return f'<c r="{ref}"{attrs}><f>{formula}</f><v>{_number(value)}</v></c>'

    return _FORMULA_CELL.sub(put, xml)


def finish(src: Path, dst: Path, rows: dict[str, Rows] | None = None,
           cached: dict[str, dict[str, float | str]] | None = None) -> None:
    """Copy ``src`` to ``dst`` with rows streamed into sheets and formula values filled in."""
    rows, cached = rows or {}, cached or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        parts = sheet_parts(zin)
        by_part = {parts[name]: name for name in {*rows, *cached}}
        for info in zin.infolist():
            name = by_part.get(info.filename)
            if name is None:
                zout.writestr(info, zin.read(info.filename))
                continue
            xml = zin.read(info.filename).decode("utf-8")
            if name in cached:
                xml = with_cached_values(xml, cached[name])
            with zout.open(info.filename, "w", force_zip64=True) as out:
                if name in rows:
                    _with_rows(xml, rows[name], out)
                else:
                    out.write(xml.encode())
