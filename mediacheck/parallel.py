"""Process pools that keep input order: the ``--jobs`` of ``clean``, ``score``, ``dedup`` and ``report``.

Work goes out in batches to spawned processes, at most a few batches per worker are in flight (memory stays
constant in the length of the input), and results come back in input order, so the output is the same for every
number of jobs. Stage functions are module-level ``fn(batch, state) -> list``; ``state`` (models, options)
reaches each worker once, through the pool's initializer.
"""
from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator

#: Items handed to a worker at a time: amortises the cost of shipping a task.
BATCH = 32
#: Batches queued per worker before the reader waits.
IN_FLIGHT_PER_WORKER = 4
#: ``ordered_map`` runs this many items in the calling process before it starts a pool: a small input is done
#: before spawned workers (each imports numpy and the models: about a second) would have started.
SERIAL_FIRST = 100

_state = None           # a pool worker's state, set once by its initializer


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


def _init_worker(state) -> None:
    global _state
    _state = state
    one_blas_thread()


def _apply(fn: Callable, batch: list) -> list:
    """Runs in a worker: ``fn`` on one batch with the worker's state."""
    return fn(batch, _state)


def batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def ordered(submit: Callable, chunks: Iterator[list], window: int) -> Iterator:
    """Submit chunks keeping at most ``window`` pending; yield the items of their results in input order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def process_pool(jobs: int, state=None, *, stateful: bool = False):
    """A local pool of ``jobs`` spawned processes (0: all cores), one BLAS thread each; ``stateful``: each worker
    also keeps ``state`` for ``_apply``. As a context manager it shuts down on exit. Workers start on the first
    task, so a pool that gets no task costs nothing."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    init, args = (_init_worker, (state,)) if stateful else (one_blas_thread, ())
    return ProcessPoolExecutor(max(1, jobs or default_jobs()), mp_context=get_context("spawn"),
                               initializer=init, initargs=args)


def pool_map(fn: Callable, chunks: Iterable, *, jobs: int, executor=None) -> Iterator:
    """``fn(chunk)`` (a list of results) for every chunk on ``jobs`` processes, the lists flattened in input order.

    ``fn`` must be a module-level function; ``executor`` (e.g. a ``process_pool``) is used when given, else a pool
    of ``jobs`` processes lives as long as the iteration. At most ``2 * jobs`` chunks are pending at a time, so
    only their arguments are held twice."""
    window = 2 * max(1, jobs or default_jobs())
    if executor is not None:
        yield from ordered(lambda c: executor.submit(fn, c), iter(chunks), window)
        return
    with process_pool(jobs) as pool:
        yield from ordered(lambda c: pool.submit(fn, c), iter(chunks), window)


def ordered_map(fn: Callable, items: Iterable, state=None, *, jobs: int = 1, batch: int = BATCH,
                serial_first: int | None = None) -> Iterator:
    """``fn(batch, state)`` over ``items`` in batches, the results flattened in input order.

    ``jobs`` 1 runs every item here, one at a time (each result as soon as its item is read); otherwise (0: all
    cores) the first ``serial_first`` items (default ``SERIAL_FIRST``) run here that way and the rest on a pool of
    ``jobs`` spawned processes, each given ``state`` once; results then lag the input by up to
    ``jobs * IN_FLIGHT_PER_WORKER`` batches.
    ``fn`` must be a module-level function and ``state`` picklable; ``fn`` must not depend on what earlier batches
    left in a process (caches may, results may not), so every ``jobs`` gives the same results."""
    jobs = max(1, jobs or default_jobs())
    it = iter(items)
    head = None if jobs == 1 else SERIAL_FIRST if serial_first is None else serial_first
    for item in itertools.islice(it, head):     # one at a time: each result as soon as its item is read
        yield from fn([item], state)
    first = list(itertools.islice(it, batch))
    if not first:                           # all done here: no pool
        return
    with process_pool(jobs, state, stateful=True) as pool:
        chunks = itertools.chain([first], batches(it, batch))
        yield from ordered(lambda c: pool.submit(_apply, fn, c), chunks, jobs * IN_FLIGHT_PER_WORKER)
