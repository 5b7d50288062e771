"""The outlet statistics on a process pool give exactly the serial tables: bootstrap intervals (``outlet_table``)
and permutation tests (``outlet_pairs_table``) for jobs=1, 2 and 0 (all cores), with a shared pool too."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mediacheck.report import aggregate, engine
from mediacheck.report.columns import ARTICLE_TABLE, HEADLINE_METRICS, NO_OUTLET, RATE_METRICS
from mediacheck.report.engine import process_pool
from mediacheck.scoring.scorer import FRAME_TYPES, GENERIC_FRAMES

LEANINGS = ("left", "lean left", "center", "lean right", "right", "")
HEDGE_COLUMNS = [c for c in ARTICLE_TABLE if c.startswith("hedges_") and c != "hedges_per_1k"]


def _articles(n_outlets: int = 40, seed: int = 5) -> pd.DataFrame:
    """Article rows as the pipeline makes them: Zipf-like outlet sizes (a few below min_articles), empty
    articles with no scores, records without an outlet, rates rounded from counts, headline flags."""
    rng = np.random.default_rng(seed)
    names = [f"Outlet {k:02d} {'Herald' if k % 3 else 'Times'}" for k in range(n_outlets)] + [NO_OUTLET]
    rows = []
    for k, outlet in enumerate(names):
        leaning = LEANINGS[k % len(LEANINGS)]
        for a in range(max(2, int(90 / (k + 1) ** 0.9))):
            aid = f"{outlet[:9].replace(' ', '')}-{a}"
            empty = rng.random() < 0.05
            words = 0 if empty else int(rng.integers(120, 1600))
            sentences = 0 if empty else max(1, words // int(rng.integers(15, 30)))
            title = "" if rng.random() < 0.04 else f"Council {'debates' if a % 2 else 'backs'} plan {k}-{a}"
            row = {"id": aid, "input_id": aid, "outlet": outlet, "leaning": leaning if rng.random() > 0.1 else "",
                   "status": "empty" if empty else "ok", "title": title, "chars_kept": words * 6,
                   "chars_removed": int(rng.integers(0, 4000)), "words": words, "sentences": sentences,
                   "cluster_outlets": int(rng.choice([1, 1, 1, 2, 3])), "warnings": "[]"}
            if not empty:
                row.update(_scores(rng, words, sentences, bool(title)))
            rows.append(row)
    return pd.DataFrame(rows, columns=list(ARTICLE_TABLE))


def _scores(rng: np.random.Generator, words: int, sentences: int, titled: bool) -> dict:
    """Per-article rates rounded from counts, as the scorer writes them."""
    def per_1k(count: int) -> float:
        return round(count / words * 1000, 4)

    def share(count: int) -> float:
        return round(count / sentences, 4)

    row = {"hedges_per_1k": per_1k(rng.poisson(words / 150)), "boosters_per_1k": per_1k(rng.poisson(words / 300)),
           "loaded_cues_per_1k": per_1k(rng.poisson(words / 250)),
           "hedged_sentence_share": share(rng.binomial(sentences, 0.2)),
           "loaded_sentence_rate": share(rng.binomial(sentences, 0.1)),
           "loaded_mean_prob": round(float(rng.beta(2, 8)), 4), "tone": round(float(rng.uniform(-0.6, 0.4)), 4)}
    for col in HEDGE_COLUMNS:
        row[col] = per_1k(rng.poisson(words / 600))
    for t in FRAME_TYPES:
        row[f"frame_{t}_share"] = share(rng.binomial(sentences, 0.08))
    for t in GENERIC_FRAMES:
        row[f"frame_{t}_prob"] = round(float(rng.beta(2, 3)), 4)
    attributions = int(rng.integers(0, 12))
    row["attributions"] = attributions
    row["anonymous_attribution_share"] = (round(rng.binomial(attributions, 0.3) / attributions, 4)
                                          if attributions else np.nan)
    for flag in ("question_headline", "clickbait_headline", "superlative_headline"):
        row[flag] = titled and bool(rng.random() < 0.15)
    return row


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return _articles()


@pytest.fixture(scope="module")
def duplicates(articles) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = articles["id"].tolist()
    pairs = pd.DataFrame([{"a": ids[k], "b": ids[k + 7], "kind": ("exact", "near", "syndicated", "same_story")[k % 4],
                           "score": 0.9, "method": "test"} for k in range(0, len(ids) - 7, 5)])
    outlets = pd.DataFrame({"outlet": sorted(articles["outlet"].unique())})
    outlets["first_share"] = np.round(np.linspace(0, 1, len(outlets)), 4)
    return pairs, outlets


@pytest.fixture
def pool_calls(monkeypatch) -> list[int]:
    """Records the number of chunks every ``pool_map`` call sends to a pool; the pool is used whatever the work
    (by default this small table would be computed in this process)."""
    monkeypatch.setattr(aggregate, "PARALLEL_DRAWS", 0)
    monkeypatch.setattr(aggregate, "PARALLEL_RELABELS", 0)
    calls: list[int] = []
    real = engine.pool_map

    def spy(fn, chunks, **kw):
        chunks = list(chunks)
        calls.append(len(chunks))
        return real(fn, chunks, **kw)

    monkeypatch.setattr(engine, "pool_map", spy)
    return calls


def test_the_fixture_is_big_enough_for_the_pool(articles):
    outlets = articles["outlet"].nunique()
    assert outlets > aggregate.PARALLEL_OUTLETS
    counts = articles[articles["status"] == "ok"].groupby("outlet").size()
    compared = int((counts.drop(NO_OUTLET) >= 5).sum())
    assert compared * (compared - 1) // 2 > aggregate.PARALLEL_PAIRS
    assert (counts < 5).any()                              # some outlets get no interval and are not compared


@pytest.mark.parametrize("jobs", [2, 0])
def test_outlet_table_is_the_same_on_a_process_pool(articles, duplicates, pool_calls, jobs):
    pairs, dedup_outlets = duplicates
    kw = {"pairs": pairs, "dedup_outlets": dedup_outlets, "resamples": 300, "min_articles": 5}
    serial = aggregate.outlet_table(articles, jobs=1, **kw)
    assert pool_calls == []
    parallel = aggregate.outlet_table(articles, jobs=jobs, **kw)
    if jobs == 2 or engine.default_jobs() > 1:
        assert pool_calls and pool_calls[0] > 1           # several chunks went to the pool
    pd.testing.assert_frame_equal(parallel, serial, check_exact=True)
    assert serial["hedges_per_1k_ci_low"].notna().sum() > 20      # intervals were computed, not all empty
    assert serial.to_csv(index=False) == parallel.to_csv(index=False)


@pytest.mark.parametrize("jobs", [2, 0])
def test_outlet_pairs_table_is_the_same_on_a_process_pool(articles, pool_calls, jobs):
    kw = {"permutations": 199, "min_articles": 5, "exclude": (NO_OUTLET,)}
    serial, notes = aggregate.outlet_pairs_table(articles, jobs=1, **kw)
    assert pool_calls == []
    parallel, parallel_notes = aggregate.outlet_pairs_table(articles, jobs=jobs, **kw)
    if jobs == 2 or engine.default_jobs() > 1:
        assert pool_calls and pool_calls[0] > 1
    assert parallel_notes == notes
    pd.testing.assert_frame_equal(parallel, serial, check_exact=True)
    assert len(serial) > aggregate.PARALLEL_PAIRS * len(HEADLINE_METRICS)
    assert serial["p_value"].notna().all()


def test_both_tables_can_share_one_pool_and_report_progress(articles, duplicates, pool_calls):
    pairs, dedup_outlets = duplicates
    seen: dict[str, list[int]] = {}

    def progress(name):
        def wrap(items, n):
            seen[name] = [n, 0]
            for item in items:
                seen[name][1] += 1
                yield item
        return wrap

    with process_pool(2) as pool:
        outlets = aggregate.outlet_table(articles, pairs=pairs, dedup_outlets=dedup_outlets, resamples=200,
                                         jobs=2, executor=pool, progress=progress("outlets"))
        compared, _ = aggregate.outlet_pairs_table(articles, permutations=99, exclude=(NO_OUTLET,), jobs=2,
                                                   executor=pool, progress=progress("pairs"))
    assert len(pool_calls) == 2
    n_outlets = articles["outlet"].nunique()
    assert seen["outlets"] == [n_outlets, n_outlets]           # every outlet passed the bar once
    assert seen["pairs"][0] == seen["pairs"][1] == len(compared) // len(HEADLINE_METRICS)
    pd.testing.assert_frame_equal(outlets, aggregate.outlet_table(articles, pairs=pairs, dedup_outlets=dedup_outlets,
                                                                  resamples=200), check_exact=True)
    pd.testing.assert_frame_equal(compared, aggregate.outlet_pairs_table(articles, permutations=99,
                                                                         exclude=(NO_OUTLET,))[0], check_exact=True)


def test_few_outlets_stay_in_this_process(articles, pool_calls):
    few = articles[articles["outlet"].isin(sorted(articles["outlet"].unique())[:6])]
    aggregate.outlet_table(few, resamples=100, jobs=2)
    aggregate.outlet_pairs_table(few, permutations=99, jobs=2)
    aggregate.outlet_table(articles, resamples=0, jobs=2)          # nothing to draw
    assert pool_calls == []


def test_little_work_stays_in_this_process(articles, monkeypatch):
    calls = []
    monkeypatch.setattr(engine, "pool_map", lambda *a, **kw: calls.append(a) or iter(()))
    aggregate.outlet_table(articles, resamples=300, jobs=2)       # ~600 articles x 300 draws: below the minimum
    aggregate.outlet_pairs_table(articles, permutations=199, jobs=2)
    assert calls == []


def test_outlet_rates_match_rate_parts_of_each_outlet_alone(articles):
    """Rate parts are computed once for all articles; an outlet's rates equal those of its rows alone."""
    table = aggregate.outlet_table(articles, resamples=0).set_index("outlet")
    for outlet in ("Outlet 00 Times", "Outlet 07 Herald", NO_OUTLET):
        ok = articles[(articles["outlet"] == outlet) & (articles["status"] == "ok")]
        for m in RATE_METRICS:
            num, den = aggregate.rate_parts(ok, m)
            expected = round(float(num.sum() / den.sum()), 6) if den.sum() > 0 else np.nan
            assert table.loc[outlet, m] == pytest.approx(expected, abs=1e-12, nan_ok=True), (outlet, m)
        assert table.loc[outlet, "words"] == int(ok["words"].sum())


def test_build_report_passes_jobs_to_the_outlet_statistics(monkeypatch):
    from mediacheck.report import analyze

    got = {}
    for name in ("outlet_table", "outlet_pairs_table"):
        real = getattr(aggregate, name)

        def spy(*a, _real=real, _name=name, **kw):
            got[_name] = (kw["jobs"], kw["executor"])
            return _real(*a, **kw)

        monkeypatch.setattr(aggregate, name, spy)
    df = pd.DataFrame({"id": ["a", "b"], "outlet": ["X", "Y"],
                       "text": ["Officials may delay the vote, sources said.", "The council approved the budget."]})
    analyze(df, jobs=2, templates=False, tone=False, resamples=10, permutations=9)
    assert got["outlet_table"][0] == 2 and got["outlet_table"][1] is got["outlet_pairs_table"][1] is not None
