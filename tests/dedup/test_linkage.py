"""Capped strongest-first linkage: chains are cut, hash groups are not, input order plays no part."""
from __future__ import annotations

import random
from collections import Counter

import numpy as np

from mediacheck.dedup import find_duplicates
from mediacheck.dedup.linkage import capped_linkage

BASE = "Storm knocks out power to thousands of homes along the northern coast on Monday night"


def chain_headlines(n: int) -> list[str]:
    """Headline k differs from headline k+1 in one letter; the first and the last differ in n - 1 letters."""
    spots = [k for k, ch in enumerate(BASE) if ch.isalpha()][:n - 1]
    out, cur = [BASE], list(BASE)
    for k in spots:
        cur[k] = "q" if cur[k] != "q" else "z"
        out.append("".join(cur))
    return out


def labels(res) -> dict[str, str]:
    return {r["id"]: r["cluster_id"] for r in res.clusters}


def link(pairs, n, cap, fixed=(), rank=None):
    a = np.array([p[0] for p in pairs], dtype=np.int64)
    b = np.array([p[1] for p in pairs], dtype=np.int64)
    kind = np.array([p[2] for p in pairs], dtype=np.int8)
    score = np.array([p[3] for p in pairs], dtype=np.float64)
    fix = np.array([k in fixed for k in range(len(pairs))], dtype=bool)
    rank = np.arange(n) if rank is None else np.asarray(rank)
    uf = capped_linkage(n, a, b, kind, score, fix, rank, cap)
    return uf.labels()


def test_cap_cuts_a_chain_at_its_weakest_links():
    # 0-1-2-3-4-5: strong links 0-1, 1-2, 3-4, 4-5 and a weak bridge 2-3
    pairs = [(0, 1, 2, 0.99), (1, 2, 2, 0.98), (2, 3, 2, 0.91), (3, 4, 2, 0.97), (4, 5, 2, 0.96)]
    assert link(pairs, 6, cap=3) == [0, 0, 0, 3, 3, 3]
    assert link(pairs, 6, cap=None) == [0] * 6
    assert link(pairs, 6, cap=6) == [0] * 6          # a component within the cap is one cluster


def test_kind_beats_score_and_fixed_pairs_ignore_the_cap():
    # a same_story link (kind 4) of score 0.99 loses to a near link (kind 2) of score 0.91
    pairs = [(0, 1, 4, 0.99), (1, 2, 2, 0.91)]
    assert link(pairs, 3, cap=2) == [0, 1, 1]
    # hash pairs (fixed) join 4 items although the cap is 2; nothing else may join them
    pairs = [(0, 1, 0, 1.0), (1, 2, 0, 1.0), (2, 3, 0, 1.0), (3, 4, 2, 0.99)]
    assert link(pairs, 5, cap=2, fixed={0, 1, 2}) == [0, 0, 0, 0, 4]


def test_ties_are_broken_by_id_rank_not_position():
    pairs = [(0, 1, 2, 0.9), (1, 2, 2, 0.9)]         # equal strength: the pair with the smaller ids wins
    assert link(pairs, 3, cap=2, rank=[0, 1, 2]) == [0, 0, 2]
    assert link(pairs, 3, cap=2, rank=[2, 1, 0]) == [0, 1, 1]


def test_near_duplicate_chain_is_not_one_giant_cluster():
    heads = chain_headlines(30)
    arts = [{"id": f"c{k:02d}", "title": h, "text": "", "outlet": f"o{k % 3}"} for k, h in enumerate(heads)]
    plain = find_duplicates(arts, cluster_cap=None)
    assert Counter(labels(plain).values()).most_common(1)[0][1] == 30          # the chain links all 30
    kinds = {(p["a"], p["b"]): p["kind"] for p in plain.pairs}
    assert ("c00", "c29") not in kinds and kinds[("c00", "c01")] == "near"     # the ends are not similar
    capped = find_duplicates(arts, cluster_cap=10)
    sizes = Counter(labels(capped).values())
    assert max(sizes.values()) <= 10 and len(sizes) >= 3
    assert {r["size"] for r in capped.clusters} <= set(range(1, 11))
    assert capped.pairs == plain.pairs                                         # the cap changes clusters only


def test_capped_clusters_do_not_depend_on_input_order():
    heads = chain_headlines(24)
    arts = [{"id": f"k{k:02d}", "title": h, "text": "", "outlet": "o"} for k, h in enumerate(heads)]
    arts += [{"id": "e1", "title": heads[5], "text": "", "outlet": "p"},           # exact copies
             {"id": "e2", "title": heads[5] + " - Reuters", "text": "", "outlet": "q"}]
    base = sorted(labels(find_duplicates(arts, cluster_cap=5)).items())
    assert max(Counter(dict(base).values()).values()) <= 5
    rng = random.Random(1)
    for _ in range(4):
        shuffled = arts[:]
        rng.shuffle(shuffled)
        assert sorted(labels(find_duplicates(shuffled, cluster_cap=5)).items()) == base


def test_exact_group_larger_than_the_cap_stays_whole():
    arts = [{"id": f"x{k}", "title": "Storm knocks out power to thousands" + (" - CNN" if k % 2 else ""),
             "text": "", "outlet": f"o{k}"} for k in range(6)]
    sizes = Counter(labels(find_duplicates(arts, cluster_cap=3)).values())
    assert list(sizes.values()) == [6]


def test_weak_link_adds_one_article_but_does_not_bridge_two_clusters():
    # 0-1 and 2-3 are near pairs (kind 2); a same_story link (kind 4) 1-2 would bridge them, 3-4 brings in 4
    pairs = [(0, 1, 2, 0.95), (2, 3, 2, 0.95), (1, 2, 4, 0.9), (3, 4, 4, 0.5)]
    assert link(pairs, 5, cap=None) == [0] * 5
    uf = capped_linkage(5, *(np.array(c) for c in zip(*pairs)), np.zeros(4, bool), np.arange(5), None,
                        weak_kind=3)
    assert uf.labels() == [0, 0, 2, 2, 2]


def test_weak_bridges_option_restores_connected_components():
    lead = "The central bank raised its benchmark rate by a quarter point on Wednesday, its tenth increase."
    titles = ["Fed raises interest rates for tenth time in a row", "Federal Reserve lifts borrowing costs once more"]
    arts = [{"id": f"w{k}", "title": titles[k // 2], "outlet": f"o{k}",
             "text": lead if k % 2 else lead.replace("Wednesday", "Wednesday again")} for k in range(4)]
    res = find_duplicates(arts)
    kinds = {(p["a"], p["b"]): p["kind"] for p in res.pairs}
    assert kinds[("w0", "w1")] == kinds[("w2", "w3")] == "exact"
    assert set(kinds.values()) - {"exact"} <= {"paraphrase", "same_story"} and len(kinds) > 2
    assert len(set(labels(res).values())) == 2                       # two exact groups, no weak bridge
    assert len(set(labels(find_duplicates(arts, weak_bridges=True)).values())) == 1
