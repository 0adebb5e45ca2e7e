"""The template's 填报说明 sheet: how to fill it in, the live checks and the rule levels from
the catalog, the county office's contact, and the overall live status a clerk sees first."""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from gitools.form.catalog import Level, RuleKind
from gitools.form.model import Form
from gitools.form.rules import LEVEL_MEANING, LEVEL_ZH
from gitools.io.cells import put
from gitools.outputs.xlsx.style import (
    BAD_FILL,
    BORDER,
    FONT,
    HEADER_FILL,
    INPUT_FILL,
    LEFT,
    UNLOCKED,
    fill_range,
    font,
    print_setup,
    protect,
)
from gitools.outputs.xlsx.template import formulas
from gitools.outputs.xlsx.template.formulas import FAIL, OK

CONTACT_LABELS = ("联系单位", "联系人", "联系电话")  # the county office's contact block
CLERK_KINDS = {RuleKind.RELATION, RuleKind.PARSE, RuleKind.VALUE, RuleKind.FIELD, RuleKind.NARRATIVE,
               RuleKind.CROSS_YEAR}  # the rules on what a clerk fills in


def _lines(form: Form, year: int | None) -> list[tuple[str, str]]:
    """What the sheet says, line by line: (title | head | text, words)."""
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
    return lines


def info_sheet(ws: Worksheet, form: Form, year: int | None, contact: Mapping[str, str]) -> None:
    r = 1
    ws.column_dimensions["A"].width = 18  # a portrait A4 at 8 pt and more
    ws.column_dimensions["B"].width = 74
    for kind, text in _lines(form, year):
        if kind == "title":
            fill_range(ws, f"A{r}:B{r}", text, bold=True, size=14, border=False)
            ws.row_dimensions[r].height = 30
        elif kind == "head":
            fill_range(ws, f"A{r}:B{r}", text, bold=True, align=LEFT, border=False)
        else:
            fill_range(ws, f"A{r}:B{r}", text, align=LEFT, border=False)
            ws.row_dimensions[r].height = max(32, 16 * (len(text) // 52 + 1))  # 52 characters a line
        r += 1
    _contact_and_status(ws, form, r, contact)


def _contact_and_status(ws: Worksheet, form: Form, r: int, contact: Mapping[str, str]) -> None:
    """The county office's contact block (filled by the office), then the live 校验状态."""
    for label in CONTACT_LABELS:
        fill_range(ws, f"A{r}", label, align=LEFT)
        c = ws[f"B{r}"]
        c.fill, c.border, c.protection, c.font = INPUT_FILL, BORDER, UNLOCKED, font()
        put(c, contact.get(label))
        r += 1
    ws[f"A{r}"] = "（由下发模板的政务公开办填写）"
    ws[f"A{r}"].font = font(9)
    r += 2
    fill_range(ws, f"A{r}", "校验状态", bold=True, fill=HEADER_FILL)
    ws[f"B{r}"] = _overall_status(form)
    ws[f"B{r}"].font = font(12, bold=True)
    ws[f"B{r}"].border = BORDER
    ws.conditional_formatting.add(f"B{r}", FormulaRule(
        formula=[f'LEFT(B{r},1)="{FAIL}"'], fill=BAD_FILL,
        font=Font(name=FONT, bold=True, color="FFFFFF")))
    r += 2
    fill_range(ws, f"A{r}:B{r}", "本模板由 gitools 生成。", align=LEFT, border=False)
    print_setup(ws, area=f"A1:B{r}", landscape=False)
    protect(ws)


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
