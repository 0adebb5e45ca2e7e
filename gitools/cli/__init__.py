"""The `gitools` command line: one module per command (``add`` declares its arguments, ``run``
calls the jobs and prints what they return), Chinese argparse by subclassing (``zh``) and the
shared options declared once (``options``). Heavy imports happen inside ``run`` so that
`gitools --help` and small commands start fast."""

from __future__ import annotations

import os
import sys

from gitools import __version__
from gitools.cli import addin, export, form, imports, merge, options, report, serve, survey, template, validate, zh
from gitools.cli.options import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from gitools.io.errors import describe

COMMANDS = (form, template, validate, merge, imports, report, survey, serve, addin, export)  # in the order --help lists them

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


def build_parser() -> zh.Parser:
    p = zh.Parser(prog="gitools", description="政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）统计工具。")
    p.add_argument("--version", action="version", version=f"gitools {__version__}", help="显示版本号并退出")
    sub = p.add_subparsers(dest="command_name", metavar="命令", required=True, help="要执行的操作（见下）")
    for command in COMMANDS:
        command.add(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a GBK console or log file must not crash on "✗" or "⚠"
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    try:
        code: int = args.command.run(args)
        return code
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return EXIT_OK
    except OSError as err:  # a file or folder the command needed: say which and why, in Chinese
        return options.fail(describe(err))
    except Exception as err:  # never a traceback for a clerk; GITOOLS_DEBUG=1 shows it to a developer
        if os.environ.get("GITOOLS_DEBUG"):
            raise
        print(f"错误：程序内部出错（{type(err).__name__}），输入文件未被改动。请把所用命令和文件发给维护人员；"
              "设置环境变量 GITOOLS_DEBUG=1 后重试可看到详细信息。", file=sys.stderr)
        return EXIT_USAGE
