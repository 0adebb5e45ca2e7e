"""`gitools survey`: every published report of a city, a province or the country, read, checked
and tabled; resumable; on the local pool or on Dask."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gitools.cli import options
from gitools.cli.options import Subparsers


def add(sub: Subparsers) -> None:
    s = sub.add_parser("survey", help="普查已发布的年报：逐份导入、校验，列出全部年报、问题和跨年度矛盾；可中断后续跑，可用 Dask",
                       description="读取文件夹（含子文件夹）中的全部已发布年报，逐份导入并校验，在结果目录中写出 年报普查.xlsx"
                                   "（每份年报一行，三张表的全部数字各占一列；全部问题；同一单位相邻年度的跨年度比对）及同样内容的 "
                                   "CSV（安装了 pyarrow 时还有 Parquet）。结果目录中的 manifest.sqlite 记录每份文件的内容和结果，"
                                   "再次运行时跳过已完成且未改动的文件。退出码：0 完成，2 参数有误或无法调度。")
    s.add_argument("reports", nargs="+", type=Path, metavar="年报文件夹", help=f"年报文件（{options.REPORTS}）或文件夹")
    s.add_argument("-o", "--output", type=Path, required=True, metavar="结果目录", help="结果目录（再次运行时从这里续跑）")
    options.add_workers(s, "并行读取")
    s.add_argument("--scheduler", default="processes", metavar="调度",
                   help="processes（默认，本机进程池）、dask（本机 Dask LocalCluster）或 tcp://地址:端口（已有的 Dask 集群）")
    s.add_argument("--workbooks", action="store_true", help="同时把每份年报写成填好的工作簿（同 gitools import），放在 结果目录/工作簿")
    s.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from gitools.jobs.imports import WouldOverwrite
    from gitools.jobs.progress import bar
    from gitools.jobs.survey import SchedulerError, survey

    if args.scheduler not in ("processes", "dask") and not args.scheduler.startswith("tcp://"):
        return options.fail(f"--scheduler 应为 processes、dask 或 tcp://地址:端口，收到 {args.scheduler!r}")
    try:
        done = survey(args.reports, args.output, workers=args.workers, scheduler=args.scheduler,
                      workbooks=args.workbooks, progress=bar("普查"))
    except (SchedulerError, WouldOverwrite) as err:
        return options.fail(str(err))
    for s in done.passed_over:
        print(f"跳过：{s.path}（{s.reason}）", file=sys.stderr)
    print(f"普查 {done.files} 份年报：本次读取 {done.read} 份，已完成未改动而跳过 {done.skipped} 份，"
          f"同一文件的其他名称 {done.same} 份（只读一次），无法读取 {done.unreadable} 份")
    for out in done.outputs:
        print(f"已写出：{out}")
    return options.EXIT_OK
