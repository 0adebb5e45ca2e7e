"""The template's data validations: what Excel and WPS refuse or prompt as the clerk types, a
number cell's and each identity field's, in the clerk's words."""

from __future__ import annotations

import datetime as dt

from openpyxl.worksheet.datavalidation import DataValidation

from gitools.form.model import FieldType, ValueType


def serial(day: dt.date) -> int:
    """A date as Excel's serial number (days since 1899-12-30)."""
    return (day - dt.date(1899, 12, 30)).days


def count_validation(vtype: ValueType) -> DataValidation:
    if vtype is ValueType.AMOUNT:
        return DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showInputMessage=True, showErrorMessage=True,
            promptTitle="填写金额", prompt="单位：万元。可以有小数，不能为负数；没有收费填 0。",
            errorTitle="金额有误", error="请输入大于或等于 0 的数字（单位：万元），不要带单位或文字。")
    return DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showInputMessage=True, showErrorMessage=True,
        promptTitle="填写件数", prompt="填写整数件数；没有发生的填 0。不要填写“件”等文字。",
        errorTitle="件数有误", error="件数必须是大于或等于 0 的整数，不能有小数、负数或文字。")


def field_validation(ftype: FieldType, label: str, prompt: str, choices: tuple[str, ...],
                      years: tuple[int, int]) -> DataValidation:
    common = dict(allow_blank=True, showInputMessage=True, showErrorMessage=True,
                  promptTitle=label[:32], prompt=prompt, errorTitle=f"{label}有误"[:32])
    match ftype:
        case FieldType.CHOICE:
            return DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                  error="请从下拉列表中选择。", **common)
        case FieldType.CREDIT_CODE:
            return DataValidation(type="textLength", operator="equal", formula1="18",
                                  error="统一社会信用代码应为18位。", **common)
        case FieldType.DIVISION_CODE:
            return DataValidation(type="textLength", operator="equal", formula1="6",
                                  error="行政区划代码应为6位数字。", **common)
        case FieldType.YEAR:
            return DataValidation(type="whole", operator="between", formula1=str(years[0]),
                                  formula2=str(years[1]), error="请填写4位年份，如 2025。", **common)
        case FieldType.PHONE:
            return DataValidation(type="textLength", operator="between", formula1="7",
                                  formula2="20", error="请填写正确的电话号码。", **common)
        case FieldType.DATE:
            return DataValidation(type="date", operator="greaterThanOrEqual",
                                  formula1=str(serial(dt.date(years[0] + 1, 1, 1))),  # reports come the year after
                                  error="请填写日期，如 2026-01-15。", **common)
        case FieldType.COUNT:
            return DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                  error="请填写大于或等于 0 的整数。", **common)
    return DataValidation(type="textLength", operator="lessThanOrEqual", formula1="200",
                          error="内容过长。", **common)
