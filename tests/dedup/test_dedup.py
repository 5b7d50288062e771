"""Duplicate kinds with real-looking articles, normalisation, index, cluster stability, bad input."""
from __future__ import annotations

import random

import numpy as np
import pytest

from mediacheck.dedup import find_duplicates, headline_key
from mediacheck.dedup.index import UnionFind, estimated_jaccard, lsh_pairs, minhash

WIRE = ("The Federal Reserve raised its benchmark interest rate by a quarter of a percentage point on Wednesday, "
        "the tenth increase in a little more than a year, and signalled that it might pause further hikes as "
        "officials assess the damage from recent bank failures. Chair Jerome Powell told reporters that the "
        "committee would watch incoming data closely before deciding its next move, adding that inflation "
        "remained well above the central bank's two percent target despite easing in recent months.")


def art(id, title, text="", outlet="", published=""):
    return {"id": id, "title": title, "text": text, "outlet": outlet, "published": published}


@pytest.mark.parametrize(("raw", "norm"), [
    ("Fed raises rates again - Reuters", "fed raises rates again"),
    ("WATCH: Fed raises rates again", "fed raises rates again"),
    ("EXCLUSIVE - Fed raises rates again | The Daily Planet", "fed raises rates again"),
    ("Fed’s “surprise” move — explained", "fed's \"surprise\" move - explained"),
    ("Dow falls 2% as oil slides", "dow falls 2% as oil slides"),
    ("  Fed   raises rates.  ", "fed raises rates"),
])
def test_headline_key(raw, norm):
    assert headline_key(raw) == norm


def test_numbers_stay_comparable():
    assert headline_key("Dow falls 2%") != headline_key("Dow falls 3%")


def test_minhash_estimates_jaccard_and_lsh_finds_similar_sets():
    a = [f"w{i}" for i in range(100)]
    b = a[:90] + [f"x{i}" for i in range(10)]          # Jaccard 90/110 = 0.82
    c = [f"y{i}" for i in range(100)]
    sig = minhash([a, b, c, []], num_perm=128)
    est = estimated_jaccard(sig[[0]], sig[[1]])[0]
    assert abs(est - 90 / 110) < 0.12
    pairs = lsh_pairs(sig, bands=32, rows=4).tolist()
    assert [0, 1] in pairs and not any(3 in p for p in pairs) and [0, 2] not in pairs


def test_minhash_is_deterministic_across_calls():
    docs = [["alpha", "beta"], ["gamma"]]
    assert np.array_equal(minhash(docs, num_perm=16), minhash(docs, num_perm=16))


def test_union_find_labels():
    uf = UnionFind(5)
    uf.union(3, 1)
    uf.union(1, 4)
    assert uf.labels() == [0, 1, 2, 1, 1]


def test_each_kind_with_real_examples():
    arts = [
        art("a1", "Fed raises rates for tenth time, signals pause", WIRE, "reuters", "2023-05-03T18:00:00"),
        art("a2", "Fed raises rates for tenth time, signals pause - Yahoo News", WIRE, "yahoo", "2023-05-03T19:00:00"),
        art("a3", "Fed raises rates for the tenth time, signals pause", "Short note.", "blog"),
        art("a4", "Federal Reserve lifts interest rates again and hints it may stop hiking",
            "The Federal Reserve raised interest rates by a quarter point on Wednesday and hinted that it may "
            "pause, as officials weigh the fallout from bank failures and inflation stays high.", "nyt",
            "2023-05-03T20:00:00"),
        art("a5", "Local bakery wins national award for sourdough loaf",
            "A family-run bakery in the old town has won a national award for its sourdough.", "local"),
    ]
    res = find_duplicates(arts)
    kinds = {(p["a"], p["b"]): p["kind"] for p in res.pairs}
    assert kinds[("a1", "a2")] in ("exact", "syndicated")          # same headline after the suffix, same body
    assert kinds[("a1", "a3")] == "near" or kinds.get(("a2", "a3")) == "near"
    assert any(k in ("paraphrase", "same_story") for (a, b), k in kinds.items() if "a4" in (a, b))
    assert not any("a5" in pair for pair in kinds)
    clusters = {r["id"]: r["cluster_id"] for r in res.clusters}
    assert clusters["a1"] == clusters["a2"] == clusters["a3"] == clusters["a4"] != clusters["a5"]
    for p in res.pairs:
        assert 0.0 <= p["score"] <= 1.0 and p["method"]
    canonical = {r["canonical_headline"] for r in res.clusters if r["id"] == "a1"}
    assert canonical == {"Fed raises rates for tenth time, signals pause"}       # the earliest dated


def test_syndicated_body_under_other_headline():
    body2 = WIRE.replace("Wednesday", "Wednesday afternoon")
    res = find_duplicates([art("x", "Rates up again", WIRE, "ap"), art("y", "Powell's Fed hikes", body2, "msn")])
    assert [(p["kind"], p["method"]) for p in res.pairs] == [("syndicated", "minhash-lsh body 5-shingles")]


def test_same_story_window_excludes_far_apart_dates():
    a = art("m1", "Storm hits coast, thousands lose power", "A powerful storm hit the coast on Monday, "
            "knocking out power to thousands of homes.", "o1", "2023-01-02")
    b = art("m2", "Thousands without power after storm batters coast", "Thousands of homes lost power after "
            "a storm battered the coast on Monday.", "o2", "2023-03-02")
    assert find_duplicates([a, b], window_days=7).pairs == []
    assert find_duplicates([a, b], window_days=None).pairs


def test_clusters_do_not_depend_on_input_order():
    rng = random.Random(3)
    arts = [art(f"s{i}", t, WIRE if i % 3 == 0 else "", f"o{i % 4}") for i, t in enumerate([
        "Fed raises rates for tenth time", "Fed raises rates for tenth time - CNN", "Fed lifts rates again",
        "Storm knocks out power to thousands", "Thousands lose power in storm", "Bakery wins sourdough award",
    ])]
    base = find_duplicates(arts)
    for _ in range(3):
        shuffled = arts[:]
        rng.shuffle(shuffled)
        res = find_duplicates(shuffled)
        assert sorted((r["id"], r["cluster_id"]) for r in res.clusters) == \
            sorted((r["id"], r["cluster_id"]) for r in base.clusters)
        assert sorted((p["a"], p["b"], p["kind"]) for p in res.pairs) == \
            sorted((p["a"], p["b"], p["kind"]) for p in base.pairs)


def test_bad_input_is_reported_not_fatal():
    res = find_duplicates([art("d", "Same id"), art("d", "Same id"), art("e", ""), art("", "", "")])
    assert any("duplicate id" in w for w in res.warnings)
    assert any("no title and no text" in w for w in res.warnings)
    assert len(res.clusters) == 4                       # every input is in the cluster table
    assert find_duplicates([]).clusters == [] and find_duplicates([art("one", "Only one")]).pairs == []


def test_outlet_table_counts_shared_and_first():
    arts = [art("a", "Fed raises rates", WIRE, "reuters", "2023-05-03T18:00:00"),
            art("b", "Fed raises rates", WIRE, "yahoo", "2023-05-03T19:00:00")]
    rows = {r["outlet"]: r for r in find_duplicates(arts).outlets}
    assert rows["reuters"]["first_in_shared"] == 1 and rows["yahoo"]["first_in_shared"] == 0
    assert rows["yahoo"]["shared_share"] == 1.0


def test_the_old_spelling_still_works_and_says_it_is_deprecated():
    import mediacheck.dedup as d

    with pytest.warns(DeprecationWarning, match="headline_key"):
        assert d.normalize_headline("WATCH: Dow falls 2% - Reuters") == headline_key("WATCH: Dow falls 2% - Reuters")
