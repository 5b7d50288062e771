"""scikit-learn transformers: ScoreFeatures and Cleaner in pipelines, feature names, pandas output, clone."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

from mediacheck.scoring import ARTICLE_COLUMNS, score
from mediacheck.sklearn import SCORE_FEATURES, Cleaner, ScoreFeatures

HEDGED = [
    "Officials said the plan could cost about 300 million dollars, but the figure may rise.",
    "The minister will probably resign, according to people familiar with the matter.",
    "Critics say the reform might fail, and analysts expect that prices will possibly rise.",
    "The suspect allegedly fled, and police believe he may have left the country.",
]
PLAIN = [
    "The city council approved the budget on Tuesday.",
    "Mayor Ana Ruiz opened the new library on Main Street.",
    "The train to Boston left the station at nine.",
    "Senator Jane Smith announced the vote for Thursday.",
]
RAW = [
    "Skip to content\n\nCouncil backs new park\n\nThe city council voted on Tuesday to build a new park near "
    "the river. Residents welcomed the decision after years of delays.\n\nShare this article\n",
    "Menu\n\nStorm hits coast\n\nThe storm knocked out power to thousands of homes across the region on "
    "Sunday. Crews worked through the night to restore it.\n\nShare this article\n",
]


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.DataFrame({"text": HEDGED + PLAIN, "y": [1] * len(HEDGED) + [0] * len(PLAIN)},
                        index=[f"a{i}" for i in range(len(HEDGED) + len(PLAIN))])


def test_feature_names_are_the_numeric_article_columns():
    names = ScoreFeatures().fit(["x"]).get_feature_names_out()
    assert list(names) == list(SCORE_FEATURES)
    assert set(SCORE_FEATURES) == set(ARTICLE_COLUMNS) - {"id", "outlet", "title", "dominant_frame"}


def test_transform_width_and_values(frame):
    sf = ScoreFeatures()
    out = sf.fit_transform(frame["text"])
    assert isinstance(out, np.ndarray) and out.dtype == float
    assert out.shape == (len(frame), len(sf.get_feature_names_out()))
    assert np.isfinite(out).all()               # NaN attribution share became 0
    col = list(SCORE_FEATURES).index("hedges_per_1k")
    expected = score(HEDGED[0], clean=False).summary["hedges_per_1k"]
    assert out[0, col] == pytest.approx(expected)
    assert (out[: len(HEDGED), col] > 0).all() and (out[len(HEDGED):, col] == 0).all()


def test_pipeline_with_logistic_regression_on_pandas(frame):
    pipe = make_pipeline(ScoreFeatures(), LogisticRegression(max_iter=1000))
    assert pipe.fit(frame[["text"]], frame["y"]) is pipe
    pred = pipe.predict(pd.DataFrame({"text": ["Officials said prices may rise by about 5 percent.",
                                               "The museum opened a new wing on Friday."]}))
    assert list(pred) == [1, 0]
    proba = pipe.predict_proba(frame[["text"]])
    assert proba.shape == (len(frame), 2)


def test_set_output_pandas(frame):
    sf = ScoreFeatures().set_output(transform="pandas")
    out = sf.fit_transform(frame["text"])
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == list(sf.get_feature_names_out())
    assert list(out.index) == list(frame.index)
    assert (out["hedges_per_1k"].iloc[: len(HEDGED)] > 0).all()


def test_set_output_pandas_in_a_pipeline(frame):
    pipe = Pipeline([("scores", ScoreFeatures()), ("clf", LogisticRegression(max_iter=1000))])
    pipe.set_output(transform="pandas")
    pipe.fit(frame[["text"]], frame["y"])
    assert list(pipe.named_steps["clf"].feature_names_in_) == list(SCORE_FEATURES)


def test_inputs_list_series_and_one_column_frame_agree():
    texts = HEDGED[:2]
    sf = ScoreFeatures()
    a = sf.fit_transform(texts)
    b = sf.transform(pd.Series(texts))
    c = sf.transform(pd.DataFrame({"body": texts}))
    assert np.array_equal(a, b) and np.array_equal(a, c)


def test_bad_inputs():
    with pytest.raises(TypeError, match="single string"):
        ScoreFeatures().transform("Officials said the plan may fail.")
    with pytest.raises(ValueError, match="one text column"):
        ScoreFeatures().transform(pd.DataFrame({"a": ["x"], "b": ["y"]}))


def test_empty_and_missing_texts_give_zero_rows():
    out = ScoreFeatures().fit_transform(["", None, "The council met."])
    assert out.shape == (3, len(SCORE_FEATURES))
    assert (out[0] == 0).all() and (out[1] == 0).all()


def test_fit_returns_self_and_learns_nothing():
    sf, cl = ScoreFeatures(), Cleaner()
    assert sf.fit(PLAIN) is sf and cl.fit(PLAIN) is cl
    assert sf.n_features_in_ == 1
    assert np.array_equal(sf.transform(PLAIN), ScoreFeatures().fit(HEDGED).transform(PLAIN))


def test_clone_keeps_parameters():
    sf = clone(ScoreFeatures(clean=True))
    assert sf.get_params() == {"clean": True, "tone": True, "n_jobs": None}
    cl = clone(Cleaner(include_title=True, rules_only=True, n_jobs=-1))
    assert cl.get_params() == {"include_title": True, "rules_only": True, "n_jobs": -1}
    pipe = clone(make_pipeline(Cleaner(rules_only=True), TfidfVectorizer()))
    assert pipe.steps[0][1].rules_only is True


def test_cleaner_before_tfidf():
    pipe = make_pipeline(Cleaner(), TfidfVectorizer())
    m = pipe.fit_transform(RAW)
    assert m.shape[0] == 2
    vocab = set(pipe[-1].get_feature_names_out())
    assert {"council", "storm", "river"} <= vocab
    assert not {"skip", "content", "share", "menu"} & vocab


def test_cleaner_output_is_the_body():
    body = Cleaner().fit_transform(RAW)
    assert isinstance(body, list) and len(body) == 2
    assert body[0].startswith("The city council voted on Tuesday")
    assert "Share this" not in body[0] and "Skip to content" not in body[0]


def test_score_features_clean_option_drops_boilerplate():
    raw = ["Skip to content\n\nCouncil backs park\n\nOfficials said the park may cost about 3 million dollars. "
           "Residents welcomed the decision after years of delays.\n\nShare this article\n"]
    names = list(SCORE_FEATURES)
    cleaned = ScoreFeatures(clean=True).fit_transform(raw)[0]
    as_given = ScoreFeatures(clean=False).fit_transform(raw)[0]
    assert cleaned[names.index("words")] < as_given[names.index("words")]
    assert cleaned[names.index("hedges_per_1k")] > 0


def test_n_jobs_runs_a_pool_with_the_same_output(monkeypatch):
    from mediacheck import parallel

    monkeypatch.setattr(parallel, "SERIAL_FIRST", 2)         # a pool for these few texts (default: from 100 on)
    monkeypatch.setattr(parallel, "BATCH", 3)
    made = []
    real = parallel.process_pool
    monkeypatch.setattr(parallel, "process_pool", lambda *a, **k: made.append(1) or real(*a, **k))
    texts = RAW * 3 + HEDGED + PLAIN
    one = ScoreFeatures(clean=True).fit_transform(texts)
    pooled = ScoreFeatures(clean=True, n_jobs=2).fit_transform(texts)
    assert np.array_equal(one, pooled) and one[:, list(SCORE_FEATURES).index("hedges_per_1k")].max() > 0
    assert Cleaner(n_jobs=-1).fit_transform(texts) == Cleaner().fit_transform(texts)
    assert len(made) == 2
    with pytest.raises(ValueError, match="n_jobs == 0"):
        Cleaner(n_jobs=0).fit_transform(texts)


def test_n_jobs_follows_scikit_learns_convention():
    from mediacheck.parallel import default_jobs
    from mediacheck.sklearn import _jobs

    assert (_jobs(None), _jobs(1), _jobs(3), _jobs(-1)) == (1, 1, 3, 0)
    assert _jobs(-2) == max(1, default_jobs() - 1) and _jobs(-1000) == 1
