"""A real `gitools serve` on loopback, started as a user would, with its own data folder."""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from ..conftest import ROOT, valid_credit_code

ADMIN = "county-admin-0123456789abcdef"
UNITS = [  # name, credit code, contact, phone
    ("示例县城关镇人民政府", valid_credit_code(org8="AB000001"), "联络员1", "0373-5550101"),
    ("示例县<script>alert(1)</script>局", valid_credit_code(org8="AB000002"), "联络员2", "0373-5550102"),
    ("示例县教育局", valid_credit_code(org8="AB000003"), "联络员3", "0373-7021007"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Site:
    url: str
    data: Path
    roster: Path
    process: subprocess.Popen
    log: Path

    def links(self) -> dict[str, str]:
        with (self.data / "各单位填报链接.csv").open(encoding="utf-8-sig") as f:
            return {row["单位名称"]: row["填报链接"] for row in csv.DictReader(f)}

    def admin(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {ADMIN}"}, timeout=60)

    def stop(self, kill: bool = False) -> None:
        if self.process.poll() is None:
            self.process.kill() if kill else self.process.terminate()
            self.process.wait(timeout=30)


def start(data: Path, roster: Path, port: int | None = None, upload_seconds: float = 3.0) -> Site:
    port = port or free_port()
    log = data.parent / f"serve-{port}.log"
    env = {**os.environ, "GITOOLS_ADMIN_TOKEN": ADMIN, "GITOOLS_UPLOAD_SECONDS": str(upload_seconds)}
    process = subprocess.Popen(
        [sys.executable, "-m", "gitools", "serve", "--roster", str(roster), "--data", str(data),
         "--name", "示例县人民政府", "--year", "2025", "--port", str(port), "--deadline", "2026-01-31"],
        env=env, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(url + "/static/site.css", timeout=1)
            return Site(url, data, roster, process, log)
        except httpx.HTTPError:
            if process.poll() is not None:
                raise AssertionError(log.read_text(encoding="utf-8")) from None
            time.sleep(0.1)
    process.kill()
    raise AssertionError("server did not start: " + log.read_text(encoding="utf-8"))


def write_roster(path: Path) -> Path:
    lines = ["单位名称,统一社会信用代码,联系人,联系电话"] + [",".join(u) for u in UNITS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def site(tmp_path: Path):
    s = start(tmp_path / "数据", write_roster(tmp_path / "名单.csv"))
    yield s
    s.stop()
