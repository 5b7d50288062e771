"""Body normalisation for duplicate detection reads a huge body a window at a time, with the whole-text results."""
from __future__ import annotations

import hashlib
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from mediacheck.dedup import finder, normalize
from mediacheck.dedup.normalize import body_shingles
from mediacheck.textutil import space_windows

# Letters that change under casefold (ß -> ss, İ -> i + combining dot, Σ), joiners, curly apostrophes, spaces.
ALPHABET = st.sampled_from(list("abßİΣς'’._- \t\n\u00a0\u3000é9"))


def _whole_text_shingles(text: str, n: int, limit: int) -> list[str]:
    words = normalize._WORD.findall(text.casefold().replace("’", "'"))[: limit + n]
    return [" ".join(words[i:i + n]) for i in range(max(0, len(words) - n + 1))][:limit]


def _whole_text_key(text: str, min_words: int) -> bytes:
    words = text.casefold().split()
    if len(words) < min_words:
        return b""
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET, max_size=120), st.integers(1, 6), st.integers(0, 12), st.integers(1, 9))
def test_body_shingles_by_windows_equal_the_whole_text_ones(text, n, limit, window):
    saved = normalize._WINDOW
    normalize._WINDOW = window          # tiny windows: every cut position is exercised
    try:
        assert body_shingles(text, n, limit) == _whole_text_shingles(text, n, limit)
    finally:
        normalize._WINDOW = saved


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET, max_size=120), st.integers(0, 8), st.integers(1, 9))
def test_body_key_by_windows_equals_the_whole_text_digest(text, min_words, window):
    words = [w for part in space_windows(text, window) for w in part.casefold().split()]
    assert words == text.casefold().split()
    assert finder._body_key(text, min_words) == _whole_text_key(text, min_words)


def test_body_shingles_and_key_of_a_huge_body_hold_no_copy_of_it():
    body = "Officials said the bridge would reopen. " * 200_000           # 8 MB, 1.2 M words
    tracemalloc.start()
    try:
        shingles = body_shingles(body, 5, 10)
        key = finder._body_key(body, 50)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000                    # the whole-text way: a casefolded copy and 1.2 M word strings
    assert key == _whole_text_key(body, 50)
    assert shingles[:2] == ["officials said the bridge would", "said the bridge would reopen"]
    assert len(shingles) == 10
