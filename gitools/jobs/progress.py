"""Progress of a long run on the terminal: files done of all, files per second, time left.

Shown on stderr only when a person is watching (a terminal); silent in pipes, CI logs and
``--format json``, where a bar would only be noise.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[int, int], None]  # (done, total)
WIDTH = 24
EVERY = 0.1  # seconds between redraws


def silent(done: int, total: int) -> None:
    """No progress shown."""


def counting(progress: Progress, total: int) -> Callable[[int], None]:
    """A step function for the worker pool (told each chunk's size) that reports the running
    count of ``total`` to ``progress``; it reports 0 of ``total`` at once."""
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)

    progress(0, total)
    return step


def bar(label: str = "读取", stream: TextIO | None = None, *, quiet: bool = False) -> Progress:
    """A one-line bar on ``stream`` (stderr by default), or ``silent`` when no one would see it."""
    out = stream or sys.stderr
    if quiet or not out.isatty():
        return silent
    start = time.monotonic()
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and done and now - last[0] < EVERY:
            return
        last[0] = now
        out.write("\r" + line(label, done, total, now - start))
        if done >= total:
            out.write("\n")
        out.flush()

    return show


def line(label: str, done: int, total: int, elapsed: float) -> str:
    """"读取 1200/10000 [###.....] 310 份/秒 剩余约 28 秒" (rate and time left once known)."""
    filled = WIDTH * done // max(total, 1)
    text = f"{label} {done}/{total} [{'#' * filled}{'.' * (WIDTH - filled)}]"
    if done and elapsed > 0:
        rate = done / elapsed
        text += f" {rate:.0f} 份/秒"
        if done < total:
            text += f" 剩余约 {_duration((total - done) / rate)}"
    return text


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} 秒"
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} 分 {secs} 秒" if minutes < 60 else f"{minutes // 60} 小时 {minutes % 60} 分"
