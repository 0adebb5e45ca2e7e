"""The kinds of file a submission may arrive as, by suffix: one list every command shares."""

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})  # read by our own reader: values, formulas, names
OTHER_WORKBOOK_SUFFIXES = frozenset({".xls", ".et", ".ods", ".xlsb"})  # values only (python-calamine)
WORKBOOK_SUFFIXES = XLSX_SUFFIXES | OTHER_WORKBOOK_SUFFIXES
REPORT_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".docx", ".pdf"})  # published reports, imported
SUBMISSION_SUFFIXES = WORKBOOK_SUFFIXES | REPORT_SUFFIXES
