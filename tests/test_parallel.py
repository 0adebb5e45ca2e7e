"""The worker pool every batch command shares."""

from gitools.jobs.pool import map_chunks, worker_count


def _square_all(items: list[int]) -> list[int]:
    return [i * i for i in items]


def test_every_item_comes_back_once_whatever_the_workers_and_chunks():
    seen: list[int] = []
    out = map_chunks(_square_all, list(range(23)), chunk=4, workers=2, progress=seen.append)
    assert sorted(out) == [i * i for i in range(23)]
    assert sorted(seen) == [3, 4, 4, 4, 4, 4]  # each chunk's size, once


def test_one_worker_runs_here_in_order():
    assert list(map_chunks(_square_all, [3, 1, 2], chunk=2, workers=1)) == [9, 1, 4]


def test_workers_default_to_the_cores_this_process_may_use():
    assert worker_count(3) == 3
    assert worker_count() >= 1
