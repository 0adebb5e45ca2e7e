"""The catalog of rule codes: stable identifiers with their plain-Chinese meaning.

Codes never change once published (other systems filter on them); titles and hints may be
reworded. 填报说明 lists this catalog, so clerks and tools speak of the same rules.
"""

from gitools.form.model import RuleInfo, Severity

W = Severity.WARNING

RULES: tuple[RuleInfo, ...] = (
    # identities of the format
    RuleInfo("requests-row-total", "三：总计列＝各类申请人之和",
             "每一行的“总计”应等于自然人与五类法人或其他组织之和"),
    RuleInfo("requests-results-total", "三：（七）总计＝各项办理结果之和",
             "“（七）总计”应等于（一）至（六）各项办理结果之和"),
    RuleInfo("requests-balance", "三：一＋二＝三（七）＋四",
             "本年新收＋上年结转，应等于办理结果总计＋结转下年度继续办理"),
    RuleInfo("appeals-group-total", "四：总计＝维持＋纠正＋其他＋尚未审结",
             "行政复议、两类行政诉讼各自的“总计”应等于其结果维持、结果纠正、其他结果、尚未审结之和"),
    RuleInfo("active-in-force-below-issued", "二：现行有效件数不少于本年制发件数",
             "现行有效件数小于本年制发件数，请核对（本年制发后又废止的除外）", W),
    # cell values
    RuleInfo("value-not-number", "数字格内容无法识别",
             "应填写数字，没有发生的填 0"),
    RuleInfo("value-negative", "数字为负数", "件数、金额不能为负数"),
    RuleInfo("value-not-whole", "件数不是整数", "件数必须是整数"),
    RuleInfo("value-as-text", "数字以文本形式填写",
             "单元格中是文字（如“3件”、全角“３”），已按数字读取，请改为纯数字", W),
    RuleInfo("value-blank", "数字格为空", "空白按 0 计算；没有发生的请填 0", W),
    RuleInfo("total-overwritten", "合计公式被改写",
             "合计格应为公式，现为手工数值；请恢复模板公式", W),
    # the unit's identity
    RuleInfo("unit-field-missing", "单位信息未填", "单位信息各项必须填写"),
    RuleInfo("credit-code-invalid", "统一社会信用代码有误",
             "应为18位，由数字和大写字母（不含 I、O、S、V、Z）组成，且校验位正确"),
    RuleInfo("division-code-invalid", "行政区划代码有误", "应为6位数字"),
    RuleInfo("division-code-mismatch", "行政区划代码与信用代码不一致",
             "统一社会信用代码第3至8位是登记管理机关的行政区划代码，一般应与所填行政区划代码一致", W),
    RuleInfo("unit-category-invalid", "单位类别不在列表中", "请从下拉列表中选择单位类别"),
    RuleInfo("report-year-invalid", "报告年度有误", "应为4位年份，2021年及以后（适用2021年新格式）"),
    RuleInfo("phone-invalid", "联系电话不规范", "应为固定电话（含区号）或11位手机号码", W),
    RuleInfo("date-invalid", "填报日期有误", "应为日期，且一般在报告年度之后", W),
    # narrative
    RuleInfo("narrative-requests-mismatch", "正文申请件数与表三不符",
             "正文所述收到申请件数应与表三“本年新收”总计一致", W),
    RuleInfo("narrative-documents-mismatch", "正文规范性文件件数与表二不符",
             "正文所述出台（制发）规范性文件件数应与表二一致", W),
    RuleInfo("narrative-fee-missing", "未说明信息处理费收取情况",
             "“六、其他需要报告的事项”应说明是否收取信息处理费", W),
    # across years
    RuleInfo("previous-carry-mismatch", "上年结转与上年报告不符",
             "本年“二、上年结转”应等于上年“四、结转下年度继续办理”"),
    RuleInfo("previous-in-force-mismatch", "现行有效件数与上年不衔接",
             "一般应为：上年现行有效＋本年制发－本年废止", W),
    RuleInfo("previous-not-comparable", "上年报告无法比对", "上年报告应为同一单位、上一年度"),
    # merging many reports
    RuleInfo("merge-year-mismatch", "报告年度与汇总年度不符", "只能汇总同一年度的报表；此报表未计入汇总"),
    RuleInfo("merge-duplicate", "同一单位重复报送",
             "同一单位报送了多份，采用填报日期较晚（相同时文件较新）的一份，其余未计入", W),
    RuleInfo("merge-not-on-roster", "不在应报单位名单中", "请核对单位名称、统一社会信用代码是否与名单一致，或补充名单", W),
    RuleInfo("merge-missing", "未报送", "应报单位名单中的单位没有报送（或报送的文件无法识别为该单位）"),
    RuleInfo("merge-double-count", "汇总表与其所含单位一并报送",
             "汇总表已包含这些单位的数字，不能与这些单位的报表一并汇总，否则重复计算"),
    # reading a published report (text, web page, Word)
    RuleInfo("import-title-missing", "标题中没有单位名称和年度",
             "标题应为“××× 2025 年政府信息公开工作年度报告”；请在“单位信息”中补填", W),
    RuleInfo("import-table-missing", "找不到统计表", "报告中缺少这张表，对应单元格留空"),
    RuleInfo("import-row-missing", "找不到表格行", "报告的表格中缺少这一行，对应单元格留空"),
    RuleInfo("import-row-unlabeled", "数字行没有标签", "一行数字没有行标签，无法确定归属，未采用"),
    RuleInfo("import-row-unknown", "无法识别的行标签", "行标签不是官方格式中的项目，其后的数字未采用"),
    RuleInfo("import-row-count", "一行中的数字个数不对", "数字个数与官方格式的列数不符，无法确定所在列，此行留空"),
    RuleInfo("import-row-repeated", "表格行重复", "同一行出现两次，只采用第一次"),
    RuleInfo("import-row-order", "表格行顺序与官方格式不同", "已按行标签读取，请核对", W),
    RuleInfo("import-label-variant", "行标签与官方格式略有不同", "已按最接近的官方标签读取，请核对", W),
    RuleInfo("import-label-shifted", "表格行标签可能错位", "分组标题与其后的行不对应，表格可能在发布时错位，请对照原文核对", W),
    # the file itself
    RuleInfo("file-not-xlsx", "文件不是 .xlsx 格式",
             "已按表格标签读取 .xls、.et、.ods 等格式中的数值，但无法检查合计公式；请另存为 .xlsx 后报送", W),
    RuleInfo("file-unreadable", "文件无法读取", "请用 Excel 或 WPS 另存为 .xlsx 后重新报送"),
    RuleInfo("not-template", "不是本报表模板", "请使用统一下发的填报模板"),
    RuleInfo("names-missing", "单元格名称丢失", "模板中的单元格名称被删除，已按表格标签定位；请使用统一模板", W),
    RuleInfo("cell-not-found", "找不到单元格", "表格结构被改动，请使用统一模板重新填写"),
    RuleInfo("template-version", "模板版本不同", "请使用最新下发的填报模板", W),
)

SEVERITY: dict[str, Severity] = {r.code: r.severity for r in RULES}
