"""Candidate pairs without comparing all pairs: MinHash + LSH banding, and sparse TF-IDF neighbours in blocks.

MinHash is vectorised with numpy (multiply-shift hashing of 64-bit token hashes); token hashes come from
blake2b, so signatures are the same in every process and on every machine. Buckets larger than
``max_bucket`` are linked as a star (each member to the smallest), which keeps clusters connected without emitting
a quadratic number of pairs.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy as np

_MASK61 = np.uint64((1 << 61) - 1)


@lru_cache(maxsize=1 << 20)
def token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 62, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 1 << 62, size=num_perm, dtype=np.uint64)
    return a, b


def _parts(token_sets: Iterable[Iterable[str]], budget: int) -> Iterator[list[set[str]]]:
    """Consecutive runs of sets holding about ``budget`` tokens in all."""
    part: list[set[str]] = []
    total = 0
    for t in token_sets:
        part.append(set(t))
        total += len(part[-1])
        if total >= budget:
            yield part
            part, total = [], 0
    if part:
        yield part


def minhash(token_sets: Iterable[Iterable[str]], num_perm: int = 64, seed: int = 7, budget: int = 250_000,
            count: int | None = None) -> np.ndarray:
    """(n x num_perm) uint64 MinHash signatures; an empty set gets all-max (it matches nothing).

    ``token_sets`` may be a generator of ``count`` sets; they are hashed about ``budget`` tokens at a time, so
    neither all the sets nor all their hashed permutations are held at once (at 1M headlines the character
    4-grams alone would take about 5 GiB)."""
    if count is None:
        token_sets = list(token_sets)
        count = len(token_sets)
    a, b = _permutations(num_perm, seed)
    out = np.full((count, num_perm), np.iinfo(np.uint64).max, dtype=np.uint64)
    lo = 0
    for part in _parts(token_sets, budget):
        lengths = np.fromiter((len(t) for t in part), dtype=np.int64, count=len(part))
        total = int(lengths.sum())
        if total:
            hashes = np.fromiter((token_hash(t) for ts in part for t in ts), dtype=np.uint64, count=total)
            perm = np.multiply.outer(hashes, a)           # multiply-shift, wraps mod 2**64
            perm += b
            nonempty = np.flatnonzero(lengths)
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[nonempty]
            out[lo + nonempty] = np.minimum.reduceat(perm, starts, axis=0)
        lo += len(part)
    if lo != count:
        raise ValueError(f"expected {count} token sets, got {lo}")
    return out


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    """Row-wise share of equal MinHash values (an unbiased estimate of Jaccard similarity)."""
    return (sig_a == sig_b).mean(axis=1)


def lsh_pairs(signatures: np.ndarray, bands: int, rows: int, max_bucket: int = 8) -> np.ndarray:
    """Candidate pairs (i < j) that agree on all rows of at least one band; (k x 2) int64, unique.

    A bucket of up to ``max_bucket`` members gives all its pairs; a larger one gives a star (every member with
    the smallest), which keeps it connected with m - 1 pairs instead of m(m-1)/2. Pairs are deduplicated band by
    band, so memory stays near the number of distinct pairs.
    """
    n, num_perm = signatures.shape
    if bands * rows > num_perm:
        raise ValueError(f"{bands} bands x {rows} rows need {bands * rows} hash values, have {num_perm}")
    valid = np.flatnonzero(~(signatures == np.iinfo(np.uint64).max).all(axis=1))     # empty sets match nothing
    keys_found = np.zeros(0, dtype=np.int64)
    for band in range(bands):
        block = np.ascontiguousarray(signatures[valid, band * rows:(band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")
        ks = keys[order]
        members = valid[order]                  # grouped by key, ascending index within a group
        new = np.concatenate([[True], ks[1:] != ks[:-1]])
        starts = np.flatnonzero(new)
        sizes = np.diff(np.append(starts, len(ks)))
        group = np.cumsum(new) - 1
        first, size = starts[group], sizes[group]
        pos = np.arange(len(ks))
        big = size > max_bucket
        star = big & (pos > first)              # a large bucket: every member with its smallest
        band_pairs = [members[first[star]] * n + members[star]]
        for d in range(1, max_bucket):          # a small bucket: all pairs, d positions apart
            p = np.flatnonzero(~big & (pos + d < first + size))
            if not len(p):
                break
            band_pairs.append(members[p] * n + members[p + d])
        keys_found = np.unique(np.concatenate([keys_found, *band_pairs]))
    return np.column_stack(np.divmod(keys_found, n)) if len(keys_found) else np.zeros((0, 2), dtype=np.int64)


def sparse_neighbours(x, threshold: float, block: int = 2000, max_per_row: int = 50) -> Iterator[tuple]:
    """Pairs (i, j, cosine) with i < j and cosine >= threshold for L2-normalised sparse rows ``x``, computed
    block by block (memory bounded); at most ``max_per_row`` best neighbours per row."""
    xt = x.T.tocsr()
    n = x.shape[0]
    for lo in range(0, n, block):
        prod = (x[lo:lo + block] @ xt).tocsr()
        prod.data[prod.data < threshold] = 0
        prod.eliminate_zeros()
        for r in range(prod.shape[0]):
            i = lo + r
            s, e = prod.indptr[r], prod.indptr[r + 1]
            cols, vals = prod.indices[s:e], prod.data[s:e]
            keep = cols > i
            cols, vals = cols[keep], vals[keep]
            if len(cols) > max_per_row:
                top = np.argpartition(-vals, max_per_row)[:max_per_row]
                cols, vals = cols[top], vals[top]
            for j, v in zip(cols.tolist(), vals.tolist()):
                yield i, j, v


class UnionFind:
    """Disjoint sets over 0..n-1 (path halving, union by size)."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return
        if self.size[ri] < self.size[rj]:
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.size[ri] += self.size[rj]

    def labels(self) -> list[int]:
        """A label per element: the smallest index of its set (stable whatever the union order)."""
        roots = [self.find(i) for i in range(len(self.parent))]
        first: dict[int, int] = {}
        for i, r in enumerate(roots):
            first.setdefault(r, i)
        return [first[r] for r in roots]
