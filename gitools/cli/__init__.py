"""The `gitools` command line. Messages in Chinese; heavy imports happen inside commands so
that `gitools --help` and small commands start fast."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from gitools import __version__
from gitools.io.errors import describe, os_reason

_ZH = {  # every message argparse can print for our commands
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "expected one argument": "此选项需要一个值",
    "expected at least one argument": "此选项至少需要一个值",
    "expected at most one argument": "此选项最多只能有一个值",
    "expected %s argument": "此选项需要 %s 个值",
    "expected %s arguments": "此选项需要 %s 个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的值 %r",
    "one of the arguments %s is required": "必须提供以下参数之一：%s",
    "show program's version number and exit": "显示版本号并退出",
}
argparse._ = lambda s: _ZH.get(s, s)  # argparse looks its messages up through these names
argparse.ngettext = lambda one, many, n: _ZH.get(one if n == 1 else many, one if n == 1 else many)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _year(text: str) -> int:
    form = _form()
    if not (text.isdigit() and len(text) == 4 and form.first_year <= int(text) <= form.last_year):
        raise argparse.ArgumentTypeError(f"报告年度应为 {form.first_year} 至 {form.last_year} 之间的4位年份，收到 {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gitools",
        description="政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）统计工具。",
    )
    p.add_argument("--version", action="version", version=f"gitools {__version__}", help="显示版本号并退出")
    sub = p.add_subparsers(dest="command", metavar="命令", required=True, help="要执行的操作（见下）")

    f = sub.add_parser("form", help="输出报表格式定义（每个单元格的键、标签、地址和名称）",
                       description="输出报表格式定义，供其他系统按键定位每个单元格。")
    f.add_argument("--format", choices=["json"], default="json", help="输出格式（默认 json）")
    f.set_defaults(run=_cmd_form)

    t = sub.add_parser("template", help="生成填报模板（.xlsx）；给出名单时为每个单位生成一份预填的模板",
                       description="生成供各单位填写的填报模板。给出 --roster 名单时，为名单中每个单位生成一份模板："
                                   "单位名称、统一社会信用代码、行政区划代码（取自信用代码）、单位类别已预填并锁定，"
                                   "文件以单位名称命名。")
    t.add_argument("-o", "--output", type=Path, metavar="路径",
                   help="输出文件（默认：当前目录下 政府信息公开年报填报模板.xlsx）；给出 --roster 时为输出文件夹"
                        "（默认：各单位填报模板）")
    t.add_argument("--year", type=_year, metavar="年度", help="预填报告年度，如 2025")
    t.add_argument("--roster", type=Path, metavar="名单",
                   help="应报单位名单（.xlsx 或 .csv，含“单位名称”“统一社会信用代码”列，可有“单位类别”列）")
    t.add_argument("--settings", type=Path, metavar="设置文件",
                   help="县政务公开办的设置文件（.ini，“[联系方式]”一节写联系单位、联系人、联系电话），填入模板的“填报说明”")
    t.add_argument("--contact-unit", metavar="单位", help="“填报说明”中的联系单位（优先于设置文件）")
    t.add_argument("--contact-person", metavar="姓名", help="“填报说明”中的联系人（优先于设置文件）")
    t.add_argument("--contact-phone", metavar="电话", help="“填报说明”中的联系电话（优先于设置文件）")
    t.set_defaults(run=_cmd_template)

    v = sub.add_parser(
        "validate", help="校验填好的工作簿（表内勾稽关系、单位信息、正文与表格是否一致）",
        description="校验一个或多个填好的工作簿。退出码：0 无错误（可有警告），1 有错误，2 有文件无法读取或参数有误。")
    v.add_argument("files", nargs="+", type=Path, metavar="文件",
                   help="要校验的工作簿（.xlsx，也可以是 .xls / .et / .ods）或文件夹，也可以是已发布的年报（.pdf / .txt / .html / .docx，导入后校验）")
    v.add_argument("--previous", type=Path, metavar="上年文件",
                   help="同一单位上一年度的工作簿：核对上年结转、现行有效件数是否衔接")
    v.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")
    v.add_argument("--annotate", type=Path, metavar="输出",
                   help="另存一份带“校验结果”工作表和问题单元格标注的副本（原文件不动）；"
                        "校验多个文件时为输出目录")
    v.set_defaults(run=_cmd_validate)

    m = sub.add_parser(
        "merge", help="把各单位的工作簿汇总成一个汇总表（含报送情况、问题清单、明细、图表）",
        description="读取文件和文件夹（含子文件夹）中的全部工作簿，逐份校验，把通过校验的汇总成一个汇总表。"
                    "汇总表本身也是合格的报表，可再向上一级汇总。"
                    "退出码：0 应报的都已计入，1 有报表未计入或有单位未报送，2 没有可汇总的内容或参数有误。")
    m.add_argument("inputs", nargs="+", type=Path, metavar="输入",
                   help="工作簿或已发布年报（.pdf / .txt / .html / .docx）的文件或文件夹")
    m.add_argument("-o", "--output", type=Path, default=Path("政府信息公开年报汇总表.xlsx"), metavar="输出",
                   help="汇总表文件（默认：当前目录下 政府信息公开年报汇总表.xlsx）")
    m.add_argument("--roster", type=Path, metavar="名单",
                   help="应报单位名单（.xlsx 或 .csv，含“单位名称”和/或“统一社会信用代码”列），用于列出未报送单位")
    m.add_argument("--year", type=_year, metavar="年度", help="汇总的报告年度（默认：多数报表的年度）")
    m.add_argument("--include-invalid", action="store_true", help="有错误的报表也计入汇总（在汇总表中标明）")
    m.add_argument("--workers", type=_positive, metavar="N", help="并行读取的进程数（默认：CPU 核数）")
    m.add_argument("--previous", type=Path, metavar="上年汇总表",
                   help="上一年度由本工具生成的汇总表：增加“同比”工作表，列出全县和各单位主要数字的本年、上年和增减")
    m.add_argument("--feedback", type=Path, metavar="文件夹",
                   help="写出退回材料：每个有问题的单位一份标注副本（以单位命名），以及可用于邮件合并的“退回清单.xlsx”"
                        "（联系人、电话、主要问题，含未报送单位）")
    m.add_argument("--format", choices=["text", "json"], default="text", help="结果摘要的输出格式（默认 text）")
    who = m.add_argument_group("汇总表的单位信息（不填则按各单位信息推算）")
    who.add_argument("--name", metavar="名称", help="汇总单位名称，如：××县人民政府（默认：“行政区划代码 汇总”）")
    who.add_argument("--division-code", metavar="代码", help="行政区划代码（默认：各单位共同所属的区划）")
    who.add_argument("--credit-code", metavar="代码", help="统一社会信用代码")
    who.add_argument("--preparer", metavar="姓名", help="填报人")
    who.add_argument("--phone", metavar="电话", help="联系电话")
    m.set_defaults(run=_cmd_merge)

    i = sub.add_parser(
        "import", help="把已发布的年报（PDF、复制的文字 .txt、网页 .html、Word .docx）转成填好的工作簿",
        description="读取已发布的年报，按官方行标签把三张表的数字填入模板，单位名称和年度取自标题，正文各部分照录；"
                    "读不准的地方（缺行、无标签的数字、错位）和校验发现的问题写入输出文件的“校验结果”工作表并在屏幕上列出。"
                    "退出码：0 无错误，1 有错误，2 有文件无法读取或参数有误。")
    i.add_argument("reports", nargs="+", type=Path, metavar="年报",
                   help=".pdf / .txt / .html / .htm / .docx 文件，或包含这些文件的文件夹（含子文件夹）")
    i.add_argument("-o", "--output", type=Path, required=True, metavar="输出目录", help="输出目录")
    i.add_argument("--format", choices=["xlsx", "json"], default="xlsx", help="输出格式（默认 xlsx）")
    i.add_argument("--workers", type=_positive, metavar="N", help="并行导入的进程数（默认：CPU 核数）")
    i.set_defaults(run=_cmd_import)

    r = sub.add_parser(
        "report", help="由校验通过的工作簿生成可发布的年度报告（Word 和网页），表格版式同官方格式",
        description="按国办公开办函〔2021〕30号格式，由工作簿（单位的、汇总表或导入的年报）写出年度报告：标题、开头段落、"
                    "第一至六部分（正文取自工作簿，空缺处留醒目的待补充标记）和三张统计表（合并单元格同官方格式）。"
                    "工作簿有错误时不生成，除非加 --force（报告标明“草稿”）。退出码：0 全部生成，1 有报告因错误未生成，"
                    "2 有文件无法读取或参数有误。")
    r.add_argument("workbooks", nargs="+", type=Path, metavar="工作簿", help="填好的工作簿、汇总表或已发布的年报")
    r.add_argument("-o", "--output", type=Path, required=True, metavar="输出目录", help="输出目录")
    r.add_argument("--format", choices=["docx", "html"], action="append", metavar="格式",
                   help="docx（Word）或 html（网页），可重复；默认两种都生成")
    r.add_argument("--previous", type=Path, metavar="上年工作簿",
                   help="上一年度的工作簿：在正文中加入“本年新收申请 N 件，上年 M 件”等数据参考，可保留或删除")
    r.add_argument("--force", action="store_true", help="工作簿有错误也生成，报告标明“草稿”")
    r.set_defaults(run=_cmd_report)

    a = sub.add_parser("addin", help="Excel 插件：启动校验服务、生成清单文件、生成桌面插件",
                       description="Excel 中的“校验本工作簿”按钮。服务器方式（推荐）：在县政务公开办的一台机器上运行 "
                                   "gitools addin serve，各单位 Excel 加载 manifest 清单后即可使用，填报人电脑无需 Python；"
                                   "桌面方式：gitools addin build 生成 .xlam，适用于装有 Python 的电脑。")
    asub = a.add_subparsers(dest="addin_command", metavar="操作", required=True, help="插件的操作（见下）")
    srv = asub.add_parser("serve", help="启动 xlwings Server（需设置环境变量 XLWINGS_LICENSE_KEY）")
    srv.add_argument("--host", default="127.0.0.1", metavar="地址", help="监听地址（默认 127.0.0.1，仅本机；局域网使用时填本机 IP 或 0.0.0.0）")
    srv.add_argument("--port", type=_positive, default=8000, metavar="端口", help="端口（默认 8000）")
    srv.add_argument("--cert", type=Path, metavar="证书", help="HTTPS 证书文件（PEM）；Excel 只加载 HTTPS 地址的插件")
    srv.add_argument("--key", type=Path, metavar="私钥", help="HTTPS 私钥文件（PEM）")
    srv.add_argument("--url", metavar="地址", help="各单位 Excel 访问本服务的地址，如 https://gitools.xx.gov.cn:8000（默认按监听地址推算）")
    srv.set_defaults(run=_cmd_addin_serve)
    man = asub.add_parser("manifest", help="生成插件清单文件（manifest.xml），供集中部署或共享文件夹加载")
    man.add_argument("--url", required=True, metavar="地址", help="各单位 Excel 访问校验服务的 HTTPS 地址")
    man.add_argument("-o", "--output", type=Path, default=Path("manifest.xml"), metavar="输出", help="输出文件（默认 manifest.xml）")
    man.set_defaults(run=_cmd_addin_manifest)
    bld = asub.add_parser("build", help="生成桌面 Excel 插件（.xlam）及其调用的 Python 模块")
    bld.add_argument("-o", "--output", type=Path, default=Path("gitools-excel-addin"), metavar="目录", help="输出目录")
    bld.set_defaults(run=_cmd_addin_build)

    e = sub.add_parser("export", help="按报表格式的键导出工作簿中读到的数值",
                       description="导出工作簿中读到的单位信息、三张表的数值和正文，供其他系统使用。")
    e.add_argument("file", type=Path, metavar="文件", help="填好的工作簿或已发布的年报")
    e.add_argument("--format", choices=["json"], default="json", help="输出格式（默认 json）")
    e.set_defaults(run=_cmd_export)
    return p


def _cmd_form(args: argparse.Namespace) -> int:
    from gitools.form import FORM
    from gitools.form.describe import describe

    json.dump(describe(FORM), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    from gitools.form import FORM
    from gitools.inputs.roster import RosterError, read_roster
    from gitools.inputs.settings import SettingsError, read_contact
    from gitools.outputs.xlsx.template.writer import CONTACT_LABELS, write

    try:
        contact = read_contact(args.settings, CONTACT_LABELS) if args.settings else {}
    except SettingsError as e:
        print(f"错误：{e}", file=sys.stderr)
        return EXIT_USAGE
    given = dict(zip(CONTACT_LABELS, (args.contact_unit, args.contact_person, args.contact_phone), strict=True))
    contact |= {k: v for k, v in given.items() if v}
    if args.roster is None:
        out: Path = args.output or Path("政府信息公开年报填报模板.xlsx")
        if out.suffix.lower() != ".xlsx":
            print(f"错误：输出文件应以 .xlsx 结尾：{out}", file=sys.stderr)
            return EXIT_USAGE
        write(FORM, out, args.year, contact)
        print(f"已生成填报模板：{out}")
        return EXIT_OK
    from gitools.outputs.xlsx.template.personal import write_for_roster

    outdir: Path = args.output or Path("各单位填报模板")
    if outdir.suffix.lower() == ".xlsx":
        print(f"错误：给出名单时 -o 应为输出文件夹，而不是 {outdir}", file=sys.stderr)
        return EXIT_USAGE
    try:
        entries = read_roster(args.roster)
    except RosterError as e:
        print(f"错误：{e}", file=sys.stderr)
        return EXIT_USAGE
    done = write_for_roster(FORM, entries, outdir, args.year, contact)
    for d in done:
        note = "；".join(d.skipped)
        print(f"已生成：{d.path}" + (f"（名单第 {d.entry.line} 行：{note}）" if note else ""))
    print(f"共 {len(done)} 个单位的预填模板，在 {outdir}")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from gitools.inputs import read_submission
    from gitools.inputs.kinds import SUBMISSION_SUFFIXES
    from gitools.io.discover import discover
    from gitools.jobs.progress import bar
    from gitools.jobs.validate import Annotated, annotate_all, validate_files
    from gitools.model.findings import FileReport, Status, finding
    from gitools.model.submission import NotReadable
    from gitools.outputs.json import json_report
    from gitools.outputs.text import text_report

    previous = None
    if args.previous is not None:
        try:
            previous = read_submission(args.previous, _form())
        except NotReadable as err:
            print(f"错误：上年文件 {args.previous} 无法读取：{err}", file=sys.stderr)
            return EXIT_USAGE
    files, skipped = discover(args.files, SUBMISSION_SUFFIXES)
    many = len(files) > 1 or any(p.is_dir() for p in args.files)
    if args.annotate is not None and many and args.annotate.suffix.lower() in (".xlsx", ".xlsm"):
        print(f"错误：校验多个文件或文件夹时，--annotate 应为输出文件夹，而不是 {args.annotate}", file=sys.stderr)
        return EXIT_USAGE
    show = bar("校验", quiet=args.format == "json" or len(files) < 100)  # a bar only for a long run
    reports = [report for report, _ in validate_files(files, previous=previous, progress=show)]
    for s in skipped:  # a file named on the command line that is not there cannot be passed over quietly
        if s.reason == "文件或文件夹不存在":
            reports.append(FileReport(s.path, [finding("file-unreadable", reason="missing")], readable=False))
        elif args.format == "text":
            print(f"跳过：{s.path}（{s.reason}）", file=sys.stderr)
    if not reports:
        print("错误：没有找到要校验的工作簿或年报", file=sys.stderr)
        return EXIT_USAGE
    annotated = annotate_all(files, reports, args.annotate, many) if args.annotate is not None else Annotated()
    for line in annotated.notes + annotated.problems:
        print(line, file=sys.stderr)
    written, failed = annotated.written, len(annotated.problems)
    if args.format == "json":
        json.dump(json_report(reports) | {"annotated": [str(p) for p in written]},
                  sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text_report(reports))
        for out in written:
            print(f"已写出标注副本：{out}")
    if failed or any(r.status is Status.UNREADABLE for r in reports):
        return EXIT_USAGE
    return EXIT_FINDINGS if any(r.status is Status.FAILED for r in reports) else EXIT_OK


def _cmd_merge(args: argparse.Namespace) -> int:
    from gitools.jobs.merge import MergeError, merge
    from gitools.jobs.progress import bar
    from gitools.merge.combine import outcome
    from gitools.outputs.json import merge_json
    from gitools.outputs.text import merge_text

    if args.output.suffix.lower() != ".xlsx":
        print(f"错误：输出文件应以 .xlsx 结尾：{args.output}", file=sys.stderr)
        return EXIT_USAGE
    if args.feedback is not None and any(p.is_dir() and args.feedback.resolve().is_relative_to(p.resolve())
                                         for p in args.inputs):
        print(f"错误：--feedback 的文件夹 {args.feedback} 在输入文件夹中，下次汇总会把标注副本当作报表读入；"
              "请放到收件箱以外", file=sys.stderr)
        return EXIT_USAGE
    identity = {"unit_name": args.name, "division_code": args.division_code, "credit_code": args.credit_code,
                "preparer": args.preparer, "phone": args.phone}
    try:
        result = merge(args.inputs, args.output, roster=args.roster, previous=args.previous, year=args.year,
                       include_invalid=args.include_invalid, workers=args.workers,
                       identity={k: v for k, v in identity.items() if v},
                       progress=bar("读取", quiet=args.format == "json"))
    except MergeError as err:
        print(f"\n错误：{err}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as err:
        print(f"\n错误：无法写入 {args.output}：{os_reason(err)}", file=sys.stderr)
        return EXIT_USAGE
    feedback = None
    if args.feedback is not None:
        from gitools.outputs.xlsx.feedback import write_feedback

        feedback = write_feedback(result, args.feedback)
    if args.format == "json":
        doc = merge_json(result, args.output) | ({"feedback": [str(p) for p in feedback]} if feedback else {})
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(merge_text(result, args.output, feedback))
    return EXIT_OK if outcome(result) else EXIT_FINDINGS


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，收到 {text!r}")
    return int(text)


def _cmd_import(args: argparse.Namespace) -> int:
    from gitools.inputs.kinds import REPORT_SUFFIXES
    from gitools.io.discover import discover
    from gitools.jobs.imports import import_all
    from gitools.jobs.progress import bar
    from gitools.model.findings import Status
    from gitools.outputs.text import text_report

    files, skipped = discover(args.reports, suffixes=REPORT_SUFFIXES, wanted="可导入的年报文件")
    for s in skipped:
        print(f"跳过：{s.path}（{s.reason}）", file=sys.stderr)
    if not files:
        print("错误：没有找到可导入的年报文件（.pdf / .txt / .html / .htm / .docx）", file=sys.stderr)
        return EXIT_USAGE
    results = import_all(files, args.output, args.format, _form(), workers=args.workers, progress=bar("导入"))
    failed_writes = [r for r in results if r.error]
    for r in results:
        if r.output:
            print(f"已导入：{r.path} → {r.output}")
    for r in failed_writes:
        print(f"错误：{r.path} 无法写入 {args.output}：{r.error}", file=sys.stderr)
    sys.stdout.write(text_report([r.report for r in results if not r.error]))
    if failed_writes or any(r.report.status is Status.UNREADABLE for r in results) or \
            any(s.reason == "文件或文件夹不存在" for s in skipped):
        return EXIT_USAGE
    return EXIT_FINDINGS if any(r.report.status is Status.FAILED for r in results) else EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from gitools.inputs import read_submission
    from gitools.jobs.publish import write_report
    from gitools.model.submission import NotReadable
    from gitools.outputs.text import finding_line

    form = _form()
    previous = None
    if args.previous is not None:
        try:
            previous = read_submission(args.previous, form)
        except NotReadable as err:
            print(f"错误：上年工作簿 {args.previous} 无法读取：{err}", file=sys.stderr)
            return EXIT_USAGE
    code = EXIT_OK
    for path in args.workbooks:
        try:
            sub = read_submission(path, form)
        except NotReadable as err:
            print(f"✗ {path}：无法读取：{err}")
            code = EXIT_USAGE
            continue
        report, written = write_report(sub, form, args.output, args.format or ["docx", "html"], force=args.force,
                                       previous=previous)
        if not written:
            print(f"✗ {path}：{report.verdict()}，未生成报告（改正后重试，或加 --force 生成草稿）")
            print("\n".join(finding_line(f) for f in report.errors))
            code = max(code, EXIT_FINDINGS)
            continue
        draft = "（草稿，工作簿未通过校验）" if report.errors else ""
        for out in written:
            print(f"已生成{draft}：{out}")
    return code


def _cmd_addin_serve(args: argparse.Namespace) -> int:
    from gitools.addin.server import LicenceMissing, origin, serve

    if (args.cert is None) != (args.key is None):
        print("错误：--cert 和 --key 须同时提供", file=sys.stderr)
        return EXIT_USAGE
    url = args.url or origin(args.host, args.port, args.cert is not None)
    print(f"校验服务：{url}/taskpane.html（清单：gitools addin manifest --url {url}）", file=sys.stderr)
    try:
        serve(args.host, args.port, certfile=args.cert, keyfile=args.key, public_url=url)
    except LicenceMissing as err:
        print(f"错误：{err}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _cmd_addin_manifest(args: argparse.Namespace) -> int:
    from gitools.addin.server import manifest
    from gitools.io.atomic import atomic_write

    if not args.url.startswith("https://"):
        print("提示：Excel 只加载 HTTPS 地址的插件；http 地址仅供本机测试。", file=sys.stderr)
    with atomic_write(args.output) as tmp:
        tmp.write_text(manifest(args.url), encoding="utf-8")
    print(f"已生成插件清单：{args.output}")
    return EXIT_OK


def _cmd_addin_build(args: argparse.Namespace) -> int:
    from gitools.addin.desktop import build

    try:
        paths = build(args.output)
    except ModuleNotFoundError:
        print("错误：需要先安装 xlwings：pip install xlwings", file=sys.stderr)
        return EXIT_USAGE
    for p in paths:
        print(f"已生成：{p}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from gitools.inputs import read_submission
    from gitools.model.submission import NotReadable
    from gitools.outputs.json import export

    try:
        sub = read_submission(args.file, _form())
    except NotReadable as err:
        print(f"错误：{args.file} 无法读取：{err}", file=sys.stderr)
        return EXIT_USAGE
    json.dump(export(sub), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _form():
    from gitools.form import FORM

    return FORM


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a GBK console or log file must not crash on "✗" or "⚠"
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
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
    except OSError as err:  # a file or folder the command needed: say which and why, in Chinese
        print(f"错误：{describe(err)}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as err:  # never a traceback for a clerk; GITOOLS_DEBUG=1 shows it to a developer
        if os.environ.get("GITOOLS_DEBUG"):
            raise
        print(f"错误：程序内部出错（{type(err).__name__}），输入文件未被改动。请把所用命令和文件发给维护人员；"
              "设置环境变量 GITOOLS_DEBUG=1 后重试可看到详细信息。", file=sys.stderr)
        return EXIT_USAGE
