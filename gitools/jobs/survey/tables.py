"""The survey's tables, from the manifest's records: one row per report (every figure of the
three tables as columns, in the form's order), one row per finding, and the units found in
several years with the cross-year findings (the same checks as `validate --previous`)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from gitools.form.catalog import Level
from gitools.form.model import Form
from gitools.form.rules import BY_CODE, LEVEL_ZH
from gitools.model.figures import grid
from gitools.model.submission import Submission, from_values
from gitools.model.values import compact
from gitools.validate.kinds import cross_year

Listed = tuple[str, dict[str, Any]]  # (source file, its record)


def figure_columns(form: Form) -> list[tuple[str, int]]:
    """(column title, position in a record's figures) of every cell, in the form's order."""
    g = grid(form)
    return [(f"{t.title.split('、', 1)[0]}：{t.cell_label(c.row, c.column)}", g.position(t.key, c.row, c.column))
            for t in form.tables for c in t.cells]


def reports(form: Form, listed: list[Listed]) -> pd.DataFrame:
    columns = figure_columns(form)
    rows = []
    for path, r in listed:
        figures = r["figures"]
        rows.append([path, r["unit_name"], r["report_year"], r["verdict"], r["errors"], r["warnings"],
                     r["first_problem"] or None,
                     *((figures[i] if figures and figures[i] is not None else None) for _, i in columns)])
    return pd.DataFrame(rows, columns=["源文件", "单位", "年度", "结论", "错误数", "警告数", "主要问题",
                                       *(title for title, _ in columns)])


def findings(listed: list[Listed]) -> pd.DataFrame:
    rows = [[path, r["unit_name"], r["report_year"], LEVEL_ZH[Level(f["level"])], f["sheet"], f["cell"], f["label"],
             BY_CODE[f["rule"]].title, f["message"], f["rule"]]
            for path, r in listed for f in r["findings"]]
    return pd.DataFrame(rows, columns=["源文件", "单位", "年度", "级别", "工作表", "单元格", "项目", "规则", "问题",
                                       "规则编号"])


def across_years(form: Form, listed: list[Listed]) -> pd.DataFrame:
    """Each unit (its name compared after width and spaces are set aside) reported in two
    consecutive years: the cross-year findings of the later report, or that they agree."""
    by_unit: dict[str, dict[int, Listed]] = {}
    for path, r in listed:
        if r["status"] != "unreadable" and r["unit_name"] and isinstance(r["report_year"], int):
            by_unit.setdefault(compact(r["unit_name"]), {}).setdefault(r["report_year"], (path, r))
    rows = []
    for years in by_unit.values():
        for year in sorted(years):
            if year - 1 not in years:
                continue
            (now_path, now), (last_path, last) = years[year], years[year - 1]
            found = cross_year.findings(form, _submission(form, now_path, now), _submission(form, last_path, last))
            head = [now["unit_name"], year, now_path, year - 1, last_path]
            rows += [[*head, LEVEL_ZH[f.level], f.cell, BY_CODE[f.rule].title, f.message, f.rule] for f in found]
            if not found:
                rows.append([*head, None, None, None, "上年结转、现行有效件数与上年报告衔接", None])
    return pd.DataFrame(rows, columns=["单位", "年度", "本年文件", "上年度", "上年文件", "级别", "单元格", "规则",
                                       "问题", "规则编号"])


def _submission(form: Form, path: str, r: dict[str, Any]) -> Submission:
    g = grid(form)
    figures = r["figures"]
    values = {(t.key, c.row, c.column): v for t in form.tables for c in t.cells
              if (v := figures[g.position(t.key, c.row, c.column)]) is not None and not math.isnan(v)}
    return from_values(form, values, {"unit_name": r["unit_name"], "report_year": r["report_year"]},
                       path=path, compute_totals=False)
