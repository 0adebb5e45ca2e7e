"""Where the chunks of a survey run: the local process pool (the default), a Dask LocalCluster
(processes, one thread each, a memory limit), or an existing Dask cluster at tcp://…. The same
chunk function runs on each and every chunk's result comes back to the caller as it is done."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from gitools.jobs.pool import map_chunks
from gitools.jobs.survey.read import Row, Task, read_chunk

CHUNK = 32  # documents per task: the schemas cost about 11 ms a call; a PDF takes some 35 ms, a text report 5


class SchedulerError(Exception):
    """``str(e)`` says in Chinese why the scheduler cannot be used."""


def run(tasks: list[Task], scheduler: str, workers: int | None, done: Callable[[list[Row]], None]) -> None:
    """Read every task; ``done`` gets each chunk's rows as it completes."""
    if scheduler == "processes":
        for rows in _chunked(map_chunks(read_chunk, tasks, chunk=CHUNK, workers=workers)):
            done(rows)
        return
    for rows in _dask(tasks, scheduler, workers):
        done(rows)


def _chunked(results: Iterator[Row]) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in results:
        batch.append(row)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _dask(tasks: list[Task], scheduler: str, workers: int | None) -> Iterator[list[Row]]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise SchedulerError("需要先安装 Dask：pip install \"gitools-zwgk[dask]\"") from e
    from gitools.jobs.pool import worker_count

    cluster: Any = None
    try:
        if scheduler == "dask":
            cluster = LocalCluster(n_workers=worker_count(workers), threads_per_worker=1, processes=True,
                                   memory_limit="3GiB", dashboard_address=None)
            client = Client(cluster)
        elif scheduler.startswith("tcp://"):
            client = Client(scheduler, timeout=30)
        else:
            raise SchedulerError(f"不认识的调度方式 {scheduler!r}：应为 processes、dask 或 tcp://地址:端口")
    except OSError as e:
        raise SchedulerError(f"无法连接 Dask 调度器 {scheduler}：{e}") from e
    try:
        chunks = [tasks[i:i + CHUNK] for i in range(0, len(tasks), CHUNK)]
        futures = client.map(read_chunk, chunks, pure=False)
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
