"""What every command shares, declared once: exit codes, the value types (year, a positive
count), the options several commands take (--format, --workers, -o), the lists of file kinds
their help names (from the inputs registry), and how an error is said."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gitools.inputs.kinds import Family, listed

if TYPE_CHECKING:
    from gitools.form.model import Form

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
Subparsers = argparse._SubParsersAction  # what a command adds its parser to

WORKBOOKS = listed(Family.WORKBOOK)  # ".xlsx / .xlsm / .xls / …", as the help lists them
REPORTS = listed(Family.REPORT)


def form() -> Form:
    from gitools.form import FORM

    return FORM


def year(text: str) -> int:
    f = form()
    if not (text.isdigit() and len(text) == 4 and f.first_year <= int(text) <= f.last_year):
        raise argparse.ArgumentTypeError(f"报告年度应为 {f.first_year} 至 {f.last_year} 之间的4位年份，收到 {text!r}")
    return int(text)


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，收到 {text!r}")
    return int(text)


def add_format(parser: argparse.ArgumentParser, choices: Iterable[str], default: str, what: str = "输出格式") -> None:
    choices = list(choices)
    parser.add_argument("--format", choices=choices, default=default, help=f"{what}（默认 {default}）")


def add_workers(parser: argparse.ArgumentParser, doing: str) -> None:
    parser.add_argument("--workers", type=positive, metavar="N", help=f"{doing}的进程数（默认：CPU 核数）")


def fail(message: str) -> int:
    """Say what is wrong on stderr, in Chinese; the exit code of a usage error."""
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_USAGE
