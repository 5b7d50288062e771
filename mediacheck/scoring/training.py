"""Fitting the loaded-language model (``mediacheck train-scorer``): training only, no runtime module imports it."""
from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import numpy as np

from mediacheck.data import stamp
from mediacheck.scoring.loaded import LoadedModel, logit_shift, vectorizer

LOADED_MODEL_SCHEMA = 1

__all__ = ["design_matrix", "fit_loaded_model", "prior_note"]


def design_matrix(texts: Sequence[str], vec):
    """Sentence x n-gram matrix: the sum of the tokens' L2-normalised vectors over sqrt(tokens)."""
    import scipy.sparse as sp

    index: dict[str, int] = {}
    rows, cols, data = [], [], []
    for i, s in enumerate(texts):
        toks = s.lower().split()
        for t in toks:
            rows.append(i)
            cols.append(index.setdefault(t, len(index)))
            data.append(1.0 / math.sqrt(len(toks)))
    a = sp.csr_matrix((data, (rows, cols)), shape=(len(texts), max(len(index), 1)))
    tokens = sorted(index, key=index.get) or [""]
    return a @ vec.transform(tokens)


def fit_loaded_model(texts: Sequence[str], labels: Sequence[int], *, c: float = 3.0, data_name: str = "",
                     licence: str = "", target_prior: float | None = None,
                     target_prior_source: str = "") -> LoadedModel:
    """Fit the model from sentences and 0/1 labels (1 = loaded / biased). Classes are balanced, so the training
    prior is 0.5; ``target_prior`` (the share of loaded sentences where the model is used; default none = no
    shift) shifts the logits to it, ``target_prior_source`` says where that share comes from (header)."""
    from sklearn.linear_model import LogisticRegression

    y = np.asarray(labels, dtype=int)
    if len(y) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(y)} labels")
    if len(set(y.tolist())) < 2:
        raise ValueError("need both labels (0 and 1) to fit the loaded-language model")
    vec = vectorizer()
    vec.fit(texts)
    lr = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    lr.fit(design_matrix(texts, vec), y)
    header = {"data": data_name, "licence": licence, "fitted": date.today().isoformat(), "sentences": len(y),
              "positives": int(y.sum()),
              "features": "per-token tf-idf char_wb 2-5-grams (sublinear, L2), summed over sqrt(tokens)",
              "model": f"logistic regression, C={c}, balanced classes", "tool": "mediacheck train-scorer"}
    training_prior = 0.5    # balanced class weights: the fit sees both classes with equal total weight
    logit_shift(training_prior, target_prior)
    if target_prior is not None:
        header["prior_correction"] = prior_note(training_prior, target_prior, target_prior_source,
                                                int(y.sum()), len(y))
    return LoadedModel(dict(vec.vocabulary_), vec.idf_.copy(), lr.coef_[0].copy(), float(lr.intercept_[0]),
                       0.5, stamp(header, LOADED_MODEL_SCHEMA), training_prior, target_prior)


def prior_note(training_prior: float, target_prior: float, source: str, positives: int, n: int) -> dict:
    """The header record of a prior correction."""
    return {
        "method": "logit' = logit + log(t/(1-t)) - log(p/(1-p)), p = training_prior, t = target_prior; folded into "
                  "the intercept (the file's 'intercept' is the fitted one)",
        "training_prior": f"{training_prior:g}: balanced class weights ({positives:,} of {n:,} training sentences "
                          "positive)",
        "target_prior": f"{target_prior:g}" + (f": {source}" if source else ""),
        "date": date.today().isoformat(),
    }
