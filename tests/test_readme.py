"""The README cannot drift: the verdicts its sample table shows are what the tool says."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from gitools.cli import main

from .conftest import ROOT

VERDICT = {"通过": "passed", "有警告": "warnings", "未通过": "failed"}
CODE = re.compile(r"([a-z]+(?:-[a-z]+)+)(?:×(\d+))?")


def sample_rows() -> list[tuple[str, str, str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## 示例工作簿", 1)[1].split("\n## ", 1)[0]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in section.splitlines()
            if line.startswith("| `")]
    assert len(rows) >= 13, "README 的示例表不应少于 samples/ 中的 13 个工作簿"
    return [(r[0].strip("`"), r[1], r[2], r[3]) for r in rows]


@pytest.mark.parametrize("name,verdict,counts,rules", sample_rows(), ids=lambda v: str(v)[:40])
def test_the_readme_sample_table_is_what_validate_says(name, verdict, counts, rules, capsys):
    runs = [[str(ROOT / "samples" / name)]]
    previous = re.search(r"--previous (\S+?)`", verdict)
    if previous:  # a second verdict, with last year's workbook
        runs.append([*runs[0], "--previous", str(ROOT / previous.group(1))])
    verdicts = [v.split("（")[0] for v in re.split(r"；", verdict)]
    verdicts = [next(word for word in ("有警告", "未通过", "通过") if word in v) for v in verdicts]
    pairs = [tuple(int(n) for n in pair.split("/")) for pair in counts.split("；")]
    assert len(verdicts) == len(pairs) == len(runs)
    for args, word, (errors, warnings) in zip(runs, verdicts, pairs, strict=True):
        main(["validate", *args, "--format", "json"])
        doc = json.loads(capsys.readouterr().out)["files"][0]
        assert (doc["status"], doc["errors"], doc["warnings"]) == (VERDICT[word], errors, warnings), args
    listed = Counter({code: int(n or 1) for code, n in CODE.findall(rules)})
    assert Counter(f["rule"] for f in doc["findings"]) == listed  # the table names the last run's findings
