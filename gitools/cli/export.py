"""`gitools export`: the values read from a workbook, by the form's keys, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gitools.cli import options
from gitools.cli.options import Subparsers


def add(sub: Subparsers) -> None:
    e = sub.add_parser("export", help="按报表格式的键导出工作簿中读到的数值",
                       description="导出工作簿中读到的单位信息、三张表的数值和正文，供其他系统使用。")
    e.add_argument("file", type=Path, metavar="文件", help="填好的工作簿或已发布的年报")
    e.add_argument("--format", choices=["json"], default="json", help="输出格式（默认 json）")
    e.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from gitools.inputs.read import read_submission
    from gitools.model.submission import NotReadable
    from gitools.outputs.json import export

    try:
        sub = read_submission(args.file, options.form())
    except NotReadable as err:
        print(f"错误：{args.file} 无法读取：{err}", file=sys.stderr)
        return options.EXIT_USAGE
    json.dump(export(sub), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return options.EXIT_OK
