"""Metric helpers of benchmarks/dedup_quality.py on hand-made cases (no ../shared needed)."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.dedup_quality import (
    Edges,
    allsides_corpus,
    best_threshold,
    components,
    jaccard,
    neus_corpus,
    pair_scores,
    pairwise_scores,
    pearson,
    spearman,
)


def test_pairwise_scores_by_hand():
    # gold: {a,b,c} {d,e} {f}  -> gold pairs ab ac bc de = 4
    gold = ["s1", "s1", "s1", "s2", "s2", "s3"]
    # pred: {a,b} {c,d,e} {f}  -> pred pairs ab cd ce de = 4; tp ab de = 2
    pred = [0, 0, 1, 1, 1, 2]
    s = pairwise_scores(gold, pred)
    assert (s["tp"], s["pred_pairs"], s["gold_pairs"], s["clusters"]) == (2, 4, 4, 3)
    assert (s["precision"], s["recall"], s["f1"]) == pytest.approx((0.5, 0.5, 0.5))


def test_pairwise_scores_extremes():
    gold = ["x", "x", "y", "y"]
    assert pairwise_scores(gold, ["p", "p", "q", "q"])["f1"] == 1.0          # label names do not matter
    singletons = pairwise_scores(gold, [0, 1, 2, 3])
    assert singletons["precision"] == 0.0 and singletons["recall"] == 0.0 and singletons["f1"] == 0.0
    lump = pairwise_scores(gold, [0, 0, 0, 0])                              # 6 pred pairs, 2 right
    assert (lump["precision"], lump["recall"]) == pytest.approx((2 / 6, 1.0))
    with pytest.raises(ValueError):
        pairwise_scores(gold, [0, 0])


def test_pairwise_scores_matches_brute_force():
    rng = np.random.default_rng(3)
    gold = rng.integers(0, 5, 40).tolist()
    pred = rng.integers(0, 7, 40).tolist()
    pairs = [(i, j) for i in range(40) for j in range(i + 1, 40)]
    g = {p for p in pairs if gold[p[0]] == gold[p[1]]}
    q = {p for p in pairs if pred[p[0]] == pred[p[1]]}
    s = pairwise_scores(gold, pred)
    assert s["tp"] == len(g & q) and s["pred_pairs"] == len(q) and s["gold_pairs"] == len(g)


def test_components_and_thresholds():
    # 0-1 (0.9), 1-2 (0.5), 3-4 (0.8): at 0.6 the chain 0-1-2 breaks
    e = Edges(5, np.array([0, 1, 3]), np.array([1, 2, 4]), np.array([0.9, 0.5, 0.8]))
    lab = e.labels(0.6)
    assert lab[0] == lab[1] != lab[2] and lab[3] == lab[4] != lab[0]
    assert len(set(components(3, [], []))) == 3
    gold = ["a", "a", "b", "c", "c"]
    t, s = best_threshold(e, gold, [0.4, 0.6, 0.95])
    assert t == 0.6 and s["f1"] == 1.0
    assert pair_scores(e, gold, 0.4)["precision"] == pytest.approx(2 / 3)  # no closure: pair 0-2 not predicted


def test_correlations_and_jaccard():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [1, 4, 9, 100]) == pytest.approx(1.0)
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0
    assert jaccard("The cat sat", "the CAT ran") == pytest.approx(2 / 4)


def test_corpora_from_records():
    neus = [{"id": "n1", "split": "val", "articles": [{"title": "A", "text": "x"}, {"title": "B", "text": "y"},
                                                      {"title": "C", "text": "z"}]},
            {"id": "n2", "split": "train", "articles": [{"title": "D", "text": "w"}]}]
    c = neus_corpus(neus, "val")
    assert [a["outlet"] for a in c.articles] == ["slot0", "slot1", "slot2"] and c.gold == ["n1"] * 3
    assert len({a["id"] for a in c.articles}) == 3
    alls = [{"id": "s1", "date": "2021-10-18T16:15:00-07:00",
             "articles": [{"slot": "left", "outlet": "CNN", "headline": "H", "body_excerpt": ["p1", "p2"]}]}]
    a = allsides_corpus(alls).articles[0]
    assert (a["title"], a["text"], a["outlet"], a["published"]) == ("H", "p1\n\np2", "CNN", alls[0]["date"])
