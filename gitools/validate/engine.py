"""Run the schemas and the cross-checks on a Submission; everything comes out as Findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from gitools.findings import FileReport, Finding, finding
from gitools.form import FORM
from gitools.form.addresses import split
from gitools.form.model import Form, Relation, Table
from gitools.reader import NotReadable, Submission, read_submission
from gitools.validate import numbers_in_text as nt
from gitools.validate.codes import credit_code_problem, division_code_problem, phone_problem
from gitools.validate.schemas import stack, table_schema, unit_schema, unstack_position
from gitools.values import display

_SCHEMAS: dict[tuple[int, str], pa.DataFrameSchema] = {}


def _schema(table: Table) -> pa.DataFrameSchema:
    key = (id(table), table.key)
    if key not in _SCHEMAS:
        _SCHEMAS[key] = table_schema(table)
    return _SCHEMAS[key]


def _failures(schema: pa.DataFrameSchema, df: pd.DataFrame) -> list[tuple[str, object, str | None]]:
    """pandera's failure cases as (check, index, column), one per failing cell.

    A frame-wide check reports one line per failing row with a dict {column: value} as its
    failure case; that is unfolded here so every finding names its cell.
    """
    try:
        schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as e:
        out = []
        for case in e.failure_cases.itertuples():
            if isinstance(case.failure_case, dict):
                out += [(case.check, case.index, col) for col in case.failure_case]
            else:
                out.append((case.check, case.index, case.column))
        return out
    return []


# --- tables ------------------------------------------------------------------------------

_TOTAL_OF = {
    "requests-row-total": "各类申请人之和",
    "requests-results-total": "（一）至（六）各项办理结果之和",
    "appeals-group-total": "结果维持、结果纠正、其他结果、尚未审结之和",
}


def _relation_message(table: Table, rel: Relation, sub: Submission, lhs: float, rhs: float) -> str:
    src = sub.source(table.key, *rel.anchor)
    label = table.cell_label(*rel.anchor)
    diff = display(abs(lhs - rhs))
    if rel.rule in _TOTAL_OF:
        return (f"{src.sheet} {src.cell}：{label}为 {display(lhs)}，但{_TOTAL_OF[rel.rule]}为 "
                f"{display(rhs)}，相差 {diff}，请核对")
    if rel.rule == "requests-balance":
        column = table.column(rel.anchor[1]).label
        return (f"{src.sheet} {src.cell}（{column}列）：本年新收＋上年结转＝{display(lhs)}，"
                f"办理结果总计＋结转下年度＝{display(rhs)}，相差 {diff}，请核对")
    other = table.cell_label(*rel.rhs[0])
    return f"{src.sheet} {src.cell}：{label}（{display(lhs)}）小于{other.split('·')[-1]}（{display(rhs)}），请核对"


def _table_findings(table: Table, subs: Sequence[Submission]) -> list[tuple[int, Finding]]:
    """Findings on one table of many reports, as (report position, finding)."""
    out: list[tuple[int, Finding]] = []
    relations = {(r.rule, r.anchor): r for r in table.relations}
    stacked = stack(table, [s.tables[table.key] for s in subs])
    for rule, index, col in _failures(_schema(table), stacked):
        if index is None or col is None:
            continue
        i, row = unstack_position(table, int(index))
        if not table.has_cell(row, col):
            continue
        sub = subs[i]
        df = sub.tables[table.key]
        src = sub.source(table.key, row, col)
        label = table.cell_label(row, col)
        value = df.at[row, col]
        if rule.startswith("value-") and not table.cell(row, col).input:
            continue  # a total is wrong because a part is: the part and the identity say so
        if rule == "value-negative":
            f = finding(rule, f"{src.sheet} {src.cell}（{label}）为 {display(value)}，不能为负数",
                        sheet=src.sheet, cell=src.cell, expected="≥0", actual=value)
        elif rule == "value-not-whole":
            f = finding(rule, f"{src.sheet} {src.cell}（{label}）为 {display(value)}，件数必须是整数",
                        sheet=src.sheet, cell=src.cell, expected="整数", actual=value)
        elif (rule, (row, col)) in relations:
            rel = relations[(rule, (row, col))]
            lhs = float(sum(df.at[r, c] for r, c in rel.lhs))
            rhs = float(sum(df.at[r, c] for r, c in rel.rhs))
            f = finding(rule, _relation_message(table, rel, sub, lhs, rhs),
                        sheet=src.sheet, cell=src.cell, expected=_num(rhs), actual=_num(lhs))
        else:
            continue
        out.append((i, f))
    return out


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


# --- the unit ----------------------------------------------------------------------------


def _unit_findings(form: Form, subs: Sequence[Submission], today: dt.date) -> list[tuple[int, Finding]]:
    frame = pd.DataFrame([dict(s.unit) for s in subs], columns=[f.key for f in form.fields], dtype=object)
    out: list[tuple[int, Finding]] = []
    seen: set[tuple[int, str, str]] = set()
    for check, i, column in _failures(unit_schema(form, today), frame):
        rule, _, field_key = check.partition(":")  # frame-wide checks name their field
        rule = "unit-field-missing" if rule == "not_nullable" else rule
        key = field_key or column
        if key is None or (i, rule, key) in seen:
            continue
        seen.add((i, rule, key))
        sub = subs[i]
        f = form.field(key)
        src = sub.sources.get(f.name)
        where = {"sheet": src.sheet, "cell": src.cell} if src else {"sheet": f.sheet}
        at = f"{src.sheet} {src.cell}：" if src else f"{f.sheet}："
        value = sub.unit.get(key)
        if rule == "unit-field-missing":
            msg = f"{at}{f.label}未填写"
        elif rule == "credit-code-invalid":
            msg = f"{at}统一社会信用代码“{value}”{credit_code_problem(str(value))}"
        elif rule == "division-code-invalid":
            msg = f"{at}行政区划代码“{value}”{division_code_problem(str(value))}"
        elif rule == "division-code-mismatch":
            code = sub.unit["credit_code"]
            msg = (f"{at}行政区划代码 {value} 与统一社会信用代码第3至8位 {code[2:8]} 不一致，"
                   "请核对（代码中是登记机关所在地的区划）")
            where["expected"] = code[2:8]
        elif rule == "phone-invalid":
            msg = f"{at}联系电话“{value}”{phone_problem(str(value))}"
        elif rule == "report-year-invalid":
            msg = f"{at}报告年度“{value}”有误：应为 2021 至 {today.year} 年之间的4位年份"
        elif rule == "date-invalid":
            msg = (f"{at}填报日期“{value}”有误：应为日期，不晚于今天，且不早于报告年度"
                   if not isinstance(value, dt.date) or value > today else
                   f"{at}填报日期 {value} 早于报告年度 {sub.unit['report_year']}，请核对")
        elif rule == "unit-category-invalid":
            msg = f"{at}单位类别“{value}”不在列表中，请从下拉列表选择"
        else:
            msg = f"{at}{f.label}“{value}”有误"
        out.append((i, finding(rule, msg, actual=None if value is None else str(value), **where)))
    return out


# --- narrative against tables ------------------------------------------------------------


def _narrative_findings(form: Form, sub: Submission) -> list[Finding]:
    out: list[Finding] = []
    texts = sub.narrative

    def compare(rule: str, keys: tuple[str, ...], patterns, table: str, row: str, col: str) -> None:
        for key in keys:
            stated = nt.stated_count(texts.get(key, ""), patterns)
            if stated is None:
                continue
            n, phrase = stated
            actual = sub.tables[table].at[row, col]
            if pd.notna(actual) and n != actual:
                s = next(s for s in form.sections if s.key == key)
                src = sub.sources.get(s.name)
                t = form.table(table)
                out.append(finding(
                    rule, f"{s.sheet} {src.cell if src else s.address}（{s.label}）：正文写“{phrase}”，"
                          f"而“{t.sheet}”中{t.cell_label(row, col)}为 {display(actual)}，请核对",
                    sheet=src.sheet if src else s.sheet, cell=src.cell if src else s.address,
                    expected=_num(actual), actual=n))
            return

    overview = ("overview_requests", "overview", "overview_active", "overview_management")
    compare("narrative-requests-mismatch", overview, nt.REQUESTS_RECEIVED, "requests", "new", "total")
    compare("narrative-documents-mismatch",
            ("overview_management", "overview_active", "overview", "other_matters"),
            nt.DOCUMENTS_ISSUED, "active", "normative_documents", "issued")
    other = texts.get("other_matters", "")
    summary = sub.unit.get("unit_category") == form.summary_category  # the county writes its own text
    if not summary and not any(word in other for word in ("处理费", "收费", "收取")):
        s = next(s for s in form.sections if s.key == "other_matters")
        src = sub.sources.get(s.name)
        what = "未填写" if not other else "没有说明是否收取信息处理费"
        out.append(finding("narrative-fee-missing",
                           f"{s.sheet} {src.cell if src else s.address}：“{s.label}”{what}；"
                           "按规定应说明本年度是否收取信息处理费",
                           sheet=src.sheet if src else s.sheet, cell=src.cell if src else s.address))
    return out


# --- across years ------------------------------------------------------------------------


def _previous_findings(form: Form, sub: Submission, prev: Submission) -> list[Finding]:
    this_year, last_year = sub.unit.get("report_year"), prev.unit.get("report_year")
    same_unit = (sub.unit.get("credit_code") == prev.unit.get("credit_code")
                 if sub.unit.get("credit_code") and prev.unit.get("credit_code")
                 else sub.unit.get("unit_name") == prev.unit.get("unit_name"))
    if not same_unit or not isinstance(this_year, int) or last_year != this_year - 1:
        return [finding("previous-not-comparable",
                        f"上年报告（{prev.path}：{prev.unit.get('unit_name')} {last_year} 年度）与本报告"
                        f"（{sub.unit.get('unit_name')} {this_year} 年度）不是同一单位的相邻年度，未做跨年比对")]
    out: list[Finding] = []
    t = form.table("requests")
    now, before = sub.tables["requests"], prev.tables["requests"]
    for col in t.columns:
        a, b = now.at["carried_over", col.key], before.at["carried_forward", col.key]
        if pd.notna(a) and pd.notna(b) and a != b:
            src = sub.source(t.key, "carried_over", col.key)
            out.append(finding(
                "previous-carry-mismatch",
                f"{src.sheet} {src.cell}（上年结转·{col.label}）为 {display(a)}，"
                f"但 {last_year} 年度报告“结转下年度继续办理”为 {display(b)}，请核对",
                sheet=src.sheet, cell=src.cell, expected=_num(b), actual=_num(a)))
    a2 = form.table("active")
    now2, before2 = sub.tables["active"], prev.tables["active"]
    for row in ("regulations", "normative_documents"):
        expected = before2.at[row, "in_force"] + now2.at[row, "issued"] - now2.at[row, "repealed"]
        actual = now2.at[row, "in_force"]
        if pd.notna(expected) and pd.notna(actual) and expected != actual:
            src = sub.source(a2.key, row, "in_force")
            out.append(finding(
                "previous-in-force-mismatch",
                f"{src.sheet} {src.cell}（{a2.row(row).label}·现行有效件数）为 {display(actual)}；"
                f"上年现行有效 {display(before2.at[row, 'in_force'])} ＋本年制发 {display(now2.at[row, 'issued'])} "
                f"－本年废止 {display(now2.at[row, 'repealed'])} ＝ {display(expected)}，请核对（文件也可能自然失效）",
                sheet=src.sheet, cell=src.cell, expected=_num(expected), actual=_num(actual)))
    return out


# --- entry points ------------------------------------------------------------------------


def validate_all(subs: Sequence[Submission], form: Form = FORM, today: dt.date | None = None,
                 previous: Submission | None = None) -> list[list[Finding]]:
    """The findings on each of many submissions; each schema runs once over all of them.
    With ``previous``, each is also compared with that report of the year before."""
    today = today or dt.date.today()
    found = [list(s.findings) for s in subs]
    if subs:
        pairs = [p for table in form.tables for p in _table_findings(table, subs)]
        pairs += _unit_findings(form, subs, today)
        for i, f in pairs:
            found[i].append(f)
    for i, sub in enumerate(subs):
        found[i] += _narrative_findings(form, sub)
        if previous is not None:
            found[i] += _previous_findings(form, sub, previous)
    return [sorted(fs, key=lambda f: _order(form, f)) for fs in found]


def validate(sub: Submission, form: Form = FORM, previous: Submission | None = None,
             today: dt.date | None = None) -> list[Finding]:
    """All findings on a submission: what reading met, then every rule of the form."""
    return validate_all([sub], form, today, previous)[0]


def _order(form: Form, f: Finding) -> tuple:
    sheets = [form.info_sheet, form.unit_sheet, *(t.sheet for t in form.tables), form.narrative_sheet]
    rank = sheets.index(f.sheet) if f.sheet in sheets else (-1 if f.sheet is None else len(sheets))
    col, row = split(f.cell) if f.cell else ("", 0)
    return rank, row, len(col), col


def validate_file(path: Path, form: Form = FORM, previous: Submission | None = None,
                  today: dt.date | None = None) -> tuple[FileReport, Submission | None]:
    """Read and validate one file; an unreadable file is a report, not an exception."""
    return validate_files([path], form, previous, today)[0]


def validate_files(paths: Sequence[Path], form: Form = FORM, previous: Submission | None = None,
                   today: dt.date | None = None, batch: int = 64) -> list[tuple[FileReport, Submission | None]]:
    """Many files, validated a batch at a time (the schemas' fixed cost is paid once a batch)."""
    out: list[tuple[FileReport, Submission | None]] = []
    for start in range(0, len(paths), batch):
        subs: list[Submission | NotReadable] = []
        for path in paths[start:start + batch]:
            try:
                subs.append(read_submission(path, form))
            except NotReadable as e:
                subs.append(e)
        readable = [s for s in subs if isinstance(s, Submission)]
        found = iter(validate_all(readable, form, today, previous))
        for path, sub in zip(paths[start:start + batch], subs, strict=True):
            if isinstance(sub, NotReadable):
                out.append((FileReport(str(path), [sub.finding], readable=False), None))
            else:
                out.append((FileReport(str(path), next(found)), sub))
    return out

