"""Find the headline and every repeat, near-duplicate and paraphrase of it inside one article.

A paraphrase shares few characters with the headline ("Is Trump capable of compelling Putin to negotiate a
truce?" / "Is it within Trump's power to compel Putin towards a peaceful resolution?"), so string similarity
is only one signal: the others are shared content-word stems, the line's shape (headline-like, same sentence
type) and where it sits (the header zone before the body, or after it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from mediacheck.textutil import collapse_spaces, content_stems, fold_headline, headline_shape, short_cache, words

HL_REPEAT, HL_NEAR, HL_PARAPHRASE = "HL_REPEAT", "HL_NEAR", "HL_PARAPHRASE"
NEAR_CUTOFF = 88.0           # rapidfuzz ratio (0-100) on normalised headlines
PARAPHRASE_CUTOFF = 0.55     # paraphrase_score in the header zone


@dataclass(frozen=True)
class Headline:
    text: str
    norm: str
    stems: frozenset[str]
    question: bool

    @classmethod
    def of(cls, text: str) -> Headline:
        return _headline(text)


@short_cache(maxsize=1 << 15)
def _headline(text: str) -> Headline:
    t = collapse_spaces(text)
    return Headline(t, fold_headline(t), content_stems(t), t.endswith("?"))


def paraphrase_score(a: Headline, b: Headline) -> float:
    """Content overlap of two headlines in [0, 1]: stem overlap, Jaccard, same sentence type, similar length."""
    if not a.stems or not b.stems:
        return 0.0
    shared = len(a.stems & b.stems)
    if shared < 2:
        return 0.0
    overlap = shared / min(len(a.stems), len(b.stems))
    jaccard = shared / len(a.stems | b.stems)
    la, lb = len(words(a.text)), len(words(b.text))
    length = min(la, lb) / max(la, lb, 1)
    same_type = 1.0 if a.question == b.question else 0.0
    return min(1.0, 0.6 * overlap + 0.4 * jaccard + 0.15 * same_type * a.question + 0.15 * length)


def could_be_copy(title: Headline, line: str) -> bool:
    """Cheap length test: can ``line`` be an exact or near copy of the headline (possibly with a suffix)?"""
    return abs(len(line) - len(title.text)) <= max(40, len(title.text) // 2) + 2


def relation(title: Headline, line: str, *, in_body: bool = False) -> str | None:
    """How ``line`` relates to the headline: HL_REPEAT, HL_NEAR, HL_PARAPHRASE or None."""
    norm = fold_headline(line)
    if not norm or not title.norm:
        return None
    if norm == title.norm:
        return HL_REPEAT
    shorter, longer = sorted((norm, title.norm), key=len)
    if fuzz.ratio(norm, title.norm, score_cutoff=NEAR_CUTOFF):
        return HL_NEAR
    if in_body:
        return None    # inside the body only copies count: sub-headings legitimately share the topic's words
    # "Headline - Outlet" / "WATCH: Headline": the headline plus a short prefix or suffix.
    if len(shorter) >= 20 and shorter in longer and len(longer) - len(shorter) <= max(40, len(shorter) // 2):
        return HL_NEAR
    if headline_shape(line) < 0.7:      # a paraphrased headline does not end in a full stop
        return None
    return HL_PARAPHRASE if paraphrase_score(title, Headline.of(line)) >= PARAPHRASE_CUTOFF else None


_SLUG_SPLIT = re.compile(r"[-_+.]+")


def slug_stems(url: str) -> frozenset[str]:
    """Content stems of the last meaningful path segment of a URL ('.../new-york-attorney-general-...')."""
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    segs = [s for s in path.split("/")[3:] if s]
    best = max(segs, key=lambda s: s.count("-") + s.count("_"), default="")
    best = re.sub(r"\.(html?|php|aspx?)$", "", best)
    return content_stems(" ".join(_SLUG_SPLIT.split(best)))


def title_score(line: str, *, distance: int, repeats: int, slug: frozenset[str]) -> float:
    """Score a header-zone line as the headline: shape, repeats, URL slug overlap, closeness to the body."""
    shape = headline_shape(line)
    if shape <= 0:
        return 0.0
    score = shape + 0.4 * min(repeats - 1, 2) - 0.04 * min(distance, 15)
    if line.rstrip().endswith(":"):
        score -= 0.5          # a lead-in ("Here's why:"), not a headline
    if slug:
        stems = content_stems(line)
        if stems:
            score += 2.0 * len(stems & slug) / len(stems | slug)
    return score
