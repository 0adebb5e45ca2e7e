"""Shared fixtures: paths to the project's files and a real LibreOffice for round trips."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
TEMPLATE = ROOT / "templates" / "政府信息公开年报填报模板.xlsx"


@pytest.fixture(scope="session")
def soffice() -> str:
    """The LibreOffice binary; CI installs it, so there a missing one is a failure."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("CI 需要 LibreOffice（.ci/run 应已安装）")
        pytest.skip("LibreOffice not installed")
    return exe


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
