"""The loaded-language model: fitting on a tiny synthetic set, ranking, the exact per-token explanation, JSON
round trip, the shipped model's header, and input validation."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediacheck.scoring.loaded import LoadedModel, default_loaded_model, fit_loaded_model

LOADED = [
    "The senator slammed the disgraceful radical proposal.",
    "Radical activists staged a disgraceful stunt outside parliament.",
    "Critics slammed the mayor for her disgraceful handling of the crisis.",
    "The radical plan is a disgraceful attack on working families.",
    "He slammed the radical judges as disgraceful partisans.",
    "The disgraceful cover-up was slammed by radical groups.",
    "Opponents slammed the radical tax grab as disgraceful.",
    "A disgraceful, radical agenda was slammed by voters.",
    "The governor slammed the radical and disgraceful ruling.",
    "Radical protesters slammed the disgraceful verdict.",
]
NEUTRAL = [
    "The city council approved the budget on Tuesday.",
    "The company reported quarterly earnings in line with forecasts.",
    "The meeting was held at the town hall on Monday.",
    "The new bridge will open to traffic next month.",
    "The committee published its annual report on Friday.",
    "The school district hired twelve new teachers this year.",
    "The museum extended its opening hours for the summer.",
    "The train service resumed after routine maintenance.",
    "The library will host a book fair in the spring.",
    "The ministry released updated population figures.",
]
NEW_LOADED = "Lawmakers slammed the disgraceful and radical bill."
NEW_NEUTRAL = "The council will meet again on Thursday."


@pytest.fixture(scope="module")
def toy() -> LoadedModel:
    return fit_loaded_model(LOADED + NEUTRAL, [1] * len(LOADED) + [0] * len(NEUTRAL), data_name="toy sentences",
                            licence="CC0-1.0")


def test_fit_ranks_a_new_loaded_sentence_above_a_neutral_one(toy):
    p_loaded, p_neutral = toy.predict_proba([NEW_LOADED, NEW_NEUTRAL])
    assert p_loaded > 0.5 > p_neutral
    assert p_loaded > p_neutral


def test_fit_header_names_data_licence_and_date(toy):
    h = toy.header
    assert h["data"] == "toy sentences" and h["licence"] == "CC0-1.0"
    assert h["sentences"] == 20 and h["positives"] == 10
    assert len(h["fitted"]) == 10 and h["fitted"][4] == "-"


def test_probabilities_match_logits(toy):
    sents = [NEW_LOADED, NEW_NEUTRAL, "", "   "]
    logits = toy.logits(sents)
    assert np.allclose(toy.predict_proba(sents), 1 / (1 + np.exp(-logits)))
    assert logits[2] == logits[3] == pytest.approx(toy.intercept)


@pytest.mark.parametrize("sentence", [
    "slammed disgraceful radical",
    "Radical critics slammed the disgraceful verdict on Tuesday.",
    "The council will meet again on Thursday.",
])
def test_token_contributions_plus_intercept_sum_to_the_logit(toy, sentence):
    toks = sentence.split()
    contributions = [toy.token_score(t.lower()) / math.sqrt(len(toks)) for t in toks]
    assert np.isclose(sum(contributions) + toy.intercept, toy.logits([sentence])[0])
    # explain() lists exactly the positive ones, largest first, with spans into the sentence
    parts = toy.explain(sentence)
    assert np.allclose(sorted(c for *_, c in parts), sorted(c for c in contributions if c > 0))
    assert [c for *_, c in parts] == sorted((c for *_, c in parts), reverse=True)
    for start, end, tok, _ in parts:
        assert sentence[start:end] == tok


def test_explain_of_an_all_loaded_sentence_sums_to_the_logit(toy):
    sentence = "slammed disgraceful radical"
    parts = toy.explain(sentence)
    assert len(parts) == 3                      # every token pushes towards 'loaded'
    assert np.isclose(sum(c for *_, c in parts) + toy.intercept, toy.logits([sentence])[0])
    assert {tok for _, _, tok, _ in parts} == {"slammed", "disgraceful", "radical"}


def test_explain_empty_sentence(toy):
    assert toy.explain("") == [] and toy.explain("  \n") == []


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_logit_decomposition_holds_for_any_text(text):
    m = default_loaded_model()
    toks = text.lower().split()
    expected = m.intercept + (sum(m.token_score(t) for t in toks) / math.sqrt(len(toks)) if toks else 0.0)
    assert np.isclose(m.logits([text])[0], expected)
    assert sum(c for *_, c in m.explain(text)) + m.intercept >= m.logits([text])[0] - 1e-9
    p = m.predict_proba([text])[0]
    assert 0.0 <= p <= 1.0


def test_json_round_trip(toy):
    sents = [NEW_LOADED, NEW_NEUTRAL, "Radical groups slammed the plan."]
    text = toy.to_json()
    back = LoadedModel.from_json(text)
    # weights are stored rounded (5 decimals): probabilities agree closely, and a second round trip is exact
    assert np.allclose(back.predict_proba(sents), toy.predict_proba(sents), atol=1e-4)
    again = LoadedModel.from_json(back.to_json())
    assert np.array_equal(again.predict_proba(sents), back.predict_proba(sents))
    assert back.to_json() == again.to_json()
    assert back.header == toy.header and back.threshold == toy.threshold
    assert back.vocabulary == toy.vocabulary


def test_json_is_plain_data_not_pickle(toy):
    d = json.loads(toy.to_json())
    assert set(d) >= {"header", "threshold", "intercept", "vocabulary", "idf", "coef"}
    assert len(d["vocabulary"]) == len(d["idf"]) == len(d["coef"])


def test_shipped_model_header_and_probabilities():
    m = default_loaded_model()
    h = m.header
    assert "BABE" in h["data"]
    assert h["licence"]
    assert len(h["fitted"]) == 10 and h["fitted"][:2] == "20"
    p = m.predict_proba([
        "The city council approved the budget on Tuesday.",
        "The radical left's disgraceful assault on our freedoms must be stopped.",
        "",
        "😀" * 50,
    ])
    assert ((p >= 0) & (p <= 1)).all()
    assert p[1] > p[0]


def test_shipped_model_round_trips():
    m = default_loaded_model()
    back = LoadedModel.from_json(m.to_json())
    s = ["Officials slammed the shameful and reckless decision.", "The library opens at nine."]
    assert np.array_equal(back.predict_proba(s), m.predict_proba(s))


@pytest.mark.parametrize("labels", [[1] * 20, [0] * 20])
def test_one_class_labels_raise(labels):
    with pytest.raises(ValueError, match="both labels"):
        fit_loaded_model(LOADED + NEUTRAL, labels)


def test_length_mismatch_raises():
    with pytest.raises(ValueError, match="20 texts but 19 labels"):
        fit_loaded_model(LOADED + NEUTRAL, [1] * 10 + [0] * 9)
