"""The form as plain data (for `gitools form --format json`), so that other systems can
address every cell without knowing the layout."""

from __future__ import annotations

from typing import Any

from gitools.form.catalog import Level, Rule, Severity
from gitools.form.model import Form
from gitools.form.rules import LEVEL_MEANING, LEVEL_ZH


def describe(form: Form) -> dict[str, Any]:
    return {
        "form": form.id,
        "title": form.title,
        "version": form.version,
        "tables": [
            {
                "key": t.key,
                "sheet": t.sheet,
                "title": t.title,
                "rows": [{"key": r.key, "label": r.label, "path": list(r.path)} for r in t.rows],
                "columns": [{"key": c.key, "label": c.label, "path": list(c.path)}
                            for c in t.columns],
                "cells": [
                    {"row": c.row, "column": c.column, "address": c.address, "name": c.name,
                     "input": c.input, "type": c.type.value}
                    for c in t.cells
                ],
                "relations": [
                    {"rule": r.rule, "lhs": [list(x) for x in r.lhs],
                     "op": r.op, "rhs": [list(x) for x in r.rhs], "level": form.rule(r.rule).level.value,
                     "severity": _severity(form.rule(r.rule))}
                    for r in t.relations
                ],
            }
            for t in form.tables
        ],
        "fields": [
            {"key": f.key, "label": f.label, "sheet": f.sheet, "address": f.address,
             "name": f.name, "type": f.type.value, "required": f.required,
             "required_in_summary": f.required_in(summary=True),
             **({"choices": list(f.choices)} if f.choices else {})}
            for f in form.fields
        ],
        "sections": [
            {"key": s.key, "label": s.label, "parent": s.parent or None, "sheet": s.sheet,
             "address": s.address, "name": s.name}
            for s in form.sections
        ],
        "levels": {level.value: {"name": LEVEL_ZH[level], "meaning": LEVEL_MEANING[level]} for level in Level},
        "rules": [{"code": r.code, "kind": r.kind.value, "level": r.level.value, "severity": _severity(r),
                   "title": r.title, "hint": r.hint, "message": r.message, "applies_to_summaries": r.in_summary}
                  for r in form.rules],
    }


def _severity(rule: Rule) -> str:
    """The pre-level field, kept for existing readers: "error" for what can block a report."""
    return (Severity.WARNING if rule.level is Level.NOTICE else Severity.ERROR).value
