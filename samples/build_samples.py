"""Build the filled sample workbooks in samples/ from the template.

    python samples/build_samples.py

One workbook per real published report in samples/seeds/ (values as published and
checked by hand, narrative as `gitools import` reads it; the identity fields a published
report does not carry stay blank), consistent examples, and
faulty ones that between them break every rule.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from gitools.form import FORM, sheets
from gitools.inputs.read import import_report
from gitools.io.atomic import atomic_write
from gitools.io.cells import put
from gitools.outputs.xlsx.template import build
from gitools.outputs.xlsx.template.fill import fill
from gitools.outputs.xlsx.template.fill import zeros as fill_zeros
from gitools.testing.synthetic import NARRATIVE, credit_code, realistic_values

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"

Values = dict[tuple[str, str, str], object]


def zeros() -> Values:
    return fill_zeros(FORM)


def write(name: str, unit: dict[str, object], values: Values, narrative: dict[str, str],
          explanations: dict[str, str] | None = None) -> Path:
    """A filled workbook; ``explanations`` (finding identity → 说明) as a clerk types them in 校验结果."""
    wb = fill(build(FORM), FORM, unit=unit, values=values, narrative=narrative)
    ws = wb[FORM.result_sheet]
    for row, (key, text) in enumerate((explanations or {}).items(), start=sheets.RESULT_FIRST_ROW):
        put(ws.cell(row, sheets.KEY_COLUMN), key)
        put(ws.cell(row, sheets.EXPLAIN_COLUMN), text)
    path = HERE / f"{name}.xlsx"
    path.parent.mkdir(exist_ok=True)
    with atomic_write(path) as tmp:
        wb.save(tmp)
    return path


# --- the five published reports -----------------------------------------------------------


SEED_REPORTS = {
    # file: (sample name, 单位名称, 报告年度, 单位类别, non-zero published values)
    "000_6a1ea5d47ca6a7aa.txt": ("seed-000-新华区焦店镇-2023", "新华区焦店镇人民政府", 2023, "乡（镇）人民政府", {
        ("requests", "new", "natural_person"): 1,
        ("requests", "partially_disclosed", "natural_person"): 1}),
    "001_273e2686118735bf.txt": ("seed-001-勍香镇-2022", "勍香镇人民政府", 2022, "乡（镇）人民政府", {}),
    "002_e8660239deac921c.txt": ("seed-002-新乡县政府办-2023", "新乡县人民政府办公室", 2023, "县（市、区）政府部门", {
        ("active", "normative_documents", "issued"): 2, ("active", "normative_documents", "in_force"): 2,
        ("requests", "new", "natural_person"): 2, ("requests", "disclosed", "natural_person"): 2}),
    "003_f8e573e1db3a03c4.txt": ("seed-003-鲁山县露峰街道-2023", "鲁山县露峰街道办事处", 2023, "街道办事处", {
        ("active", "normative_documents", "issued"): 1, ("active", "normative_documents", "in_force"): 1}),
    "004_b4c873c83d7e3610.txt": ("seed-004-平罗县陶乐镇-2023", "平罗县陶乐镇人民政府", 2023, "乡（镇）人民政府", {}),
}


def build_seeds() -> list[Path]:
    paths = []
    for file, (name, unit_name, year, category, values) in SEED_REPORTS.items():
        text = (SEEDS / file).read_text(encoding="utf-8")
        narrative = import_report(SEEDS / file, FORM)[1].narrative  # sections as the importer reads them
        assert unit_name[:4] in text and str(year) in text, file
        paths.append(write(name, {"unit_name": unit_name, "report_year": year, "unit_category": category},
                           zeros() | values, narrative))
    return paths


# --- made-up examples ------------------------------------------------------------------------

COUNTY_DEPT = {
    "unit_name": "示例县自然资源局", "credit_code": credit_code("410721", "MB1234567"[:8]),
    "division_code": "410721", "unit_category": "县（市、区）政府部门", "report_year": 2025,
    "preparer": "张三", "phone": "0373-5551234", "filled_on": dt.date(2026, 1, 12),
}
TOWNSHIP = {
    "unit_name": "示例县城关镇人民政府", "credit_code": credit_code("410721", "00543210"),
    "division_code": "410721", "unit_category": "乡（镇）人民政府", "report_year": 2025,
    "preparer": "李四", "phone": "13800138000", "filled_on": dt.date(2026, 1, 20),
}


def county_values() -> Values:
    v = zeros()
    v |= {("active", "normative_documents", "issued"): 2, ("active", "normative_documents", "repealed"): 1,
          ("active", "normative_documents", "in_force"): 9, ("active", "licensing", "decisions"): 318,
          ("active", "penalties", "decisions"): 41, ("active", "enforcement", "decisions"): 3,
          ("active", "fees", "fee_amount"): 12.35}
    r = "requests"
    v |= {(r, "new", "natural_person"): 10, (r, "new", "business"): 2,
          (r, "carried_over", "natural_person"): 1,
          (r, "disclosed", "natural_person"): 5, (r, "disclosed", "business"): 1,
          (r, "partially_disclosed", "natural_person"): 2,
          (r, "unavailable_not_held", "natural_person"): 3,
          (r, "declined_repeated", "business"): 1,
          (r, "carried_forward", "natural_person"): 1}
    v |= {("appeals", "cases", "review_upheld"): 1, ("appeals", "cases", "direct_suit_pending"): 1}
    return v


COUNTY_NARRATIVE = {
    "overview": "2025年，示例县自然资源局认真贯彻《中华人民共和国政府信息公开条例》，全面推进政务公开。",
    "overview_active": "全年通过政府门户网站主动公开政府信息 326 条。",
    "overview_requests": "2025年共收到政府信息公开申请 12 件，上年结转 1 件，均依法按时答复。",
    "overview_management": "全年制发行政规范性文件 2 件，废止 1 件，均同步公开并配发解读。",
    "overview_platforms": "完成网站栏目优化。",
    "overview_oversight": "将政务公开纳入年度考核。",
    "problems": "存在问题：公开内容不够丰富。改进情况：加强培训。",
    "other_matters": "本年度未收取政府信息公开信息处理费。",
}


def township_values() -> Values:
    v = zeros()
    v |= {("requests", "new", "natural_person"): 1, ("requests", "disclosed", "natural_person"): 1}
    return v


def build_examples() -> list[Path]:
    paths = [
        write("example-county-dept-2025", COUNTY_DEPT, county_values(), COUNTY_NARRATIVE),
        write("example-township-2025", TOWNSHIP, township_values(), {
            "overview": "2025年，城关镇收到政府信息公开申请 1 件，已按期答复。",
            "problems": "公开力量薄弱，将加强培训。",
            "other_matters": "本年度未收取信息处理费。"}),
    ]
    # last year's report of the county department, consistent with this year's
    prev = county_values() | {("active", "normative_documents", "issued"): 1,
                              ("active", "normative_documents", "repealed"): 0,
                              ("active", "normative_documents", "in_force"): 8,
                              ("requests", "carried_over", "natural_person"): 0}
    prev[("requests", "new", "natural_person")] = 11
    paths.append(write("example-county-dept-2024", COUNTY_DEPT | {"report_year": 2024,
                       "filled_on": dt.date(2025, 1, 10)}, prev,
                       COUNTY_NARRATIVE | {"overview_requests": "2024年共收到政府信息公开申请 13 件。",
                                           "overview_management": "全年制发行政规范性文件 1 件。"}))
    return paths


def build_faulty() -> list[Path]:
    r = "requests"
    totals_broken = county_values() | {(r, "carried_forward", "natural_person"): 0,  # 一+二 ≠ 三（七）+四
                                       (r, "new", "total"): 13,  # a constant over the total formula
                                       ("appeals", "cases", "review_total"): 5}
    values_bad = county_values() | {(r, "new", "natural_person"): "１０件", (r, "new", "business"): "两个",
                                    (r, "disclosed", "natural_person"): -5,
                                    (r, "disclosed", "business"): 1.5,
                                    (r, "partially_disclosed", "natural_person"): None,
                                    ("active", "fees", "fee_amount"): "12.35万元"}
    identity_bad = COUNTY_DEPT | {"credit_code": COUNTY_DEPT["credit_code"][:-1] + "0"
                                  if COUNTY_DEPT["credit_code"][-1] != "0" else COUNTY_DEPT["credit_code"][:-1] + "1",
                                  "division_code": "410702", "unit_category": "县直单位",
                                  "report_year": 2019, "phone": "5551234x", "filled_on": dt.date(2018, 12, 1),
                                  "preparer": None}
    narrative_bad = COUNTY_NARRATIVE | {
        "overview_requests": "2025年共收到政府信息公开申请 15 件。",
        "overview_management": "全年出台行政规范性文件 3 件。",
        "other_matters": "无。"}
    in_force_low = county_values() | {("active", "regulations", "issued"): 2,
                                      ("active", "regulations", "in_force"): 1}
    return [
        write("faulty-totals", COUNTY_DEPT, totals_broken, COUNTY_NARRATIVE),
        write("faulty-values", COUNTY_DEPT, values_bad, COUNTY_NARRATIVE),
        write("faulty-identity", identity_bad, county_values(), COUNTY_NARRATIVE),
        write("faulty-narrative", COUNTY_DEPT, in_force_low, narrative_bad),
        write("faulty-previous-year", COUNTY_DEPT,
              county_values() | {("requests", "carried_over", "natural_person"): 2,
                                 ("requests", "new", "natural_person"): 9,
                                 ("active", "normative_documents", "in_force"): 12},
              COUNTY_NARRATIVE | {"overview_requests": "2025年共收到政府信息公开申请 11 件。"}),
    ]


# --- a county's inbox, for `gitools merge` ----------------------------------------------------

COUNTY = "county-2025"
COUNTY_UNITS = (  # name, category, 8-character organisation code
    ("示例县城关镇人民政府", "乡（镇）人民政府", "00543210"),
    ("示例县河口镇人民政府", "乡（镇）人民政府", "00543211"),
    ("示例县山前乡人民政府", "乡（镇）人民政府", "00543212"),
    ("示例县东城街道办事处", "街道办事处", "00543213"),
    ("示例县教育局", "县（市、区）政府部门", "00543214"),
    ("示例县卫生健康委员会", "县（市、区）政府部门", "00543215"),
    ("示例县市场监督管理局", "县（市、区）政府部门", "00543216"),
)
COUNTY_MISSING = "示例县西岭镇人民政府"


def build_county() -> list[Path]:
    """Seven units of one county for 2025: one sent twice, one with an error, one file broken,
    and a roster that also lists a unit that never reported."""

    rng = random.Random(2025)
    paths = []
    for i, (name, category, org) in enumerate(COUNTY_UNITS):
        identity = {"unit_name": name, "credit_code": credit_code("410721", org), "division_code": "410721",
                    "unit_category": category, "report_year": 2025, "preparer": "赵六",
                    "phone": "0373-5550000", "filled_on": dt.date(2026, 1, 8 + i)}
        kind = "township" if "人民政府" in name or "街道" in name else "department"
        values = realistic_values(FORM, rng, "busy_department" if name.endswith("市场监督管理局") else kind)
        narrative, explained = NARRATIVE, None
        if name.endswith("卫生健康委员会"):
            identity["phone"] = None  # a required field left blank: an error, kept out of the totals
        if name.endswith("教育局"):  # the text counts the bureau's office only: a 核实 finding, explained
            received = sum(v for (t, r, c), v in values.items() if (t, r) == ("requests", "new"))
            narrative = NARRATIVE | {"overview_requests": f"局机关本年收到政府信息公开申请 {received + 2} 件。"}
            explained = {"narrative-requests-mismatch@narrative.overview_requests":
                         "正文所述为局机关及所属学校收到的申请件数，表三按规定只统计以本局名义办理的申请"}
        paths.append(write(f"{COUNTY}/{i + 1:02d}-{name}", identity, values, narrative, explained))
        if name.endswith("河口镇人民政府"):  # an earlier, since corrected copy of the same report
            paths.append(write(f"{COUNTY}/{i + 1:02d}-{name}（初稿）", identity | {"filled_on": dt.date(2026, 1, 3)},
                               realistic_values(FORM, rng, kind), NARRATIVE))
    broken = HERE / COUNTY / "08-示例县住房和城乡建设局.xlsx"
    broken.write_bytes(b"PK\x03\x04" + "传输中断，文件不完整".encode())
    roster = HERE / f"{COUNTY}-应报单位名单.csv"
    lines = ["序号,单位名称,统一社会信用代码,单位类别,联系人,联系电话"]
    lines += [f"{i},{n},{credit_code('410721', o)},{c},联络员{i},0373-55501{i:02d}"
              for i, (n, c, o) in enumerate(COUNTY_UNITS, start=1)]
    lines += [f"{len(COUNTY_UNITS) + 1},示例县住房和城乡建设局,,县（市、区）政府部门,联络员8,0373-5550108",
              f"{len(COUNTY_UNITS) + 2},{COUNTY_MISSING},,乡（镇）人民政府,联络员9,0373-5550109"]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*paths, broken, roster]


def main() -> int:
    if not SEEDS.is_dir():
        print(f"找不到真实年报样本目录：{SEEDS}", file=sys.stderr)
        return 2
    for p in build_seeds() + build_examples() + build_faulty() + build_county():
        print(p.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
