"""The report pipeline on real articles: AllSides left/center/right coverage (corpora/allsides) and the seed."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mediacheck.cleaning import RULE_CODES
from mediacheck.report import analyze
from mediacheck.report.aggregate import outlet_table, rate_parts, story_table
from mediacheck.report.columns import ARTICLE_TABLE, HEADLINE_METRICS, OUTLET_PAIR_TABLE, OUTLET_TABLE, STORY_TABLE

ROOT = Path(__file__).resolve().parents[2]
ALLSIDES = ROOT / "corpora" / "allsides" / "allsides.jsonl"
SEED = ROOT / "seeds" / "000_a866e3e8c53c6af1.txt"
BIG_OUTLETS = ("CNN (Online News)", "Fox News (Online News)", "New York Times (News)", "Washington Times",
               "Reuters", "The Hill", "Washington Post", "NPR (Online News)")


def _allsides_frame() -> pd.DataFrame:
    rows = [json.loads(line) for line in ALLSIDES.open(encoding="utf-8")]
    df = pd.DataFrame(rows)
    return df[df["outlet"].isin(BIG_OUTLETS)].head(160)


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    df = _allsides_frame()
    extra = pd.DataFrame([
        {"id": "seed", "outlet": "seed.example", "text": SEED.read_text(encoding="utf-8")},
        {"id": "no-body", "outlet": "broken.example", "title": "A record without text or html"},
        {"id": "blank", "outlet": "broken.example", "text": "   \n\n  "},
    ])
    return pd.concat([df, extra], ignore_index=True)


@pytest.fixture(scope="module")
def tables(corpus) -> dict[str, pd.DataFrame]:
    return analyze(corpus, permutations=199, resamples=300, sentences=True)


def test_every_record_is_an_article_or_an_error(corpus, tables):
    arts, errs = tables["articles"], tables["errors"]
    assert len(arts) + len(errs) == len(corpus)
    assert set(arts["id"]) | set(errs["id"]) == set(corpus["id"])
    assert errs.set_index("id").loc["no-body", "message"] == "record has neither 'text' nor 'html'"
    assert arts.set_index("id").loc["blank", "status"] == "empty"
    s = tables["summary"].iloc[0]
    assert s["records_in"] == len(corpus) and s["errors"] == 1 and s["empty"] == 1
    assert list(arts.columns) == list(ARTICLE_TABLE)


def test_outlet_rates_are_pooled_over_articles(tables):
    arts, outlets = tables["articles"], tables["outlets"].set_index("outlet")
    assert list(tables["outlets"].columns) == list(OUTLET_TABLE)
    cnn = arts[(arts["outlet"] == "CNN (Online News)") & (arts["status"] == "ok")]
    hedges = (cnn["hedges_per_1k"] * cnn["words"] / 1000).sum()
    row = outlets.loc["CNN (Online News)"]
    assert row["hedges_per_1k"] == pytest.approx(1000 * hedges / cnn["words"].sum(), rel=1e-4)
    assert row["articles"] == (arts["outlet"] == "CNN (Online News)").sum()
    assert row["words"] == cnn["words"].sum()
    for m in HEADLINE_METRICS:
        value, low, high = row[m], row[f"{m}_ci_low"], row[f"{m}_ci_high"]
        if not np.isnan(value):
            assert low - 1e-9 <= value <= high + 1e-9, m
    questions = cnn["title"].str.rstrip().str.endswith("?").mean()
    assert row["question_headline_share"] == pytest.approx(questions, abs=1e-6)


def test_leanings_are_carried_from_the_input(tables):
    outlets = tables["outlets"].set_index("outlet")
    assert outlets.loc["Fox News (Online News)", "leaning"] == "right"
    assert outlets.loc["CNN (Online News)", "leaning"] == "left"
    assert outlets.loc["Reuters", "leaning"] == "center"
    assert outlets.loc["seed.example", "leaning"] == ""


def test_outlet_pairs_have_permutation_p_and_bh_q(tables):
    pairs = tables["outlet_pairs"]
    assert list(pairs.columns) == list(OUTLET_PAIR_TABLE)
    compared = {o for o in pd.concat([pairs["outlet_a"], pairs["outlet_b"]])}
    assert "seed.example" not in compared                      # one article: below --min-articles
    k = len(compared)
    assert len(pairs) == k * (k - 1) // 2 * len(HEADLINE_METRICS)
    ok = pairs.dropna(subset=["p_value"])
    assert (ok["q_value"] >= ok["p_value"] - 1e-12).all()
    assert (ok["p_value"] >= 1 / 200 - 1e-12).all()           # 199 permutations
    assert (ok["significant"] == (ok["q_value"] < 0.05)).all()
    assert np.allclose(ok["difference"], ok["value_a"] - ok["value_b"], atol=1e-5)


def test_stories_put_each_outlets_headline_side_by_side(tables, corpus):
    stories = tables["stories"]
    assert list(stories.columns) == list(STORY_TABLE)
    assert len(stories) and (stories["story_outlets"] >= 2).all()
    # AllSides stories are the same event from several outlets: most stories found hold one AllSides story
    story_of = dict(zip(corpus["id"], corpus.get("story_id")))
    purity = stories.groupby("story_id")["id"].agg(lambda ids: pd.Series([story_of[i] for i in ids]).value_counts()
                                                   .iloc[0] / len(ids))
    assert purity.mean() > 0.8
    for _, g in stories.groupby("story_id"):
        assert g["story_outlets"].iloc[0] == g["outlet"].nunique()


def test_blindspot_when_only_one_leaning_covers_a_story():
    arts = pd.DataFrame([
        {"id": "1", "outlet": "A", "leaning": "left", "cluster_id": "s1", "cluster_outlets": 2},
        {"id": "2", "outlet": "B", "leaning": "left", "cluster_id": "s1", "cluster_outlets": 2},
        {"id": "3", "outlet": "A", "leaning": "left", "cluster_id": "s2", "cluster_outlets": 2},
        {"id": "4", "outlet": "C", "leaning": "right", "cluster_id": "s2", "cluster_outlets": 2},
        {"id": "5", "outlet": "D", "leaning": "", "cluster_id": "s3", "cluster_outlets": 2},
        {"id": "6", "outlet": "B", "leaning": "left", "cluster_id": "s3", "cluster_outlets": 2},
        {"id": "7", "outlet": "B", "leaning": "left", "cluster_id": "s4", "cluster_outlets": 1},
    ])
    got = story_table(arts).groupby("story_id")["blindspot"].first().to_dict()
    assert got == {"s1": "left", "s2": "", "s3": ""}          # s3: one outlet's leaning unknown; s4: one outlet


def test_evidence_sentences_hold_their_cues(tables):
    ev = tables["evidence"]
    assert len(ev) and set(ev["rank"]) <= {1, 2, 3}
    for r in ev.itertuples():
        if r.metric != "loaded":
            assert r.cues and all(c in r.text for c in r.cues), r
    hedging = ev[ev["metric"] == "hedging"]
    assert (hedging.groupby("outlet")["score"].apply(lambda s: s.is_monotonic_decreasing)).all()


def test_removed_lines_and_sentences_are_explained(tables):
    removed, sentences = tables["removed"], tables["sentences"]
    assert set(removed["rule"]) <= set(RULE_CODES)
    seed_removed = removed[removed["id"] == "seed"]
    assert "BP_SKIP_LINK" in set(seed_removed["rule"]) and "HL_TITLE" in set(seed_removed["rule"])
    seed_sents = sentences[sentences["id"] == "seed"]
    assert len(seed_sents) == tables["articles"].set_index("id").loc["seed", "sentences"]


def test_rate_parts_rebuild_counts_from_rates():
    df = pd.DataFrame({"words": [500, 1500], "hedges_per_1k": [4.0, 2.0], "sentences": [10, 30],
                       "hedged_sentence_share": [0.5, 0.1], "attributions": [0, 4],
                       "anonymous_attribution_share": [float("nan"), 0.25], "title": ["Why?", ""],
                       "question_headline": [True, False]})
    num, den = rate_parts(df, "hedges_per_1k")
    assert num.tolist() == [2.0, 3.0] and den.tolist() == [0.5, 1.5]
    num, den = rate_parts(df, "anonymous_attribution_share")
    assert num.tolist() == [0.0, 1.0] and den.tolist() == [0.0, 4.0]
    num, den = rate_parts(df, "question_headline_share")
    assert num.tolist() == [1.0, 0.0] and den.tolist() == [1.0, 0.0]     # untitled articles do not count


def test_outlet_table_from_an_articles_csv_round_trip(tables, tmp_path):
    path = tmp_path / "articles.csv"
    tables["articles"].to_csv(path, index=False)
    again = outlet_table(pd.read_csv(path, keep_default_na=False, na_values=[""]), resamples=300)
    first = tables["outlets"].set_index("outlet")
    for r in again.itertuples():
        assert r.hedges_per_1k == pytest.approx(first.loc[r.outlet, "hedges_per_1k"], rel=1e-3, nan_ok=True)


def test_analyze_takes_html_and_rejects_what_it_cannot_use():
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article><h1>Rates held</h1>"
            + "<p>The central bank held rates on Tuesday, and officials said inflation may ease next year.</p>" * 4
            + "</article><footer>© 2024 Example News. All rights reserved.</footer></body></html>")
    out = analyze(pd.DataFrame([{"id": "h", "outlet": "x", "html": html}]), permutations=9, resamples=20)
    row = out["articles"].iloc[0]
    assert row["status"] == "ok" and row["title"] == "Rates held" and row["hedges_per_1k"] > 0
    with pytest.raises(ValueError, match="'text' or an 'html' column"):
        analyze(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(TypeError):
        analyze([{"text": "x"}])
