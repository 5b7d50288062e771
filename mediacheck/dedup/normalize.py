"""Headline and body normalisation for duplicate detection."""
from __future__ import annotations

import re
from functools import lru_cache

from mediacheck.dedup.labels import PREFIX, SUFFIX
from mediacheck.textutil import fold_headline, space_windows

_PREFIX, _SUFFIX = PREFIX, SUFFIX
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")
_WINDOW = 1 << 14


@lru_cache(maxsize=1 << 16)
def headline_key(title: str) -> str:
    """The dedup key of a headline: ``textutil.fold_headline`` (case, quotes, dashes, spaces) after dropping
    labels ("WATCH:") and outlet suffixes (" - Reuters"), and without closing ?!/quotes. Numbers stay as
    written, so "2%" and "3%" differ."""
    s = " ".join(title.split())
    for _ in range(2):
        s = _PREFIX.sub("", s)
    m = _SUFFIX.search(s)
    if m and m.group(1)[:1].isupper() and len(m.group(1).split()) <= 4 and len(s) - len(m.group(0)) >= 15:
        s = s[:m.start()]
    return fold_headline(s).strip(" ?!\"'")


def body_shingles(text: str, n: int = 5, limit: int = 2000) -> list[str]:
    """Word n-grams of a body (casefolded), at most ``limit`` of them: what syndicated copies share."""
    need, words = limit + n, []
    for part in space_windows(text, _WINDOW):   # a window at a time: a huge body is never split whole (windows
        words += _WORD.findall(part.casefold().replace("’", "'"))    # end after whitespace: no word match holds it)
        if len(words) >= need:
            break
    words = words[:need]
    return [" ".join(words[i:i + n]) for i in range(max(0, len(words) - n + 1))][:limit]
