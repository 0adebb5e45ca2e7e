"""`gitools validate`: check workbooks or published reports, print the findings, write annotated copies."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gitools.cli import options
from gitools.cli.options import Subparsers
from gitools.outputs import FINDINGS


def add(sub: Subparsers) -> None:
    v = sub.add_parser(
        "validate", help="校验填好的工作簿（表内勾稽关系、单位信息、正文与表格是否一致）",
        description="校验一个或多个填好的工作簿。退出码：0 无错误（可有警告），1 有错误，2 有文件无法读取或参数有误。")
    v.add_argument("files", nargs="+", type=Path, metavar="文件",
                   help=f"要校验的工作簿（{options.WORKBOOKS}）或文件夹，也可以是已发布的年报（{options.REPORTS}，导入后校验）")
    v.add_argument("--previous", type=Path, metavar="上年文件",
                   help="同一单位上一年度的工作簿：核对上年结转、现行有效件数是否衔接")
    options.add_format(v, FINDINGS, "text")
    v.add_argument("--annotate", type=Path, metavar="输出",
                   help="另存一份带“校验结果”工作表和问题单元格标注的副本（原文件不动）；"
                        "校验多个文件时为输出目录")
    v.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from gitools.inputs.kinds import SUBMISSION_SUFFIXES
    from gitools.inputs.read import read_submission
    from gitools.io.discover import discover
    from gitools.jobs.progress import bar
    from gitools.jobs.validate import Annotated, annotate_all, validate_files
    from gitools.model.findings import FileReport, Status, finding
    from gitools.model.submission import NotReadable

    previous = None
    if args.previous is not None:
        try:
            previous = read_submission(args.previous, options.form())
        except NotReadable as err:
            print(f"错误：上年文件 {args.previous} 无法读取：{err}", file=sys.stderr)
            return options.EXIT_USAGE
    files, skipped = discover(args.files, SUBMISSION_SUFFIXES)
    many = len(files) > 1 or any(p.is_dir() for p in args.files)
    if args.annotate is not None and many and args.annotate.suffix.lower() in (".xlsx", ".xlsm"):
        print(f"错误：校验多个文件或文件夹时，--annotate 应为输出文件夹，而不是 {args.annotate}", file=sys.stderr)
        return options.EXIT_USAGE
    show = bar("校验", quiet=args.format == "json" or len(files) < 100)  # a bar only for a long run
    reports = [report for report, _ in validate_files(files, previous=previous, progress=show)]
    for s in skipped:  # a file named on the command line that is not there cannot be passed over quietly
        if s.reason == "文件或文件夹不存在":
            reports.append(FileReport(s.path, [finding("file-unreadable", reason="missing")], readable=False))
        elif args.format == "text":
            print(f"跳过：{s.path}（{s.reason}）", file=sys.stderr)
    if not reports:
        folders = [str(p) for p in args.files if p.is_dir()]
        where = f"（{'、'.join(folders)} 是文件夹，其中没有）" if folders else ""
        print(f"错误：没有找到要校验的工作簿或年报{where}", file=sys.stderr)
        return options.EXIT_USAGE
    annotated = annotate_all(files, reports, args.annotate, many) if args.annotate is not None else Annotated()
    for line in annotated.notes + annotated.problems:
        print(line, file=sys.stderr)
    written, failed = annotated.written, len(annotated.problems)
    sys.stdout.write(FINDINGS[args.format].load()(reports, written))
    compared = [r for r in reports if r.readable and not any(f.rule == "previous-not-comparable" for f in r.findings)]
    if previous is not None and compared and args.format == "text":
        print(f"跨年度比对：已与上年报告 {args.previous}（{previous.unit.get('report_year')} 年度）核对上年结转和现行有效件数"
              f"（{len(compared)} 份）")
    if failed or any(r.status is Status.UNREADABLE for r in reports):
        return options.EXIT_USAGE
    return options.EXIT_FINDINGS if any(r.status is Status.FAILED for r in reports) else options.EXIT_OK
