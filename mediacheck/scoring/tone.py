"""Tone with VADER (Hutto & Gilbert 2014, MIT): the compound score of each sentence, from the lexicon shipped in
``mediacheck/data/vader_lexicon.txt`` (see ``VADER_LICENSE.txt``), so nothing is downloaded.

The scoring is ``mediacheck.scoring.vader``: a re-implementation that gives exactly the numbers of NLTK's VADER
(``nltk.sentiment.vader``, Apache 2.0), several times faster and without importing NLTK (whose package root
imports scipy). ``tests/scoring/test_tone.py`` keeps NLTK as the oracle.
"""
from __future__ import annotations

from mediacheck.scoring.vader import compound as _vader_compound
from mediacheck.scoring.vader import lexicon, tokens

__all__ = ["compound", "lexicon", "tokens"]


def compound(text: str) -> float:
    """VADER compound score in [-1, 1] (0 for empty text)."""
    return _vader_compound(text) if text.strip() else 0.0
