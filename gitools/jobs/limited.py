"""One document read in a child process of its own, with a time and a memory limit, so that a
hostile or broken file (a PDF of two million drawing operations) becomes a clear finding within
seconds instead of taking a worker down. A forked child works under our pool and under a Dask
worker alike (a daemonic worker may not start multiprocessing children, but it may fork)."""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from typing import Any, TypeVar

from gitools.model.unreadable import Unreadable

T = TypeVar("T")
SECONDS = 60.0  # for one document: the slowest real report here takes under 2 s
MEMORY = 2 * 1024**3  # bytes of address space for one document


class Exceeded(Unreadable):
    """The document took too long or too much memory (a reason of file-unreadable)."""


def run_limited(fn: Callable[[Any], T], arg: Any, seconds: float = SECONDS, memory: int = MEMORY) -> T:
    """``fn(arg)`` in a forked child within the limits; its result, or its exception re-raised."""
    if not hasattr(os, "fork"):  # Windows: no fork, the limits are not applied
        return fn(arg)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: limit itself, work, send back, leave without cleanup handlers
        os.close(read)
        code = 0
        try:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            try:
                payload = pickle.dumps((True, fn(arg)))
            except BaseException as e:
                payload = pickle.dumps((False, e if _picklable(e) else RuntimeError(type(e).__name__)))
            with os.fdopen(write, "wb") as out:
                out.write(payload)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(write)
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                raise Exceeded("too-slow", seconds=f"{seconds:g}")
            ready, _, _ = select.select([read], [], [], left)
            if ready:
                chunk = os.read(read, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read)
        os.waitpid(pid, 0)
    if not chunks:
        raise Exceeded("too-much-memory", gb=f"{memory / 1024**3:g}")
    ok, value = pickle.loads(b"".join(chunks))  # from our own child, just forked
    if ok:
        return value  # type: ignore[no-any-return]
    if isinstance(value, MemoryError):
        raise Exceeded("too-much-memory", gb=f"{memory / 1024**3:g}")
    raise value


def _picklable(e: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(e))
        return True
    except Exception:
        return False
