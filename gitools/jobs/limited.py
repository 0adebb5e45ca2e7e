"""Documents read in a child process of our own, each within a time limit and the child within a
memory limit, so that a hostile or broken file (a PDF of two million drawing operations) becomes
a clear finding within seconds instead of taking a worker down.

One child serves document after document: forking for each would cost more than reading it, and
would throw away what the child has warmed (labels matched, pages of the parent's memory copied).
``kept`` keeps one child for the whole life of a worker process, chunk after chunk. A document
over its time is killed with its child, and the next document gets a fresh child. A forked child
works under our pool and under a Dask worker alike (a daemonic worker may not start
multiprocessing children, but it may fork)."""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import select
import signal
import struct
import time
from collections.abc import Callable
from multiprocessing.util import Finalize
from types import TracebackType
from typing import Any, Generic, TypeVar

from gitools.model.unreadable import Unreadable

T = TypeVar("T")
SECONDS = 20.0  # for one document: the slowest real report here takes well under 1 s
MEMORY = 2 * 1024**3  # bytes of address space for the child
_HEADER = struct.Struct("<Q")


class Exceeded(Unreadable):
    """The document took too long or too much memory (a reason of file-unreadable)."""


class Sandbox(Generic[T]):
    """``fn`` run on argument after argument in one forked child, each call within ``seconds``."""

    def __init__(self, fn: Callable[[Any], T], seconds: float = SECONDS, memory: int = MEMORY) -> None:
        self.fn, self.seconds, self.memory = fn, seconds, memory
        self.pid: int | None = None
        self.send = self.receive = -1

    def __enter__(self) -> Sandbox[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def run(self, arg: Any) -> T:
        """``fn(arg)`` in the child: its result, or its exception re-raised; Exceeded when the
        call is over its time or the child ran out of memory or died."""
        if not hasattr(os, "fork"):  # Windows: no fork, the limits are not applied
            return self.fn(arg)
        if self.pid is None:
            self._start()
        _write(self.send, pickle.dumps(arg))
        try:
            payload = _read(self.receive, time.monotonic() + self.seconds)
        except TimeoutError:
            self.close()
            raise Exceeded("too-slow", seconds=f"{self.seconds:g}") from None
        if payload is None:  # the child died: out of memory in native code, or killed
            self.close()
            raise Exceeded("too-much-memory", gb=f"{self.memory / 1024**3:g}")
        ok, value = pickle.loads(payload)  # from our own child
        if ok:
            return value  # type: ignore[no-any-return]
        if isinstance(value, MemoryError):
            self.close()  # a heap that once ran out is not trusted with the next document
            raise Exceeded("too-much-memory", gb=f"{self.memory / 1024**3:g}")
        raise value

    def close(self) -> None:
        if self.pid is None:
            return
        pid = self.pid
        self.disown()
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)

    def disown(self) -> None:
        """Let go of the child without touching it: in a forked process, it is not our child."""
        if self.pid is not None:
            for fd in (self.send, self.receive):
                os.close(fd)
            self.pid = None

    def _start(self) -> None:
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: limit itself, serve until the parent closes, leave without cleanup
            os.close(from_parent)
            os.close(to_parent)
            code = 0
            try:
                resource.setrlimit(resource.RLIMIT_AS, (self.memory, self.memory))
                _serve(self.fn, to_child, from_child)
            except BaseException:
                code = 1
            os._exit(code)
        os.close(to_child)
        os.close(from_child)
        self.pid, self.send, self.receive = pid, from_parent, to_parent


def _serve(fn: Callable[[Any], Any], receive: int, send: int) -> None:
    while (message := _read(receive, None)) is not None:
        try:
            payload = pickle.dumps((True, fn(pickle.loads(message))))
        except BaseException as e:
            payload = pickle.dumps((False, e if _picklable(e) else RuntimeError(type(e).__name__)))
        _write(send, payload)


def _write(fd: int, payload: bytes) -> None:
    data = memoryview(_HEADER.pack(len(payload)) + payload)
    while data:
        data = data[os.write(fd, data):]


def _read(fd: int, deadline: float | None) -> bytes | None:
    """One message, or None at the end of the pipe; TimeoutError past the deadline."""
    header = _exactly(fd, _HEADER.size, deadline)
    if header is None:
        return None
    return _exactly(fd, _HEADER.unpack(header)[0], deadline)


def _exactly(fd: int, size: int, deadline: float | None) -> bytes | None:
    chunks: list[bytes] = []
    while size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


_kept: dict[tuple[Callable[[Any], Any], float, int], Sandbox[Any]] = {}


def kept(fn: Callable[[Any], T], seconds: float = SECONDS, memory: int = MEMORY) -> Sandbox[T]:
    """The Sandbox of ``fn`` within these limits that this process keeps while it lives: a survey
    worker reads chunk after chunk in the same child, so the fork and the child's warming up are
    paid once a worker, not once a chunk. Limits that change replace it."""
    key = (fn, seconds, memory)
    if key not in _kept:
        _close_kept()
        box = _kept[key] = Sandbox(fn, seconds, memory)
        # closed when this process ends, a pool or Dask worker too (they skip atexit but run
        # multiprocessing's finalizers): the child is killed and reaped, not left to init
        Finalize(box, box.close, exitpriority=0)
    return _kept[key]


def _close_kept() -> None:
    for box in _kept.values():
        box.close()
    _kept.clear()


def _forget_kept() -> None:
    """In a forked process (a pool worker, or a sandbox's own child) the children kept are its
    parent's: their pipes are closed here, so that each child still ends when its parent does."""
    for box in _kept.values():
        box.disown()
    _kept.clear()


if hasattr(os, "register_at_fork"):  # not on Windows, where nothing forks
    os.register_at_fork(after_in_child=_forget_kept)


def run_limited(fn: Callable[[Any], T], arg: Any, seconds: float = SECONDS, memory: int = MEMORY) -> T:
    """``fn(arg)`` once, in a child of its own within the limits."""
    with Sandbox(fn, seconds, memory) as box:
        return box.run(arg)


def _picklable(e: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(e))
        return True
    except Exception:
        return False
