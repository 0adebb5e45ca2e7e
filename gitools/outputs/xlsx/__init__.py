"""Workbooks we write with openpyxl: the template, annotated copies, the summary, 退回清单; one style module."""
