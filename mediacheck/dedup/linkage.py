"""Clusters from pairs: single linkage taken strongest link first, with two guards against chaining.

Hash groups (the same normalised headline, the same body) are always one cluster. The other links are taken in
order of strength: kind (exact, syndicated, near, paraphrase, same_story), then score, then the ids' sort order.
A link is skipped when

- the joined cluster would have more than ``cap`` members: a long chain A~B~...~Z of near-duplicates, or many
  stories bridged by links, is cut into clusters of at most ``cap``, each grown from its strongest links;
- it is weak (kind >= ``weak_kind``: paraphrase, same_story) and both its clusters already have several members:
  a weak link may bring one article into a cluster, not bridge two clusters.

A connected component of at most ``cap`` members with no weak bridge is one cluster, as with plain union-find.
Every decision depends on cluster sizes and the order of the links only, so the input order plays no part.
"""
from __future__ import annotations

import numpy as np

from mediacheck.dedup.index import UnionFind


def capped_linkage(n: int, a: np.ndarray, b: np.ndarray, kind: np.ndarray, score: np.ndarray, fixed: np.ndarray,
                   rank: np.ndarray, cap: int | None, weak_kind: int | None = None) -> UnionFind:
    """Union-find over ``n`` items after linking pairs (``a[k]``, ``b[k]``).

    ``kind``: strength class per pair (lower is stronger), ``score``: higher is stronger within a class,
    ``fixed``: pairs joined whatever the size (hash groups), ``rank``: each item's position in the sorted ids
    (breaks ties). ``cap=None`` and ``weak_kind=None`` join every pair (connected components)."""
    uf = UnionFind(n)
    for i, j in zip(a[fixed].tolist(), b[fixed].tolist()):
        uf.union(i, j)
    rest = np.flatnonzero(~fixed)
    ra, rb = rank[a[rest]], rank[b[rest]]
    order = rest[np.lexsort((np.maximum(ra, rb), np.minimum(ra, rb), -score[rest], kind[rest]))]
    weak = np.zeros(len(kind), dtype=bool) if weak_kind is None else kind >= weak_kind
    size = uf.size
    for i, j, w in zip(a[order].tolist(), b[order].tolist(), weak[order].tolist()):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or cap is not None and size[ri] + size[rj] > cap or w and min(size[ri], size[rj]) > 1:
            continue
        uf.union(ri, rj)
    return uf
