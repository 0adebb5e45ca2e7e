"""Server-side time of one 校验本工作簿 click, warm, on xlwings Server started here.

    python benchmarks/addin_speed.py [N]

Sends N requests (default 30) shaped like Excel's Office.js client for a sample workbook to a
server on loopback and prints the median round trip (on loopback, essentially the server's
time). Baseline in the same run: the same check in process on an xlwings remote-engine Book,
without HTTP, and `validate_file` on the workbook file.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import xlwings as xw

from gitools.addin.entry import check_book
from gitools.jobs.validate import validate_file
from gitools.testing.officejs import payload

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "faulty-totals.xlsx"


def timed(fn, n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    data = payload(SAMPLE, xw.__version__)
    body = json.dumps(data, ensure_ascii=False, default=str).encode()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "gitools", "addin", "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    url = f"http://127.0.0.1:{port}/xlwings/custom-scripts-call/gitools_validate"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/taskpane.html", timeout=1)
                break
            except OSError:
                time.sleep(0.2)

        def click() -> None:
            req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req) as r:
                r.read()

        click()  # warm: imports, schemas
        served = timed(click, n)
    finally:
        server.terminate()
        server.wait()
    in_process = timed(lambda: check_book(xw.Book(json=json.loads(body))), n)
    on_file = timed(lambda: validate_file(SAMPLE), n)
    print(f"request body: {len(body) / 1024:.0f} KB ({SAMPLE.name})")
    print(f"xlwings Server, one click, warm (median of {n}): {served:.0f} ms")
    print(f"baseline: same check in process on a remote-engine Book (median of {n}): {in_process:.0f} ms")
    print(f"baseline: validate_file on the .xlsx (median of {n}): {on_file:.0f} ms")


if __name__ == "__main__":
    main()
