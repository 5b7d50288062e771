"""Engines that run the per-article stage over a stream: in-process, a local process pool, or Dask.

Every engine yields results in input order with a bounded number of batches in flight, so memory stays
constant in the length of the input and the tables come out byte-identical whichever engine ran them.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from mediacheck.model import Article
from mediacheck.report.stages import ArticleResult, Settings, analyze_article

ENGINES = ("local", "dask")
BATCH = 32                 # articles per task: amortises the cost of shipping a task to a worker
_IN_FLIGHT_PER_WORKER = 4  # batches queued per worker before the reader waits

_settings: Settings | None = None      # a pool worker's settings, set once by its initializer


class EngineError(Exception):
    """The engine cannot start (e.g. dask missing, scheduler unreachable); message is user-facing."""


def analyze_batch(batch: list[Article], settings: Settings | None = None) -> list[ArticleResult]:
    """Run the stage over one batch (``settings`` default: the pool worker's)."""
    use = settings if settings is not None else _settings
    return [analyze_article(a, use) for a in batch]


def _init_worker(settings: Settings) -> None:
    global _settings
    _settings = settings


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def _ordered(submit, batches: Iterator[list], window: int) -> Iterator:
    """Submit batches keeping at most ``window`` pending; yield results in input order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:      # not on Linux
        return os.cpu_count() or 1


def one_blas_thread() -> None:
    """Pool worker initializer: one BLAS thread in this process. The pool's processes already use the cores; BLAS
    threads on top only contend (OpenBLAS's spinning threads made the permutation tests 3-4x slower on a busy
    2-core machine). Results do not depend on the number of BLAS threads."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:         # scikit-learn brings it; without it the default stays
        return
    threadpool_limits(1, user_api="blas")


def process_pool(jobs: int):
    """A local pool of ``jobs`` spawned processes (0: all cores) for ``pool_map``, one BLAS thread each; as a
    context manager it shuts down on exit. Workers start on the first task, so a pool that gets no task costs
    nothing."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    return ProcessPoolExecutor(max(1, jobs or default_jobs()), mp_context=get_context("spawn"),
                               initializer=one_blas_thread)


def pool_map(fn, chunks: Iterable, *, jobs: int, executor=None) -> Iterator:
    """``fn(chunk)`` (a list of results) for every chunk on ``jobs`` processes, the lists flattened in input order.

    ``fn`` must be a module-level function; ``executor`` (e.g. a ``process_pool``) is used when given, else a pool
    of ``jobs`` processes lives as long as the iteration. At most ``2 * jobs`` chunks are pending at a time, so
    only their arguments are held twice."""
    window = 2 * max(1, jobs or default_jobs())
    if executor is not None:
        yield from _ordered(lambda c: executor.submit(fn, c), iter(chunks), window)
        return
    with process_pool(jobs) as pool:
        yield from _ordered(lambda c: pool.submit(fn, c), iter(chunks), window)


def run(articles: Iterable[Article], settings: Settings, *, engine: str = "local", jobs: int = 1,
        scheduler: str | None = None) -> Iterator[ArticleResult]:
    """Analyse ``articles`` with ``engine`` ('local' or 'dask') and yield one result per article, in order."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (expected one of: {', '.join(ENGINES)})")
    jobs = max(1, jobs or default_jobs())
    batches = _batches(articles, BATCH)
    if engine == "dask":
        yield from _run_dask(batches, settings, jobs, scheduler)
    elif jobs == 1:
        for batch in batches:
            yield from analyze_batch(batch, settings)
    else:
        yield from _run_pool(batches, settings, jobs)


def _run_pool(batches: Iterator[list[Article]], settings: Settings, jobs: int) -> Iterator[ArticleResult]:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=_init_worker,
                             initargs=(settings,)) as pool:
        yield from _ordered(lambda b: pool.submit(analyze_batch, b), batches, jobs * _IN_FLIGHT_PER_WORKER)


def _run_dask(batches: Iterator[list[Article]], settings: Settings, jobs: int,
              scheduler: str | None) -> Iterator[ArticleResult]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("the dask engine needs the 'dask' extra: pip install 'mediacheck[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)      # connect timeout: dask config distributed.comm.timeouts.connect
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    try:
        shared = client.scatter(settings, broadcast=True)
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        yield from _ordered(lambda b: client.submit(analyze_batch, b, shared, pure=False), batches,
                            workers * _IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
