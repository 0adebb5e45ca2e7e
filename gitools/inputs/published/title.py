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

_TITLE = re.compile(r"^(?P<unit>.*?)\s*(?P<year>20\d\d)\s*年\s*度?\s*(?:的)?\s*政府信息公开\s*工作\s*年度\s*报告")


def _is_heading(fields: Line, words: str) -> bool:
    text = re.sub(r"[、，,]", "", core(" ".join(fields)))
    return text == re.sub(r"[、，,]", "", words)


def read_title(lines: list[Line], out: Imported) -> None:
    first = [" ".join(f.strip() for f in fields if f.strip()) for fields in lines[:10]]
    candidates = [*first, *(a + b for a, b in itertools.pairwise(first))]  # a title wrapped in two
    for text in candidates:
        m = _TITLE.match(unicodedata.normalize("NFKC", text))
        if m:
            out.unit_name = m.group("unit").strip() or None
            out.year = int(m.group("year"))
            break
    if out.unit_name is None or out.year is None:
        out.findings.append(finding("import-title-missing"))


def _headings(form: Form) -> dict[str, str]:
    """Words of each heading that opens a part of the report: the top narrative sections
    ("总体情况") and the tables ("主动公开政府信息情况"), taken from the form."""
    return {**{s.key: core(s.label) for s in form.sections if not s.parent},
            **{t.key: core(t.title) for t in form.tables}}


def section_starts(lines: list[Line], form: Form) -> dict[str, int]:
    starts: dict[str, int] = {}
    headings = _headings(form)
    for i, fields in enumerate(lines):
        for key, words in headings.items():
            if key not in starts and _is_heading(fields, words):
                starts[key] = i
    return starts


def read_narrative(lines: list[Line], starts: dict[str, int], form: Form, out: Imported) -> None:
    order = sorted(starts.items(), key=lambda kv: kv[1])
    for key in (s.key for s in form.sections if not s.parent):
        if key not in starts:
            continue
        begin = starts[key] + 1
        end = next((i for _, i in order if i > starts[key]), len(lines))
        paragraphs = [" ".join(f.strip() for f in fields if f.strip()) for fields in lines[begin:end]]
        text = "\n".join(p for p in paragraphs if p)
        if any(s.parent == key for s in form.sections):
            text = _overview(text, [s for s in form.sections if s.parent == key], out)
        if text:
            out.narrative[key] = text


def _overview(text: str, parts: list[Section], out: Imported) -> str:
    """Split 一、总体情况 into its five official parts when the report uses them."""
    marks = []
    for part in parts:
        m = re.search(rf"^\s*[(（][一二三四五][)）]\s*{re.escape(core(part.label))}\s*[:：]?", text, re.M)
        if m:
            marks.append((m.start(), m.end(), part.key))
    if len(marks) < 3:  # a report with its own sub-headings: keep it whole
        return text
    marks.sort()
    for n, (_, end, key) in enumerate(marks):
        stop = marks[n + 1][0] if n + 1 < len(marks) else len(text)
        out.narrative[key] = text[end:stop].strip()
    return text[:marks[0][0]].strip()
