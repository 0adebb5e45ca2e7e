"""`gitools serve`: the county's collection site (links per unit, a check at upload, the 报送情况
board, 说明 and 退回 online)."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import sys
from pathlib import Path

from gitools.cli import options
from gitools.cli.options import Subparsers


def port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"端口应为 1 至 65535 之间的整数，收到 {text!r}")
    return int(text)


def day(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 2026-01-31 的样子，收到 {text!r}") from None


def add(sub: Subparsers) -> None:
    s = sub.add_parser("serve", help="启动县政务公开办的报送网站：各单位凭链接上传、即时校验、填写说明，县里看报送情况、审核、退回、下载汇总表",
                       description="启动报送网站。第一次启动时按名单为每个单位生成填报链接（写入 数据目录/各单位填报链接.xlsx），"
                                   "并显示一次管理口令；再次启动同一数据目录时，已报送的内容全部保留。")
    s.add_argument("--roster", type=Path, required=True, metavar="名单", help="应报单位名单（.xlsx 或 .csv）")
    s.add_argument("--data", type=Path, required=True, metavar="数据目录", help="保存报表、记录和填报链接的文件夹")
    s.add_argument("--name", required=True, metavar="名称", help="汇总单位名称，如：示例县人民政府")
    s.add_argument("--year", type=options.year, metavar="年度", help="报告年度，如 2025")
    s.add_argument("--host", default="127.0.0.1", metavar="地址", help="监听地址（默认 127.0.0.1，仅本机；局域网使用时填本机 IP 或 0.0.0.0）")
    s.add_argument("--port", type=port, default=8000, metavar="端口", help="端口（默认 8000）")
    s.add_argument("--deadline", type=day, metavar="日期", help="报送截止日期，如 2026-01-31（显示在各单位的页面上）")
    s.add_argument("--url", metavar="地址", help="各单位访问本网站的地址，如 http://10.1.2.3:8000（默认按监听地址推算），用于填报链接")
    s.add_argument("--new-admin-token", action="store_true", help="重新生成管理口令（原口令作废）")
    s.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from gitools.inputs.roster import RosterError
    from gitools.site.serve import CannotServe, Settings
    from gitools.site.serve import run as serve

    settings = Settings(args.roster, args.data, args.name, args.year, args.host, args.port, args.deadline,
                        args.url, args.new_admin_token)
    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731

    def addin(url: str) -> dict[str, object]:
        """The Excel add-in's endpoint at /addin, when its extra is installed and licensed."""
        if not os.environ.get("XLWINGS_LICENSE_KEY") or importlib.util.find_spec("xlwings_server") is None:
            return {}
        from gitools.addin.server import app

        say(f"Excel 插件校验服务：{url}/addin/taskpane.html（清单：gitools addin manifest --url {url}/addin）")
        return {"/addin": app(url, path="/addin")}

    try:
        serve(settings, options.form(), say, addin)
    except (CannotServe, RosterError) as e:
        return options.fail(str(e))
    return options.EXIT_OK
