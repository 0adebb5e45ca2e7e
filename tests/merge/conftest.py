"""A county's folder of unit workbooks, made up but consistent, written like the template."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from gitools.form import FORM
from gitools.outputs.xlsx.template import build
from gitools.outputs.xlsx.template.fill import fill
from gitools.testing.synthetic import NARRATIVE, consistent_values, unit


def write_unit(path: Path, identity: dict, values: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fill(build(FORM), FORM, unit=identity, values=values, narrative=NARRATIVE).save(path)
    return path


@pytest.fixture()
def county(tmp_path: Path):
    """make(n, folder, division) → (folder, {path: (identity, values)})."""

    def make(n: int = 4, folder: str = "收件箱", division: str = "410721", seed: int = 7):
        rng = random.Random(seed)
        base = tmp_path / folder
        units = {}
        for i in range(1, n + 1):
            identity = unit(FORM, i, division) | {"unit_name": f"{division}第{i}镇人民政府"}
            values = consistent_values(FORM, rng)
            units[write_unit(base / f"单位{i:02d}.xlsx", identity, values)] = (identity, values)
        return base, units

    return make
