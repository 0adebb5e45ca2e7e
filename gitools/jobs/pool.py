"""One worker pool for every batch command: a function applied to chunks of a long list of
files in worker processes, as many as the machine has cores.

Chunks amortise each task's cost (sending it, the schemas' fixed cost per call), and only
``2 × workers`` chunks are in flight, so memory stays bounded however many files there are;
results come back in completion order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def worker_count(workers: int | None = None) -> int:
    """The workers to start: as asked, else one per core this process may use."""
    if workers:
        return max(1, workers)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def map_chunks(fn: Callable[[list[T]], list[R]], items: Sequence[T], *, chunk: int, workers: int | None = None,
               initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
               progress: Callable[[int], None] = lambda n: None) -> Iterator[R]:
    """``fn`` over chunks of ``items``; ``progress`` is told the size of each chunk done.
    With one worker or one chunk, runs here (no processes to start for a single file)."""
    chunks = [list(items[i:i + chunk]) for i in range(0, len(items), chunk)]
    workers = worker_count(workers)
    if workers == 1 or len(chunks) < 2:
        if initializer is not None:
            initializer(*initargs)
        for part in chunks:
            yield from fn(part)
            progress(len(part))
        return
    with ProcessPoolExecutor(min(workers, len(chunks)), initializer=initializer, initargs=initargs) as pool:
        pending: dict[Future, int] = {}
        queue = iter(chunks)
        for part in queue:
            pending[pool.submit(fn, part)] = len(part)
            if len(pending) >= 2 * workers:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                size = pending.pop(future)
                yield from future.result()
                progress(size)
                nxt = next(queue, None)
                if nxt is not None:
                    pending[pool.submit(fn, nxt)] = len(nxt)
