"""scikit-learn estimator tags of the stateless text transformers (as ``HashingVectorizer``), and ScoreFeatures'
``tone`` option."""
from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import sklearn
from sklearn.base import clone
from sklearn.feature_extraction.text import HashingVectorizer

from mediacheck.scoring import score_many
from mediacheck.sklearn import SCORE_FEATURES, Cleaner, ScoreFeatures

TEXTS = ["Officials said the plan may cost about 300 million dollars, but critics doubt it.",
         "The museum opened a wonderful new wing on Friday, to the delight of visitors."]
NEW_TAGS = tuple(int(p) for p in sklearn.__version__.split(".")[:2]) >= (1, 6)


@pytest.mark.skipif(not NEW_TAGS, reason="__sklearn_tags__ / get_tags need scikit-learn >= 1.6")
@pytest.mark.parametrize("est", [Cleaner(), ScoreFeatures(), Cleaner(rules_only=True), ScoreFeatures(tone=False)])
def test_tags_say_stateless_and_text_input(est):
    from sklearn.utils import get_tags

    with warnings.catch_warnings():
        warnings.simplefilter("error")              # no deprecation of _more_tags or the like
        tags = get_tags(est)
    assert tags.requires_fit is False
    assert tags.input_tags.string is True
    assert tags.input_tags.two_d_array is False
    reference = get_tags(HashingVectorizer())
    assert (tags.requires_fit, tags.input_tags.string, tags.input_tags.two_d_array) == (
        reference.requires_fit, reference.input_tags.string, reference.input_tags.two_d_array)


@pytest.mark.skipif(not NEW_TAGS, reason="requires_fit is read by check_is_fitted from scikit-learn 1.6")
def test_unfitted_transformers_pass_check_is_fitted():
    from sklearn.utils.validation import check_is_fitted

    for est in (Cleaner(), ScoreFeatures()):
        check_is_fitted(est)
    assert ScoreFeatures().transform(TEXTS).shape == (2, len(SCORE_FEATURES))


def test_old_style_tags_kept_for_older_scikit_learn():
    for est in (Cleaner(), ScoreFeatures()):
        assert est._more_tags() == {"X_types": ["string"], "requires_fit": False, "stateless": True}


def test_tone_defaults_to_scores_default():
    import inspect

    from mediacheck.scoring import score

    assert ScoreFeatures().tone is inspect.signature(score).parameters["tone"].default is True
    assert clone(ScoreFeatures(tone=False)).get_params() == {"clean": False, "tone": False, "n_jobs": None}


def test_tone_false_skips_vader_and_the_tone_column(monkeypatch):
    import mediacheck.scoring.scorer as scorer

    calls = []
    real = scorer.compound
    monkeypatch.setattr(scorer, "compound", lambda text: calls.append(text) or real(text))

    with_tone = ScoreFeatures().fit_transform(TEXTS)
    assert calls                                        # VADER ran, once per sentence
    calls.clear()
    no_tone = ScoreFeatures(tone=False).fit_transform(TEXTS)
    assert calls == []                                  # the faster path: no VADER at all
    assert all(math.isnan(s.summary["tone"]) for s in score_many(TEXTS, clean=False, tone=False))

    names = list(ScoreFeatures(tone=False).get_feature_names_out())
    assert names == [c for c in SCORE_FEATURES if c != "tone"]
    assert no_tone.shape == (2, len(SCORE_FEATURES) - 1)
    keep = [i for i, c in enumerate(SCORE_FEATURES) if c != "tone"]
    assert np.array_equal(no_tone, with_tone[:, keep])  # every other score is the same
    assert with_tone[1, list(SCORE_FEATURES).index("tone")] > 0


def test_tone_false_with_pandas_output():
    out = ScoreFeatures(tone=False).set_output(transform="pandas").fit_transform(TEXTS)
    assert "tone" not in out.columns and list(out.columns) == [c for c in SCORE_FEATURES if c != "tone"]
