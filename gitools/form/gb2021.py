"""国办公开办函〔2021〕30号: the national format, declared once.

Labels are the official ones, character for character. Table layouts follow the official
tables (multi-level headers, merged label cells); addresses are computed here from the order
of rows and columns, so nothing else in the project knows a label or an address.
"""

from __future__ import annotations

from gitools.form.links import Carried, Stock
from gitools.form.model import (
    Cell,
    Column,
    FieldType,
    Form,
    HeaderCell,
    Relation,
    Row,
    Section,
    Table,
    UnitField,
    ValueType,
)
from gitools.form.rules import RULES

FORM_ID = "国办公开办函〔2021〕30号"
FORM_VERSION = "2021.1"
TITLE = "政府信息公开工作年度报告"

COL = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _span(c1: int, r1: int, c2: int, r2: int) -> str:
    a, b = f"{COL[c1]}{r1}", f"{COL[c2]}{r2}"
    return a if a == b else f"{a}:{b}"


# ---------------------------------------------------------------------------------------------
# 二、主动公开政府信息情况: four blocks, one per item of 条例第二十条
# ---------------------------------------------------------------------------------------------

ACTIVE_COLUMNS = (
    Column("issued", "本年制发件数"),
    Column("repealed", "本年废止件数"),
    Column("in_force", "现行有效件数"),
    Column("decisions", "本年处理决定数量"),
    Column("fee_amount", "本年收费金额（单位：万元）"),
)

# (block heading, columns of the block, rows of the block)
ACTIVE_BLOCKS = (
    (
        "第二十条第（一）项",
        ("issued", "repealed", "in_force"),
        (("regulations", "规章"), ("normative_documents", "行政规范性文件")),
    ),
    ("第二十条第（五）项", ("decisions",), (("licensing", "行政许可"),)),
    ("第二十条第（六）项", ("decisions",), (("penalties", "行政处罚"), ("enforcement", "行政强制"))),
    ("第二十条第（八）项", ("fee_amount",), (("fees", "行政事业性收费"),)),
)


FORMER_LABELS = {"normative_documents": ("规范性文件",)}  # as reports before 2021 printed the row


def _active_table() -> Table:
    key, sheet = "active", "二、主动公开"
    labels = {c.key: c.label for c in ACTIVE_COLUMNS}
    headers = [HeaderCell("A1:D1", "二、主动公开政府信息情况", "title")]
    rows: list[Row] = []
    cells: list[Cell] = []
    relations: list[Relation] = []
    r = 2
    for heading, cols, block_rows in ACTIVE_BLOCKS:
        headers.append(HeaderCell(_span(0, r, 3, r), heading, "header"))
        r += 1
        headers.append(HeaderCell(f"A{r}", "信息内容", "header"))
        wide = len(cols) == 1  # a single-column block spans B:D, as in the official table
        for i, ck in enumerate(cols):
            headers.append(HeaderCell(_span(1, r, 3, r) if wide else f"{COL[1 + i]}{r}",
                                      labels[ck], "header"))
        r += 1
        for rk, rlabel in block_rows:
            rows.append(Row(rk, rlabel, (heading,), FORMER_LABELS.get(rk, ())))
            headers.append(HeaderCell(f"A{r}", rlabel, "label"))
            for i, ck in enumerate(cols):
                vtype = ValueType.AMOUNT if ck == "fee_amount" else ValueType.COUNT
                cells.append(Cell(key, rk, ck, f"{COL[1 + i]}{r}", vtype, True,
                                  _span(1, r, 3, r) if wide else None))
            if cols == ("issued", "repealed", "in_force"):
                relations.append(Relation(
                    "active-in-force-below-issued", ((rk, "in_force"),), ((rk, "issued"),),
                    op=">=", check_address=f"E{r}"))
            r += 1
    headers.append(HeaderCell("E3", "提示", "header"))
    return Table(
        key=key, sheet=sheet, title="二、主动公开政府信息情况",
        rows=tuple(rows), columns=ACTIVE_COLUMNS, cells=tuple(cells),
        relations=tuple(relations), headers=tuple(headers), header_rows=(1, 1),
        last_column="D", last_row=r - 1, status_address=f"A{r + 1}",
        column_widths={"A": 22, "B": 16, "C": 16, "D": 16, "E": 34},
    )


# ---------------------------------------------------------------------------------------------
# 三、收到和处理政府信息公开申请情况
# ---------------------------------------------------------------------------------------------

REQUEST_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
ORGANISATIONS = "法人或其他组织"

REQUEST_COLUMNS = (
    Column("natural_person", "自然人", (APPLICANTS,)),
    Column("business", "商业企业", (APPLICANTS, ORGANISATIONS)),
    Column("research", "科研机构", (APPLICANTS, ORGANISATIONS)),
    Column("public_interest", "社会公益组织", (APPLICANTS, ORGANISATIONS)),
    Column("legal_service", "法律服务机构", (APPLICANTS, ORGANISATIONS)),
    Column("other_org", "其他", (APPLICANTS, ORGANISATIONS)),
    Column("total", "总计", (APPLICANTS,)),
)

RESULTS = "三、本年度办理结果"

# (group label, ((row key, sub-label), ...)); a group without sub-rows is one row itself
RESULT_GROUPS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("disclosed", "（一）予以公开", ()),
    ("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ()),
    ("withheld", "（三）不予公开", (
        ("withheld_state_secret", "1.属于国家秘密"),
        ("withheld_prohibited", "2.其他法律行政法规禁止公开"),
        ("withheld_three_security", "3.危及“三安全一稳定”"),
        ("withheld_third_party", "4.保护第三方合法权益"),
        ("withheld_internal_affairs", "5.属于三类内部事务信息"),
        ("withheld_process_info", "6.属于四类过程性信息"),
        ("withheld_enforcement_file", "7.属于行政执法案卷"),
        ("withheld_query", "8.属于行政查询事项"),
    )),
    ("unavailable", "（四）无法提供", (
        ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
        ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
        ("unavailable_unclear", "3.补正后申请内容仍不明确"),
    )),
    ("declined", "（五）不予处理", (
        ("declined_complaint", "1.信访举报投诉类申请"),
        ("declined_repeated", "2.重复申请"),
        ("declined_publication", "3.要求提供公开出版物"),
        ("declined_mass_repeated", "4.无正当理由大量反复申请"),
        ("declined_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    )),
    ("other", "（六）其他处理", (
        ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other_other", "3.其他"),
    )),
)
RESULTS_TOTAL = ("results_total", "（七）总计")


def _request_table() -> Table:
    key, sheet = "requests", "三、依申请公开"
    first_col, first_row = 3, 5  # D5 is the first number
    data_cols = [COL[first_col + i] for i in range(len(REQUEST_COLUMNS))]
    last = data_cols[-1]
    headers = [
        HeaderCell(f"A1:{last}1", "三、收到和处理政府信息公开申请情况", "title"),
        HeaderCell("A2:C4", REQUEST_NOTE, "header"),
        HeaderCell(f"D2:{last}2", APPLICANTS, "header"),
        HeaderCell("D3:D4", "自然人", "header"),
        HeaderCell(f"E3:{data_cols[-2]}3", ORGANISATIONS, "header"),
        HeaderCell(f"{last}3:{last}4", "总计", "header"),
    ]
    headers += [HeaderCell(f"{data_cols[1 + i]}4", c.label, "header")
                for i, c in enumerate(REQUEST_COLUMNS[1:-1])]

    rows: list[Row] = []
    r = first_row

    def add_row(rk: str, label: str, path: tuple[str, ...], label_range: str) -> None:
        nonlocal r
        rows.append(Row(rk, label, path))
        headers.append(HeaderCell(label_range, label, "label"))
        r += 1

    add_row("new", "一、本年新收政府信息公开申请数量", (), f"A{r}:C{r}")
    add_row("carried_over", "二、上年结转政府信息公开申请数量", (), f"A{r}:C{r}")
    results_first = r
    for group_key, group_label, subs in RESULT_GROUPS:
        if not subs:
            add_row(group_key, group_label, (RESULTS,), f"B{r}:C{r}")
            continue
        headers.append(HeaderCell(f"B{r}:B{r + len(subs) - 1}", group_label, "label"))
        for rk, label in subs:
            add_row(rk, label, (RESULTS, group_label), f"C{r}")
    result_keys = [row.key for row in rows[2:]]
    add_row(*RESULTS_TOTAL, (RESULTS,), f"B{r}:C{r}")
    headers.append(HeaderCell(f"A{results_first}:A{r - 1}", RESULTS, "label"))
    add_row("carried_forward", "四、结转下年度继续办理", (), f"A{r}:C{r}")
    check_row = r
    headers.append(HeaderCell(f"A{check_row}:C{check_row}",
                              "校验：一＋二＝三（七）＋四", "check"))

    col_of = {c.key: data_cols[i] for i, c in enumerate(REQUEST_COLUMNS)}
    row_of = {row.key: first_row + i for i, row in enumerate(rows)}
    totals = {("results_total", c.key) for c in REQUEST_COLUMNS} | {
        (row.key, "total") for row in rows}
    cells = tuple(
        Cell(key, row.key, c.key, f"{col_of[c.key]}{row_of[row.key]}", ValueType.COUNT,
             (row.key, c.key) not in totals)
        for row in rows for c in REQUEST_COLUMNS)

    applicant_keys = [c.key for c in REQUEST_COLUMNS[:-1]]
    relations = [
        Relation("requests-row-total", ((row.key, "total"),),
                 tuple((row.key, ck) for ck in applicant_keys), defines=True)
        for row in rows
    ]
    relations += [
        Relation("requests-results-total", (("results_total", c.key),),
                 tuple((rk, c.key) for rk in result_keys), defines=True)
        for c in REQUEST_COLUMNS
    ]
    relations += [
        Relation("requests-balance", (("new", c.key), ("carried_over", c.key)),
                 (("results_total", c.key), ("carried_forward", c.key)),
                 check_address=f"{col_of[c.key]}{check_row}")
        for c in REQUEST_COLUMNS
    ]
    return Table(
        key=key, sheet=sheet, title="三、收到和处理政府信息公开申请情况",
        rows=tuple(rows), columns=REQUEST_COLUMNS, cells=cells, relations=tuple(relations),
        headers=tuple(headers), header_rows=(2, 4), last_column=last, last_row=check_row,
        status_address=f"A{check_row + 2}", landscape=True,
        column_widths={"A": 8, "B": 14, "C": 28, **{c: 11 for c in data_cols}},  # landscape A4 at 8 pt
    )


# ---------------------------------------------------------------------------------------------
# 四、政府信息公开行政复议、行政诉讼情况
# ---------------------------------------------------------------------------------------------

OUTCOMES = (("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"),
            ("pending", "尚未审结"), ("total", "总计"))
APPEAL_GROUPS = (
    ("review", ("行政复议",)),
    ("direct_suit", ("行政诉讼", "未经复议直接起诉")),
    ("suit_after_review", ("行政诉讼", "复议后起诉")),
)


def _appeal_table() -> Table:
    key, sheet = "appeals", "四、复议诉讼"
    columns = tuple(Column(f"{g}_{o}", label, path)
                    for g, path in APPEAL_GROUPS for o, label in OUTCOMES)
    data_row = 5
    headers = [
        HeaderCell("A1:O1", "四、政府信息公开行政复议、行政诉讼情况", "title"),
        HeaderCell("A2:E2", "行政复议", "header"),
        HeaderCell("F2:O2", "行政诉讼", "header"),
        HeaderCell("F3:J3", "未经复议直接起诉", "header"),
        HeaderCell("K3:O3", "复议后起诉", "header"),
    ]
    headers += [HeaderCell(f"{COL[i]}3:{COL[i]}4", label, "header")
                for i, (_, label) in enumerate(OUTCOMES)]
    headers += [HeaderCell(f"{COL[i]}4", columns[i].label, "header") for i in range(5, 15)]
    row = Row("cases", "件数")
    cells = tuple(Cell(key, row.key, c.key, f"{COL[i]}{data_row}", ValueType.COUNT,
                       not c.key.endswith("_total"))
                  for i, c in enumerate(columns))
    relations = tuple(
        Relation("appeals-group-total", (("cases", f"{g}_total"),),
                 tuple(("cases", f"{g}_{o}") for o, _ in OUTCOMES[:-1]), defines=True)
        for g, _ in APPEAL_GROUPS)
    return Table(
        key=key, sheet=sheet, title="四、政府信息公开行政复议、行政诉讼情况",
        rows=(row,), columns=columns, cells=cells, relations=relations,
        headers=tuple(headers), header_rows=(2, 4), last_column="O", last_row=data_row,
        status_address=f"A{data_row + 2}", landscape=True, column_widths={COL[i]: 9 for i in range(15)},
    )


# ---------------------------------------------------------------------------------------------
# The unit's identity and the narrative
# ---------------------------------------------------------------------------------------------

UNIT_SHEET = "单位信息"
SUMMARY_CATEGORY = "汇总"
UNIT_CATEGORIES = ("县（市、区）人民政府", "县（市、区）政府部门", "乡（镇）人民政府",
                   "街道办事处", "其他", SUMMARY_CATEGORY)

_FIELDS = (  # key, label, type, required (unit), required (summary), prompt
    ("unit_name", "单位名称", FieldType.TEXT, True, True, "填写单位全称，如：××县××镇人民政府"),
    ("credit_code", "统一社会信用代码", FieldType.CREDIT_CODE, True, False,
     "18位，数字和大写字母（不含 I、O、S、V、Z）"),
    ("division_code", "行政区划代码", FieldType.DIVISION_CODE, True, True, "6位数字，如 410402"),
    ("unit_category", "单位类别", FieldType.CHOICE, True, True, "从下拉列表中选择"),
    ("report_year", "报告年度", FieldType.YEAR, True, True, "4位年份，即报告所统计的年度，如 2025"),
    ("preparer", "填报人", FieldType.TEXT, True, False, "填报人姓名"),
    ("phone", "联系电话", FieldType.PHONE, True, False, "固定电话（含区号）或手机号码"),
    ("filled_on", "填报日期", FieldType.DATE, True, True, "日期，如 2026-01-15"),
    ("unit_count", "汇总单位数（仅汇总表填写）", FieldType.COUNT, False, True,
     "汇总表由 gitools 自动填写，单位填报时留空"),
)
FIELDS = tuple(
    UnitField(k, label, UNIT_SHEET, f"B{3 + i}", t, req,
              UNIT_CATEGORIES if t is FieldType.CHOICE else (), prompt, summary_req)
    for i, (k, label, t, req, summary_req, prompt) in enumerate(_FIELDS)
)

NARRATIVE_SHEET = "一五六、文字部分"
_SECTIONS = (
    ("overview", "一、总体情况", ""),
    ("overview_active", "（一）主动公开", "overview"),
    ("overview_requests", "（二）依申请公开", "overview"),
    ("overview_management", "（三）政府信息管理", "overview"),
    ("overview_platforms", "（四）政府信息公开平台建设", "overview"),
    ("overview_oversight", "（五）监督保障", "overview"),
    ("problems", "五、存在的主要问题及改进情况", ""),
    ("other_matters", "六、其他需要报告的事项", ""),
)
SECTIONS = tuple(Section(k, label, NARRATIVE_SHEET, f"B{3 + i}", parent)
                 for i, (k, label, parent) in enumerate(_SECTIONS))

INFO_SHEET = "填报说明"

LINKS = (
    Carried("previous-carry-mismatch", "requests", this_row="carried_over", last_row="carried_forward"),
    Stock("previous-in-force-mismatch", "active", rows=("regulations", "normative_documents"),
          stock="in_force", added="issued", removed="repealed"),
)

FORM = Form(
    id=FORM_ID, title=TITLE, version=FORM_VERSION,
    tables=(_active_table(), _request_table(), _appeal_table()),
    fields=FIELDS, sections=SECTIONS, rules=RULES,
    info_sheet=INFO_SHEET, unit_sheet=UNIT_SHEET, narrative_sheet=NARRATIVE_SHEET,
    summary_category=SUMMARY_CATEGORY, links=LINKS,
)

__all__ = ["FORM"]
