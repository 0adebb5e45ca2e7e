"""`gitools merge`: many units' workbooks into one county summary, with 退回材料 on request."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gitools.cli import options
from gitools.cli.options import Subparsers
from gitools.outputs import MERGE


def add(sub: Subparsers) -> None:
    m = sub.add_parser(
        "merge", help="把各单位的工作簿汇总成一个汇总表（含报送情况、问题清单、明细、图表）",
        description="读取文件和文件夹（含子文件夹）中的全部工作簿，逐份校验，把通过校验的汇总成一个汇总表。"
                    "汇总表本身也是合格的报表，可再向上一级汇总。"
                    "退出码：0 应报的都已计入，1 有报表未计入或有单位未报送，2 没有可汇总的内容或参数有误。")
    m.add_argument("inputs", nargs="+", type=Path, metavar="输入",
                   help=f"工作簿（{options.WORKBOOKS}）或已发布年报（{options.REPORTS}）的文件或文件夹")
    m.add_argument("-o", "--output", type=Path, default=Path("政府信息公开年报汇总表.xlsx"), metavar="输出",
                   help="汇总表文件（默认：当前目录下 政府信息公开年报汇总表.xlsx）")
    m.add_argument("--roster", type=Path, metavar="名单",
                   help="应报单位名单（.xlsx 或 .csv，含“单位名称”和/或“统一社会信用代码”列），用于列出未报送单位")
    m.add_argument("--year", type=options.year, metavar="年度", help="汇总的报告年度（默认：多数报表的年度）")
    m.add_argument("--include-invalid", action="store_true", help="有错误的报表也计入汇总（在汇总表中标明）")
    options.add_workers(m, "并行读取")
    m.add_argument("--previous", type=Path, metavar="上年汇总表",
                   help="上一年度由本工具生成的汇总表：增加“同比”工作表，列出全县和各单位主要数字的本年、上年和增减")
    m.add_argument("--feedback", type=Path, metavar="文件夹",
                   help="写出退回材料：每个有问题的单位一份标注副本（以单位命名），以及可用于邮件合并的“退回清单.xlsx”"
                        "（联系人、电话、主要问题，含未报送单位）")
    options.add_format(m, MERGE, "text", "结果摘要的输出格式")
    who = m.add_argument_group("汇总表的单位信息（不填则按各单位信息推算）")
    who.add_argument("--name", metavar="名称", help="汇总单位名称，如：××县人民政府（默认：“行政区划代码 汇总”）")
    who.add_argument("--division-code", metavar="代码", help="行政区划代码（默认：各单位共同所属的区划）")
    who.add_argument("--credit-code", metavar="代码", help="统一社会信用代码")
    who.add_argument("--preparer", metavar="姓名", help="填报人")
    who.add_argument("--phone", metavar="电话", help="联系电话")
    m.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from gitools.io.errors import os_reason
    from gitools.jobs.merge import MergeError, merge
    from gitools.jobs.progress import bar
    from gitools.merge.combine import outcome

    if args.output.suffix.lower() != ".xlsx":
        print(f"错误：输出文件应以 .xlsx 结尾：{args.output}", file=sys.stderr)
        return options.EXIT_USAGE
    if args.feedback is not None and any(p.is_dir() and args.feedback.resolve().is_relative_to(p.resolve())
                                         for p in args.inputs):
        print(f"错误：--feedback 的文件夹 {args.feedback} 在输入文件夹中，下次汇总会把标注副本当作报表读入；"
              "请放到收件箱以外", file=sys.stderr)
        return options.EXIT_USAGE
    identity = {"unit_name": args.name, "division_code": args.division_code, "credit_code": args.credit_code,
                "preparer": args.preparer, "phone": args.phone}
    try:
        result = merge(args.inputs, args.output, roster=args.roster, previous=args.previous, year=args.year,
                       include_invalid=args.include_invalid, workers=args.workers,
                       identity={k: v for k, v in identity.items() if v},
                       progress=bar("读取", quiet=args.format == "json"))
    except MergeError as err:
        print(f"\n错误：{err}", file=sys.stderr)
        if args.format == "json":  # a script still learns why, and what became of each file it sent
            from gitools.outputs.json import json_report

            json.dump({"error": str(err), **json_report(err.reports)}, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        return options.EXIT_USAGE
    except OSError as err:
        print(f"\n错误：无法写入 {args.output}：{os_reason(err)}", file=sys.stderr)
        return options.EXIT_USAGE
    feedback = None
    if args.feedback is not None:
        from gitools.outputs.xlsx.feedback import write_feedback

        feedback = write_feedback(result, args.feedback)
    sys.stdout.write(MERGE[args.format].load()(result, args.output, feedback))
    return options.EXIT_OK if outcome(result) else options.EXIT_FINDINGS
