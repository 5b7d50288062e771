"""Fitting the line model (``mediacheck train-cleaner``): training only, no runtime module imports it."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np

from mediacheck.cleaning.classifier import STAGE2_NAMES, LinearStage, LineModel, stage2_features
from mediacheck.cleaning.features import FEATURE_NAMES
from mediacheck.cleaning.labels import CLEAN_COPY_WEIGHT, labelled_documents
from mediacheck.cleaning.rules import rules_fingerprint
from mediacheck.data import stamp

LINE_MODEL_SCHEMA = 1

__all__ = ["fit_line_model", "fit_stage"]


def fit_stage(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], c: float,
               weight: np.ndarray | None = None) -> LinearStage:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit((x - mean) / scale, y, sample_weight=weight)
    return LinearStage(names, mean, scale, lr.coef_[0], float(lr.intercept_[0]))


def fit_line_model(records: Iterable[dict], *, c: float = 1.0, threshold: float = 0.4,
                   data_name: str = "", licence: str = "") -> LineModel:
    """Fit a line model from records with ``gold_text`` and ``scraped`` (plain text) or ``html``.

    A line is labelled body when most of its word 4-grams (or, for short lines, its words in order) occur in
    ``gold_text``. Stage 2 is fitted on out-of-fold stage-1 logits so it learns from honest neighbours.
    """

    docs = list(labelled_documents(records))
    if not docs:
        raise ValueError("no usable training records (need gold_text and scraped or html)")
    x1 = np.vstack([d[0] for d in docs])
    y = np.concatenate([d[1] for d in docs])
    if len(set(y.tolist())) < 2:
        raise ValueError("training data has only one class of lines")
    # Weight lines by the square root of their words: the metric counts words, long lines matter more.
    w = np.sqrt(np.expm1(x1[:, 1]) + 1) * np.concatenate([np.full(len(d[1]), d[2]) for d in docs])
    stage1 = fit_stage(x1, y, FEATURE_NAMES, c, w)
    # Out-of-fold stage-1 logits (2 folds by document) for stage 2.
    folds = np.arange(len(docs)) % 2
    z_parts: list[np.ndarray | None] = [None] * len(docs)
    for f in (0, 1):
        tr = [i for i in range(len(docs)) if folds[i] != f]
        xs = np.vstack([docs[i][0] for i in tr])
        ys = np.concatenate([docs[i][1] for i in tr])
        ws = np.sqrt(np.expm1(xs[:, 1]) + 1) * np.concatenate([np.full(len(docs[i][1]), docs[i][2]) for i in tr])
        st = fit_stage(xs, ys, FEATURE_NAMES, c, ws) if len(set(ys.tolist())) == 2 else stage1
        for i in range(len(docs)):
            if folds[i] == f:
                z_parts[i] = st.logit(docs[i][0])
    x2 = np.vstack([stage2_features(z, d[0][:, 0]) for z, d in zip(z_parts, docs)])
    stage2 = fit_stage(x2, y, STAGE2_NAMES, c, w)
    header = {"data": data_name, "licence": licence, "fitted": date.today().isoformat(),
              "documents": sum(d[2] == 1.0 for d in docs),
              "lines": int(sum(len(d[1]) for d in docs if d[2] == 1.0)), "clean_copy_weight": CLEAN_COPY_WEIGHT,
              "tool": "mediacheck train-cleaner", "rules_fingerprint": rules_fingerprint()}
    return LineModel(stage1, stage2, threshold, stamp(header, LINE_MODEL_SCHEMA))
