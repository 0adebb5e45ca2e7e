"""The `gitools` command line. Messages in Chinese; heavy imports happen inside commands so
that `gitools --help` and small commands start fast."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gitools import __version__

_ZH = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "expected one argument": "此选项需要一个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "show program's version number and exit": "显示版本号并退出",
}
argparse._ = lambda s: _ZH.get(s, s)  # argparse looks its messages up through this name

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4 and 2021 <= int(text) <= 2099):
        raise argparse.ArgumentTypeError(f"报告年度应为 2021 至 2099 之间的4位年份，收到 {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gitools",
        description="政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）统计工具。",
    )
    p.add_argument("--version", action="version", version=f"gitools {__version__}")
    sub = p.add_subparsers(dest="command", metavar="命令", required=True)

    f = sub.add_parser("form", help="输出报表格式定义（每个单元格的键、标签、地址和名称）",
                       description="输出报表格式定义，供其他系统按键定位每个单元格。")
    f.add_argument("--format", choices=["json"], default="json", help="输出格式（默认 json）")
    f.set_defaults(run=_cmd_form)

    t = sub.add_parser("template", help="生成空白填报模板（.xlsx）",
                       description="生成供各单位填写的空白填报模板。")
    t.add_argument("-o", "--output", type=Path, default=Path("政府信息公开年报填报模板.xlsx"),
                   metavar="路径", help="输出文件（默认：当前目录下 政府信息公开年报填报模板.xlsx）")
    t.add_argument("--year", type=_year, metavar="年度", help="预填报告年度，如 2025")
    t.set_defaults(run=_cmd_template)
    return p


def _cmd_form(args: argparse.Namespace) -> int:
    from gitools.form import FORM
    from gitools.form.describe import describe

    json.dump(describe(FORM), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    from gitools.form import FORM
    from gitools.template.writer import write

    out: Path = args.output
    if out.suffix.lower() != ".xlsx":
        print(f"错误：输出文件应以 .xlsx 结尾：{out}", file=sys.stderr)
        return EXIT_USAGE
    try:
        write(FORM, out, args.year)
    except OSError as e:
        print(f"错误：无法写入 {out}：{e.strerror or e}", file=sys.stderr)
        return EXIT_USAGE
    print(f"已生成填报模板：{out}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return EXIT_OK
