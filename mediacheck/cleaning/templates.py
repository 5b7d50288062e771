"""Outlet templates: lines that recur across many articles of one outlet in a batch (menus, footers, promos).

This is the cleaner's only cross-document state, held in an explicit ``TemplateLearner``.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from mediacheck.cleaning.rules import normalise_line

MIN_ARTICLES = 5       # an outlet needs this many articles in the batch before templates are learnt
MIN_SHARE = 0.3        # a line is template when it occurs in at least this share of the outlet's articles
MIN_COUNT = 3          # ... and in at least this many articles


@dataclass
class TemplateLearner:
    """Counts, per outlet, in how many articles each normalised line occurs."""

    min_articles: int = MIN_ARTICLES
    min_share: float = MIN_SHARE
    min_count: int = MIN_COUNT
    _docs: Counter = field(default_factory=Counter)
    _lines: dict = field(default_factory=lambda: defaultdict(Counter))

    def add(self, outlet: str, text: str) -> None:
        """Count the distinct lines of one article of ``outlet``."""
        if not outlet:
            return
        self._docs[outlet] += 1
        seen = {normalise_line(s) for s in text.split("\n")}
        seen.discard("")
        self._lines[outlet].update(seen)

    def template(self, outlet: str) -> frozenset[str]:
        """The template lines of ``outlet`` learnt so far (empty when it has too few articles)."""
        n = self._docs.get(outlet, 0)
        if not outlet or n < self.min_articles:
            return frozenset()
        need = max(self.min_count, self.min_share * n)
        return frozenset(line for line, k in self._lines[outlet].items() if k >= need)

    def outlets(self) -> dict[str, int]:
        return dict(self._docs)
