"""`gitools addin`: the Excel add-in's server, manifest and desktop build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gitools.cli import options
from gitools.cli.options import Subparsers


def add(sub: Subparsers) -> None:
    a = sub.add_parser("addin", help="Excel 插件：启动校验服务、生成清单文件、生成桌面插件",
                       description="Excel 中的“校验本工作簿”按钮。服务器方式（推荐）：在县政务公开办的一台机器上运行 "
                                   "gitools addin serve，各单位 Excel 加载 manifest 清单后即可使用，填报人电脑无需 Python；"
                                   "桌面方式：gitools addin build 生成 .xlam，适用于装有 Python 的电脑。")
    asub = a.add_subparsers(dest="addin_command", metavar="操作", required=True, help="插件的操作（见下）")
    srv = asub.add_parser("serve", help="启动 xlwings Server（需设置环境变量 XLWINGS_LICENSE_KEY）")
    srv.add_argument("--host", default="127.0.0.1", metavar="地址", help="监听地址（默认 127.0.0.1，仅本机；局域网使用时填本机 IP 或 0.0.0.0）")
    srv.add_argument("--port", type=options.positive, default=8000, metavar="端口", help="端口（默认 8000）")
    srv.add_argument("--cert", type=Path, metavar="证书", help="HTTPS 证书文件（PEM）；Excel 只加载 HTTPS 地址的插件")
    srv.add_argument("--key", type=Path, metavar="私钥", help="HTTPS 私钥文件（PEM）")
    srv.add_argument("--url", metavar="地址", help="各单位 Excel 访问本服务的地址，如 https://gitools.xx.gov.cn:8000（默认按监听地址推算）")
    srv.set_defaults(command=sys.modules[__name__], action=serve)
    man = asub.add_parser("manifest", help="生成插件清单文件（manifest.xml），供集中部署或共享文件夹加载")
    man.add_argument("--url", required=True, metavar="地址", help="各单位 Excel 访问校验服务的 HTTPS 地址")
    man.add_argument("-o", "--output", type=Path, default=Path("manifest.xml"), metavar="输出", help="输出文件（默认 manifest.xml）")
    man.set_defaults(command=sys.modules[__name__], action=manifest)
    bld = asub.add_parser("build", help="生成桌面 Excel 插件（.xlam）及其调用的 Python 模块")
    bld.add_argument("-o", "--output", type=Path, default=Path("gitools-excel-addin"), metavar="目录", help="输出目录")
    bld.set_defaults(command=sys.modules[__name__], action=build)


def serve(args: argparse.Namespace) -> int:
    from gitools.addin.server import LicenceMissing, configure, origin, serve

    if (args.cert is None) != (args.key is None):
        return options.fail("--cert 和 --key 须同时提供")
    for given in (args.cert, args.key):
        if given is not None and not given.is_file():
            return options.fail(f"找不到 HTTPS 证书或私钥文件：{given}")
    url = args.url or origin(args.host, args.port, args.cert is not None)
    try:
        configure(url)  # the licence first: no address is announced for a server that will not start
    except LicenceMissing as err:
        return options.fail(str(err))
    print(f"校验服务：{url}/taskpane.html（清单：gitools addin manifest --url {url}）", file=sys.stderr)
    serve(args.host, args.port, certfile=args.cert, keyfile=args.key, public_url=url)
    return options.EXIT_OK


def manifest(args: argparse.Namespace) -> int:
    from gitools.addin.server import manifest
    from gitools.io.atomic import atomic_write

    if not args.url.startswith("https://"):
        print("提示：Excel 只加载 HTTPS 地址的插件；http 地址仅供本机测试。", file=sys.stderr)
    with atomic_write(args.output) as tmp:
        tmp.write_text(manifest(args.url), encoding="utf-8")
    print(f"已生成插件清单：{args.output}")
    return options.EXIT_OK


def build(args: argparse.Namespace) -> int:
    from gitools.addin.desktop import build

    try:
        paths = build(args.output)
    except ModuleNotFoundError:
        print("错误：需要先安装 xlwings：pip install xlwings", file=sys.stderr)
        return options.EXIT_USAGE
    for p in paths:
        print(f"已生成：{p}")
    return options.EXIT_OK


def run(args: argparse.Namespace) -> int:
    return args.action(args)
