"""Write the blank template workbook clerks fill in, entirely from the form declaration.

Uses only features Excel 2010+, WPS and LibreOffice share: merged cells, cell protection
without password, data validation with prompts, formula-based conditional formatting,
workbook-scoped defined names, print titles and fit-to-width.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, Protection, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.addresses import split
from gitools.form.model import FieldType, Form, Level, RuleKind, Table, ValueType
from gitools.form.rules import LEVEL_MEANING, LEVEL_ZH
from gitools.io.atomic import atomic_write
from gitools.io.cells import put
from gitools.outputs.xlsx import style
from gitools.outputs.xlsx.results import lay_out
from gitools.outputs.xlsx.style import fill
from gitools.outputs.xlsx.template import formulas
from gitools.outputs.xlsx.template.formulas import FAIL, OK, WARN

FONT = "宋体"
CLERK_KINDS = {RuleKind.RELATION, RuleKind.PARSE, RuleKind.VALUE, RuleKind.FIELD, RuleKind.NARRATIVE, RuleKind.CROSS_YEAR}  # what a clerk fills
INPUT_FILL, TOTAL_FILL, HEADER_FILL = fill(style.INPUT), fill(style.TOTAL), fill(style.HEADER)
BAD_FILL, WARN_FILL = fill(style.LIVE_FAIL), fill(style.LIVE_WARN)
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
UNLOCKED = Protection(locked=False)

PROP_FORM = "gitools.form"
PROP_VERSION = "gitools.version"
FIXED_TIME = dt.datetime(2021, 1, 1)  # the template is reproducible byte for byte in content


CONTACT_LABELS = ("联系单位", "联系人", "联系电话")  # the county office's contact block on 填报说明


def build(form: Form, year: int | None = None, contact: Mapping[str, str] | None = None) -> Workbook:
    """The template as an openpyxl workbook (not yet saved); ``contact`` fills the county
    office's contact block (keys as CONTACT_LABELS)."""
    wb = Workbook()
    wb.remove(wb.active)
    info = wb.create_sheet(form.info_sheet)
    _unit_sheet(wb.create_sheet(form.unit_sheet), form, year)
    for table in form.tables:
        _table_sheet(wb.create_sheet(table.sheet), table)
    _narrative_sheet(wb.create_sheet(form.narrative_sheet), form)
    _result_sheet(wb.create_sheet(form.result_sheet))
    _info_sheet(info, form, year, contact or {})
    _names(wb, form)
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.creator = "gitools"
    wb.properties.title = f"{form.title}（{form.id}）填报模板"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.custom_doc_props.append(StringProperty(name=PROP_FORM, value=form.id))
    wb.custom_doc_props.append(StringProperty(name=PROP_VERSION, value=form.version))
    wb.active = 1
    return wb


def write(form: Form, path: Path, year: int | None = None, contact: Mapping[str, str] | None = None) -> None:
    wb = build(form, year, contact)
    with atomic_write(path) as tmp:
        wb.save(tmp)


# ---------------------------------------------------------------------------------------------


def _font(size: int = 11, bold: bool = False, color: str = "000000") -> Font:
    return Font(name=FONT, size=size, bold=bold, color=color)


def _cells(ws: Worksheet, rng: str) -> list:
    """Every cell of "B8:D8" or of a single "B8"."""
    return [c for row in ws[rng] for c in row] if ":" in rng else [ws[rng]]


def _fill_range(ws: Worksheet, rng: str, text: str, *, fill=None, bold=False, align=CENTER,
                size=11, border=True) -> None:
    if ":" in rng:
        ws.merge_cells(rng)
    first = rng.split(":")[0]
    ws[first] = text
    for c in _cells(ws, rng):
        c.font = _font(size, bold)
        c.alignment = align
        if border:
            c.border = BORDER
        if fill is not None:
            c.fill = fill


def _count_validation(vtype: ValueType) -> DataValidation:
    if vtype is ValueType.AMOUNT:
        return DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showInputMessage=True, showErrorMessage=True,
            promptTitle="填写金额", prompt="单位：万元。可以有小数，不能为负数；没有收费填 0。",
            errorTitle="金额有误", error="请输入大于或等于 0 的数字（单位：万元），不要带单位或文字。")
    return DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showInputMessage=True, showErrorMessage=True,
        promptTitle="填写件数", prompt="填写整数件数；没有发生的填 0。不要填写“件”等文字。",
        errorTitle="件数有误", error="件数必须是大于或等于 0 的整数，不能有小数、负数或文字。")


def _table_sheet(ws: Worksheet, table: Table) -> None:
    for h in table.headers:
        if h.role == "title":
            _fill_range(ws, h.range, h.text, bold=True, size=14, border=False)
        elif h.role == "check":
            _fill_range(ws, h.range, h.text, bold=True, fill=HEADER_FILL)
        else:
            _fill_range(ws, h.range, h.text, bold=h.role == "header",
                        align=CENTER if h.role == "header" else LEFT,
                        fill=HEADER_FILL if h.role == "header" else None)

    validations: dict[ValueType, DataValidation] = {}
    totals = {r.anchor: r for r in table.relations if r.defines}
    for cell in table.cells:
        rng = cell.merge or cell.address
        if cell.input:
            _fill_range(ws, rng, None, fill=INPUT_FILL)
            for c in _cells(ws, rng):
                c.protection = UNLOCKED
            dv = validations.get(cell.type) or validations.setdefault(
                cell.type, _count_validation(cell.type))
            dv.add(cell.address)
        else:
            _fill_range(ws, rng, None, fill=TOTAL_FILL, bold=True)
            ws[cell.address] = formulas.total_formula(table, totals[(cell.row, cell.column)])
        ws[cell.address].number_format = "0.00" if cell.type is ValueType.AMOUNT else "0"
    for dv in validations.values():
        ws.add_data_validation(dv)

    for rel in table.relations:
        if rel.check_address is None:
            continue
        c = ws[rel.check_address]
        c.value = formulas.check_formula(table, rel)
        c.font = _font(10, bold=True)
        c.alignment = CENTER if rel.op == "=" else LEFT
        c.border = BORDER
        mark = FAIL if rel.op == "=" else WARN
        ws.conditional_formatting.add(rel.check_address, FormulaRule(
            formula=[f'LEFT({rel.check_address},1)="{mark}"'],
            fill=BAD_FILL if mark == FAIL else WARN_FILL,
            font=Font(name=FONT, bold=True, color="FFFFFF" if mark == FAIL else "000000")))

    inputs = formulas.ranges(c.address for c in table.cells if c.input)
    count = formulas.not_numbers(inputs)
    status = ws[table.status_address]
    status.value = (f'=IF(({count})=0,"{formulas.ALL_NUMBERS}",'
                    f'"{FAIL} 本表有"&({count})&"个数字格填了文字，请改为纯数字")')
    status.font = _font(10, bold=True)
    ws.conditional_formatting.add(table.status_address, FormulaRule(
        formula=[f'LEFT({table.status_address},1)="{FAIL}"'], fill=BAD_FILL,
        font=Font(name=FONT, bold=True, color="FFFFFF")))

    for col, width in table.column_widths.items():
        ws.column_dimensions[col].width = width
    ws.row_dimensions[1].height = 30
    for h in table.headers:
        first, last = (split(a)[1] for a in (h.range.split(":")[0], h.range.split(":")[-1]))
        if h.role == "label" and first == last:  # one-row label: tall enough for its text
            ws.row_dimensions[first].height = 32 if len(h.text) > 22 else 20
    for r in range(table.header_rows[0], table.header_rows[1] + 1):
        ws.row_dimensions[r].height = 22
    style.print_setup(ws, area=f"A1:{table.last_column}{table.last_row}", landscape=table.landscape,
                      title_rows=f"{table.header_rows[0]}:{table.header_rows[1]}", fit_height=True)  # one page
    first_input = next(c.address for c in table.cells if c.input)
    ws.freeze_panes = f"A{table.header_rows[1] + 1}" if table.key != "requests" else first_input
    _protect(ws)


def _protect(ws: Worksheet) -> None:
    """Protected without password; formatting stays allowed so the 校验 add-in can mark cells."""
    ws.protection.sheet = True
    ws.protection.formatCells = False


def _result_sheet(ws: Worksheet) -> None:
    """Present from the start (the workbook structure is locked against new sheets) and not
    protected: the 校验 button rewrites it, and the clerk writes 说明 beside the findings."""
    lay_out(ws)


def _unit_sheet(ws: Worksheet, form: Form, year: int | None) -> None:
    _fill_range(ws, "A1:C1", "单位基本信息", bold=True, size=14, border=False)
    for col, text in zip("ABC", ("项目", "填写内容", "填写说明"), strict=True):
        _fill_range(ws, f"{col}2", text, bold=True, fill=HEADER_FILL)
    for f in form.fields:
        r = split(f.address)[1]
        _fill_range(ws, f"A{r}", f.label, bold=f.required,
                    align=LEFT)
        _fill_range(ws, f"C{r}", f.prompt, align=LEFT)
        c = ws[f.address]
        c.fill, c.border, c.alignment, c.protection = INPUT_FILL, BORDER, LEFT, UNLOCKED
        c.font = _font()
        c.number_format = {FieldType.DATE: "yyyy-mm-dd", FieldType.YEAR: "0",
                           FieldType.COUNT: "0"}.get(f.type, "@")
        dv = _field_validation(f.type, f.label, f.prompt, f.choices, (form.first_year, form.last_year))
        dv.add(f.address)
        ws.add_data_validation(dv)
        if f.type is FieldType.YEAR and year is not None:
            c.value = year
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 44
    ws.column_dimensions["C"].width = 48
    last = max(split(f.address)[1] for f in form.fields)
    style.print_setup(ws, area=f"A1:C{last}", landscape=False)
    _protect(ws)


def _field_validation(ftype: FieldType, label: str, prompt: str, choices: tuple[str, ...],
                      years: tuple[int, int]) -> DataValidation:
    common = dict(allow_blank=True, showInputMessage=True, showErrorMessage=True,
                  promptTitle=label[:32], prompt=prompt, errorTitle=f"{label}有误"[:32])
    match ftype:
        case FieldType.CHOICE:
            return DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                  error="请从下拉列表中选择。", **common)
        case FieldType.CREDIT_CODE:
            return DataValidation(type="textLength", operator="equal", formula1="18",
                                  error="统一社会信用代码应为18位。", **common)
        case FieldType.DIVISION_CODE:
            return DataValidation(type="textLength", operator="equal", formula1="6",
                                  error="行政区划代码应为6位数字。", **common)
        case FieldType.YEAR:
            return DataValidation(type="whole", operator="between", formula1=str(years[0]),
                                  formula2=str(years[1]), error="请填写4位年份，如 2025。", **common)
        case FieldType.PHONE:
            return DataValidation(type="textLength", operator="between", formula1="7",
                                  formula2="20", error="请填写正确的电话号码。", **common)
        case FieldType.DATE:
            return DataValidation(type="date", operator="greaterThanOrEqual",
                                  formula1="44562",  # 2022-01-01
                                  error="请填写日期，如 2026-01-15。", **common)
        case FieldType.COUNT:
            return DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                  error="请填写大于或等于 0 的整数。", **common)
    return DataValidation(type="textLength", operator="lessThanOrEqual", formula1="200",
                          error="内容过长。", **common)


def _narrative_sheet(ws: Worksheet, form: Form) -> None:
    _fill_range(ws, "A1:B1", "文字部分（报告第一、五、六部分）", bold=True, size=14, border=False)
    _fill_range(ws, "A2", "部分", bold=True, fill=HEADER_FILL)
    _fill_range(ws, "B2", "内容（可直接粘贴正文）", bold=True, fill=HEADER_FILL)
    for s in form.sections:
        r = split(s.address)[1]
        _fill_range(ws, f"A{r}", s.label, bold=not s.parent, align=TOP_LEFT)
        c = ws[s.address]
        c.fill, c.border, c.alignment, c.protection = INPUT_FILL, BORDER, TOP_LEFT, UNLOCKED
        c.font = _font()
        c.number_format = "@"
        ws.row_dimensions[r].height = 90
        dv = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=s.label[:32],
                            prompt="粘贴或填写本部分正文。其中的数字应与统计表一致。")
        dv.add(s.address)
        ws.add_data_validation(dv)
    if (sec := next((s for s in form.sections if s.key == "other_matters"), None)) is not None:
        r = split(sec.address)[1]
        ws[f"A{r}"].value = sec.label + "\n（须说明是否收取信息处理费）"
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 90
    last = max(split(s.address)[1] for s in form.sections)
    style.print_setup(ws, area=f"A1:B{last}", landscape=False)
    _protect(ws)


def _info_sheet(ws: Worksheet, form: Form, year: int | None, contact: Mapping[str, str]) -> None:
    title = f"{year}年度" if year else ""
    lines: list[tuple[str, str]] = [
        ("title", f"{title}{form.title}统计表 · 填报说明"),
        ("text", f"格式依据：{form.id}《中华人民共和国政府信息公开工作年度报告格式》；"
                 f"模板版本 {form.version}。"),
        ("head", "一、怎么填"),
        ("text", f"1. 先填“{form.unit_sheet}”：单位全称、统一社会信用代码、行政区划代码、单位类别、"
                 "报告年度、填报人、联系电话、填报日期。"),
        ("text", "2. 再填三张统计表：" + "、".join(f"“{t.sheet}”" for t in form.tables)
                 + "。黄色格由您填写，灰色格是自动计算的合计，不能修改。"),
        ("text", "3. 件数填整数，没有发生的填 0，不要留空，不要带“件”字；收费金额以万元为单位，可以有小数。"),
        ("text", f"4. 在“{form.narrative_sheet}”中粘贴报告正文第一、五、六部分；"
                 "正文中的件数应与统计表一致，第六部分须说明是否收取信息处理费。"),
        ("text", "5. 填完后看下方“校验状态”：出现红色 ✗ 的地方请核对修改，全部为 ✓ 后再报送。"),
        ("head", "二、表内自动检查（无需任何插件，Excel、WPS 均可）"),
    ]
    for rel_rule in dict.fromkeys(r.rule for t in form.tables for r in t.relations):
        info = form.rule(rel_rule)
        lines.append(("text", f"· {info.title}：{info.hint}。"))
    lines += [
        ("text", "· 每张统计表下方有“数字格检查”，发现填了文字（如“3件”）的格子会提示。"),
        ("head", "三、校验规则的级别（报送前由本模板的“校验本工作簿”按钮或县政务公开办逐项检查）"),
        *(("text", f"· {LEVEL_ZH[level]}（{LEVEL_MEANING[level]}）："
                   + "、".join(r.title for r in form.rules if r.level is level and r.kind in CLERK_KINDS) + "。")
          for level in Level),
        ("head", "四、表格保护"),
        ("text", "各工作表已设保护（无密码），防止误改表格结构和公式。如确需调整："
                 "Excel/WPS 菜单“审阅”→“撤销工作表保护”，改完后请重新保护。请勿插入或删除行列。"),
        ("head", "五、遇到问题请联系"),
    ]
    r = 1
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90
    for kind, text in lines:
        if kind == "title":
            _fill_range(ws, f"A{r}:B{r}", text, bold=True, size=14, border=False)
            ws.row_dimensions[r].height = 30
        elif kind == "head":
            _fill_range(ws, f"A{r}:B{r}", text, bold=True, align=LEFT, border=False)
        else:
            _fill_range(ws, f"A{r}:B{r}", text, align=LEFT, border=False)
            ws.row_dimensions[r].height = max(32, 16 * (len(text) // 52 + 1))  # 52 characters a line
        r += 1
    for label in CONTACT_LABELS:
        _fill_range(ws, f"A{r}", label, align=LEFT)
        c = ws[f"B{r}"]
        c.fill, c.border, c.protection, c.font = INPUT_FILL, BORDER, UNLOCKED, _font()
        put(c, contact.get(label))
        r += 1
    ws[f"A{r}"] = "（由下发模板的政务公开办填写）"
    ws[f"A{r}"].font = _font(9)
    r += 2
    _fill_range(ws, f"A{r}", "校验状态", bold=True, fill=HEADER_FILL)
    ws[f"B{r}"] = _overall_status(form)
    ws[f"B{r}"].font = _font(12, bold=True)
    ws[f"B{r}"].border = BORDER
    ws.conditional_formatting.add(f"B{r}", FormulaRule(
        formula=[f'LEFT(B{r},1)="{FAIL}"'], fill=BAD_FILL,
        font=Font(name=FONT, bold=True, color="FFFFFF")))
    r += 2
    _fill_range(ws, f"A{r}:B{r}", "本模板由 gitools 生成。", align=LEFT, border=False)
    style.print_setup(ws, area=f"A1:B{r}", landscape=False)
    _protect(ws)


def _overall_status(form: Form) -> str:
    """How many live checks fail across all sheets, in one cell clerks see first."""
    parts = []
    for t in form.tables:
        sheet = "'" + t.sheet + "'!"
        checks = [r.check_address for r in t.relations if r.check_address and r.op == "="]
        for rng in formulas.ranges(checks):
            parts.append(f'COUNTIF({sheet}{rng},"{FAIL}*")')
        parts.append(f'COUNTIF({sheet}{t.status_address},"{FAIL}*")')
    n = "+".join(parts)
    return (f'=IF(({n})=0,"{OK} 各表勾稽关系相符，数字格均为数字",'
            f'"{FAIL} 有"&({n})&"处不符，请到各表查看红色提示")')


def _names(wb: Workbook, form: Form) -> None:
    by_sheet: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for t in form.tables:
        by_sheet[t.sheet] += [(c.name, c.address) for c in t.cells]
    for f in form.fields:
        by_sheet[f.sheet].append((f.name, f.address))
    for s in form.sections:
        by_sheet[s.sheet].append((s.name, s.address))
    for sheet, items in by_sheet.items():
        for name, address in items:
            col, row = split(address)
            wb.defined_names[name] = DefinedName(name, attr_text=f"'{sheet}'!${col}${row}")
