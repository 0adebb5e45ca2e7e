"""The columns of the sheets gitools itself writes and reads back: 校验结果 (findings and the
clerk's 说明) and the summary's 明细 (one row per unit). The writer and the reader both take
them from here, so the two can never drift apart."""

from __future__ import annotations

from gitools.form.addresses import col_letters

# --- 校验结果: one row per finding, the clerk writes 说明 beside it --------------------------
RESULT_COLUMNS = ("序号", "级别", "工作表", "单元格", "项目", "问题", "规则", "说明（核实项请在此填写原因）",
                  "规则编号", "定位（请勿修改）")  # people read the rule's title; its code and identity are last
RESULT_WIDTHS = (5, 7, 12, 7, 20, 46, 16, 28, 22, 30)  # the columns people read fit a landscape A4 at 8 pt
RESULT_PRINTED = RESULT_COLUMNS.index("规则编号")  # the columns printed: the code and identity are for machines
EXPLAIN_COLUMN = RESULT_COLUMNS.index("说明（核实项请在此填写原因）") + 1
KEY_COLUMN = RESULT_COLUMNS.index("定位（请勿修改）") + 1
LINK_COLUMN = RESULT_COLUMNS.index("单元格") + 1
LEVEL_COLUMN = RESULT_COLUMNS.index("级别") + 1
MESSAGE_COLUMN = RESULT_COLUMNS.index("问题") + 1
RESULT_HEADER_ROW = 3
RESULT_FIRST_ROW = RESULT_HEADER_ROW + 1

# --- the summary's 明细: one row per included unit, its input cells as columns ---------------
SUMMARY_PROPERTY = "gitools.summary"  # custom property marking a summary gitools wrote
DETAIL_SHEET = "明细"
DETAIL_HEADER_ROW = 4  # rows 2–4 say table, label and summary cell; units from row 5
DETAIL_ID = ("序号", "单位名称", "统一社会信用代码", "行政区划代码", "单位类别", "汇总单位数", "校验结论", "文件")


def detail_column(i: int) -> str:
    """The 明细 column of the i-th input cell of the form."""
    return col_letters(len(DETAIL_ID) + i + 1)
