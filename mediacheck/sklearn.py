"""scikit-learn transformers: ``Cleaner`` (scraped text -> article body) and ``ScoreFeatures`` (text -> scores).

Both follow scikit-learn's conventions: ``__init__`` only stores parameters, ``fit`` returns ``self``, they are
stateless (``fit`` learns nothing, ``transform`` works unfitted) and tagged as such, with text input, like
scikit-learn's ``HashingVectorizer``; ``ScoreFeatures`` supports ``get_feature_names_out`` and
``set_output(transform="pandas")``. Inputs are an iterable of strings, a pandas Series, or a one-column
DataFrame.

>>> from sklearn.pipeline import make_pipeline
>>> from sklearn.feature_extraction.text import TfidfVectorizer
>>> pipe = make_pipeline(Cleaner(), TfidfVectorizer())           # doctest: +SKIP
"""
from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from mediacheck.scoring.scorer import ARTICLE_COLUMNS

#: Numeric score columns ScoreFeatures outputs, in order.
SCORE_FEATURES = tuple(c for c in ARTICLE_COLUMNS if c not in ("id", "outlet", "title", "dominant_frame"))


class _StatelessText:
    """Estimator tags of a stateless transformer of texts (as ``HashingVectorizer``): no fit needed, strings in."""

    def __sklearn_tags__(self):             # scikit-learn >= 1.6
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags

    def _more_tags(self) -> dict:           # scikit-learn < 1.6
        return {"X_types": ["string"], "requires_fit": False, "stateless": True}

    def __sklearn_is_fitted__(self) -> bool:
        return True                         # stateless: always ready to transform


def _texts(x) -> list[str]:
    if hasattr(x, "columns"):               # DataFrame
        if x.shape[1] != 1:
            raise ValueError(f"expected one text column, got {x.shape[1]} columns")
        x = x.iloc[:, 0]
    if isinstance(x, str):
        raise TypeError("expected an iterable of texts, got a single string; wrap it in a list")
    return ["" if v is None else str(v) for v in x]


def _jobs(n_jobs: int | None) -> int:
    """scikit-learn's ``n_jobs`` as mediacheck's ``jobs``: None -> 1, -1 -> 0 (all cores), -2 -> all but one, ..."""
    if n_jobs is None:
        return 1
    if n_jobs == 0:
        raise ValueError("n_jobs == 0 has no meaning; use None (one process), -1 (all cores) or a count")
    if n_jobs > 0:
        return n_jobs
    if n_jobs == -1:
        return 0
    from mediacheck.parallel import default_jobs

    return max(1, default_jobs() + 1 + n_jobs)


class Cleaner(_StatelessText, TransformerMixin, BaseEstimator):
    """Scraped text -> cleaned article body (``mediacheck.clean``), for use before a vectorizer.

    ``include_title`` puts the detected headline in front of the body; ``rules_only`` skips the line model;
    ``n_jobs`` (scikit-learn's convention: None one process, -1 all cores) cleans on a process pool from a few
    hundred texts on, with the same output. Output is a list of strings, the form text vectorizers take.
    """

    def __init__(self, include_title: bool = False, rules_only: bool = False, n_jobs: int | None = None):
        self.include_title = include_title
        self.rules_only = rules_only
        self.n_jobs = n_jobs

    def fit(self, x, y=None):
        return self

    def transform(self, x) -> list[str]:
        from mediacheck.cleaning import clean_many
        from mediacheck.model import Article

        arts = [Article(id=str(i), text=t) for i, t in enumerate(_texts(x))]
        out = clean_many(arts, templates=False, classifier=False if self.rules_only else None,
                         jobs=_jobs(self.n_jobs))
        return [c.as_text() if self.include_title else c.text for c in out]


class ScoreFeatures(_StatelessText, TransformerMixin, BaseEstimator):
    """Text -> numeric scores per document (hedges per 1,000 words, loaded-language rate, frame shares, ...).

    ``clean=True`` cleans raw scraped text first; NaN (no attributions) becomes 0 so models can use the output.
    ``tone=False`` skips VADER (``score``'s ``tone``; about half the scoring time) and leaves the ``tone`` column
    out of the output, as there is no tone to give (``get_feature_names_out`` follows). ``n_jobs`` as in
    ``Cleaner``.
    """

    def __init__(self, clean: bool = False, tone: bool = True, n_jobs: int | None = None):
        self.clean = clean
        self.tone = tone
        self.n_jobs = n_jobs

    def fit(self, x, y=None):
        self.n_features_in_ = 1
        return self

    def transform(self, x) -> np.ndarray:
        from mediacheck.model import Article
        from mediacheck.scoring import score_many

        arts = [Article(id=str(i), text=t) for i, t in enumerate(_texts(x))]
        options = {"templates": False} if self.clean else {}
        names = self._features()
        rows = [[float(r.summary.get(c, 0.0) or 0.0) for c in names]
                for r in score_many(arts, clean=self.clean, tone=self.tone, jobs=_jobs(self.n_jobs), sentences=False,
                                    **options)]
        out = np.asarray(rows, dtype=float).reshape(len(rows), len(names))
        return np.nan_to_num(out, nan=0.0)

    def _features(self) -> tuple[str, ...]:
        return SCORE_FEATURES if self.tone else tuple(c for c in SCORE_FEATURES if c != "tone")

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return np.asarray(self._features(), dtype=object)
