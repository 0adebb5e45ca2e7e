"""The publishable annual report (年度报告) in the layout of 国办公开办函〔2021〕30号: its content
as blocks, then one registry entry per format (Word, web page). ``jobs.publish`` validates first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gitools.form.model import Form
from gitools.model.submission import Submission
from gitools.outputs.document import html, word
from gitools.outputs.document.content import Block


def _html(blocks: list[Block], sub: Submission, form: Form, out: Path) -> None:
    out.write_text(html.render(blocks, sub, form), encoding="utf-8")


FORMATS: dict[str, tuple[str, Callable[[list[Block], Submission, Form, Path], None]]] = {
    "docx": (".docx", word.render),
    "html": (".html", _html),
}
