"""Tone: mediacheck's VADER equals NLTK's VADER (the oracle, same shipped lexicon) bit for bit, on real news
sentences, hand-written edge cases and random text; it never imports NLTK; the article tone is the sentence mean."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediacheck.data import read_text
from mediacheck.scoring import score
from mediacheck.scoring.tone import compound, lexicon, tokens
from mediacheck.scoring.vader import BOOSTERS, IDIOMS, NEGATIONS, PUNC_LIST

BASIL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "labels" / "basil_articles.jsonl"
N_BASIL = 400               # real news sentences compared with NLTK (a spread over all articles)

POSITIVE = ("Rescuers pulled all twelve miners out alive, and their overjoyed families celebrated the wonderful "
            "news. The governor praised the brave crews for a remarkable success. Volunteers said they were "
            "proud and grateful.")
NEGATIVE = ("The attack killed dozens of people and left the town in grief and terror. Survivors described "
            "horrific scenes of destruction. Officials warned the crisis could get worse.")


@pytest.fixture(scope="module")
def nltk_vader():
    """NLTK's analyzer with the shipped lexicon (built as NLTK does, minus the download)."""
    vader = pytest.importorskip("nltk.sentiment.vader")
    sia = vader.SentimentIntensityAnalyzer.__new__(vader.SentimentIntensityAnalyzer)
    sia.lexicon_file = read_text("vader_lexicon.txt").strip()
    sia.lexicon = sia.make_lex_dict()
    sia.constants = vader.VaderConstants()
    return sia


def _nltk_compound(sia, text: str) -> float:
    return float(sia.polarity_scores(text)["compound"]) if text.strip() else 0.0


def _nltk_tokens(sia, text: str) -> list[str]:
    from nltk.sentiment.vader import SentiText

    c = sia.constants
    return SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons


# --- real behaviour ---------------------------------------------------------------------------------------

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


def test_emphasis_rules_move_the_score():
    base = compound("The plan is good.")
    assert compound("The plan is extremely good.") > base > compound("The plan is kind of good.")
    assert compound("The plan is good!!!") > base
    assert compound("The plan is GOOD, they said.") > compound("The plan is good, they said.")
    # "but": what follows weighs more than what precedes
    assert compound("The food was good, but the service was terrible.") < 0
    assert compound("The service was terrible, but the food was good.") > 0


def test_article_tone_sign():
    pos = score(POSITIVE, clean=False).summary["tone"]
    neg = score(NEGATIVE, clean=False).summary["tone"]
    assert 0 < pos <= 1
    assert -1 <= neg < 0


def test_article_tone_is_the_mean_of_sentence_compounds():
    r = score(POSITIVE + " " + NEGATIVE, clean=False)
    expected = sum(compound(s.text) for s in r.sentences) / len(r.sentences)
    assert r.summary["tone"] == pytest.approx(expected, abs=1e-4)


def test_lexicon_is_the_shipped_file():
    lex = lexicon()
    assert lex is lexicon()
    assert lex["good"] > 0 > lex["horrible"]
    assert len(lex) == len({line.split("\t")[0] for line in read_text("vader_lexicon.txt").strip().split("\n")})


def test_constants_match_nltk(nltk_vader):
    c = nltk_vader.constants
    assert BOOSTERS == c.BOOSTER_DICT
    assert NEGATIONS == c.NEGATE
    assert IDIOMS == c.SPECIAL_CASE_IDIOMS
    assert list(PUNC_LIST) == c.PUNC_LIST


# --- equal to NLTK ----------------------------------------------------------------------------------------

EDGE_CASES = [
    "", " ", "\n\t ", "!", "!!!", "?", "??", "...", "— – -", ":) :( <3", ":)", "ab", "a b c",
    # negation
    "The plan is not good.", "It isn't good.", "It is not very good at all.", "Nothing was good, nor bad.",
    "He never said it was good.", "It was never so good.", "Never this good!", "never so much good",
    "Never so good", "She was so good.", "This good plan", "without doubt a success", "despite the fine weather",
    "uh-uh, that is bad", "The agency couldnt help and wont try.",
    # "no" (a plain lexicon word in NLTK's VADER) and "least"
    "No, it is good.", "There is no good answer.", "no problem", "It is the least good option.",
    "At least it was good.", "the very least good", "least good", "Least Good",
    # but
    "The food was good, but the service was terrible.", "But it was good.", "good but bad but great",
    "It was good BUT bad.", "It was good, But bad.", "butter is good",
    # caps
    "The plan is GOOD.", "GOOD", "THE PLAN IS GOOD.", "The plan is VERY good.", "VERY GOOD plan, they said",
    "The plan is NOT good.", "It was Good, really GOOD!",
    # punctuation emphasis
    "The plan is good!", "The plan is good!!", "The plan is good!!!!!!", "Is the plan good??",
    "Is the plan good???", "Is the plan good?????", "Good?!?!", "Bad!?!? Really?", "good!! bad??",
    # boosters and dampeners
    "The plan is extremely good.", "The plan is kind of good.", "The plan is kind of a good idea.",
    "kind of", "It was sort of good.", "It was just enough good.", "It was kinda good.", "Kind of good",
    "It is barely good.", "It is hardly bad.", "an extremely very really good plan", "EXTREMELY good, they said",
    "The people were kind.", "It was the kind of day they hated.", "They were kind, kind people.",
    # idioms (case-sensitive in NLTK)
    "That party was the bomb.", "That party was The bomb.", "the shit is here", "he is a bad ass",
    "Yeah right, as if.", "it did not cut the mustard", "the kiss of death for him", "living hand to mouth",
    "a good bad ass movie", "the bomb was good",
    # emoticons and contractions
    "Great job :) see you ;-)", "Sad news :( indeed", "I'm happy it's over.", "They can't stand it.",
    # repeated tokens are scored where they first occur
    "not good, good good", "good. not good.", "He was not happy; happy days.", "Good good good good!",
    # quotes and punctuation around words
    '"Terrible," she said. \'Awful!\' (Really?) -- yes; no: maybe!?',
    "It's the worst-ever flood, isn't it?! GREAT job, FEMA.", "Wow!!! The rescue was great, truly great... :)",
    "U.S. officials said the deal was \"a disaster.\"", "(good) [bad] {great}", "#BAD #good @great",
    "“Curly quotes” are not stripped: “good”", "‘Terrible’ she said",
    # non-ASCII and odd whitespace
    "Überraschend gut, très bon, 很好", "good\u00a0bad\u2003great", "GOOD 😀 😡 bad",
]
LONG = [
    " ".join(["The long report said the good plan was not bad, but the terrible, horrible outcome was great!"] * 40),
    " ".join(f"word{i} good" if i % 7 else "not bad" for i in range(2000)),
    "very " * 500 + "good",
]


@pytest.mark.parametrize("text", EDGE_CASES + LONG)
def test_equals_nltk_on_edge_cases(nltk_vader, text):
    assert compound(text) == _nltk_compound(nltk_vader, text)
    assert tokens(text) == _nltk_tokens(nltk_vader, text)


def _basil_sentences() -> list[str]:
    sents = []
    with open(BASIL, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                for para in json.loads(line).get("body_paragraphs") or []:
                    sents += [s for s in para if isinstance(s, str)]
    step = max(1, len(sents) // N_BASIL)
    return sents[::step][:N_BASIL]


@pytest.mark.skipif(not BASIL.exists(), reason=f"{BASIL} not found")
def test_equals_nltk_on_real_news_sentences(nltk_vader):
    sents = _basil_sentences()
    assert len(sents) >= 300
    scored = [compound(s) for s in sents]
    assert sum(v != 0 for v in scored) > len(sents) // 2           # the sample does exercise the lexicon
    mismatches = [(s, v, o) for s, v in zip(sents, scored) if v != (o := _nltk_compound(nltk_vader, s))]
    assert mismatches == []


_WORDS = ["good", "bad", "great", "terrible", "kind", "of", "sort", "just", "enough", "the", "bomb", "shit", "bad",
          "ass", "yeah", "right", "cut", "mustard", "kiss", "death", "hand", "to", "mouth", "not", "never", "so",
          "this", "least", "at", "very", "but", "no", "isn't", "extremely", "barely", "a", "x", ":)", ":(", "<3",
          "!", "?", "!!", "?!", "-", "'", '"', "..."]
_WORD = st.tuples(st.sampled_from(_WORDS), st.sampled_from(["", "", ".", ",", "!", "?", "!!", "'", '"', ":", "--"]),
                  st.sampled_from(["", "", "", '"', "'", "-", "("]), st.sampled_from(["lower", "lower", "upper",
                                                                                     "title"])
                  ).map(lambda t: t[2] + getattr(t[0], t[3])() + t[1])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, max_size=30).map(" ".join))
def test_equals_nltk_on_vader_word_salad(nltk_vader, text):
    assert compound(text) == _nltk_compound(nltk_vader, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab Zé.,!?;:-'\"()😀 \n") + ["good", "bad", "!!", "?!", "':", "  "]),
                max_size=40).map("".join))
def test_tokens_equal_nltk_on_any_text(nltk_vader, text):
    assert tokens(text) == _nltk_tokens(nltk_vader, text)
    assert compound(text) == _nltk_compound(nltk_vader, text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_compound_in_range_and_equal_to_nltk(nltk_vader, text):
    assert -1.0 <= compound(text) <= 1.0
    assert compound(text) == _nltk_compound(nltk_vader, text)


# --- no NLTK ----------------------------------------------------------------------------------------------

def test_tone_does_not_import_nltk():
    code = ("import sys\n"
            "import mediacheck.scoring.tone as tone\n"
            "assert 'nltk' not in sys.modules and 'scipy' not in sys.modules, 'on import'\n"
            "assert tone.compound('The rescue was NOT a wonderful success!!') != 0\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('nltk', 'scipy'))\n"
            "assert not bad, bad\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0, proc.stderr
