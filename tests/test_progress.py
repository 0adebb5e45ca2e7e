"""A long run shows files done, speed and time left to a person at a terminal, and nothing
anywhere else."""

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from gitools.jobs.progress import bar, counting, line


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_says_done_of_all_speed_and_time_left():
    assert line("读取", 1200, 10000, 4.0) == "读取 1200/10000 [##......................] 300 份/秒 剩余约 29 秒"
    assert line("读取", 0, 50, 0.0) == "读取 0/50 [........................]"
    assert line("导入", 100, 7300, 10.0).endswith("10 份/秒 剩余约 12 分 0 秒")
    assert line("读取", 50, 50, 2.0) == "读取 50/50 [########################] 25 份/秒"


def test_a_bar_draws_on_a_terminal_and_ends_its_line():
    screen = Terminal()
    show = bar("读取", screen)
    show(0, 3)
    show(3, 3)
    assert screen.getvalue().startswith("\r读取 0/3 [")
    assert screen.getvalue().endswith("\r读取 3/3 [########################]" + screen.getvalue().rsplit("]", 1)[1])
    assert screen.getvalue().endswith("\n")


def test_no_bar_in_a_pipe_or_when_asked_for_quiet():
    pipe = io.StringIO()
    bar("读取", pipe)(1, 2)
    bar("读取", Terminal(), quiet=True)(1, 2)
    assert pipe.getvalue() == ""


def _stderr_on_a_terminal(args: list[str], cwd: Path) -> str:
    """Run the CLI with stderr on a pseudo-terminal, as when a person runs it."""
    master, slave = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "gitools", *args], stdout=subprocess.DEVNULL, stderr=slave,
                          cwd=cwd, timeout=300, check=False)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert done.returncode in (0, 1), done
    return b"".join(chunks).decode()


def test_merge_shows_progress_on_a_terminal_but_not_with_json(tmp_path):
    root = Path(__file__).resolve().parent.parent
    inbox = root / "samples" / "county-2025"
    shown = _stderr_on_a_terminal(["merge", str(inbox), "-o", str(tmp_path / "汇总.xlsx"), "--workers", "2"], root)
    assert "读取 " in shown and "份/秒" in shown
    quiet = _stderr_on_a_terminal(["merge", str(inbox), "-o", str(tmp_path / "汇总2.xlsx"), "--format", "json"], root)
    assert "份/秒" not in quiet


def test_counting_turns_chunk_sizes_into_a_running_count():
    seen = []
    step = counting(lambda done, total: seen.append((done, total)), 40)
    step(16)
    step(16)
    step(8)
    assert seen == [(0, 40), (16, 40), (32, 40), (40, 40)]
