"""Features of each non-blank line and its neighbourhood, for the line classifier.

One row per line, computed with a single pass of cheap string work and then vectorised with numpy. The
feature names are stored with the model weights, so a model and its features always travel together.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from mediacheck.cleaning.language import LANGUAGES, stopwords
from mediacheck.textutil import TERMINAL, headline_shape

_DIGITS = "0123456789"

LINE_FEATURES = (
    "log_chars", "log_words", "terminal_punct", "stopword_share", "capital_share", "digit_share",
    "mean_word_len", "comma_per_word", "pipe_or_bullet", "has_url", "is_question", "ends_colon",
    "headline_shape", "upper_share", "glued_words", "starts_number", "rule_hit", "repeated_in_doc", "rel_position",
)
CONTEXT_FEATURES = (
    "prose_prev", "prose_next", "prose_win2", "prose_win5", "chars_win2", "rule_win2",
    "in_prose_span", "log_dist_prose", "mass_before", "mass_after", "after_related", "short_run",
    "nonprose_run", "rel_len_doc", "comment_zone", "stop_rel", "capital_rel", "in_main_prose",
)
FEATURE_NAMES = LINE_FEATURES + CONTEXT_FEATURES
COLUMN = {name: i for i, name in enumerate(FEATURE_NAMES)}     #: feature name -> column of the matrix
_STAT_NAMES = LINE_FEATURES[:-3]     # the per-line statistics of ``_stats``; then rule_hit, repeated, position


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_GLUED = re.compile(r"[a-z][.?!]?[A-Z][a-z]")     # "MichiganMichigan": a teaser title glued to its summary
# A capital right after a lower-case letter (and an optional . ? !): lines without one have no _GLUED match, and a
# pattern that starts with the (rare) capital is scanned several times faster than one that starts with [a-z].
_GLUED_HINT = re.compile(r"[A-Z](?:(?<=[a-z].)|(?<=[a-z][.?!].))[a-z]")
# A capital that starts a word: not after a word character or an apostrophe. Same matches as
# (?<![\w'’])[A-ZÀ-ÖØ-Þ], with the capital first so the scan jumps from capital to capital.
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’].)")
_STATS_CHARS = 600       # word-level stats read at most this many characters of a line
# An enumerated item ("100. Ray Gillen", "3) Mix well") or a quantity ("200 g Zucker", "2 EL Butter", "1/2 cup").
_STARTS_NUMBER = re.compile(r"\d+(?:[.)]\s|(?:[.,/]\d+)?\s?(?:%|[^\W\d_]{1,5}\.?)?\s+[^\W\d_])")


@lru_cache(maxsize=64)
def page_stopwords(lang: str) -> frozenset[str]:
    """The stop words a page in ``lang`` is read with; for "und" (unsure) those of every language."""
    if lang == "und":
        return frozenset().union(*(stopwords(code) for code in LANGUAGES))
    return stopwords(lang)


def _line_stats(line: str, lang: str) -> tuple:
    return _short_stats(line, lang) if len(line) <= 200 else _stats(line, lang)


def _stats(line: str, lang: str) -> tuple:
    n = line.count(" ") + 1
    head = line[:_STATS_CHARS]
    if n < 4 and len(line) >= 8:
        n += sum(1 for _ in _CJK.finditer(line)) // 2   # scripts without spaces: about two characters a word
    toks = _WORD.findall(head.lower())
    k = len(toks) or 1
    stop = sum(map(page_stopwords(lang).__contains__, toks))
    caps = len(_CAP_WORD.findall(head))
    chars = len(line)
    digits = sum(map(head.count, _DIGITS)) * chars / max(len(head), 1)      # ASCII digits; 4x faster than translate
    last = line[-1]
    return (
        np.log1p(chars), np.log1p(n), float(last in TERMINAL), stop / k, min(caps / k, 1.0),
        digits / max(chars, 1), len(head) / (head.count(" ") + 1), head.count(",") / k,
        float(("|" in line) or line[:1] in "•·-–—*>"),
        float("http" in line or "www." in line or ".com" in line), float(last == "?"), float(last == ":"),
        headline_shape(line) if n <= 35 else 0.0,
        float(line.isupper()),
        min(len(_GLUED.findall(head)), 3) if _GLUED_HINT.search(head) else 0,
        float(_STARTS_NUMBER.match(line) is not None),
    )


_short_stats = lru_cache(maxsize=1 << 16)(_stats)   # menus and footers recur across a batch


def _run_lengths(flag: np.ndarray) -> np.ndarray:
    """For each position, the length of the run of True values it sits in (0 where False)."""
    f = flag.astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], f, [0]])))
    starts, ends = edges[::2], edges[1::2]
    out = np.zeros(len(flag))
    out[flag] = np.repeat(ends - starts, ends - starts)       # each run's length at each of its positions
    return out


def _window_mean(x: np.ndarray, w: int) -> np.ndarray:
    """Mean of x over [i-w, i+w] excluding i itself."""
    n = len(x)
    if n == 0:
        return x
    c = np.concatenate([[0.0], np.cumsum(x)])
    pos = np.arange(n)
    lo = np.maximum(pos - w, 0)          # np.maximum / np.minimum: np.clip costs ten times more on short pages
    hi = np.minimum(pos + w + 1, n)
    tot = c[hi] - c[lo] - x
    cnt = np.maximum(hi - lo - 1, 1)
    return tot / cnt


def _median(x: np.ndarray) -> float:
    """``np.median`` of a 1-d float array (same value: the middle element, or the mean of the two middle ones),
    without its general-case overhead on the many short arrays of a batch."""
    s = np.sort(x)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


RELATED_CODES = frozenset({"BP_RELATED", "BP_COMMENTS"})


def main_prose_block(prose: np.ndarray, chars: np.ndarray, rule: np.ndarray) -> tuple[int, int]:
    """[lo, hi] of the page's main prose block: the run of lines with most prose characters, where each line that
    is not prose costs a little (a caption or a subheading inside the story, more for a free short line than for a
    rule-coded one such as "Advertisement"), so a teaser list or a menu splits blocks. (0, -1) without prose."""
    if not prose.any():
        return 0, -1
    gain = np.where(prose > 0, chars, np.where(rule > 0, -15.0, -np.minimum(chars, 60.0) - 20.0))
    return main_block(gain)


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


def line_stats(lines: list[str], lang: str = "en") -> np.ndarray:
    """The per-line statistics (the first ``len(_STAT_NAMES)`` feature columns) of ``lines``: they depend on the line
    and the language only, so a later pass over the kept lines reuses their rows instead of computing them again."""
    # fromiter, not np.array(list): no list of n tuples of 15 numpy floats (640 bytes a line) on the way
    return np.fromiter((_line_stats(s, lang) for s in lines), dtype=np.dtype((float, len(_STAT_NAMES))),
                       count=len(lines))


def line_features(lines: list[str], codes: list[str | None], lang: str = "en", stats: np.ndarray | None = None
                  ) -> np.ndarray:
    """Feature matrix (len(lines) x len(FEATURE_NAMES)) for non-blank, stripped ``lines`` of a page in ``lang``
    (its stop words make ``stopword_share``; ``stop_rel`` and ``capital_rel`` compare a line with the page's
    prose, so a German page's capitalised nouns or a stop list that fits badly move every line alike).

    ``codes[i]`` is the boilerplate rule that matched line i (or None): a teaser heading ("Related", "Read
    also") is usually followed by a link list, and a comment header by reader comments. ``stats``: the lines'
    ``line_stats`` when already known.
    """
    rule_hits = [c is not None for c in codes]
    related_marks = [c in RELATED_CODES for c in codes]
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    if stats is None:
        stats = line_stats(lines, lang)
    rule = np.asarray(rule_hits, dtype=float)
    counts: dict[str, int] = {}
    for s in lines:
        counts[s] = counts.get(s, 0) + 1
    repeated = np.array([counts[s] > 1 for s in lines], dtype=float)
    pos = np.arange(n) / max(n - 1, 1)

    words = np.expm1(stats[:, 1])
    chars = np.expm1(stats[:, 0])
    prose = ((words >= 10) & (stats[:, 2] > 0) & (stats[:, 3] >= 0.15) & (rule == 0)).astype(float)
    prose_prev = np.concatenate([[0.0], prose[:-1]])
    prose_next = np.concatenate([prose[1:], [0.0]])

    # The article's text mass: where the prose characters sit.
    mass = prose * chars
    total = mass.sum()
    cum = np.cumsum(mass)
    if total > 0:
        mass_before = (cum - mass) / total
        mass_after = (total - cum) / total
    else:
        mass_before = mass_after = np.zeros(n)
    idx = np.flatnonzero(prose)
    if len(idx):
        span = ((np.arange(n) >= idx[0]) & (np.arange(n) <= idx[-1])).astype(float)
        pos_idx = np.arange(n)
        nxt = np.searchsorted(idx, pos_idx)
        d_next = np.where(nxt < len(idx), idx[np.minimum(nxt, len(idx) - 1)] - pos_idx, n)
        d_prev = np.where(nxt > 0, pos_idx - idx[np.maximum(nxt - 1, 0)], n)
        dist = np.minimum(np.abs(d_next), np.abs(d_prev))
    else:
        span = np.zeros(n)
        dist = np.full(n, n, dtype=float)

    # Lines since the last teaser heading ("Related", "Read more"), capped: link lists follow them.
    marks = np.flatnonzero(np.asarray(related_marks, dtype=bool))
    pos_all = np.arange(n)
    if len(marks):
        k = np.searchsorted(marks, pos_all, side="right") - 1
        since = np.where(k >= 0, pos_all - marks[np.maximum(k, 0)], 10**9)
        after = ((since > 0) & (since <= 12)).astype(float)
    else:
        after = np.zeros(n)
    run = _run_lengths(words <= 6)                  # runs of short lines (menus, link lists)
    nrun = _run_lengths(stats[:, 2] == 0)           # runs without a sentence end (headline lists, specs)
    # Length relative to the page's typical prose line.
    ref = _median(stats[prose > 0, 0]) if prose.any() else np.log1p(200.0)
    rel_len = stats[:, 0] - ref

    ref_stop = _median(stats[prose > 0, 3]) if prose.any() else 0.3
    ref_cap = _median(stats[prose > 0, 4]) if prose.any() else 0.15
    lo, hi = main_prose_block(prose, chars, rule)
    in_main = ((np.arange(n) >= lo) & (np.arange(n) <= hi)).astype(float)

    # Everything after the first comment header that follows most of the prose: reader comments.
    comment_zone = np.zeros(n)
    for i, c in enumerate(codes):
        if c == "BP_COMMENTS" and mass_before[i] >= 0.5:
            comment_zone[i:] = 1.0
            break

    # Filled column by column: no intermediate (n x 15) context block and no second copy of the whole matrix.
    out = np.empty((n, len(FEATURE_NAMES)))
    k = len(_STAT_NAMES)
    out[:, :k] = stats
    for j, col in enumerate((rule, repeated, pos, prose_prev, prose_next, _window_mean(prose, 2),
                             _window_mean(prose, 5), _window_mean(stats[:, 0], 2), _window_mean(rule, 2), span,
                             np.log1p(dist), mass_before, mass_after, after, np.log1p(run), np.log1p(nrun), rel_len,
                             comment_zone, stats[:, 3] - ref_stop, stats[:, 4] - ref_cap, in_main), k):
        out[:, j] = col
    return out
