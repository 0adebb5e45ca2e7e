"""The report as one self-contained web page: real <table> markup with rowspan and colspan,
styles inline, ready to paste into a government portal's editor. Every text is escaped."""

from __future__ import annotations

from html import escape
from pathlib import Path

from gitools.form.model import Form
from gitools.model.submission import Submission
from gitools.outputs.document.content import Block
from gitools.outputs.document.layout import grid

STYLE = """
body { font-family: "FangSong", "仿宋_GB2312", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75;
       max-width: 860px; margin: 2em auto; padding: 0 1em; }
h1 { font-family: "方正小标宋简体", "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 22pt; text-align: center;
     font-weight: normal; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 .3em; }
h3 { font-family: "KaiTi", "楷体_GB2312", "楷体", serif; font-size: 16pt; font-weight: normal; margin: .6em 0 .2em 2em; }
p { text-indent: 2em; margin: 0; }
p.draft { color: #c00000; font-weight: bold; text-indent: 0; border: 2px solid #c00000; padding: .3em; }
p.placeholder { color: #c00000; }
p.reference { color: #1f4e79; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 10.5pt; line-height: 1.4; }
td, th { border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle; }
th { font-weight: normal; background: #f2f2f2; }
th.label { text-align: left; }
"""


def write(blocks: list[Block], sub: Submission, form: Form, out: Path) -> None:
    out.write_text(render(blocks, sub, form), encoding="utf-8")


def render(blocks: list[Block], sub: Submission, form: Form) -> str:
    body: list[str] = []
    for b in blocks:
        if b.kind == "title":
            body.append(f"<h1>{escape(b.text)}</h1>")
        elif b.kind == "heading":
            body.append(f"<h2>{escape(b.text)}</h2>")
        elif b.kind == "subheading":
            body.append(f"<h3>{escape(b.text)}</h3>")
        elif b.kind == "table":
            body.append(_table(sub, form, b.text))
        else:
            cls = f' class="{b.kind}"' if b.kind in ("draft", "placeholder", "reference") else ""
            body.append(f"<p{cls}>{escape(b.text)}</p>")
    title = escape(blocks[0].text)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def _table(sub: Submission, form: Form, key: str) -> str:
    table = form.table(key)
    rows = []
    for row in grid(table, sub.tables[key]):
        cells = []
        for cell in row:
            if cell is None:
                continue
            span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + \
                   (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            tag = "th" if cell.header else "td"
            label = ' class="label"' if cell.role == "label" else ""
            cells.append(f"<{tag}{span}{label}>{escape(cell.text)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>\n" + "\n".join(rows) + "\n</table>"
