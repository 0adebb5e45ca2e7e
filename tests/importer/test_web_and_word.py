"""Reports as government web pages and Word files lay them out: merged header cells, label
columns spanning rows, blank cells beside filled totals, GBK pages, variant label spelling."""

from __future__ import annotations

import random
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from gitools.cli import main
from gitools.form import FORM
from gitools.inputs.read import import_report
from gitools.model.submission import from_values
from gitools.testing.synthetic import consistent_values
from gitools.validate import validate

Cell = tuple[str, int, int]  # text, colspan, rowspan
TITLE = "示例县河口镇人民政府２０２５年政府信息公开工作年度报告"


def variant(label: str) -> str:
    """How web pages often spell labels: half-width brackets, a space after "1."."""
    text = unicodedata.normalize("NFKC", label)
    return text.replace(".", ". ", 1) if text[:1].isdigit() else text


def fmt(v: float | None) -> str:
    return "" if v is None else (str(int(v)) if float(v).is_integer() else str(v))


def report_tables(values: dict) -> list[list[list[Cell]]]:
    """The three tables in the official layout, as rows of (text, colspan, rowspan)."""
    a, r, q = FORM.table("active"), FORM.table("requests"), FORM.table("appeals")
    active: list[list[Cell]] = []
    for heading in dict.fromkeys(row.path[0] for row in a.rows):
        rows = [row for row in a.rows if row.path[0] == heading]
        cols = [c.column for c in a.cells if c.row == rows[0].key]
        active.append([(heading, 4, 1)])
        active.append([("信息内容", 1, 1)] + [(a.column(c).label, 4 - len(cols) if len(cols) == 1 else 1, 1) for c in cols])
        for row in rows:
            active.append([(row.label, 1, 1)] + [(fmt(values.get(("active", row.key, c))), 4 - len(cols) if len(cols) == 1
                                                 else 1, 1) for c in cols])
    cols = [c.key for c in r.columns]
    requests: list[list[Cell]] = [
        [("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), ("申请人情况", 7, 1)],
        [("自然人", 1, 2), ("法人或其他组织", 5, 1), ("总计", 1, 2)],
        [(r.column(c).label, 1, 1) for c in cols[1:6]],
    ]
    results = [row for row in r.rows if row.path]
    for row in r.rows:
        numbers = [(fmt(values.get(("requests", row.key, c))), 1, 1) for c in cols]
        if not row.path:
            requests.append([(row.label, 3, 1), *numbers])
            continue
        lead: list[Cell] = [(row.path[0], 1, len(results))] if row is results[0] else []
        if len(row.path) == 1:
            requests.append([*lead, (variant(row.label), 2, 1), *numbers])
        else:
            group = [x for x in results if x.path[1:] == row.path[1:]]
            head = [(variant(row.path[1]), 1, len(group))] if row is group[0] else []
            requests.append([*lead, *head, (variant(row.label), 1, 1), *numbers])
    appeals = [[("行政复议", 5, 1), ("行政诉讼", 10, 1)],
               [(c.label, 1, 2) for c in q.columns[:5]] + [("未经复议直接起诉", 5, 1), ("复议后起诉", 5, 1)],
               [(c.label, 1, 1) for c in q.columns[5:]],
               [(fmt(values.get(("appeals", "cases", c.key))), 1, 1) for c in q.columns]]
    return [active, requests, appeals]


SECTIONS = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]
NARRATIVE = [("一、总体情况", "（一）主动公开：全年主动公开信息 120 条。\n（二）依申请公开：全年收到申请若干件。\n"
              "（三）政府信息管理：规范发布流程。\n（四）政府信息公开平台建设：优化网站。\n（五）监督保障：纳入考核。")]
ENDING = [("五、存在的主要问题及改进情况", "基层公开力量不足，将加强培训。"),
          ("六、其他需要报告的事项", "本年度未收取信息处理费。")]


def html_report(values: dict) -> str:
    parts = [f"<html><head><meta charset='gbk'><title>年报</title><style>td{{border:1px}}</style></head><body>"
             f"<h1>{TITLE}</h1>"]
    for head, body in NARRATIVE:
        parts.append(f"<h2>{head}</h2>" + "".join(f"<p>{escape(line)}</p>" for line in body.splitlines()))
    for head, table in zip(SECTIONS, report_tables(values), strict=True):
        rows = "".join("<tr>" + "".join(
            f"<td colspan='{c}' rowspan='{r}'>{escape(t)}</td>" if (c, r) != (1, 1) else f"<td>{escape(t)}</td>"
            for t, c, r in row) + "</tr>" for row in table)
        parts.append(f"<p><strong>{head}</strong></p><table border='1'><tbody>{rows}</tbody></table>")
    for head, body in ENDING:
        parts.append(f"<h2>{head}</h2><p>{escape(body)}</p>")
    return "".join(parts) + "</body></html>"


def _w_cell(text: str, colspan: int, merge: str | None) -> str:
    pr = (f"<w:gridSpan w:val='{colspan}'/>" if colspan > 1 else "") + (
        "<w:vMerge w:val='restart'/>" if merge == "restart" else "<w:vMerge/>" if merge else "")
    return f"<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t xml:space='preserve'>{escape(text)}</w:t></w:r></w:p></w:tc>"


def _w_table(table: list[list[Cell]]) -> str:
    """Word's way: rowspans are vMerge restart/continue cells in every covered row."""
    below: dict[tuple[int, int], int] = {}  # (row, col) covered from above → its colspan
    out = []
    for r, row in enumerate(table):
        cells, col, queue = [], 0, list(row)
        while queue or (r, col) in below:
            if (r, col) in below:
                span = below[(r, col)]
                cells.append(_w_cell("", span, "continue"))
                col += span
                continue
            text, colspan, rowspan = queue.pop(0)
            cells.append(_w_cell(text, colspan, "restart" if rowspan > 1 else None))
            for dr in range(1, rowspan):
                below[(r + dr, col)] = colspan
            col += colspan
        out.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return "<w:tbl>" + "".join(out) + "</w:tbl>"


def docx_report(values: dict, path: Path) -> Path:
    def para(text: str) -> str:
        return f"<w:p><w:r><w:t xml:space='preserve'>{escape(text)}</w:t></w:r></w:p>"

    body = [para(TITLE)]
    for head, text in NARRATIVE:
        body += [para(head), *(para(line) for line in text.splitlines())]
    for head, table in zip(SECTIONS, report_tables(values), strict=True):
        body += [para(head), _w_table(table)]
    for head, text in ENDING:
        body += [para(head), para(text)]
    document = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:document xmlns:w="
                "'http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>" + "".join(body)
                + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0'?><Types xmlns='http://schemas.openxmlformats.org/"
                   "package/2006/content-types'><Default Extension='rels' ContentType='application/vnd.openxmlformats-"
                   "package.relationships+xml'/><Default Extension='xml' ContentType='application/xml'/><Override "
                   "PartName='/word/document.xml' ContentType='application/vnd.openxmlformats-officedocument."
                   "wordprocessingml.document.main+xml'/></Types>")
        z.writestr("_rels/.rels", "<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/"
                   "package/2006/relationships'><Relationship Id='rId1' Type='http://schemas.openxmlformats.org/"
                   "officeDocument/2006/relationships/officeDocument' Target='word/document.xml'/></Relationships>")
        z.writestr("word/document.xml", document)
    return path


@pytest.fixture()
def published():
    """Consistent values; in 表三 the zero cells of two rows are left blank beside their 总计."""
    values = consistent_values(FORM, random.Random(11), busy=0.4)
    totals = from_values(FORM, values).tables
    full = {(t.key, c.row, c.column): totals[t.key].at[c.row, c.column] for t in FORM.tables for c in t.cells}
    shown = dict(full)
    for row in ("new", "disclosed"):
        for c in FORM.table("requests").columns:
            if c.key != "total" and shown[("requests", row, c.key)] == 0:
                shown[("requests", row, c.key)] = None
    return full, shown


def check(path: Path, full: dict, shown: dict) -> None:
    sub, found = import_report(path, FORM)
    assert (found.unit_name, found.year) == ("示例县河口镇人民政府", 2025)
    for (t, r, c), v in full.items():
        assert sub.tables[t].at[r, c] == v, (t, r, c)
    blanks = {FORM.table(t).cell(r, c).address for (t, r, c), v in shown.items() if v is None}
    assert 0 < len(blanks) <= 5
    assert [f.rule for f in found.findings] == ["value-blank"] * len(blanks)  # reported, counted as 0
    assert {f.cell for f in found.findings} == blanks
    assert found.narrative["overview_requests"] == "全年收到申请若干件。"
    assert found.narrative["other_matters"] == "本年度未收取信息处理费。"
    assert [f for f in validate(sub) if f.sheet and f.sheet[:1] in "二三四" and f.severity.value == "error"] == []


def test_a_saved_web_page_in_gbk_with_rowspans_and_colspans(published, tmp_path):
    full, shown = published
    path = tmp_path / "河口镇年报.html"
    path.write_bytes(html_report(shown).encode("gbk"))
    check(path, full, shown)


def test_a_word_file_with_merged_cells(published, tmp_path):
    full, shown = published
    check(docx_report(shown, tmp_path / "河口镇年报.docx"), full, shown)


def test_a_number_without_a_place_is_reported_not_dropped(published, tmp_path):
    _full, shown = published
    page = html_report(shown).replace("<td>属于国家秘密</td>", "<td>国家秘密事项</td>", 1)
    page = page.replace(variant("1.属于国家秘密"), "国家秘密以外的什么", 1)
    path = tmp_path / "改了标签.html"
    path.write_text(page, encoding="utf-8")
    sub, found = import_report(path, FORM)
    rules = [f.rule for f in found.findings]
    assert "import-row-unknown" in rules and "import-row-missing" in rules
    assert all(v != v for v in sub.tables["requests"].loc["withheld_state_secret"])  # left empty (NaN)


def test_import_command_writes_workbooks_that_validate_and_merge_reads_reports(published, tmp_path, capsys):
    from ..conftest import SEEDS

    full, shown = published
    page = tmp_path / "报告" / "河口镇年报.html"
    page.parent.mkdir()
    page.write_text(html_report(shown), encoding="utf-8")
    out = tmp_path / "导入"
    assert main(["import", str(page), str(SEEDS / "004_b4c873c83d7e3610.txt"), "-o", str(out)]) == 1
    text = capsys.readouterr().out
    assert "原文第 67 行" in text and "import-row-missing" in text
    workbook = out / "河口镇年报.xlsx"
    assert workbook.is_file() and (out / "004_b4c873c83d7e3610.xlsx").is_file()
    assert main(["export", str(workbook)]) == 0
    exported = __import__("json").loads(capsys.readouterr().out)
    assert exported["unit"]["unit_name"] == "示例县河口镇人民政府"
    assert exported["tables"]["requests"]["new"]["total"] == full[("requests", "new", "total")]
    assert main(["import", str(page), "-o", str(out), "--format", "json"]) == 1
    assert (out / "河口镇年报.json").is_file()
    capsys.readouterr()
    # validate and merge take the published report directly
    assert main(["validate", str(page), "--format", "json"]) == 1  # no credit code etc. in a published report
    assert main(["merge", str(page.parent), "-o", str(tmp_path / "汇总.xlsx"), "--include-invalid",
                 "--workers", "1"]) == 0
    assert "计入汇总 1 份" in capsys.readouterr().out


def test_import_takes_a_folder_on_all_cores_and_one_broken_document_stops_nothing(tmp_path, capsys):
    from ..conftest import SEEDS

    folder = tmp_path / "各地年报"
    (folder / "乡镇").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("00[0-3]_*.txt")):
        (folder / "乡镇" / seed.name).write_bytes(seed.read_bytes())
    (folder / "坏了.pdf").write_bytes(b"%PDF-1.4 cut short")
    (folder / "说明.xlsx").write_bytes(b"not a report")  # not a published report: passed over, said so
    out = tmp_path / "导入"
    assert main(["import", str(folder), "-o", str(out), "--workers", "2"]) == 2  # the broken PDF
    captured = capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == [f"{s.stem}.xlsx" for s in sorted(SEEDS.glob("00[0-3]_*.txt"))]
    imported = [line for line in captured.out.splitlines() if line.startswith("已导入：")]
    assert [Path(line.split("：", 1)[1].split(" → ")[0]).name for line in imported] == \
        [s.name for s in sorted(SEEDS.glob("00[0-3]_*.txt"))]  # in the folder's order, whatever finished first
    assert "坏了.pdf" in captured.out and "跳过：" in captured.err and "说明.xlsx" in captured.err
