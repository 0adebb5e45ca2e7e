"""Load on the county site: N units upload at once (a bounded pool of clients) to a real
`gitools serve` on loopback; prints p50/p95/max of the answers, how many were lost, and whether
the board agrees afterwards. Baseline in the same run: the same uploads one at a time.

    python benchmarks/site_load.py [--units 100] [--parallel 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gitools.form import FORM  # noqa: E402
from gitools.outputs.xlsx.template import build  # noqa: E402
from gitools.outputs.xlsx.template.fill import fill  # noqa: E402
from gitools.testing.synthetic import consistent_values, credit_code, unit  # noqa: E402

ADMIN = "bench-admin-0123456789abcdef"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=100)
    ap.add_argument("--parallel", type=int, default=100)
    args = ap.parse_args()
    import random
    import socket

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rng = random.Random(1)
        names, books = [], []
        for i in range(args.units):
            u = unit(FORM, i + 1)
            names.append((u["unit_name"], u["credit_code"] or credit_code("410721", f"BM{i:06d}")))
            path = root / f"{i:03d}.xlsx"
            fill(build(FORM, 2025), FORM, unit=u, values=consistent_values(FORM, rng)).save(path)
            books.append(path)
        roster = root / "名单.csv"
        roster.write_text("单位名称,统一社会信用代码\n" + "\n".join(f"{n},{c}" for n, c in names) + "\n", encoding="utf-8")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "GITOOLS_ADMIN_TOKEN": ADMIN}
        server = subprocess.Popen([sys.executable, "-m", "gitools", "serve", "--roster", str(roster), "--data",
                                   str(root / "数据"), "--name", "基准县", "--year", "2025", "--port", str(port)],
                                  env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(base + "/static/site.css", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            links = [line.rsplit(",", 1)[1] for line in
                     (root / "数据" / "各单位填报链接.csv").read_text(encoding="utf-8-sig").splitlines()[1:]]

            def send(pair: tuple[str, Path]) -> tuple[float, int]:
                link, book = pair
                start = time.perf_counter()
                with book.open("rb") as f:
                    r = httpx.post(link + "/upload", files={"file": (book.name, f)},
                                   headers={"Accept": "application/json"}, timeout=300)
                return time.perf_counter() - start, r.status_code

            pairs = list(zip(links, books, strict=True))
            start = time.perf_counter()
            serial = [send(p) for p in pairs[:10]]
            serial_s = time.perf_counter() - start
            start = time.perf_counter()
            with ThreadPoolExecutor(args.parallel) as pool:
                results = list(pool.map(send, pairs))
            wall = time.perf_counter() - start
            board = httpx.get(base + "/api/board", headers={"Authorization": f"Bearer {ADMIN}"}, timeout=60).json()
        finally:
            server.terminate()
            server.wait(timeout=30)
    times = sorted(t for t, _ in results)
    ok = sum(1 for _, code in results if code == 200)
    arrived = sum(1 for u in board["units"] if u["last_upload"])
    states: dict[str, int] = {}
    for u in board["units"]:
        states[u["state"]] = states.get(u["state"], 0) + 1
    print(f"baseline, one at a time: {1000 * serial_s / len(serial):.0f} ms per upload ({len(serial)} uploads)")
    print(f"{args.units} units, {args.parallel} at once: wall {wall:.1f} s, "
          f"p50 {1000 * statistics.median(times):.0f} ms, p95 {1000 * times[int(0.95 * (len(times) - 1))]:.0f} ms, "
          f"max {1000 * times[-1]:.0f} ms")
    print(f"answered 200: {ok}/{len(results)}, lost: {len(results) - ok}; "
          f"board: {arrived} of {len(board['units'])} units show their upload, by state {states}")


if __name__ == "__main__":
    main()
