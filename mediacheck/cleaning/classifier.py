"""The line classifier: is a line part of the article body? Two stacked logistic regressions, weights in JSON.

Stage 1 reads each line's own features and its neighbourhood (``features.py``); stage 2 re-reads stage 1's
probabilities of the neighbouring lines, so a caption inside the body and a lone sentence in a footer are told
apart. Both stages are plain linear models: the weights are readable and ship as JSON (never pickled).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources

import numpy as np

from mediacheck.cleaning.features import FEATURE_NAMES, _window_mean

STAGE2_NAMES = ("logit", "logit_prev", "logit_next", "logit_win2", "logit_win5", "logit_prev2", "logit_next2",
                "in_main_block", "log_dist_main_block")
DEFAULT_MODEL_FILE = "line_model.json"


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _shift(x: np.ndarray, k: int, fill: float) -> np.ndarray:
    if len(x) == 0:
        return x
    out = np.full_like(x, fill)
    if k > 0:
        out[k:] = x[:-k]
    else:
        out[:k] = x[-k:]
    return out


def main_block(gain: np.ndarray) -> tuple[int, int]:
    """The contiguous run of lines with the largest total gain (maximum subarray), as [start, end]."""
    best, best_lo, best_hi = -np.inf, 0, -1
    run, lo = 0.0, 0
    for i, g in enumerate(gain.tolist()):
        if run <= 0:
            run, lo = g, i
        else:
            run += g
        if run > best:
            best, best_lo, best_hi = run, lo, i
    return best_lo, best_hi


def stage2_features(logit: np.ndarray, log_chars: np.ndarray) -> np.ndarray:
    edge = -4.0   # outside the page counts as boilerplate
    n = len(logit)
    lo, hi = main_block((_sigmoid(logit) - 0.5) * log_chars)
    pos = np.arange(n)
    inside = ((pos >= lo) & (pos <= hi)).astype(float)
    dist = np.where(pos < lo, lo - pos, np.where(pos > hi, pos - hi, 0))
    return np.column_stack([
        logit, _shift(logit, 1, edge), _shift(logit, -1, edge), _window_mean(logit, 2), _window_mean(logit, 5),
        _shift(logit, 2, edge), _shift(logit, -2, edge), inside, np.log1p(dist),
    ])


@dataclass(frozen=True)
class LinearStage:
    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def logit(self, x: np.ndarray) -> np.ndarray:
        z = x - self.mean
        z /= self.scale                 # in place: one temporary matrix, not two (same numbers)
        return z @ self.coef + self.intercept

    def to_dict(self) -> dict:
        return {
            "features": list(self.names), "mean": self.mean.round(6).tolist(), "scale": self.scale.round(6).tolist(),
            "coef": self.coef.round(6).tolist(), "intercept": round(float(self.intercept), 6),
        }

    @classmethod
    def from_dict(cls, d: dict) -> LinearStage:
        return cls(tuple(d["features"]), np.asarray(d["mean"], float), np.asarray(d["scale"], float),
                   np.asarray(d["coef"], float), float(d["intercept"]))


@dataclass(frozen=True)
class LineModel:
    """Two-stage line model; ``threshold`` is the probability above which a line is kept."""

    stage1: LinearStage
    stage2: LinearStage
    threshold: float = 0.5
    header: dict | None = None

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        if len(features) == 0:
            return np.zeros(0)
        z1 = self.stage1.logit(features)
        return _sigmoid(self.stage2.logit(stage2_features(z1, features[:, 0])))

    def to_json(self) -> str:
        d = {"header": self.header or {}, "threshold": self.threshold,
             "stage1": self.stage1.to_dict(), "stage2": self.stage2.to_dict()}
        return json.dumps(d, indent=1)

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        d = json.loads(text)
        s1 = LinearStage.from_dict(d["stage1"])
        if s1.names != FEATURE_NAMES:
            raise ValueError("line model was fitted on other features than this version computes; refit it "
                             "with `mediacheck train-cleaner`")
        return cls(s1, LinearStage.from_dict(d["stage2"]), float(d["threshold"]), d.get("header"))


_DEFAULT: list[LineModel | None] = []


def default_model() -> LineModel | None:
    """The shipped model (package data), loaded once; None if the file is missing."""
    if not _DEFAULT:
        try:
            text = resources.files("mediacheck.data").joinpath(DEFAULT_MODEL_FILE).read_text("utf-8")
            _DEFAULT.append(LineModel.from_json(text))
        except (FileNotFoundError, ModuleNotFoundError):
            _DEFAULT.append(None)
    return _DEFAULT[0]


def _fit_stage(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], c: float,
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
    from mediacheck.cleaning.labels import CLEAN_COPY_WEIGHT, labelled_documents
    from mediacheck.cleaning.rules import rules_fingerprint

    docs = list(labelled_documents(records))
    if not docs:
        raise ValueError("no usable training records (need gold_text and scraped or html)")
    x1 = np.vstack([d[0] for d in docs])
    y = np.concatenate([d[1] for d in docs])
    if len(set(y.tolist())) < 2:
        raise ValueError("training data has only one class of lines")
    # Weight lines by the square root of their words: the metric counts words, long lines matter more.
    w = np.sqrt(np.expm1(x1[:, 1]) + 1) * np.concatenate([np.full(len(d[1]), d[2]) for d in docs])
    stage1 = _fit_stage(x1, y, FEATURE_NAMES, c, w)
    # Out-of-fold stage-1 logits (2 folds by document) for stage 2.
    folds = np.arange(len(docs)) % 2
    z_parts: list[np.ndarray | None] = [None] * len(docs)
    for f in (0, 1):
        tr = [i for i in range(len(docs)) if folds[i] != f]
        xs = np.vstack([docs[i][0] for i in tr])
        ys = np.concatenate([docs[i][1] for i in tr])
        ws = np.sqrt(np.expm1(xs[:, 1]) + 1) * np.concatenate([np.full(len(docs[i][1]), docs[i][2]) for i in tr])
        st = _fit_stage(xs, ys, FEATURE_NAMES, c, ws) if len(set(ys.tolist())) == 2 else stage1
        for i in range(len(docs)):
            if folds[i] == f:
                z_parts[i] = st.logit(docs[i][0])
    x2 = np.vstack([stage2_features(z, d[0][:, 0]) for z, d in zip(z_parts, docs)])
    stage2 = _fit_stage(x2, y, STAGE2_NAMES, c, w)
    header = {"data": data_name, "licence": licence, "fitted": date.today().isoformat(),
              "documents": sum(d[2] == 1.0 for d in docs),
              "lines": int(sum(len(d[1]) for d in docs if d[2] == 1.0)), "clean_copy_weight": CLEAN_COPY_WEIGHT,
              "tool": "mediacheck train-cleaner", "rules_fingerprint": rules_fingerprint()}
    return LineModel(stage1, stage2, threshold, header)
