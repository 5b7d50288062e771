"""The cleaner's headline stage: find the headline, every repeat, near-duplicate and paraphrase of it, and the dek.

A paraphrase shares few characters with the headline ("Is Trump capable of compelling Putin to negotiate a
truce?" / "Is it within Trump's power to compel Putin towards a peaceful resolution?"), so string similarity
is only one signal: the others are shared content-word stems, the line's shape (headline-like, same sentence
type) and where it sits (the header zone before the body, or after it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from mediacheck.cleaning.lines import LineSet
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


_URL_LIKE = re.compile(r"(?i)(?:https?://|www\.|%2f)|^\S*/\S*/\S*$|\S@\w+\.|^\d{1,2}:\d\d\b")
#: Lines of fewer words are site names, section labels and buttons more often than headlines ("The Plain Dealer",
#: "Got a news tip?"): their repeats in menus and footers do not make them the headline.
SHORT_TITLE_WORDS = 5


def title_score(line: str, *, distance: int, repeats: int, slug: frozenset[str]) -> float:
    """Score a header-zone line as the headline: shape, repeats, URL slug overlap, closeness to the body.
    A URL is never the headline, and only headline-length lines gain from their repeats."""
    shape = headline_shape(line)
    if shape <= 0 or _URL_LIKE.search(line):
        return 0.0
    if len(words(line)) >= SHORT_TITLE_WORDS:
        score = shape + 0.4 * min(repeats - 1, 2)
    else:
        score = shape - 0.2
    score -= 0.04 * min(distance, 15)
    if line.rstrip().endswith(":"):
        score -= 0.5          # a lead-in ("Here's why:"), not a headline
    if slug:
        stems = content_stems(line)
        if stems:
            score += 2.0 * len(stems & slug) / len(stems | slug)
    return score


_TITLE_LOOKBACK = 40   # header-zone lines considered as the headline, counting back from the body


def _pick_title(lines: LineSet, codes: list[str | None], start: int, url: str) -> int | None:
    """Index of the headline among the header-zone lines before ``start``, or None."""
    slug = slug_stems(url) if url else frozenset()
    first = max(0, start - _TITLE_LOOKBACK)
    norms: dict[int, str] = {}
    counts: dict[str, int] = {}
    for i, s in enumerate(lines.text):       # copies anywhere in the page count as repeats
        if codes[i] is None and len(s) <= 260 and headline_shape(s) > 0:
            k = norms[i] = fold_headline(s)
            counts[k] = counts.get(k, 0) + 1
    # Headline-length lines first: a short line (a site name, a section label) is the headline only when no
    # headline-length line scores as one.
    best, best_score = None, 0.5
    short, short_score = None, 0.5
    under_headline = False
    # Distance to the body counts only unnamed lines: bylines, dates and credits sit between title and body.
    free_after = np.cumsum([c is None for c in codes[first:start]][::-1])[::-1] if start > first else []
    for i in range(first, start):
        if i not in norms:
            under_headline = under_headline and codes[i] is not None
            continue
        s = lines.text[i]
        score = title_score(s, distance=int(free_after[i - first]), repeats=counts[norms[i]], slug=slug)
        if under_headline:
            score -= 0.3          # right under another headline-like line: probably the dek
        under_headline = headline_shape(s) >= 0.5 and len(s.split()) >= 5
        if len(words(s)) < SHORT_TITLE_WORDS:
            if score > short_score:
                short, short_score = i, score
        elif score > best_score:
            best, best_score = i, score
    if best is None:
        best = short
    if slug:
        # A headline-like line in the first part of the page that matches the URL slug much better wins.
        def slug_match(i: int) -> float:
            stems = content_stems(lines.text[i])
            return len(stems & slug) / len(stems | slug) if stems else 0.0

        limit = max(start, int(0.7 * len(lines.text)))
        cands = [(slug_match(i), i) for i in norms if i < limit]
        top, i_top = max(cands, default=(0.0, None))
        if top >= 0.5 and (best is None or slug_match(best) < top - 0.2):
            best = i_top
    return best


def _mark_headline(lines: LineSet, codes: list[str | None], head: Headline, title_idx: int | None,
                   start: int, end: int) -> list[str]:
    """Code every copy / paraphrase of ``head`` (HL_TITLE for the first copy in the header); return variants."""
    variants: list[str] = []
    seen_variants = {head.norm}
    # Lines that may relate to the headline, found for the whole page at once: anywhere, a line whose length lets
    # it be an exact or near copy (possibly with a suffix); near the headline (header zone) and after the body, a
    # headline-like line of any length (a paraphrase).
    n = len(lines.text)
    length = np.fromiter(map(len, lines.text), dtype=np.int64, count=n)
    pos = np.arange(n)
    near = ((pos >= start - _TITLE_LOOKBACK) & (pos < start)) | ((pos > end) & (pos <= end + _TITLE_LOOKBACK))
    copy_length = np.abs(length - len(head.text)) <= max(40, len(head.text) // 2) + 2
    for i in np.flatnonzero((length <= 400) & (copy_length | near)).tolist():
        if codes[i] is not None or i == title_idx:
            continue
        s = lines.text[i]
        in_body = start <= i <= end
        if not copy_length[i] and headline_shape(s) < 0.5:
            continue
        rel = relation(head, s, in_body=in_body)
        if rel is None:
            continue
        codes[i] = rel
        norm = fold_headline(s)
        if rel != HL_REPEAT and norm not in seen_variants:
            seen_variants.add(norm)
            variants.append(s)
    if title_idx is not None:
        codes[title_idx] = HL_REPEAT
    # The first copy of the headline in the header zone is "the" title line; later copies are repeats.
    first = next((i for i in range(min(start + 1, len(codes))) if codes[i] == HL_REPEAT), title_idx)
    if first is not None:
        codes[first] = "HL_TITLE"
    return variants


def _mark_dek(lines: LineSet, codes: list[str | None], start: int) -> str:
    """Code the dek (HL_SUBTITLE): the first free line right after the title line, before the body."""
    anchor = next((i for i, c in enumerate(codes) if c == "HL_TITLE"), None)
    if anchor is None:
        return ""
    for j in range(anchor + 1, min(start, len(codes))):
        c = codes[j]
        if c is not None and (c.startswith("HL_") or c == "BP_PHOTO_CREDIT"):
            continue      # a byline or dateline ends the header: what follows it is the body
        text = lines.text[j]
        if c is None and 5 <= text.count(" ") <= 59 and not text.endswith(":"):   # 6-60 words (spaces collapsed)
            codes[j] = "HL_SUBTITLE"
            return text
        return ""
    return ""


def mark_headlines(lines: LineSet, codes: list[str | None], *, title: str, url: str, start: int, end: int
                   ) -> tuple[str, str, list[str]]:
    """Code the headline lines (``HL_*``) and the dek in ``codes``, given the body span [start, end];
    return (headline, dek, headline variants). ``title`` is a known headline, else the best header-zone line."""
    title_idx = None
    if title.strip():
        head = Headline.of(title)
    else:
        title_idx = _pick_title(lines, codes, start, url)
        head = Headline.of(lines.text[title_idx]) if title_idx is not None else None
    variants = _mark_headline(lines, codes, head, title_idx, start, end) if head is not None and head.norm else []
    subtitle = _mark_dek(lines, codes, start)
    return (head.text if head is not None else ""), subtitle, variants
