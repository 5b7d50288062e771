"""benchmarks/dedup_scale.py: the synthetic corpus generator (planted pairs recorded, edits applied)."""

from __future__ import annotations

import random

import pytest

from benchmarks.dedup_scale import EDITS, apply_edit, make_corpus, score
from mediacheck.dedup.normalize import headline_key

HEADLINES = [
    "Senate passes sweeping budget bill after all-night session",
    "Wildfire forces thousands to evacuate in northern California",
    "Central bank holds interest rates steady amid inflation worries",
    "Striking dock workers reach tentative deal with port operators",
    "Scientists report record heat in the North Atlantic this summer",
    "City council votes to expand bike lanes across downtown",
    "Court blocks new voting rules ahead of state primary",
    "Tech giant unveils cheaper phone as sales slow",
]


@pytest.fixture(scope="module")
def corpus():
    return make_corpus(200, HEADLINES, dup_share=0.1, seed=3)


def test_sizes_ids_and_planted_pairs(corpus):
    articles, planted = corpus
    assert len(articles) == 200 and len(planted) == 20
    ids = [a["id"] for a in articles]
    assert len(set(ids)) == 200
    assert all(a["text"] == "" and a["title"] and a["outlet"] and a["published"] for a in articles)
    dup_ids = [d for _, d, _ in planted]
    assert len(set(dup_ids)) == 20 and len({b for b, _, _ in planted}) == 20   # one duplicate per base
    assert set(dup_ids).isdisjoint(b for b, _, _ in planted)
    assert {e for _, _, e in planted} <= set(EDITS)


def test_bases_distinct_after_normalisation(corpus):
    articles, planted = corpus
    dups = {d for _, d, _ in planted}
    keys = [headline_key(a["title"]) for a in articles if a["id"] not in dups]
    assert len(keys) == 180 and len(set(keys)) == 180   # 8 real headlines extended with number + word


def test_edits_applied(corpus):
    articles, planted = corpus
    title = {a["id"]: a["title"] for a in articles}
    for base, dup, edit in planted:
        b, d = title[base], title[dup]
        if edit == "exact":
            assert d == b
            continue
        assert d != b, edit
        if edit == "outlet_suffix":
            assert d.startswith(b + " - ")
        elif edit == "prefix":
            assert d.endswith(": " + b)
        elif edit == "case":
            assert d.casefold() == b.casefold()
        elif edit == "word_deletion":
            assert len(d.split()) == len(b.split()) - 1
        elif edit in ("word_swap", "typo"):
            assert sorted(d) == sorted(b) and len(d) == len(b)
            if edit == "word_swap":
                assert sorted(d.split()) == sorted(b.split())
            else:
                diff = [k for k in range(len(b)) if b[k] != d[k]]
                assert len(diff) == 2 and diff[1] == diff[0] + 1


def test_every_edit_changes_the_string():
    rng = random.Random(0)
    for h in HEADLINES:
        for edit in EDITS[1:]:
            assert apply_edit(h, edit, rng) != h


def test_deterministic_and_score():
    a1, p1 = make_corpus(200, HEADLINES, seed=5)
    a2, p2 = make_corpus(200, HEADLINES, seed=5)
    assert a1 == a2 and p1 == p2
    labels = {a["id"]: a["id"] for a in a1}
    pairs = set()
    b, d, _ = p1[0]
    labels[d] = labels[b]
    pairs.add((min(b, d), max(b, d)))
    s = score(p1, pairs, labels)
    assert s["recall"] == s["pair_recall"] == 1 / 20 and s["max_cluster"] == 2
