"""Tone with VADER (Hutto & Gilbert 2014): NLTK's implementation reading the MIT-licensed lexicon shipped in
``mediacheck/data/vader_lexicon.txt`` (see ``VADER_LICENSE.txt``), so nothing is downloaded.

NLTK's ``SentiText`` builds a dictionary of every (punctuation, word) pair for each sentence, which dominates
the scorer's time; ``_words_and_emoticons`` gives the same tokens with direct lookups (tested equal to NLTK's).
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def sentitext_classes() -> tuple[type, type]:
    """(NLTK's SentiText, its drop-in faster subclass); built on first use: importing nltk takes about a second."""
    from nltk.sentiment import vader

    original = vader.SentiText

    class _FastSentiText(original):
        def _words_and_emoticons(self):
            return _words_and_emoticons(self)

    return original, _FastSentiText


def _words_and_emoticons(self) -> list[str]:
    """NLTK's tokens for VADER: words with leading/trailing punctuation stripped when the bare word occurs."""
    words_only = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
    out = []
    for we in self.text.split():
        if len(we) <= 1:
            continue
        if we[0].isalnum() and we[-1].isalnum():
            out.append(we)
            continue
        found = None
        for p in self.PUNC_LIST:                 # NLTK lets "word+punct" win over "punct+word"
            if we.endswith(p) and we[:-len(p)] in words_only:
                found = we[:-len(p)]
                break
        if found is None:
            for p in self.PUNC_LIST:
                if we.startswith(p) and we[len(p):] in words_only:
                    found = we[len(p):]
                    break
        out.append(found if found is not None else we)
    return out


@lru_cache(maxsize=1)
def analyzer():
    from nltk.sentiment import vader

    from mediacheck.data import read_text

    vader.SentiText = sentitext_classes()[1]   # a drop-in equivalent: same tokens, no per-sentence product
    sia = vader.SentimentIntensityAnalyzer.__new__(vader.SentimentIntensityAnalyzer)
    sia.lexicon_file = read_text("vader_lexicon.txt").strip()
    sia.lexicon = sia.make_lex_dict()
    sia.constants = vader.VaderConstants()
    return sia


def compound(text: str) -> float:
    """VADER compound score in [-1, 1] (0 for empty text)."""
    return float(analyzer().polarity_scores(text)["compound"]) if text.strip() else 0.0
