"""Progress of a report run on stderr: one tqdm bar per stage (reading, articles, duplicates, intervals, outlet
pairs, writing), each removed when its stage ends. Off (a no-op) unless asked for; the CLI asks only when stderr
is a terminal and -q is not given. Also times every stage, shown or not (``seconds``).
"""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO


class Progress:
    """Stage bars written to ``file`` (``True``: stderr; ``False``/``None``: none) and per-stage wall times."""

    def __init__(self, show: bool | IO | None = False) -> None:
        self.file: IO | None = sys.stderr if show is True else (show or None)
        self.seconds: dict[str, float] = {}

    def _bar(self, **kw):
        from tqdm import tqdm

        return tqdm(file=self.file, leave=False, dynamic_ncols=True, mininterval=0.25, **kw)

    def _add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = round(self.seconds.get(stage, 0.0) + seconds, 3)

    def iter(self, items: Iterable, *, stage: str, desc: str, total: int | None = None,
             unit: str = "item") -> Iterator:
        """Pass ``items`` through with a bar (``total`` items when known) and add the time to ``stage``."""
        start = time.perf_counter()
        bar = self._bar(total=total, desc=desc, unit=unit) if self.file is not None else None
        try:
            for item in items:
                yield item
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.close()
            self._add(stage, time.perf_counter() - start)

    @contextmanager
    def step(self, stage: str, desc: str):
        """A stage with no countable items: its name and a running clock while it lasts."""
        start = time.perf_counter()
        if self.file is None:
            try:
                yield
            finally:
                self._add(stage, time.perf_counter() - start)
            return
        bar = self._bar(total=None, desc=desc, bar_format="{desc} ({elapsed})")
        done = threading.Event()

        def tick() -> None:
            while not done.wait(1.0):
                bar.refresh()

        ticker = threading.Thread(target=tick, daemon=True)
        ticker.start()
        try:
            yield
        finally:
            done.set()
            ticker.join()
            bar.close()
            self._add(stage, time.perf_counter() - start)
