"""`gitools report`: the publishable annual report from a checked workbook, as Word and web page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gitools.cli import options
from gitools.cli.options import Subparsers
from gitools.outputs import DOCUMENTS


def add(sub: Subparsers) -> None:
    r = sub.add_parser(
        "report", help="由校验通过的工作簿生成可发布的年度报告（Word 和网页），表格版式同官方格式",
        description="按国办公开办函〔2021〕30号格式，由工作簿（单位的、汇总表或导入的年报）写出年度报告：标题、开头段落、"
                    "第一至六部分（正文取自工作簿，空缺处留醒目的待补充标记）和三张统计表（合并单元格同官方格式）。"
                    "工作簿有错误时不生成，除非加 --force（报告标明“草稿”）。退出码：0 全部生成，1 有报告因错误未生成，"
                    "2 有文件无法读取或参数有误。")
    r.add_argument("workbooks", nargs="+", type=Path, metavar="工作簿", help="填好的工作簿、汇总表或已发布的年报")
    r.add_argument("-o", "--output", type=Path, required=True, metavar="输出目录", help="输出目录")
    r.add_argument("--format", choices=list(DOCUMENTS), action="append", metavar="格式",
                   help="docx（Word）或 html（网页），可重复；默认两种都生成")
    r.add_argument("--previous", type=Path, metavar="上年工作簿",
                   help="上一年度的工作簿：在正文中加入“本年新收申请 N 件，上年 M 件”等数据参考，可保留或删除")
    r.add_argument("--force", action="store_true", help="工作簿有错误也生成，报告标明“草稿”")
    r.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from gitools.inputs.read import read_submission
    from gitools.jobs.publish import WouldOverwrite, write_report
    from gitools.model.submission import NotReadable
    from gitools.outputs.text import finding_line

    form = options.form()
    previous = None
    if args.previous is not None:
        try:
            previous = read_submission(args.previous, form)
        except NotReadable as err:
            print(f"错误：上年工作簿 {args.previous} 无法读取：{err}", file=sys.stderr)
            return options.EXIT_USAGE
    code = options.EXIT_OK
    for path in args.workbooks:
        try:
            sub = read_submission(path, form)
        except NotReadable as err:
            print(f"✗ {path}：无法读取：{err}")
            code = options.EXIT_USAGE
            continue
        try:
            report, written = write_report(sub, form, args.output, args.format or list(DOCUMENTS), force=args.force,
                                           previous=previous, protected=list(args.workbooks))
        except WouldOverwrite as err:
            return options.fail(str(err))
        if not written:
            print(f"✗ {path}：{report.verdict()}，未生成报告（改正后重试，或加 --force 生成草稿）")
            print("\n".join(finding_line(f) for f in report.errors))
            code = max(code, options.EXIT_FINDINGS)
            continue
        draft = "（草稿，工作簿未通过校验）" if report.errors else ""
        for out in written:
            print(f"已生成{draft}：{out}")
        for f in report.findings:
            if f.rule == "previous-not-comparable":
                print(finding_line(f) + "\n  （未加入“数据参考”）")
            elif f.rule == "text-control-removed":
                print(finding_line(f))
    return code
