"""benchmarks/shingles.py: hand-computed cases, and equality with the reference scorer in ../shared."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from benchmarks.shingles import page_score, score, score_pages, shingles, tokens

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REFERENCE = SHARED / "tools" / "score_shingles.py"
DATA = SHARED / "data" / "clean" / "scrapinghub.jsonl"


def approx(d: dict) -> dict:
    return {k: pytest.approx(v, abs=1e-12) for k, v in d.items()}


# --- hand-computed ---------------------------------------------------------------------------------------


def test_tokens_and_shingles():
    assert tokens("Hello, world! It's naïve—café 2024.") == ["Hello", "world", "It", "s", "naïve", "café", "2024"]
    assert shingles("") == {} and shingles(None) == {}
    assert shingles("hello world") == {("hello", "world"): 1}  # shorter than 4 tokens: one short shingle
    assert shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1, ("c", "d", "a", "b"): 1, ("d", "a", "b", "c"): 1,
    }


def test_missing_shingle_halves_recall():
    # gold {abcd, bcde}, pred {abcd}: tp=1 fp=0 fn=1 -> P=1, R=1/2
    assert score(["a b c d e"], ["a b c d"]) == approx({"n": 1, "precision": 1.0, "recall": 0.5, "f1": 2 / 3})
    p = page_score("a b c d e", "a b c d")
    assert (p.tp, p.fp, p.fn) == (0.5, 0.0, 0.5)


def test_multiset_overlap():
    # gold has abcd twice, pred once: tp=1 fp=0 fn=4
    assert score(["a b c d a b c d"], ["a b c d"]) == approx(
        {"n": 1, "precision": 1.0, "recall": 0.2, "f1": 2 * 0.2 / 1.2})


def test_f1_of_means_not_mean_of_f1():
    # page 1: P=1, R=1/2; page 2: gold {wxyz}, pred {wxyz, xyzq}: P=1/2, R=1 -> means 3/4, 3/4
    s, pages = score_pages(["a b c d e", "w x y z"], ["a b c d", "w x y z q"])
    assert s == approx({"n": 2, "precision": 0.75, "recall": 0.75, "f1": 0.75})
    assert sum(p.f1 for p in pages) / 2 == pytest.approx(2 / 3)


def test_empty_pages_and_their_means():
    # empty prediction: counts for recall (0), not for precision
    assert score(["one two three four five", "w x y z"], ["one two three four five", ""]) == approx(
        {"n": 2, "precision": 1.0, "recall": 0.5, "f1": 2 / 3})
    # empty gold: counts for precision (0), not for recall
    assert score(["", "w x y z"], ["some text here", "w x y z"]) == approx(
        {"n": 2, "precision": 0.5, "recall": 1.0, "f1": 2 / 3})
    # both empty: in neither mean
    assert score([""], [""]) == {"n": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert score([], []) == {"n": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_case_sensitive_and_short_texts():
    assert score(["The cat sat down"], ["the cat sat down"])["f1"] == 0.0
    assert score(["hello world"], ["hello world"]) == approx({"n": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0})


def test_length_mismatch_is_an_error():
    with pytest.raises(ValueError):
        score(["a"], [])


# --- equal to the reference scorer -------------------------------------------------------------------------

CASES = [
    (["a b c d e"], ["a b c d"]),
    (["a b c d a b c d"], ["a b c d"]),
    (["a b c d e", "w x y z"], ["a b c d", "w x y z q"]),
    (["one two three four five", "w x y z"], ["one two three four five", ""]),
    (["", "w x y z"], ["some text here", "w x y z"]),
    ([""], [""]),
    (["", ""], ["", "x"]),
    (["hello world"], ["hello world"]),
    (["hello world"], ["hello there world"]),
    (["The cat sat down"], ["the cat sat down"]),
    (["Ünïcödé wörds — 東京 タワー は 高い です", "x"], ["東京 タワー は 高い", None]),
    ([None, "a b"], ["a b c d e f", "a b"]),
]


@pytest.fixture(scope="module")
def reference():
    if not REFERENCE.exists():
        pytest.skip("../shared (reference scorer) is absent")
    spec = importlib.util.spec_from_file_location("score_shingles_reference", REFERENCE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("golds,preds", CASES)
def test_equals_reference_on_cases(reference, golds, preds):
    assert score(golds, preds) == approx(reference.score(golds, preds))
    for g, p in zip(golds, preds):
        mine = page_score(g, p)
        assert (mine.tp, mine.fp, mine.fn) == pytest.approx(reference.page_counts(g, p), abs=1e-12)


def test_equals_reference_on_random_texts(reference):
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    text = st.lists(st.sampled_from(["a", "b", "c", "d", "é", "x1", ",", "\n"]), max_size=14).map(" ".join)

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(st.lists(st.tuples(text, text), max_size=5))
    def check(pairs):
        golds, preds = [g for g, _ in pairs], [p for _, p in pairs]
        assert score(golds, preds) == approx(reference.score(golds, preds))

    check()


def test_equals_reference_on_benchmark_pages(reference):
    if not DATA.exists():
        pytest.skip("../shared benchmark data is absent")
    from benchmarks.peers import c4_line_filter, no_cleaning

    with open(DATA, encoding="utf-8") as f:  # not str.splitlines: the pages contain U+2028
        records = [json.loads(line) for line in f if line.strip()]
    golds = [r["gold_text"] for r in records]
    for cleaner in (no_cleaning, c4_line_filter, lambda t: t[: len(t) // 3]):
        preds = [cleaner(r["scraped"]) for r in records]
        assert score(golds, preds) == approx(reference.score(golds, preds))
