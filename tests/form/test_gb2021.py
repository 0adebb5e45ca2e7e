"""The form declaration matches the official format, character for character."""

import re

from gitools.form import FORM
from gitools.form.model import FieldType

from ..conftest import OFFICIAL_LABELS, SEEDS


def test_three_tables_with_official_titles():
    assert [t.title for t in FORM.tables] == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]


def test_request_table_has_the_official_rows_in_order():
    t = FORM.table("requests")
    labels = [r.label for r in t.rows]
    assert labels[:2] == ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"]
    assert labels[-2:] == ["（七）总计", "四、结转下年度继续办理"]
    assert labels[3] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert "3.危及“三安全一稳定”" in labels
    assert len(t.rows) == 25  # 一, 二, 21 result rows, （七）总计, 四
    assert [c.label for c in t.columns] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def test_every_label_is_written_as_in_the_official_format_and_a_real_report():
    domain = OFFICIAL_LABELS.read_text(encoding="utf-8")
    seed = (SEEDS / "001_273e2686118735bf.txt").read_text(encoding="utf-8")
    for t in FORM.tables:
        for r in t.rows[:-1] if t.key == "appeals" else t.rows:
            if t.key != "appeals":
                assert r.label in domain, r.label
                assert r.label in seed, r.label
        for c in t.columns:
            assert c.label in domain, c.label
    for f in FORM.fields[:8]:
        assert f.label in domain


def test_sub_rows_know_their_headings():
    row = FORM.table("requests").row("withheld_state_secret")
    assert row.full_label == "三、本年度办理结果 （三）不予公开 1.属于国家秘密"


def test_appeal_columns_are_three_groups_of_five():
    cols = FORM.table("appeals").columns
    assert len(cols) == 15
    assert [c.label for c in cols[:5]] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert cols[7].path == ("行政诉讼", "未经复议直接起诉")
    assert cols[12].path == ("行政诉讼", "复议后起诉")


def test_active_table_blocks_follow_article_20():
    t = FORM.table("active")
    assert [r.path[0] for r in t.rows] == [
        "第二十条第（一）项", "第二十条第（一）项", "第二十条第（五）项",
        "第二十条第（六）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert t.cell("fees", "fee_amount").type.value == "amount"
    assert not t.has_cell("licensing", "issued")


def test_addresses_and_names_are_unique_and_well_formed():
    names = [c.name for t in FORM.tables for c in t.cells]
    names += [f.name for f in FORM.fields] + [s.name for s in FORM.sections]
    assert len(names) == len(set(names))
    for t in FORM.tables:
        addrs = [c.address for c in t.cells]
        assert len(addrs) == len(set(addrs))
        assert all(re.fullmatch(r"[A-Z]+\d+", a) for a in addrs)


def test_every_total_is_defined_by_an_identity_and_every_input_is_not():
    for t in FORM.tables:
        defined = {r.anchor for r in t.relations if r.defines}
        for c in t.cells:
            assert ((c.row, c.column) in defined) == (not c.input), c.name


def test_identities_of_section_three():
    t = FORM.table("requests")
    results = [r for r in t.relations if r.rule == "requests-results-total"]
    assert len(results) == 7 and all(len(r.rhs) == 21 for r in results)
    balance = [r for r in t.relations if r.rule == "requests-balance"]
    assert balance[0].lhs == (("new", "natural_person"), ("carried_over", "natural_person"))
    assert balance[0].rhs == (("results_total", "natural_person"), ("carried_forward", "natural_person"))


def test_unit_fields_and_narrative_sections():
    assert [f.label for f in FORM.fields][:8] == [
        "单位名称", "统一社会信用代码", "行政区划代码", "单位类别", "报告年度", "填报人", "联系电话", "填报日期"]
    assert FORM.field("unit_category").type is FieldType.CHOICE
    assert "乡（镇）人民政府" in FORM.field("unit_category").choices
    labels = [s.label for s in FORM.sections]
    assert labels == ["一、总体情况", "（一）主动公开", "（二）依申请公开", "（三）政府信息管理",
                      "（四）政府信息公开平台建设", "（五）监督保障",
                      "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def test_rule_codes_are_unique_and_cover_the_relations():
    codes = [r.code for r in FORM.rules]
    assert len(codes) == len(set(codes))
    assert {r.rule for t in FORM.tables for r in t.relations} <= set(codes)
