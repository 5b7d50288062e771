"""The loaded-language model: fitting on a tiny synthetic set, ranking, the exact per-token explanation, JSON
round trip, the shipped model's header, input validation, and the prior correction (shift formula, explain
identity, old files unshifted, order kept, the shipped model on real-sounding news sentences)."""
from __future__ import annotations

import dataclasses
import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediacheck.scoring.loaded import LoadedModel, default_loaded_model
from mediacheck.scoring.training import fit_loaded_model

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


# --- prior correction (issue 10, item 5) -------------------------------------------------------------------------

SHIPPED_NEUTRAL = [
    "The Senate voted 52 to 48 on Thursday to confirm the nominee, according to the official tally.",
    "The Federal Reserve left interest rates unchanged at its meeting on Wednesday.",
]
SHIPPED_LOADED = [
    "The senator's outrageous, racist tirade stunned even his closest allies.",
    "Trump's racist and xenophobic rhetoric has emboldened white nationalists.",
]


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


@pytest.mark.parametrize(("train", "target"), [(0.5, 0.056), (0.5, 0.9), (0.3, 0.1)])
def test_prior_shift_moves_logits_and_probabilities_as_the_formula_says(toy, train, target):
    shifted = dataclasses.replace(toy, training_prior=train, target_prior=target)
    sents = [NEW_LOADED, NEW_NEUTRAL, "Radical groups slammed the plan.", ""]
    shift = _logit(target) - _logit(train)
    assert shifted.prior_shift == pytest.approx(shift)
    assert shifted.intercept == pytest.approx(toy.fitted_intercept + shift)
    assert np.allclose(shifted.logits(sents), toy.logits(sents) + shift)
    p0, p1 = toy.predict_proba(sents), shifted.predict_proba(sents)
    # the odds are multiplied by (t / (1-t)) / (p / (1-p))
    assert np.allclose(p1 / (1 - p1), p0 / (1 - p0) * (target / (1 - target)) / (train / (1 - train)))


@pytest.mark.parametrize("sentence", ["Radical critics slammed the disgraceful verdict on Tuesday.", NEW_NEUTRAL,
                                      SHIPPED_LOADED[0]])
def test_explain_identity_holds_with_the_shift(sentence):
    m = default_loaded_model()
    assert m.prior_shift < 0 and m.intercept == pytest.approx(m.fitted_intercept + m.prior_shift)
    toks = sentence.split()
    contributions = [m.token_score(t.lower()) / math.sqrt(len(toks)) for t in toks]
    assert sum(contributions) + m.intercept == pytest.approx(m.logits([sentence])[0], abs=1e-12)
    assert np.allclose(sorted(c for *_, c in m.explain(sentence)), sorted(c for c in contributions if c > 0))


def test_old_json_without_priors_loads_unshifted():
    d = json.loads(default_loaded_model().to_json())
    fitted = d["intercept"]
    for key in ("training_prior", "target_prior"):
        del d[key]
    old = LoadedModel.from_json(json.dumps(d))
    assert old.training_prior is None and old.target_prior is None
    assert old.prior_shift == 0.0 and old.intercept == fitted == old.fitted_intercept
    assert old.logits([""])[0] == fitted
    # null fields are the same as missing ones
    d["training_prior"] = d["target_prior"] = None
    assert LoadedModel.from_json(json.dumps(d)).intercept == fitted


def test_shift_keeps_the_order_of_sentences():
    m = default_loaded_model()
    before = dataclasses.replace(m, target_prior=None)
    sents = [*SHIPPED_NEUTRAL, *SHIPPED_LOADED, *LOADED, *NEUTRAL, NEW_LOADED, NEW_NEUTRAL]
    p0, p1 = before.predict_proba(sents), m.predict_proba(sents)
    assert not np.allclose(p0, p1)
    assert np.array_equal(np.argsort(p0, kind="stable"), np.argsort(p1, kind="stable"))
    assert np.allclose(m.logits(sents) - before.logits(sents), m.prior_shift)


def test_priors_round_trip_and_are_validated(toy):
    shifted = dataclasses.replace(toy, training_prior=0.5, target_prior=0.2)
    back = LoadedModel.from_json(shifted.to_json())
    assert (back.training_prior, back.target_prior) == (0.5, 0.2)
    assert back.fitted_intercept == pytest.approx(toy.fitted_intercept, abs=1e-6)
    assert json.loads(shifted.to_json())["intercept"] == round(toy.fitted_intercept, 6)   # the fitted one
    with pytest.raises(ValueError, match="needs training_prior"):
        dataclasses.replace(toy, training_prior=None, target_prior=0.2)
    for bad in (0.0, 1.0, 1.5, -0.1):
        with pytest.raises(ValueError, match="strictly between 0 and 1"):
            dataclasses.replace(toy, training_prior=0.5, target_prior=bad)


def test_fit_records_training_prior_and_optional_target(toy):
    assert (toy.training_prior, toy.target_prior, toy.prior_shift) == (0.5, None, 0.0)
    assert "prior_correction" not in toy.header
    m = fit_loaded_model(LOADED + NEUTRAL, [1] * 10 + [0] * 10, target_prior=0.1, target_prior_source="a survey")
    assert (m.training_prior, m.target_prior) == (0.5, 0.1)
    assert m.fitted_intercept == pytest.approx(toy.fitted_intercept)
    assert m.intercept == pytest.approx(toy.fitted_intercept + _logit(0.1))
    assert m.header["prior_correction"]["target_prior"] == "0.1: a survey"


def test_train_scorer_target_prior_option(tmp_path, capsys):
    from mediacheck.cli import main

    data = tmp_path / "toy.jsonl"
    data.write_text("\n".join(json.dumps({"text": t, "label": int(i < 10)}) for i, t in enumerate(LOADED + NEUTRAL)),
                    encoding="utf-8")
    out = tmp_path / "m.json"
    assert main(["train-scorer", str(data), "-o", str(out), "--target-prior", "0.05"]) == 0
    m = LoadedModel.from_json(out.read_text(encoding="utf-8"))
    assert (m.training_prior, m.target_prior) == (0.5, 0.05)
    assert main(["train-scorer", str(data), "-o", str(out)]) == 0
    assert LoadedModel.from_json(out.read_text(encoding="utf-8")).target_prior is None
    capsys.readouterr()
    assert main(["train-scorer", str(data), "-o", str(out), "--target-prior", "1"]) == 2
    assert "strictly between 0 and 1" in capsys.readouterr().err


def test_shipped_model_is_on_the_scale_of_news():
    m = default_loaded_model()
    assert (m.training_prior, m.target_prior) == (0.5, 0.056)
    assert "Fan et al. 2019" in m.header["prior_correction"]["target_prior"]
    choice = m.header["threshold_choice"]
    assert choice["rate"] == m.target_prior and 0 < m.threshold < 0.5
    assert abs(choice["dev"]["flagged"] - choice["rate"]) < 0.005


def test_shipped_model_on_real_news_sentences():
    m = default_loaded_model()
    p_neutral, p_loaded = m.predict_proba(SHIPPED_NEUTRAL), m.predict_proba(SHIPPED_LOADED)
    assert (p_neutral < m.threshold).all()
    assert (p_loaded >= m.threshold).all()


# --- scoring new tokens at once ------------------------------------------------------------------------------------

def _reference_token_score(m: LoadedModel, token: str) -> float:
    """The formula as first written: sklearn's analyzer, a dict of counts, numpy per token."""
    counts: dict[int, int] = {}
    for g in m._analyzer(token):
        j = m.vocabulary.get(g)
        if j is not None:
            counts[j] = counts.get(j, 0) + 1
    if not counts:
        return 0.0
    idx = np.fromiter(counts, dtype=np.int64)
    val = (1.0 + np.log(np.fromiter(counts.values(), dtype=float))) * m.idf[idx]
    return float(val @ m.coef[idx] / np.sqrt(val @ val))


TOKENS = ["the", "disgraceful", "slammed", "banana", "aaaaaa", "a", "I", "İstanbul", "x", "", "“radical”",
          "co-operate", "U.S.", "1,000", "’s", "ÉLAN", "straße", "mississippi", "a b", "\u00e9t\u00e9"]


@pytest.mark.parametrize("token", TOKENS)
def test_ngrams_are_sklearns(token):
    from mediacheck.scoring.loaded import _ngrams

    m = default_loaded_model()
    assert _ngrams(token, m._analyzer) == m._analyzer(token)


def test_new_tokens_scored_at_once_give_the_same_bits():
    m = default_loaded_model()
    words = TOKENS + [w.lower() for s in LOADED + NEUTRAL for w in s.split()]
    got = m._scores(words)
    assert [float.hex(x) for x in got] == [float.hex(_reference_token_score(m, w)) for w in words]


def test_logits_cold_warm_batched_and_with_a_full_cache_agree(monkeypatch):
    from mediacheck.scoring import loaded as mod

    fresh = lambda: LoadedModel.from_dict(json.loads(default_loaded_model().to_json()))  # noqa: E731
    sents = LOADED + NEUTRAL + [NEW_LOADED, "", "  ", "Radical radical RADICAL radical."]
    cold = fresh()
    a = cold.logits(sents)
    assert a.tobytes() == cold.logits(sents).tobytes()                    # warm: all looked up
    monkeypatch.setattr(mod, "CACHE_TOKENS", 7)
    monkeypatch.setattr(mod, "BATCH_SENTENCES", 3)                           # and a few sentences at a time
    full = fresh()
    b = full.logits(sents)
    assert len(full._cache) == 7 and a.tobytes() == b.tobytes() == full.logits(sents).tobytes()
    expected = [full.intercept + (sum(_reference_token_score(full, t) for t in s.lower().split())
                                  / math.sqrt(len(s.split())) if s.split() else 0.0) for s in sents]
    assert a.tolist() == expected
