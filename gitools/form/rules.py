"""The catalog of rules: each declared once, with its level and the template of its message.

Codes never change once published (other systems filter on them); titles, hints and messages
may be reworded. A message template names no sheet or cell: renderers put the location beside
it. 填报说明 and `gitools form --format json` list this catalog, so clerks and tools speak of
the same rules.

Levels follow 联网直报: 强制 for the identities of the format, values that cannot be read and
the unit's identity; 核实 for what may differ for a real reason (links across years, the text
against the tables, the division against the credit code, unusual values), which the clerk
explains; 提示 for what the tool noticed and handled.
"""

from gitools.form.catalog import Level, Rule, RuleKind

M, R, N = Level.MANDATORY, Level.REVIEW, Level.NOTICE
K = RuleKind

LEVEL_ZH = {M: "强制", R: "核实", N: "提示"}
LEVEL_MEANING = {M: "必须改正，否则不能报送", R: "确有原因的，在“校验结果”的“说明”列写明后可以报送，由上级审核",
                 N: "仅供参考"}
UNUSUAL_COUNT = 10_000  # one unit's count of a year at or above this is asked about (a slip of the keyboard)

RULES: tuple[Rule, ...] = (
    # identities of the format
    Rule("requests-row-total", K.RELATION, M, "三：总计列＝各类申请人之和",
         "每一行的“总计”应等于自然人与五类法人或其他组织之和",
         "为 {lhs}，但各类申请人之和为 {rhs}，相差 {diff}，请核对"),
    Rule("requests-results-total", K.RELATION, M, "三：（七）总计＝各项办理结果之和",
         "“（七）总计”应等于（一）至（六）各项办理结果之和",
         "为 {lhs}，但（一）至（六）各项办理结果之和为 {rhs}，相差 {diff}，请核对"),
    Rule("requests-balance", K.RELATION, M, "三：一＋二＝三（七）＋四",
         "本年新收＋上年结转，应等于办理结果总计＋结转下年度继续办理",
         "本年新收＋上年结转＝{lhs}，办理结果总计＋结转下年度＝{rhs}，相差 {diff}，请核对"),
    Rule("appeals-group-total", K.RELATION, M, "四：总计＝维持＋纠正＋其他＋尚未审结",
         "行政复议、两类行政诉讼各自的“总计”应等于其结果维持、结果纠正、其他结果、尚未审结之和",
         "为 {lhs}，但结果维持、结果纠正、其他结果、尚未审结之和为 {rhs}，相差 {diff}，请核对"),
    Rule("active-in-force-below-issued", K.RELATION, R, "二：现行有效件数不少于本年制发件数",
         "现行有效件数小于本年制发件数，请核对（本年制发后又废止的除外）",
         "现行有效件数 {lhs} 小于本年制发件数 {rhs}，请核对（本年制发后又废止的除外）"),
    # cell values
    Rule("value-not-number", K.PARSE, M, "数字格内容无法识别", "应填写数字，没有发生的填 0",
         "填的是“{value}”，无法识别为数字；请填写数字，没有发生的填 0"),
    Rule("value-negative", K.VALUE, M, "数字为负数", "件数、金额不能为负数", "为 {value}，不能为负数"),
    Rule("value-not-whole", K.VALUE, M, "件数不是整数", "件数必须是整数", "为 {value}，件数必须是整数"),
    Rule("value-as-text", K.PARSE, N, "数字以文本形式填写",
         "单元格中是文字（如“3件”、全角“３”），已按数字读取，请改为纯数字",
         "填的是文字“{text}”，已按 {value} 读取；请改为纯数字"),
    Rule("value-blank", K.PARSE, N, "数字格为空", "空白按 0 计算；没有发生的请填 0",
         "为空白，已按 0 计算；没有发生的请填 0"),
    Rule("value-blank-many", K.PARSE, N, "多个数字格为空", "空白按 0 计算；没有发生的请填 0",
         "有 {count} 个数字格为空白（{cells}），已按 0 计算；没有发生的请填 0"),
    Rule("total-overwritten", K.PARSE, N, "合计公式被改写",
         "合计格应为公式，现为手工数值；请恢复模板公式",
         "应为自动计算的公式，现为手工填写“{value}”；请恢复模板公式"),
    # the unit's identity
    Rule("unit-field-missing", K.FIELD, M, "单位信息未填", "单位信息各项必须填写", "未填写"),
    Rule("credit-code-invalid", K.FIELD, M, "统一社会信用代码有误",
         "应为18位，由数字和大写字母（不含 I、O、S、V、Z）组成，且校验位正确", "“{value}”不是有效的统一社会信用代码",
         reasons={"length": "“{value}”应为18位，实为{length}位",
                  "characters": "“{value}”含有不允许的字符 {characters}（只能是数字和除 I、O、S、V、Z 以外的大写字母）",
                  # no replacement is suggested: a code "fixed" to pass its check is still the wrong code
                  # when two characters were swapped, and worse than an error (it goes unseen)
                  "check": "“{value}”校验位不符，请对照登记证书逐位核对（常见为两位颠倒或抄错）"}),
    Rule("division-code-invalid", K.FIELD, M, "行政区划代码有误", "应为6位数字", "“{value}”应为6位数字（首位不为 0）"),
    Rule("division-code-mismatch", K.FIELD, R, "行政区划代码与信用代码不一致",
         "统一社会信用代码第3至8位是登记管理机关的行政区划代码，一般应与所填行政区划代码一致",
         "“{value}”与统一社会信用代码第3至8位 {registered} 不一致，请核对（信用代码中是登记机关所在地的区划）"),
    Rule("unit-category-invalid", K.FIELD, M, "单位类别不在列表中", "请从下拉列表中选择单位类别",
         "“{value}”不在列表中，请从下拉列表选择"),
    Rule("report-year-invalid", K.FIELD, M, "报告年度有误", "应为4位年份，2021年及以后（适用2021年新格式）",
         "“{value}”有误：应为 {first} 至 {last} 年之间的4位年份"),
    Rule("phone-invalid", K.FIELD, R, "联系电话不规范", "应为固定电话（含区号）或11位手机号码",
         "“{value}”应为固定电话（如 0375-1234567）或11位手机号码"),
    Rule("date-invalid", K.FIELD, R, "填报日期有误", "应为日期，且一般在报告年度之后", "“{value}”有误",
         reasons={"not-a-date": "“{value}”有误：应为日期，不晚于今天",
                  "before-year": "“{value}”早于报告年度 {year}，请核对"}),
    Rule("unit-count-invalid", K.FIELD, M, "汇总单位数有误", "汇总单位数应为正整数", "“{value}”应为正整数"),
    # narrative
    Rule("narrative-requests-mismatch", K.NARRATIVE, R, "正文申请件数与表三不符",
         "正文所述收到申请件数应与表三“本年新收”总计一致",
         "正文写“{phrase}”，而“{table}”中{item}为 {value}，请核对"),
    Rule("narrative-documents-mismatch", K.NARRATIVE, R, "正文规范性文件件数与表二不符",
         "正文所述出台（制发）规范性文件件数应与表二一致",
         "正文写“{phrase}”，而“{table}”中{item}为 {value}，请核对"),
    Rule("narrative-fee-missing", K.NARRATIVE, R, "未说明信息处理费收取情况",
         "“六、其他需要报告的事项”应说明是否收取信息处理费",
         "没有说明本年度是否收取信息处理费（按规定须说明）", in_summary=False),
    # across years
    Rule("previous-carry-mismatch", K.CROSS_YEAR, R, "上年结转与上年报告不符",
         "本年“二、上年结转”应等于上年“四、结转下年度继续办理”；上年报告更正过的，请说明",
         "为 {actual}，但 {last_year} 年度报告“结转下年度继续办理”为 {expected}，请核对"),
    Rule("previous-in-force-mismatch", K.CROSS_YEAR, R, "现行有效件数与上年不衔接",
         "一般应为：上年现行有效＋本年制发－本年废止",
         "为 {actual}；上年现行有效 {before} ＋本年制发 {issued} －本年废止 {repealed} ＝ {expected}，"
         "请核对（文件也可能自然失效）"),
    Rule("previous-not-comparable", K.CROSS_YEAR, R, "上年报告无法比对", "上年报告应为同一单位、上一年度",
         "上年报告（{path}：{last_name} {last_year} 年度）与本报告（{name} {year} 年度）不是同一单位的相邻年度，"
         "未做跨年比对",
         reasons={"other-unit": "上年报告（{path}）是“{last_name}”的，本报告是“{name}”的，不是同一单位，未做跨年比对；"
                                "请核对是否选错了文件",
                  "not-adjacent": "上年报告（{path}）是 {last_year} 年度的，本报告是 {year} 年度的，不是上一年度，"
                                  "未做跨年比对；请核对是否选错了文件"}),
    # many reports together
    Rule("merge-year-mismatch", K.MERGE, M, "报告年度与汇总年度不符",
         "只能汇总同一年度的报表；此报表未计入汇总",
         "{unit} 的报告年度为 {year}，本次汇总 {merge_year} 年度，未计入汇总"),
    Rule("merge-duplicate", K.MERGE, N, "同一单位重复报送",
         "同一单位报送了多份，采用填报日期较晚（相同时文件较新）的一份，其余未计入",
         "{unit} 重复报送：本文件未计入，已采用 {kept}（{why}）"),
    Rule("merge-not-on-roster", K.MERGE, N, "不在应报单位名单中",
         "请核对单位名称、统一社会信用代码是否与名单一致，或补充名单",
         "{unit} 不在应报单位名单中，请核对单位名称、统一社会信用代码或补充名单"),
    Rule("merge-missing", K.MERGE, M, "未报送",
         "应报单位名单中的单位没有报送（或报送的文件无法识别为该单位）", "{unit}（名单第 {line} 行）没有报送"),
    Rule("merge-double-count", K.MERGE, M, "汇总表与其所含单位一并报送",
         "汇总表已包含这些单位的数字，不能与这些单位的报表一并汇总，否则重复计算",
         "{summary} 已包含 {unit}（{other}），不能一并汇总"),
    # reading a published report (text, web page, Word)
    Rule("import-title-missing", K.IMPORT, N, "标题中没有单位名称和年度",
         "标题应为“××× 2025 年政府信息公开工作年度报告”；请在“单位信息”中补填",
         "标题中找不到单位名称和报告年度（应为“××× 2025 年政府信息公开工作年度报告”），请在导入后的“单位信息”中补填"),
    Rule("import-unit-from-body", K.IMPORT, N, "单位名称取自正文", "标题中没有单位名称，已按正文“本报告由…编制”读取，请核对",
         "标题中没有单位名称，已按正文“{words}”读取为“{unit}”（办公室为本单位编制年报），请核对"),
    Rule("import-text-cut", K.IMPORT, N, "正文超过单元格上限",
         "Excel 一个单元格最多 32767 字，导入的工作簿只保留前面部分；全文见原文件",
         "“{part}”有 {length} 字，超过 Excel 单元格上限 {limit} 字，导入的工作簿中只保留前 {limit} 字，全文见原文件"),
    Rule("text-control-removed", K.FILE, N, "文字中的控制字符已去掉",
         "文字中有不可见的控制字符（如从别的软件粘贴带入），写出时已去掉",
         "“{part}”中有 {count} 个不可见的控制字符（如响铃、退出、空字符），写出时已去掉"),
    Rule("import-table-missing", K.IMPORT, M, "找不到统计表", "报告中缺少这张表，对应单元格留空",
         "找不到这张表格，其单元格留空"),
    Rule("import-row-missing", K.IMPORT, M, "找不到表格行", "报告的表格中缺少这一行，对应单元格留空",
         "找不到“{row}”这一行，对应单元格留空"),
    Rule("import-row-unlabeled", K.IMPORT, M, "数字行没有标签", "一行数字没有行标签，无法确定归属，未采用",
         "原文第 {line} 行有一行数字（{numbers}）没有行标签，无法确定属于哪一行，未采用"),
    Rule("import-row-unknown", K.IMPORT, M, "无法识别的行标签", "行标签不是官方格式中的项目，其后的数字未采用",
         "原文第 {line} 行“{words}”不是本表的行标签，其后的数字 {numbers} 未采用"),
    Rule("import-row-count", K.IMPORT, M, "一行中的数字个数不对",
         "数字个数与官方格式的列数不符，无法确定所在列，此行留空",
         "原文第 {line} 行“{original}”应有 {cells} 个数字，实际为：{got}；无法确定各数字所在的列，此行留空"),
    Rule("import-cell-not-number", K.IMPORT, M, "表格中的内容不是数字", "此格留空，请对照原文补填",
         "原文第 {line} 行“{original}”中的“{text}”不是数字，此格留空"),
    Rule("import-row-repeated", K.IMPORT, M, "表格行重复", "同一行出现两次，只采用第一次",
         "原文第 {line} 行“{original}”重复出现（第一次在第 {first} 行），只采用第一次的数字"),
    Rule("import-row-order", K.IMPORT, N, "表格行顺序与官方格式不同", "已按行标签读取，请核对",
         "原文第 {line} 行“{original}”的位置与官方格式的行序不同，已按标签读取，请核对"),
    Rule("import-label-variant", K.IMPORT, N, "行标签与官方格式略有不同", "已按最接近的官方标签读取，请核对",
         "原文第 {line} 行“{text}”与官方标签“{official}”不完全相同，已按此行读取，请核对"),
    Rule("import-bare-row", K.IMPORT, N, "表格中的一行数字没有行标签",
         "只有一行的表（四）常不印行标签，已按官方格式的列序读入，请核对",
         "原文第 {line} 行的 {count} 个数字没有行标签，已按官方格式的列序读入本表唯一的一行，请核对"),
    Rule("import-legacy-row", K.IMPORT, R, "旧格式的合并行",
         "旧格式把一组结果印成一行，其数字已填入该组的最后一项，请核对并说明",
         "原文第 {line} 行“{group}”是旧格式的一行，其数字已填入“{row}”，请核对；确认无误的请说明"),
    Rule("import-label-shifted", K.IMPORT, R, "表格行标签可能错位",
         "分组标题与其后的行不对应，表格可能在发布时错位，请对照原文核对",
         "原文第 {line} 行：“{group}”之后紧接的是“{row}”（属于“{belongs}”），表格行标签可能错位，请对照原文核对"),
    # the file itself
    Rule("file-not-xlsx", K.FILE, N, "文件不是 .xlsx 格式",
         "已按表格标签读取 .xls、.et、.ods 等格式中的数值，但无法检查合计公式；请另存为 .xlsx 后报送",
         "此文件是{kind}，已按表格标签读取其中的数值，但无法检查合计公式是否被改写；请用 Excel 或 WPS 另存为 .xlsx 后报送"),
    Rule("file-unreadable", K.FILE, M, "文件无法读取", "请用 Excel 或 WPS 另存为 .xlsx 后重新报送", "文件无法读取",
         reasons={
             "missing": "无法打开：文件或文件夹不存在",
             "cannot-open": "无法打开文件：{cause}",
             "cannot-read": "无法读取文件：{cause}",
             "too-large": "文件过大（{size} MB，上限 {limit} MB），未读取；一份年报通常不超过 1 MB，请检查是否报错了文件",
             "part-too-large": "文件中的“{part}”解压后过大（{size} MB），疑为压缩炸弹或已损坏，未读取",
             "workbook-part-too-large": "文件中的“{part}”解压后过大（{size} MB），疑为压缩炸弹或已损坏，未读取；"
                                        "请用 Excel 或 WPS 重新保存后报送",
             "not-xlsx": "文件不是 Excel 工作簿（.xlsx），请用统一模板填报",
             "damaged": "文件已损坏或不是 Excel 工作簿（.xlsx），请重新保存后报送",
             "unsafe-xml": "文件中含有不安全的 XML 内容（实体或文档类型声明），已拒绝读取；请用 Excel 或 WPS 重新保存后报送",
             "password": "文件设置了打开密码，请取消密码后重新报送",
             "locked-or-damaged": "文件已加密（设置了打开密码）或已损坏，无法作为{words}读取；"
                                  "请取消密码，用 Excel 或 WPS 另存为 .xlsx 后重新报送",
             "encoding": "文字编码无法识别（应为 UTF-8 或 GBK/GB18030）",
             "not-text": "文件内容不是文字或网页（可能是改了扩展名的 Office 文件）",
             "unsafe-docx": "文件中含有不安全的 XML 内容（实体或文档类型声明），已拒绝读取",
             "not-docx": "不是有效的 Word（.docx）文件；旧版 .doc 请另存为 .docx",
             "not-pdf": "文件扩展名是 .pdf，但内容不是 PDF（可能已损坏）",
             "scanned": "这是扫描件：PDF 中只有页面图像，没有文字，无法读取其中的数字；请向发布单位索取"
                        "可复制文字的 PDF 或 Word 版，或按原件人工录入",
             "pdf-damaged": "PDF 文件已损坏或加密，无法读取（{error}）",
             "too-complex": "PDF 第 {page} 页有 {count} 个图形或文字对象，超过 {limit} 个的上限（年报一页通常不到 2000 个），"
                            "疑为生成的图形或恶意文件，未读取",
             "not-a-report": "不是可导入的年报文件",
             "unexpected": "文件内容异常，无法读取（{error}），请用 Excel 或 WPS 重新保存后报送",
             "unexpected-import": "文件内容异常，无法导入（{error}）",
             "too-slow": "读取超过 {seconds} 秒仍未完成，已停止（文件可能过于复杂或已损坏）",
             "too-much-memory": "读取时所需内存超过 {gb} GB 或读取进程异常退出，已停止（文件可能过于复杂或已损坏）",
         }),
    Rule("not-template", K.FILE, M, "不是本报表模板", "请使用统一下发的填报模板", "不是本报表模板",
         reasons={"workbook": "找不到年报统计表（既没有模板的单元格名称，也找不到表格标签），请使用统一下发的填报模板",
                  "report": "文件中找不到政府信息公开年度报告的统计表格"}),
    Rule("names-missing", K.FILE, N, "单元格名称丢失", "模板中的单元格名称被删除，已按表格标签定位；请使用统一模板",
         "模板中的单元格名称丢失，已按表格标签定位各单元格；请核对数字是否对应正确"),
    Rule("cell-not-found", K.FILE, M, "找不到单元格", "表格结构被改动，请使用统一模板重新填写",
         "有 {count} 个单元格找不到（名称被删除，也找不到表格标签），请使用统一模板重新填写"),
    Rule("template-version", K.FILE, N, "模板版本不同", "请使用最新下发的填报模板",
         "此文件使用模板版本 {version}，当前版本为 {current}，请改用最新模板"),
    # the clerks' explanations
    Rule("explanation-stale", K.EXPLANATION, N, "说明已无对应问题",
         "原来说明的问题已改正或不再出现；说明保留在“校验结果”中，确认无用后可删除",
         "原来对“{title}”的说明已无对应问题（已改正或不再出现），说明保留如下，确认无用后可删除"),
    Rule("value-unusually-large", K.VALUE, R, "件数异常大",
         f"一个单位一年的件数很少达到 {UNUSUAL_COUNT}；请核对是否多输了数字，确实如此的请说明",
         f"为 {{value}}，一个单位一年的件数很少达到 {UNUSUAL_COUNT}；请核对是否多输了数字，确实如此的请说明",
         in_summary=False),
)

BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
