"""What the published annual report says, as a list of blocks both writers render: the title,
the customary opening, sections 一 to 六 from the workbook's narrative with the three tables
in between. Where the workbook says nothing a visible placeholder stands; no text is invented."""

from __future__ import annotations

from dataclasses import dataclass

from gitools.form.indicators import INDICATORS
from gitools.form.model import Form, Section, Table
from gitools.io.cells import printable
from gitools.model.submission import Submission
from gitools.outputs.document.layout import figure

PLACEHOLDER = "【待补充：{what}】"
DRAFT = "草稿：本报告所依据的工作簿未通过校验，数字和文字须核对后才能发布"


@dataclass(frozen=True)
class Block:
    kind: str  # title | draft | lead | heading | subheading | paragraph | placeholder | reference | table
    text: str = ""

    def __post_init__(self) -> None:  # a clerk's control characters never reach the document
        object.__setattr__(self, "text", printable(self.text))


def title(sub: Submission) -> str:
    return f"{sub.unit.get('unit_name') or PLACEHOLDER.format(what='单位名称')}{sub.unit.get('report_year') or ''}年政府信息公开工作年度报告"


def _lead(sub: Submission, form: Form) -> str:
    unit, year = sub.unit.get("unit_name") or "本单位", sub.unit.get("report_year") or "本"
    parts = ["本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
             f"（{form.id}）要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
             "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"]
    if sub.unit.get("unit_category") == form.summary_category:
        parts.append(f"本报告汇总了 {sub.unit.get('unit_count') or PLACEHOLDER.format(what='单位数')} 个单位的"
                     "政府信息公开工作情况，表中数字为各单位数字之和。")
    parts.append(f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
                 f"本报告电子版可在{PLACEHOLDER.format(what='门户网站名称和网址')}查阅或下载。"
                 f"如对本报告有疑问，请与{unit}联系（电话：{sub.unit.get('phone') or PLACEHOLDER.format(what='联系电话')}）。")
    return "".join(parts)


def _references(sub: Submission, previous: Submission, form: Form) -> list[Block]:
    """Plain figures beside last year's, for the author to keep or delete; no judgement added."""
    now, before = sub.figures.indicators(), previous.figures.indicators()
    labels = {i.key: i.label for i in INDICATORS}
    year, last = sub.unit.get("report_year"), previous.unit.get("report_year")
    lines = [f"{labels[k]} {figure(now[k]) or '—'} 件，{last or '上'}年 {figure(before[k]) or '—'} 件"
             for k in ("requests_new", "documents_in_force", "corrected")]
    return [Block("reference", f"【数据参考，可保留或删除】{year or '本'}年度：" + "；".join(lines) + "。")]


def document(sub: Submission, form: Form, *, draft: bool = False, previous: Submission | None = None) -> list[Block]:
    """The report's blocks, in the order of the official format."""
    blocks = [Block("title", title(sub))]
    if draft:
        blocks.append(Block("draft", DRAFT))
    blocks.append(Block("lead", _lead(sub, form)))
    tables = {t.title.split("、", 1)[0]: t for t in form.tables}  # 二 → 二、主动公开政府信息情况
    top = [s for s in form.sections if not s.parent]
    numbered: list[tuple[str, Section | Table]] = sorted(
        [*((s.label.split("、", 1)[0], s) for s in top), *((k, t) for k, t in tables.items())],
        key=lambda kv: "一二三四五六".index(kv[0]))
    for _, part in numbered:
        if isinstance(part, Table):
            blocks += [Block("heading", part.title), Block("table", part.key)]
            continue
        blocks.append(Block("heading", part.label))
        children = [s for s in form.sections if s.parent == part.key]
        text = sub.narrative.get(part.key, "").strip()
        if children and (not text or any(sub.narrative.get(c.key) for c in children)):
            if text:
                blocks += _paragraphs(text)
            for child in children:
                blocks.append(Block("subheading", child.label))
                blocks += _paragraphs(sub.narrative.get(child.key, "")) or [
                    Block("placeholder", PLACEHOLDER.format(what=child.label))]
                if previous is not None and child.key == "overview_requests":
                    blocks += _references(sub, previous, form)
        else:  # the report's own sub-headings, kept whole: the figures follow it
            blocks += _paragraphs(text) or [Block("placeholder", PLACEHOLDER.format(what=part.label))]
            if previous is not None and children:
                blocks += _references(sub, previous, form)
    return blocks


def _paragraphs(text: str) -> list[Block]:
    return [Block("paragraph", p.strip()) for p in text.splitlines() if p.strip()]
