"""What the tool writes: text and JSON for terminals and scripts (``text``, ``json``), Excel
workbooks (``xlsx``), the annual report (``document``).

Every choice of format is one registry entry (tablib's pattern), loaded by dotted path only
when used, so the CLI's choices come from here and `gitools --help` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Format:
    key: str
    path: str  # "module:function" of the renderer or writer
    suffix: str = ""  # of the file it writes, for the formats that write files

    def load(self) -> Callable[..., Any]:
        module, name = self.path.split(":")
        fn: Callable[..., Any] = getattr(importlib.import_module(module), name)
        return fn


def registry(*formats: Format) -> dict[str, Format]:
    return {f.key: f for f in formats}


FINDINGS = registry(  # (reports, annotated copies written) → what the terminal shows
    Format("text", "gitools.outputs.text:findings"),
    Format("json", "gitools.outputs.json:findings"),
)
MERGE = registry(  # (merge result, summary path, feedback files) → what the terminal shows
    Format("text", "gitools.outputs.text:merge_text"),
    Format("json", "gitools.outputs.json:merge"),
)
IMPORTED = registry(  # (source, submission, what the importer found, report, form, out) → the file written
    Format("xlsx", "gitools.outputs.xlsx.imported:write", ".xlsx"),
    Format("json", "gitools.outputs.json:write_imported", ".json"),
)
DOCUMENTS = registry(  # (blocks, submission, form, out) → the annual report written
    Format("docx", "gitools.outputs.document.word:render", ".docx"),
    Format("html", "gitools.outputs.document.html:write", ".html"),
)
