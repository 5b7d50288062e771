"""The cleaner's body-zone stage: where the article body sits among the kept lines (main block, body start and end),
and the guard that tells when the kept lines hold too little of the page's prose."""
from __future__ import annotations

import numpy as np

from mediacheck.cleaning.features import COLUMN as _COL


def main_block(gain: np.ndarray) -> tuple[int, int]:
    """The contiguous run of lines with the largest total gain (maximum subarray), as [start, end]."""
    best, best_lo, best_hi = -np.inf, 0, -1
    run, lo = 0.0, 0
    for i, g in enumerate(gain.tolist()):
        if run <= 0:
            run, lo = g, i
        else:
            run += g
        if run > best:
            best, best_lo, best_hi = run, lo, i
    return best_lo, best_hi


def too_little(keep: np.ndarray, free: np.ndarray, feats: np.ndarray) -> bool:
    """True when the kept lines hold under a fifth of the page's prose characters."""
    if len(feats) == 0:
        return False
    chars = np.expm1(feats[:, _COL["log_chars"]])
    prose = free & (np.expm1(feats[:, _COL["log_words"]]) >= 10) & (feats[:, _COL["terminal_punct"]] > 0)
    total = (chars * prose).sum()
    return total > 0 and (chars * (keep & prose)).sum() < 0.2 * total


def body_start(keep: np.ndarray, feats: np.ndarray) -> int:
    """Index of the first kept prose line (the end of the header zone)."""
    if len(feats) == 0:
        return 0
    words = np.expm1(feats[:, _COL["log_words"]])
    question = feats[:, _COL["is_question"]] > 0
    strong = keep & (words >= 12) & (feats[:, _COL["terminal_punct"]] > 0) & (~question | (words >= 25))
    hits = np.flatnonzero(strong)
    if len(hits):
        return int(hits[0])
    kept = np.flatnonzero(keep)
    return int(kept[0]) if len(kept) else len(keep)


def body_span(keep: np.ndarray, feats: np.ndarray) -> tuple[int, int]:
    """(start, end): the first kept prose line and the last kept line (-1 when none is kept)."""
    kept_idx = np.flatnonzero(keep)
    return body_start(keep, feats), int(kept_idx[-1]) if len(kept_idx) else -1
