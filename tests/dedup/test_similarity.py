"""Headline similarity: properties, hand-written headline pairs, the shipped weights file, and (when ../shared is
present) the Pearson correlation with the human scores of the STS benchmark dev split."""
from __future__ import annotations

import itertools
import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from mediacheck.dedup.similarity import (
    DEFAULT_FILE,
    FEATURES,
    HeadlineSimilarity,
    headline_features,
    headline_similarity,
    pair_similarities,
    similarity_matrix,
    strip_outlet,
)

HEADLINES = [
    "Dow falls 2% as tech stocks slide",
    "Earthquake kills 12 in central Italy",
    "Apple buys Beats for $3bn",
    "Senate passes $1.2tn infrastructure bill after months of talks",
    "Pope Francis visits refugee camp on Lesbos",
    "UK inflation rises to 3.2% in August",
    "Obama wins second term as president",
    "N. Korea fires two ballistic missiles into the sea, Seoul says",
    "WATCH: Firefighters battle huge blaze in downtown Chicago",
    "Why the Fed's next move matters for your mortgage",
    "U.S. jobless claims fall to lowest level since 1969",
    "Man arrested after woman stabbed in Leeds city centre",
]

# (anchor, same story in other words, same topic but another event), written for this test.
TRIPLETS = [
    ("Earthquake kills 12 in central Italy",
     "Quake leaves 12 dead in central Italy",
     "Earthquake hits central Italy, no casualties reported"),
    ("Apple buys Beats for $3bn",
     "Apple to acquire Beats Electronics in $3 billion deal",
     "Apple unveils new iPhone with bigger screen"),
    ("UK inflation rises to 3.2% in August",
     "British inflation climbs to 3.2% in August",
     "UK inflation falls to 2.1% in March"),
    ("Obama wins second term as president",
     "Obama re-elected president, wins second term",
     "Obama signs health care bill into law"),
    ("North Korea fires two ballistic missiles into the sea",
     "N. Korea launches two ballistic missiles into sea",
     "North Korea holds military parade in Pyongyang"),
    ("Police arrest suspect in Boston Marathon bombing",
     "Boston Marathon bombing suspect arrested by police",
     "Boston Marathon held under tight security a year after bombing"),
    ("Shares in Tesla jump 10% after record deliveries",
     "Tesla shares surge 10% on record deliveries",
     "Tesla shares slump 10% as deliveries disappoint"),
]

STS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "labels" / "sts_headlines.jsonl"


def test_identical_headlines_score_one() -> None:
    for h in HEADLINES:
        assert headline_similarity(h, h) == pytest.approx(1.0)
        assert headline_similarity(h, h.upper() + " ") == pytest.approx(1.0)


def test_unrelated_headlines_score_low() -> None:
    for a, b in itertools.combinations(HEADLINES, 2):
        assert headline_similarity(a, b) < 0.3, (a, b)
    assert headline_similarity("Dow falls 2% as tech stocks slide", "Pope Francis visits refugee camp on Lesbos") < 0.1


@pytest.mark.parametrize("suffix", [" - Reuters", " | BBC News", " - The New York Times", " :: Al Jazeera"])
def test_outlet_suffix_is_ignored(suffix: str) -> None:
    title = "Senate passes $1.2tn infrastructure bill after months of talks"
    assert headline_similarity(title + suffix, title) > 0.95
    assert headline_similarity("WATCH: " + title, title + suffix) > 0.95
    assert strip_outlet(title + suffix) == title


def test_number_mismatch_lowers_similarity() -> None:
    a = "Dow falls 2% as tech stocks slide"
    same = headline_similarity(a, "Dow drops 2% as tech shares slide")
    other = headline_similarity(a, "Dow drops 3% as tech shares slide")
    assert other < same
    assert headline_similarity("Dow falls 2%", "Dow falls 3%") < 0.8
    assert headline_similarity("Blast kills 12 in Kabul", "Blast kills 40 in Kabul") < headline_similarity(
        "Blast kills 12 in Kabul", "Blast leaves 12 dead in Kabul")


def test_paraphrase_scores_higher_than_same_topic_other_event() -> None:
    for anchor, paraphrase, other in TRIPLETS:
        p, o = headline_similarity(anchor, paraphrase), headline_similarity(anchor, other)
        assert p > o, (anchor, paraphrase, p, other, o)
    para = pair_similarities([(t[0], t[1]) for t in TRIPLETS])
    other = pair_similarities([(t[0], t[2]) for t in TRIPLETS])
    assert para.mean() > 0.65
    assert para.mean() - other.mean() > 0.2


def test_symmetric_and_in_range() -> None:
    texts = HEADLINES + [t for trip in TRIPLETS for t in trip]
    pairs = list(itertools.combinations(texts, 2))
    for a, b in pairs[:200]:
        s = headline_similarity(a, b)
        assert s == headline_similarity(b, a)
        assert 0.0 <= s <= 1.0
    fwd = pair_similarities(pairs)
    back = pair_similarities([(b, a) for a, b in pairs])
    np.testing.assert_array_equal(fwd, back)
    assert fwd.min() >= 0.0 and fwd.max() <= 1.0
    m = similarity_matrix(texts)
    np.testing.assert_array_equal(m, m.T)
    assert m.min() >= 0.0 and m.max() <= 1.0


def test_vectorised_paths_agree_with_single_pairs() -> None:
    texts = HEADLINES + [t for trip in TRIPLETS for t in trip] + ["", "..."]
    pairs = list(itertools.product(texts[:10], texts[10:]))
    single = np.array([headline_similarity(a, b) for a, b in pairs])
    np.testing.assert_allclose(pair_similarities(pairs), single, atol=1e-9)
    m = similarity_matrix(texts[:10], texts[10:])
    np.testing.assert_allclose(m.ravel(), single, atol=1e-9)
    sq = similarity_matrix(texts)
    np.testing.assert_allclose(np.diag(sq)[:-2], 1.0)
    assert pair_similarities([]).shape == (0,)
    assert similarity_matrix([]).shape == (0, 0)


@pytest.mark.parametrize("a,b", [("", ""), ("", "Dow falls 2%"), ("Dow falls 2%", "   "), ("...", "!!"),
                                 ("—", "Dow falls 2%")])
def test_empty_strings_score_zero(a: str, b: str) -> None:
    assert headline_similarity(a, b) == 0.0
    assert headline_similarity(b, a) == 0.0
    f = headline_features(a, b)
    assert f.shape == (len(FEATURES),) and np.isfinite(f).all()
    assert pair_similarities([(a, b), (b, a)]).tolist() == [0.0, 0.0]


def test_stopword_only_headline_does_not_crash() -> None:
    s = headline_similarity("What it is", "It is what it is")
    assert 0.0 <= s <= 1.0
    assert np.isfinite(headline_features("What it is", "Dow falls")).all()


def test_synonyms_and_demonyms() -> None:
    assert headline_similarity("US stocks climb", "U.S. stocks rise") > 0.9
    assert headline_similarity("Syrian army retakes Aleppo", "Syria's army retakes Aleppo") > 0.9
    assert headline_similarity("Two killed in Paris attack", "2 dead in Paris attack") > 0.9


def test_features_are_finite_and_named() -> None:
    f = headline_features(*TRIPLETS[0][:2])
    assert f.shape == (len(FEATURES),) and np.isfinite(f).all()
    assert len(set(FEATURES)) == len(FEATURES)


def test_weights_file_header_and_contents() -> None:
    text = resources.files("mediacheck.data").joinpath(DEFAULT_FILE).read_text("utf-8")
    d = json.loads(text)
    header = d["header"]
    assert "STS" in header["data"] and "train" in header["data"]
    assert "CC BY-SA 4.0" in header["licence"] and "weights only" in header["licence"]
    assert header["fitted"] == header["date"] and header["fitted"][:2] == "20"
    assert 0.8 <= header["cv_pearson"] <= 1 and 0.8 <= header["dev_pearson"] <= 1
    assert tuple(d["features"]) == FEATURES
    assert len(d["weights"]) == len(FEATURES)
    model = HeadlineSimilarity.from_json(text)
    assert model.similarity("Dow falls 2%", "Dow falls 2%") == 1.0
    bad = dict(d, features=list(FEATURES[::-1]))
    with pytest.raises(ValueError):
        HeadlineSimilarity.from_json(json.dumps(bad))


def test_unfitted_model_gives_features_but_no_scores() -> None:
    m = HeadlineSimilarity({}, 1.0)
    assert m.pair_features([("Dow falls", "Dow drops")]).shape == (1, len(FEATURES))
    with pytest.raises(ValueError):
        m.similarity("Dow falls", "Dow drops")


def test_pearson_on_sts_dev() -> None:
    """The fitted model on the held-in dev split (skipped without ../shared): Pearson >= 0.83 (0.845 when fitted)."""
    if not STS.exists():
        pytest.skip("../shared/data/labels/sts_headlines.jsonl not present")
    rows = [json.loads(line) for line in STS.open(encoding="utf-8")]
    dev = [r for r in rows if r["split"] == "dev"]
    pred = pair_similarities([(r["sentence1"], r["sentence2"]) for r in dev])
    gold = np.array([r["score"] for r in dev])
    assert np.corrcoef(pred, gold)[0, 1] >= 0.83
