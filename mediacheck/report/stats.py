"""Uncertainty for outlet rates: bootstrap intervals of pooled ratios, permutation tests, Benjamini-Hochberg.

An outlet rate is a ratio of sums over its articles (``sum(num) / sum(den)``, e.g. hedge cues / words), so the
article is the unit that is resampled or permuted. All functions are deterministic for a given ``seed``.
"""
from __future__ import annotations

import zlib

import numpy as np

#: Cells (resamples x articles) drawn at once; bounds memory for outlets with very many articles.
_CHUNK_CELLS = 2_000_000


def stable_seed(*parts: str) -> int:
    """A seed from strings, the same in every process and run (unlike ``hash``)."""
    return zlib.crc32("\x1f".join(parts).encode("utf-8"))


def ratio(num: np.ndarray, den: np.ndarray) -> float:
    """``sum(num) / sum(den)``, NaN when the denominator is 0."""
    d = float(np.sum(den))
    return float(np.sum(num)) / d if d > 0 else float("nan")


def bootstrap_ratio_ci(num: np.ndarray, den: np.ndarray, *, resamples: int = 1000, level: float = 0.95,
                       seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of ``sum(num) / sum(den)``, resampling articles with replacement.

    NaN bounds when there are no articles with a denominator or ``resamples`` is 0 (no interval asked for); a
    single article gives a zero-width interval.
    """
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    n = len(num)
    if n == 0 or resamples < 1 or not np.sum(den) > 0:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    stats = np.empty(resamples)
    step = max(1, min(resamples, _CHUNK_CELLS // n))
    for lo in range(0, resamples, step):
        c = min(step, resamples - lo)
        idx = rng.integers(0, n, size=(c, n))
        d = den[idx].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            stats[lo:lo + c] = np.where(d > 0, num[idx].sum(axis=1) / np.where(d > 0, d, 1.0), np.nan)
    alpha = (1.0 - level) / 2
    if np.isnan(stats).all():
        return float("nan"), float("nan")
    low, high = np.nanquantile(stats, [alpha, 1.0 - alpha])
    return float(low), float(high)


def permutation_test_ratios(num_a: np.ndarray, den_a: np.ndarray, num_b: np.ndarray, den_b: np.ndarray, *,
                            permutations: int = 999, seed: int = 0, stop_after: int | None = 10,
                            first_block: int = 99) -> tuple[np.ndarray, np.ndarray]:
    """Two-sided permutation test of ``ratio(a) - ratio(b)`` for several metrics at once.

    ``num_*``/``den_*`` are (articles x metrics). Articles of both outlets are pooled and relabelled at random
    (the same relabelling for every metric); p = (1 + #{|perm diff| >= |observed diff|}) / (n + 1) after n
    relabellings. Sequential stopping (Besag & Clifford 1991): once every metric has ``stop_after`` relabellings
    as extreme as observed (checked after ``first_block`` and then after every chunk), p is already >= about
    ``stop_after / n`` for all of them and the test stops early; small p-values always get all ``permutations``.
    ``stop_after=None`` always runs them all. Returns (observed differences, p-values); NaN where a side has no
    denominator.
    """
    num_a, den_a, num_b, den_b = (np.asarray(x, dtype=float).reshape(len(x), -1)
                                  for x in (num_a, den_a, num_b, den_b))
    na, nb = len(num_a), len(num_b)
    with np.errstate(invalid="ignore", divide="ignore"):
        obs = num_a.sum(0) / den_a.sum(0) - num_b.sum(0) / den_b.sum(0)
    if na == 0 or nb == 0 or permutations < 1:
        return obs, np.full(obs.shape, np.nan)
    num = np.vstack([num_a, num_b])
    den = np.vstack([den_a, den_b])
    tot_num, tot_den = num.sum(0), den.sum(0)
    n = na + nb
    rng = np.random.default_rng(seed)
    extreme = np.zeros(obs.shape)
    tol = 1e-12 * np.maximum(1.0, np.abs(obs))
    step = max(1, min(permutations, _CHUNK_CELLS // n))
    base = np.zeros(n)
    base[:na] = 1.0
    live = ~np.isnan(obs)
    done = 0
    while done < permutations:
        c = min(step, permutations - done, first_block if done == 0 and stop_after else step)
        mask = rng.permuted(np.broadcast_to(base, (c, n)), axis=1)      # 1 = relabelled as outlet a
        sa_num, sa_den = mask @ num, mask @ den
        with np.errstate(invalid="ignore", divide="ignore"):
            diff = sa_num / sa_den - (tot_num - sa_num) / (tot_den - sa_den)
        extreme += (np.abs(diff) >= np.abs(obs) - tol).sum(axis=0)       # NaN compares False: not extreme
        done += c
        if stop_after and (not live.any() or (extreme[live] >= stop_after).all()):
            break
    p = (1.0 + extreme) / (done + 1.0)
    return obs, np.where(np.isnan(obs), np.nan, p)


def bootstrap_chunk(tasks: list[tuple[np.ndarray, np.ndarray, list[int], int]]) -> list[list[tuple[float, float]]]:
    """``bootstrap_ratio_ci`` of every metric of several outlets, e.g. in a pool worker.

    A task is (num, den, seeds, resamples) of one outlet: ``num``/``den`` are (metrics x articles), ``seeds`` one
    per metric. Returns the (low, high) bounds per metric, per task."""
    return [[bootstrap_ratio_ci(num[k], den[k], resamples=resamples, seed=seed) for k, seed in enumerate(seeds)]
            for num, den, seeds, resamples in tasks]


def permutation_chunk(task: tuple[dict, list[tuple[str, str, int]], int]) -> list[tuple[np.ndarray, np.ndarray]]:
    """``permutation_test_ratios`` of several outlet pairs, e.g. in a pool worker.

    ``task`` is (parts, pairs, permutations): ``parts`` maps each outlet of the pairs to its (num, den) arrays
    (articles x metrics), ``pairs`` are (a, b, seed). Returns (observed differences, p-values) per pair."""
    parts, pairs, permutations = task
    return [permutation_test_ratios(*parts[a], *parts[b], permutations=permutations, seed=seed)
            for a, b, seed in pairs]


def bh_qvalues(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values); NaN p-values stay NaN and are not counted."""
    p = np.asarray(p, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return q
    pv = p[ok]
    order = np.argsort(pv, kind="stable")
    ranked = pv[order] * m / np.arange(1, m + 1)
    adj = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adj, 1.0)
    q[ok] = out
    return q
