"""Duplicate headlines, syndicated copies and same-story clusters across outlets."""
from __future__ import annotations

from mediacheck.dedup.finder import CLUSTER_COLUMNS, OUTLET_COLUMNS, PAIR_COLUMNS, DedupResult, find_duplicates
from mediacheck.dedup.normalize import normalize_headline

__all__ = ["CLUSTER_COLUMNS", "OUTLET_COLUMNS", "PAIR_COLUMNS", "DedupResult", "find_duplicates",
           "headline_similarity", "normalize_headline"]


def headline_similarity(a: str, b: str) -> float:
    """How similar two headlines are, in [0, 1] (1 = same headline; fitted to human similarity judgements)."""
    from mediacheck.dedup.similarity import headline_similarity as _similarity

    return _similarity(a, b)
