"""`gitools template`: the blank template, or one prefilled per unit of a roster."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gitools.cli import options
from gitools.cli.options import Subparsers


def add(sub: Subparsers) -> None:
    t = sub.add_parser("template", help="生成填报模板（.xlsx）；给出名单时为每个单位生成一份预填的模板",
                       description="生成供各单位填写的填报模板。给出 --roster 名单时，为名单中每个单位生成一份模板："
                                   "单位名称、统一社会信用代码、行政区划代码（取自信用代码）、单位类别已预填并锁定，"
                                   "文件以单位名称命名。")
    t.add_argument("-o", "--output", type=Path, metavar="路径",
                   help="输出文件（默认：当前目录下 政府信息公开年报填报模板.xlsx）；给出 --roster 时为输出文件夹"
                        "（默认：各单位填报模板）")
    t.add_argument("--year", type=options.year, metavar="年度", help="预填报告年度，如 2025")
    t.add_argument("--roster", type=Path, metavar="名单",
                   help="应报单位名单（.xlsx 或 .csv，含“单位名称”“统一社会信用代码”列，可有“单位类别”列）")
    t.add_argument("--settings", type=Path, metavar="设置文件",
                   help="县政务公开办的设置文件（.ini，“[联系方式]”一节写联系单位、联系人、联系电话），填入模板的“填报说明”")
    t.add_argument("--contact-unit", metavar="单位", help="“填报说明”中的联系单位（优先于设置文件）")
    t.add_argument("--contact-person", metavar="姓名", help="“填报说明”中的联系人（优先于设置文件）")
    t.add_argument("--contact-phone", metavar="电话", help="“填报说明”中的联系电话（优先于设置文件）")
    t.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from gitools.form import FORM
    from gitools.inputs.roster import RosterError, read_roster
    from gitools.inputs.settings import SettingsError, read_contact
    from gitools.jobs.templates import WouldOverwrite, write, write_for_roster
    from gitools.outputs.xlsx.template import CONTACT_LABELS

    try:
        contact = read_contact(args.settings, CONTACT_LABELS) if args.settings else {}
    except SettingsError as e:
        print(f"错误：{e}", file=sys.stderr)
        return options.EXIT_USAGE
    given = dict(zip(CONTACT_LABELS, (args.contact_unit, args.contact_person, args.contact_phone), strict=True))
    contact |= {k: v for k, v in given.items() if v}
    if args.roster is None:
        out: Path = args.output or Path("政府信息公开年报填报模板.xlsx")
        if out.suffix.lower() != ".xlsx":
            print(f"错误：输出文件应以 .xlsx 结尾：{out}", file=sys.stderr)
            return options.EXIT_USAGE
        write(FORM, out, args.year, contact)
        print(f"已生成填报模板：{out}")
        return options.EXIT_OK
    outdir: Path = args.output or Path("各单位填报模板")
    if outdir.suffix.lower() == ".xlsx":
        print(f"错误：给出名单时 -o 应为输出文件夹，而不是 {outdir}", file=sys.stderr)
        return options.EXIT_USAGE
    try:
        entries = read_roster(args.roster)
    except RosterError as e:
        print(f"错误：{e}", file=sys.stderr)
        return options.EXIT_USAGE
    try:
        done = write_for_roster(FORM, entries, outdir, args.year, contact, protected=[args.roster, args.settings])
    except WouldOverwrite as err:
        return options.fail(str(err))
    for d in done:
        print(f"已生成：{d.path}")
        for note in d.skipped:  # on a line of its own: the roster needs a fix before the template goes out
            print(f"  ! 名单第 {d.entry.line} 行（{d.entry.label}）：{note}")
    flawed = [d for d in done if d.skipped]
    print(f"共 {len(done)} 个单位的预填模板，在 {outdir}" + (
        f"；其中 {len(flawed)} 个单位的名单有误、相应项未预填（{'、'.join(d.entry.label for d in flawed)}），"
        "请核对名单后重新生成或发出前手工补填" if flawed else ""))
    return options.EXIT_OK
