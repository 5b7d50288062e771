"""Tone: VADER compound from the shipped lexicon, the fast SentiText equal to NLTK's, and the article tone."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediacheck.scoring import score
from mediacheck.scoring.tone import analyzer, compound, sentitext_classes

NLTK_SENTITEXT, _FastSentiText = sentitext_classes()

POSITIVE = ("Rescuers pulled all twelve miners out alive, and their overjoyed families celebrated the wonderful "
            "news. The governor praised the brave crews for a remarkable success. Volunteers said they were "
            "proud and grateful.")
NEGATIVE = ("The attack killed dozens of people and left the town in grief and terror. Survivors described "
            "horrific scenes of destruction. Officials warned the crisis could get worse.")


@pytest.mark.parametrize("sentence", [
    "The rescue was a wonderful success.",
    "Families celebrated the good news with joy.",
])
def test_positive_sentences(sentence):
    assert 0 < compound(sentence) <= 1


@pytest.mark.parametrize("sentence", [
    "The attack killed dozens and left the town in grief.",
    "Survivors described horrific scenes of destruction.",
])
def test_negative_sentences(sentence):
    assert -1 <= compound(sentence) < 0


def test_neutral_and_empty():
    assert compound("") == 0.0
    assert compound("   \n") == 0.0
    assert compound("The committee meets on Tuesday at the town hall.") == 0.0


def test_negation_flips_tone():
    assert compound("The plan is good.") > 0 > compound("The plan is not good.")


def test_article_tone_sign():
    pos = score(POSITIVE, clean=False).summary["tone"]
    neg = score(NEGATIVE, clean=False).summary["tone"]
    assert 0 < pos <= 1
    assert -1 <= neg < 0


def test_article_tone_is_the_mean_of_sentence_compounds():
    r = score(POSITIVE + " " + NEGATIVE, clean=False)
    expected = sum(compound(s.text) for s in r.sentences) / len(r.sentences)
    assert r.summary["tone"] == pytest.approx(expected, abs=1e-4)


def test_analyzer_uses_the_shipped_lexicon():
    sia = analyzer()
    assert sia is analyzer()
    assert sia.lexicon["good"] > 0 > sia.lexicon["horrible"]


def _tokens(cls, text: str) -> list[str]:
    c = analyzer().constants
    return cls(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons


@pytest.mark.parametrize("text", [
    "Wow!!! The rescue was great, truly great... :) ;-) <3",
    "\"Terrible,\" she said. 'Awful!' (Really?) -- yes; no: maybe!?",
    "It's the worst-ever flood, isn't it?! GREAT job, FEMA.",
])
def test_fast_sentitext_equals_nltk(text):
    assert _tokens(_FastSentiText, text) == _tokens(NLTK_SENTITEXT, text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(list("ab Zé.,!?;:-'\"()😀 \n") + ["good", "bad", "!!", "?!", "':", "  "]),
                max_size=40).map("".join))
def test_fast_sentitext_equals_nltk_on_any_text(text):
    assert _tokens(_FastSentiText, text) == _tokens(NLTK_SENTITEXT, text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_compound_in_range(text):
    assert -1.0 <= compound(text) <= 1.0
