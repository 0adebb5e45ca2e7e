"""`gitools import`: published reports (PDF, text, web page, Word) into filled workbooks or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gitools.cli import options
from gitools.cli.options import Subparsers
from gitools.outputs import IMPORTED


def add(sub: Subparsers) -> None:
    i = sub.add_parser(
        "import", help="把已发布的年报（PDF、复制的文字 .txt、网页 .html、Word .docx）转成填好的工作簿",
        description="读取已发布的年报，按官方行标签把三张表的数字填入模板，单位名称和年度取自标题，正文各部分照录；"
                    "读不准的地方（缺行、无标签的数字、错位）和校验发现的问题写入输出文件的“校验结果”工作表并在屏幕上列出。"
                    "退出码：0 无错误，1 有错误，2 有文件无法读取或参数有误。")
    i.add_argument("reports", nargs="+", type=Path, metavar="年报",
                   help=f"{options.REPORTS} 文件，或包含这些文件的文件夹（含子文件夹）")
    i.add_argument("-o", "--output", type=Path, required=True, metavar="输出目录", help="输出目录")
    options.add_format(i, IMPORTED, "xlsx")
    options.add_workers(i, "并行导入")
    i.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from gitools.inputs.kinds import REPORT_SUFFIXES
    from gitools.io.discover import discover
    from gitools.jobs.imports import WouldOverwrite, import_all
    from gitools.jobs.progress import bar
    from gitools.model.findings import Status
    from gitools.outputs.text import text_report

    files, skipped = discover(args.reports, suffixes=REPORT_SUFFIXES, wanted="可导入的年报文件")
    for s in skipped:
        print(f"跳过：{s.path}（{s.reason}）", file=sys.stderr)
    if not files:
        print(f"错误：没有找到可导入的年报文件（{options.REPORTS}）", file=sys.stderr)
        return options.EXIT_USAGE
    try:
        results = import_all(files, args.output, args.format, options.form(), workers=args.workers,
                             progress=bar("导入"))
    except WouldOverwrite as err:
        return options.fail(str(err))
    failed_writes = [r for r in results if r.error]
    for r in results:
        if r.output:
            renamed = Path(r.output).stem != Path(r.path).stem
            print(f"已导入：{r.path} → {r.output}" + ("（与另一份文件同名，输出按完整文件名命名）" if renamed else ""))
    for r in failed_writes:
        print(f"错误：{r.path} 无法写入 {args.output}：{r.error}", file=sys.stderr)
    sys.stdout.write(text_report([r.report for r in results if not r.error]))
    if failed_writes or any(r.report.status is Status.UNREADABLE for r in results) or \
            any(s.reason == "文件或文件夹不存在" for s in skipped):
        return options.EXIT_USAGE
    return options.EXIT_FINDINGS if any(r.report.status is Status.FAILED for r in results) else options.EXIT_OK
