"""The cleaner's body-zone stage: where the article body sits among the kept lines (main block, body start and end),
and the guard that tells when the kept lines hold too little of the page's prose."""
from __future__ import annotations

import numpy as np

from mediacheck.cleaning.features import COLUMN as _COL
from mediacheck.cleaning.features import main_block, main_prose_block

__all__ = ["body_span", "body_start", "longest_prose_block_chars", "main_block", "main_prose_lost", "too_little"]

#: The classifier may remove at most this share of the main prose block's prose characters; beyond it the
#: block's prose lines are put back (only a boilerplate rule can remove them then).
MAIN_BLOCK_MAX_LOSS = 0.5


def _prose(free: np.ndarray, feats: np.ndarray) -> np.ndarray:
    return free & (np.expm1(feats[:, _COL["log_words"]]) >= 10) & (feats[:, _COL["terminal_punct"]] > 0)


def too_little(keep: np.ndarray, free: np.ndarray, feats: np.ndarray) -> bool:
    """True when the kept lines hold under a fifth of the page's prose characters."""
    if len(feats) == 0:
        return False
    chars = np.expm1(feats[:, _COL["log_chars"]])
    prose = _prose(free, feats)
    total = (chars * prose).sum()
    return total > 0 and (chars * (keep & prose)).sum() < 0.2 * total


def main_prose_lost(keep: np.ndarray, free: np.ndarray, feats: np.ndarray) -> np.ndarray:
    """The prose lines of the page's main prose block (``features.main_prose_block``) to put back: all of its free
    prose lines when ``keep`` drops more than ``MAIN_BLOCK_MAX_LOSS`` of their characters, else none. A story
    is never lost to the classifier while teasers elsewhere are kept."""
    if len(feats) == 0:
        return np.zeros(0, dtype=bool)
    prose = _prose(free, feats) & (feats[:, _COL["in_main_prose"]] > 0)
    chars = np.expm1(feats[:, _COL["log_chars"]])
    total = (chars * prose).sum()
    if total > 0 and (chars * (prose & keep)).sum() < (1 - MAIN_BLOCK_MAX_LOSS) * total:
        return prose & ~keep
    return np.zeros(len(feats), dtype=bool)


def longest_prose_block_chars(feats: np.ndarray) -> float:
    """Characters of the page's longest prose block judged by the lines' shape alone (rule codes ignored, so a
    rule that removes a story's lines does not hide the story)."""
    if len(feats) == 0:
        return 0.0
    chars = np.expm1(feats[:, _COL["log_chars"]])
    prose = ((np.expm1(feats[:, _COL["log_words"]]) >= 10) & (feats[:, _COL["terminal_punct"]] > 0)
             & (feats[:, _COL["stopword_share"]] >= 0.15)).astype(float)
    lo, hi = main_prose_block(prose, chars, np.zeros(len(feats)))
    return float(chars[lo:hi + 1].sum())


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
