"""Outlet templates: lines that recur across many articles of one outlet in a batch (menus, footers, promos).

This is the cleaner's only cross-document state, held in an explicit ``TemplateLearner``; ``mark_template`` is the
cleaner's template stage (after the rules, before the headline).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from mediacheck.cleaning.rules import normalise_line

MIN_ARTICLES = 5       # an outlet needs this many articles in the batch before templates are learnt
MIN_SHARE = 0.3        # a line is template when it occurs in at least this share of the outlet's articles
MIN_COUNT = 3          # ... and in at least this many articles
PRUNE_ERROR = 0.01     # lossy counting: a line's count may be low by at most this share of the outlet's articles
MAX_TEMPLATE_CHARS = 10_000   # longer (normalised) lines are prose, never template: not counted, not kept


@dataclass
class TemplateLearner:
    """Counts, per outlet, in how many articles each normalised line occurs.

    Memory stays bounded on long streams by lossy counting (Manku & Motwani 2002): every ``1 / prune_error``
    articles of an outlet, lines whose count cannot reach ``prune_error`` of the articles are forgotten, so a count
    is low by at most ``prune_error`` x articles. Template lines (>= ``min_share`` of the articles) are kept.
    """

    min_articles: int = MIN_ARTICLES
    min_share: float = MIN_SHARE
    min_count: int = MIN_COUNT
    prune_error: float = PRUNE_ERROR
    _docs: Counter = field(default_factory=Counter)
    _lines: dict = field(default_factory=lambda: defaultdict(Counter))
    _first: dict = field(default_factory=lambda: defaultdict(dict))     # line -> bucket of its first count
    # lines counted in at least ``min_count`` articles: the only ones that can be template (most lines are prose
    # seen once), so ``template`` reads these instead of every counted line
    _frequent: dict = field(default_factory=lambda: defaultdict(set))

    def add(self, outlet: str, text: str) -> None:
        """Count the distinct lines of one article of ``outlet``."""
        if not outlet:
            return
        self._docs[outlet] += 1
        # each distinct raw line normalised once (blank and repeated lines are many)
        seen = {norm for norm in map(normalise_line, set(text.split("\n"))) if len(norm) <= MAX_TEMPLATE_CHARS}
        seen.discard("")
        counts, first = self._lines[outlet], self._first[outlet]
        width = max(1, round(1 / self.prune_error))
        bucket = (self._docs[outlet] - 1) // width
        for line in seen:
            if line not in counts:
                first[line] = bucket
        counts.update(seen)
        frequent = self._frequent[outlet]
        need = self.min_count
        frequent.update(line for line in seen if counts[line] >= need)
        if self._docs[outlet] % width == 0:
            for line in [x for x, k in counts.items() if k + first[x] <= bucket + 1]:
                del counts[line], first[line]
                frequent.discard(line)

    def template(self, outlet: str) -> frozenset[str]:
        """The template lines of ``outlet`` learnt so far (empty when it has too few articles)."""
        n = self._docs.get(outlet, 0)
        if not outlet or n < self.min_articles:
            return frozenset()
        need = max(self.min_count, self.min_share * n)
        counts = self._lines[outlet]
        return frozenset(line for line in self._frequent[outlet] if counts[line] >= need)

    def outlets(self) -> dict[str, int]:
        return dict(self._docs)


def mark_template(lines: Sequence[str], codes: list[str | None], template: Collection[str]) -> None:
    """Code the still unnamed lines whose normalised form is in the outlet's ``template`` as ``TPL_OUTLET``."""
    if template:
        for i in range(len(lines)):
            if codes[i] is None and normalise_line(lines[i]) in template:
                codes[i] = "TPL_OUTLET"
