"""Shared fixtures: paths to the project's files and a real LibreOffice for round trips."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "samples" / "seeds"  # the five real published reports, kept in the repository
OFFICIAL_LABELS = ROOT / "tests" / "data" / "official-labels.md"
TEMPLATE = ROOT / "templates" / "政府信息公开年报填报模板.xlsx"


def _program(names: tuple[str, ...], words: str) -> str:
    """An installed program CI provides (.ci/run installs it): there a missing one is a failure."""
    exe = next((found for name in names if (found := shutil.which(name))), None)
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI 需要 {words}（.ci/run 应已安装）")
        pytest.skip(f"{words} not installed")
    return exe


@pytest.fixture(scope="session")
def soffice() -> str:
    """The LibreOffice binary, which opens, recalculates and prints our files headless."""
    return _program(("soffice", "libreoffice"), "LibreOffice")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium, which prints web pages to PDF headless."""
    return _program(("chromium", "chromium-browser"), "Chromium")


@pytest.fixture()
def office_resave(soffice: str, tmp_path: Path):
    """Open a workbook in headless LibreOffice, recalculate, save it as .xlsx again."""

    def run(src: Path) -> Path:
        out = tmp_path / f"lo-{uuid.uuid4().hex[:8]}"
        profile = tmp_path / "lo-profile"
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{profile}",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(src)],
            check=True, capture_output=True, timeout=180)
        return out / (src.stem + ".xlsx")

    return run


# --- building filled workbooks for tests --------------------------------------------------

from gitools.form import FORM  # noqa: E402
from gitools.outputs.xlsx.template import build  # noqa: E402
from gitools.outputs.xlsx.template.fill import fill, zeros  # noqa: E402
from gitools.testing.synthetic import credit_code  # noqa: E402


def valid_credit_code(division: str = "410721", org8: str = "MB123456") -> str:
    return credit_code(division, org8)


GOOD_UNIT = {
    "unit_name": "测试县自然资源局", "credit_code": valid_credit_code(), "division_code": "410721",
    "unit_category": "县（市、区）政府部门", "report_year": 2025, "preparer": "王五",
    "phone": "0373-5551234", "filled_on": __import__("datetime").date(2026, 1, 10),
}
GOOD_NARRATIVE = {"overview": "本年收到政府信息公开申请 3 件。",
                  "other_matters": "本年度未收取信息处理费。"}


def good_values() -> dict:
    v = zeros(FORM)
    v |= {("requests", "new", "natural_person"): 2, ("requests", "new", "business"): 1,
          ("requests", "carried_over", "natural_person"): 1,
          ("requests", "disclosed", "natural_person"): 2, ("requests", "withheld_query", "business"): 1,
          ("requests", "carried_forward", "natural_person"): 1,
          ("active", "normative_documents", "issued"): 1, ("active", "normative_documents", "in_force"): 4,
          ("appeals", "cases", "review_upheld"): 1}
    return v


@pytest.fixture()
def make_book(tmp_path: Path):
    """Write a filled template; keyword overrides change the consistent base report."""

    def make(name: str = "report", *, unit: dict | None = None, values: dict | None = None,
             narrative: dict | None = None) -> Path:
        wb = fill(build(FORM), FORM, unit=GOOD_UNIT | (unit or {}),
                  values=good_values() | (values or {}), narrative=GOOD_NARRATIVE | (narrative or {}))
        path = tmp_path / f"{name}.xlsx"
        wb.save(path)
        return path

    return make
