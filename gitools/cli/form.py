"""`gitools form`: the form's declaration as JSON, for other systems."""

from __future__ import annotations

import argparse
import json
import sys

from gitools.cli import options
from gitools.cli.options import Subparsers


def add(sub: Subparsers) -> None:
    f = sub.add_parser("form", help="输出报表格式定义（每个单元格的键、标签、地址和名称）",
                       description="输出报表格式定义，供其他系统按键定位每个单元格。")
    f.add_argument("--format", choices=["json"], default="json", help="输出格式（默认 json）")
    f.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from gitools.form import FORM
    from gitools.form.describe import describe

    json.dump(describe(FORM), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return options.EXIT_OK
