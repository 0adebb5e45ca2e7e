"""A published report's title (unit and year, a title wrapped over two lines too) and its
narrative sections, found by the headings the form declares."""

from __future__ import annotations

import itertools
import re
import unicodedata

from gitools.form.model import Form, Section
from gitools.inputs.published.imported import Imported
from gitools.inputs.published.labels import core
from gitools.inputs.published.lines import Line
from gitools.model.findings import finding

_REPORT = r"\s*年\s*度?\s*(?:的)?\s*政府信息公开\s*工作\s*年度\s*报告"
_TITLES = (re.compile(rf"^(?P<unit>.*?)\s*(?P<year>20\d\d){_REPORT}"),  # ××县人民政府2024年…
           re.compile(r"^(?P<year>20\d\d)\s*年\s*度?\s*(?P<unit>.+?)\s*政府信息公开\s*工作\s*年度\s*报告"))  # 2025年××街道…
# "本报告由××人民政府办公室根据…编制": the office compiles the report of the government it serves
_COMPILED = re.compile(r"本报告由(?P<unit>[^，,。；;（(《]{2,40}?)(?P<office>办公室|办公厅|综合办公室|党政办公室|党政办)?"
                       r"(?:根据|依据|按照|负责|牵头|组织|会同|汇总|编制)")


_PAUSES = re.compile(r"[、，,]")  # "一、总体情况" and "一，总体情况" are one heading


def read_title(lines: list[Line], out: Imported) -> None:
    """Unit and year from the title (over one line or two, unit first or year first); a title
    without the unit takes it from the opening paragraph, and says so."""
    first = [" ".join(f.strip() for f in fields if f.strip()) for fields in lines[:10]]
    candidates = [*first, *(a + b for a, b in itertools.pairwise(first))]  # a title wrapped in two
    found = [m for text in candidates for t in _TITLES if (m := t.match(unicodedata.normalize("NFKC", text)))]
    best = next((m for m in found if m.group("unit").strip()), found[0] if found else None)  # a unit, if any line has it
    if best:
        out.unit_name = best.group("unit").strip() or None
        out.year = int(best.group("year"))
    if out.unit_name is None:
        _unit_from_body(lines[:30], out)
    if out.unit_name is None or out.year is None:
        out.findings.append(finding("import-title-missing"))


def _unit_from_body(lines: list[Line], out: Imported) -> None:
    for fields in lines:
        m = _COMPILED.search("".join(unicodedata.normalize("NFKC", f) for f in fields).replace(" ", ""))
        if m:
            unit = m.group("unit")
            if m.group("office") and not unit.endswith(("政府", "委员会", "局", "厅", "办事处")):
                unit += m.group("office")  # an office that is the unit itself ("县委办公室") stays whole
            out.unit_name = unit
            out.findings.append(finding("import-unit-from-body", words=m.group(0), unit=unit))
            return


def _headings(form: Form) -> dict[str, str]:
    """Words of each heading that opens a part of the report: the top narrative sections
    ("总体情况") and the tables ("主动公开政府信息情况"), taken from the form."""
    return {**{s.key: core(s.label) for s in form.sections if not s.parent},
            **{t.key: core(t.title) for t in form.tables}}


def section_starts(lines: list[Line], form: Form) -> dict[str, int]:
    """The line each part of the report opens on: the first whose whole text is its heading."""
    headings: dict[str, list[str]] = {}  # words → the parts they open, in the form's order
    for key, words in _headings(form).items():
        headings.setdefault(_PAUSES.sub("", words), []).append(key)
    starts: dict[str, int] = {}
    for i, fields in enumerate(lines):
        opened = next((k for k in headings.get(_PAUSES.sub("", core(" ".join(fields))), ()) if k not in starts), None)
        if opened is not None:
            starts[opened] = i
    return starts


def read_narrative(lines: list[Line], starts: dict[str, int], form: Form, out: Imported) -> None:
    order = sorted(starts.items(), key=lambda kv: kv[1])
    for key in (s.key for s in form.sections if not s.parent):
        if key not in starts:
            continue
        begin = starts[key] + 1
        end = next((i for _, i in order if i > starts[key]), len(lines))
        paragraphs = [" ".join(f.strip() for f in fields if f.strip()) for fields in lines[begin:end]]
        text = "\n".join(_rejoined([p for p in paragraphs if p]))
        if any(s.parent == key for s in form.sections):
            text = _overview(text, [s for s in form.sections if s.parent == key], out)
        if text:
            out.narrative[key] = text


_ENDS = tuple("。！？；：…”’）」』】.!?;:)")
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])")
FULL = 0.8  # of the section's longest line: a line this long that ends mid-sentence was broken by hand


def _rejoined(lines: list[str]) -> list[str]:
    """Lines of a narrative with the hard breaks inside sentences joined again: text copied out of a
    printed page keeps the page's line ends. A line is joined to the next only when it is as long
    as the section's lines run, ends inside a sentence, and the next is no numbered heading."""
    if len(lines) < 2:
        return lines
    full = FULL * max(len(line) for line in lines)
    out = [lines[0]]
    for line in lines[1:]:
        before = out[-1]
        if len(before) >= full and not before.endswith(_ENDS) and not _NUMBERED.match(line):
            out[-1] = before + line
        else:
            out.append(line)
    return out


def _overview(text: str, parts: list[Section], out: Imported) -> str:
    """Split 一、总体情况 into its five official parts when the report uses them."""
    marks = []
    for part in parts:
        words = re.escape(core(part.label).removeprefix("政府信息公开"))
        m = re.search(rf"^\s*[(（][一二三四五][)）]\s*(?:政府信息公开)?\s*{words}\s*(?:情况|工作)?\s*[:：。]?",
                      text, re.M)  # "（五）政府信息公开监督保障情况", "（四）平台建设情况。" too
        if m:
            marks.append((m.start(), m.end(), part.key))
    if len(marks) < 3:  # a report with its own sub-headings: keep it whole
        return text
    marks.sort()
    for n, (_, end, key) in enumerate(marks):
        stop = marks[n + 1][0] if n + 1 < len(marks) else len(text)
        out.narrative[key] = text[end:stop].strip()
    return text[:marks[0][0]].strip()
