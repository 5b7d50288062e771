"""Tone with VADER (Hutto & Gilbert 2014): NLTK's implementation reading the MIT-licensed lexicon shipped in
``mediacheck/data/vader_lexicon.txt`` (see ``VADER_LICENSE.txt``), so nothing is downloaded."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def analyzer():
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    sia = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    sia.lexicon_file = resources.files("mediacheck.data").joinpath("vader_lexicon.txt").read_text("utf-8").strip()
    sia.lexicon = sia.make_lex_dict()
    sia.constants = VaderConstants()
    return sia


def compound(text: str) -> float:
    """VADER compound score in [-1, 1] (0 for empty text)."""
    return float(analyzer().polarity_scores(text)["compound"]) if text.strip() else 0.0
