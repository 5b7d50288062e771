"""Engines that run the per-article stage over a stream: in-process, a local process pool, or Dask.

Every engine yields results in input order with a bounded number of batches in flight, so memory stays
constant in the length of the input and the tables come out byte-identical whichever engine ran them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from mediacheck.model import Article
from mediacheck.parallel import (  # noqa: F401 (default_jobs, process_pool, pool_map: this module's API)
    BATCH,
    IN_FLIGHT_PER_WORKER,
    batches,
    default_jobs,
    one_blas_thread,
    ordered,
    ordered_map,
    pool_map,
    process_pool,
)
from mediacheck.report.stages import ArticleResult, Settings, analyze_article

ENGINES = ("local", "dask")


class EngineError(Exception):
    """The engine cannot start (e.g. dask missing, scheduler unreachable); message is user-facing."""


def analyze_batch(batch: list[Article], settings: Settings) -> list[ArticleResult]:
    """Run the stage over one batch (in this process, a pool worker or a Dask worker)."""
    return [analyze_article(a, settings) for a in batch]


def run(articles: Iterable[Article], settings: Settings, *, engine: str = "local", jobs: int = 1,
        scheduler: str | None = None) -> Iterator[ArticleResult]:
    """Analyse ``articles`` with ``engine`` ('local' or 'dask') and yield one result per article, in order."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (expected one of: {', '.join(ENGINES)})")
    jobs = max(1, jobs or default_jobs())
    if engine == "dask":
        yield from _run_dask(batches(articles, BATCH), settings, jobs, scheduler)
    else:
        yield from ordered_map(analyze_batch, articles, settings, jobs=jobs, serial_first=0)


def _run_dask(chunks: Iterator[list[Article]], settings: Settings, jobs: int,
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
        yield from ordered(lambda b: client.submit(analyze_batch, b, shared, pure=False), chunks,
                           workers * IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
