"""The line classifier: is a line part of the article body? Two stacked logistic regressions, weights in JSON.

Stage 1 reads each line's own features and its neighbourhood (``features.py``); stage 2 re-reads stage 1's
probabilities of the neighbouring lines, so a caption inside the body and a lone sentence in a footer are told
apart. Both stages are plain linear models: the weights are readable and ship as JSON (never pickled).
``line_proba`` is the cleaner's classifier stage: the model's probabilities, or the rules-only body-zone
heuristic (``heuristic_proba``), which also backs the model up when it keeps too little of the page's prose.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from mediacheck.cleaning.blocks import main_block, main_prose_lost, too_little
from mediacheck.cleaning.features import COLUMN as _COL
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
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, d: dict) -> LineModel:
        s1 = LinearStage.from_dict(d["stage1"])
        if s1.names != FEATURE_NAMES:
            raise ValueError("line model was fitted on other features than this version computes; refit it "
                             "with `mediacheck train-cleaner`")
        return cls(s1, LinearStage.from_dict(d["stage2"]), float(d["threshold"]), d.get("header"))


_DEFAULT: list[LineModel | None] = []


def default_model() -> LineModel | None:
    """The shipped model (package data), loaded once. A missing file is an error (``DataFileError``), not a silent
    switch to the rules-only heuristics; None only when a caller set it so (the tests' rules-only mode)."""
    if not _DEFAULT:
        from mediacheck.data import load_json

        _DEFAULT.append(LineModel.from_dict(load_json(DEFAULT_MODEL_FILE)))
    return _DEFAULT[0]


def heuristic_proba(feats: np.ndarray) -> np.ndarray:
    """Rules-only body zone: prose lines, and sentence-like lines inside the span of the article's prose,
    limited to the main block of such lines (long paragraphs outside it are kept too)."""
    if len(feats) == 0:
        return np.zeros(0)
    words = np.expm1(feats[:, _COL["log_words"]])
    terminal = feats[:, _COL["terminal_punct"]] > 0
    prose = (words >= 10) & terminal
    inside = ((feats[:, _COL["in_prose_span"]] > 0) & (words >= 6) & (terminal | (words >= 12))
              & (feats[:, _COL["short_run"]] < np.log1p(4)))
    keep = prose | inside
    lo, hi = main_block(np.where(keep, 1.0, -0.5) * feats[:, _COL["log_chars"]])
    pos = np.arange(len(keep))
    keep &= ((pos >= lo) & (pos <= hi)) | (words >= 20)
    return keep.astype(float)


def line_proba(feats: np.ndarray, free: np.ndarray, model: LineModel | None, *, zone: bool
               ) -> tuple[np.ndarray, float, str]:
    """(probability of being body, threshold, code for lines below it) of each line.

    ``zone=False``: every line is body. No model: the body-zone heuristic (``BP_OUTSIDE_BODY``). When the model
    keeps too little of the free prose (``blocks.too_little``), the heuristic's body lines are kept as well; when
    it drops most of the main prose block (``blocks.main_prose_lost``), that block's prose lines are kept.
    """
    n = len(feats)
    if not zone:
        return np.ones(n), 0.5, "CL_BOILERPLATE"
    if model is None:
        return heuristic_proba(feats), 0.5, "BP_OUTSIDE_BODY"
    proba = model.predict_proba(feats)
    threshold = model.threshold
    if too_little(free & (proba >= threshold), free, feats):
        # The model kept almost none of the prose (short or unusual pages): fall back to the body-zone rules.
        proba = np.maximum(proba, heuristic_proba(feats) * threshold)
    lost = main_prose_lost(free & (proba >= threshold), free, feats)
    if lost.any():
        proba = np.where(lost, threshold, proba)
    return proba, threshold, "CL_BOILERPLATE"
