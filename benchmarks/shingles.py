"""The ScrapingHub article-extraction metric (scrapinghub/article-extraction-benchmark, evaluate.py).

Tokens are ``\\w+`` (unicode); each text becomes a bag (multiset) of 4-gram shingles. Per page, tp/fp/fn
are the multiset overlap counts normalised to sum 1. Precision is the mean over pages with tp+fp > 0,
recall the mean over pages with tp+fn > 0 (a page with fp = fn = 0 scores 1 on both), and F1 is the
harmonic mean of those two means -- not the mean of per-page F1.

This is our own implementation; ``tests/benchmarks/test_shingles.py`` checks it against the reference
``../shared/tools/score_shingles.py`` when that is present.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

__all__ = ["PageScore", "page_score", "score", "score_pages", "shingles", "tokens"]

_TOKEN = re.compile(r"\w+")
N = 4


def tokens(text: str | None) -> list[str]:
    """Word tokens of ``text`` (``\\w+``, unicode); ``None`` counts as empty."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = N) -> Counter[tuple[str, ...]]:
    """Bag of ``n``-gram shingles. A text shorter than ``n`` tokens (but not empty) is one short shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class PageScore:
    """One page: normalised tp/fp/fn (summing to 1, or all 0 when both texts are empty) and its P/R/F1.

    ``precision`` is ``None`` when the page does not count towards mean precision (tp + fp == 0 and the
    page is not a perfect match), likewise ``recall``.
    """

    tp: float
    fp: float
    fn: float
    precision: float | None
    recall: float | None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "f1": self.f1}


def page_score(gold: str | None, pred: str | None) -> PageScore:
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    else:
        tp = fp = fn = 0.0
    # The reference special-cases fp == fn == 0 as P = R = 1; with normalised counts that is tp == 1 and
    # the general formula gives the same. Two empty texts have tp+fp == tp+fn == 0: excluded from both means.
    prec = tp / (tp + fp) if tp + fp > 0 else None
    rec = tp / (tp + fn) if tp + fn > 0 else None
    return PageScore(tp, fp, fn, prec, rec)


def _summary(pages: Sequence[PageScore]) -> dict:
    ps = [s.precision for s in pages if s.precision is not None]
    rs = [s.recall for s in pages if s.recall is not None]
    prec = sum(ps) / len(ps) if ps else 0.0
    rec = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"n": len(pages), "precision": prec, "recall": rec, "f1": f1}


def score_pages(golds: Iterable[str | None], preds: Iterable[str | None]) -> tuple[dict, list[PageScore]]:
    """Summary (as :func:`score`) plus the per-page details, in input order."""
    golds, preds = list(golds), list(preds)
    if len(golds) != len(preds):
        raise ValueError(f"{len(golds)} gold texts but {len(preds)} predictions")
    pages = [page_score(g, p) for g, p in zip(golds, preds)]
    return _summary(pages), pages


def score(golds: Iterable[str | None], preds: Iterable[str | None]) -> dict:
    """``{"n", "precision", "recall", "f1"}`` over aligned gold and predicted texts."""
    return score_pages(golds, preds)[0]
