"""The limited child a survey worker reads its documents in: kept for chunk after chunk, replaced
when a document runs over its time, never shared with a forked process."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from gitools.jobs import limited
from gitools.jobs.limited import Exceeded, kept

from ..conftest import ROOT


def _pid(_: object) -> int:
    return os.getpid()


def _slow(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


@pytest.fixture(autouse=True)
def _no_kept_children():
    yield
    limited._close_kept()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_worker_reads_chunk_after_chunk_in_the_same_child():
    first = kept(_pid, 5.0).run(None)
    second = kept(_pid, 5.0).run(None)  # the next chunk asks again
    assert first == second != os.getpid()


def test_other_limits_replace_the_kept_child():
    old = kept(_pid, 5.0).run(None)
    new = kept(_pid, 6.0).run(None)
    assert new != old
    assert not _alive(old)


def test_a_document_over_its_time_kills_the_child_and_the_next_gets_a_fresh_one():
    box = kept(_slow, 0.5)
    before = box.run(0)
    with pytest.raises(Exceeded):
        box.run(2)
    assert not _alive(before)
    after = box.run(0)
    assert after not in (before, os.getpid())


def test_a_forked_process_lets_go_of_the_children_its_parent_keeps():
    child = kept(_pid, 5.0).run(None)
    pid = os.fork()
    if pid == 0:  # a pool worker forked from us: it keeps nothing and must not kill our child
        os._exit(0 if not limited._kept else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert kept(_pid, 5.0).run(None) == child  # still ours, still serving


WORKER = """
import ctypes, multiprocessing, os, sys, time
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: orphans come to us, where we can see them
from gitools.jobs.limited import kept

def pid(_):
    return os.getpid()

def worker(queue):
    queue.put(kept(pid, 5.0).run(None))

context = multiprocessing.get_context("fork")
queue = context.Queue()
process = context.Process(target=worker, args=(queue,))
process.start()
child = queue.get()
process.join()
time.sleep(0.5)  # a child left behind has seen its pipe close and ended by now
try:
    os.waitpid(child, os.WNOHANG)
    print("left behind")
except ChildProcessError:
    print("closed by its worker")
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a subreaper is Linux's")
def test_a_worker_that_ends_closes_its_child_instead_of_leaving_it_to_init():
    said = subprocess.run([sys.executable, "-c", WORKER], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert said.stdout.strip() == "closed by its worker", said.stderr
