"""benchmarks/fit_frame_model.py: the threshold choice and the Platt fit on hand-made features; with ../shared
present, that the shipped frame_model.json is what a fresh fit on the dev set gives."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.fit_frame_model import best_threshold, fit, main, prior_logit
from mediacheck.scoring.frames import FEATURES, GENERIC_FRAMES, FrameModel, article_features, default_frame_model

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"


def test_best_threshold_separates_and_prefers_the_cut_nearest_half():
    assert best_threshold([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]) == 0.5          # any cut in (0.2, 0.8] is perfect
    assert best_threshold([0, 1, 1, 1], [0.1, 0.15, 0.3, 0.9]) == 0.15
    assert best_threshold([1, 1], [0.01, 0.02]) == 0.5                       # nothing reaches any cut: 0.5


def _features(evidence: float, share: float) -> dict[str, float]:
    row = dict.fromkeys(FEATURES, 0.0)
    for f in GENERIC_FRAMES:
        row[f"f_{f}_evidence"], row[f"f_{f}_share"] = evidence, share
    return row


def test_fit_keeps_the_prior_ranking_and_calibrates():
    feats = [_features(e, s) for e, s in [(0, 0), (0, 0), (0.5, 0.05), (1, 0.1), (1, 0.05), (2, 0.3), (2, 0.2),
                                          (3, 0.4), (0, 0), (1.5, 0.2)]]
    labels = {f: [0, 0, 0, 1, 0, 1, 1, 1, 0, 1] for f in GENERIC_FRAMES}
    model = fit(feats, labels)
    assert isinstance(model, FrameModel) and set(model.frames) == set(GENERIC_FRAMES)
    for f in GENERIC_FRAMES:
        p = [model.predict(x)[f] for x in feats]
        z = [prior_logit(f, x) for x in feats]
        order_p = sorted(range(len(p)), key=lambda i: (p[i], i))
        order_z = sorted(range(len(z)), key=lambda i: (z[i], i))
        assert order_p == order_z                                              # monotone in the prior's logit
        assert 0 < model.threshold(f) < 1
        mean_p, mean_y = sum(p) / len(p), sum(labels[f]) / len(p)
        assert abs(mean_p - mean_y) < 0.1                                      # calibrated in the large
    assert model.header["licence"] and model.header["fitted"] and model.header["data"]
    assert FrameModel.from_json(model.to_json()).thresholds == model.thresholds


def test_shipped_model_is_fitted_and_labelled():
    model = default_frame_model()
    assert model.header["schema"] == 2 and model.header["fitted"] and "frame dev set" in model.header["data"]
    assert "MIT" in model.header["licence"]
    assert set(model.thresholds) == set(GENERIC_FRAMES)
    none = model.predict(article_features([], 10))
    assert all(p < 0.35 for p in none.values())          # an article answering no question: unlikely framed


@pytest.mark.skipif(not (SHARED / "labels" / "basil_articles.jsonl").exists(), reason="needs ../shared")
def test_shipped_file_matches_a_fresh_fit(capsys):
    assert main(["--check"]) == 0, capsys.readouterr().out
    shipped = json.loads((ROOT / "mediacheck" / "data" / "frame_model.json").read_text(encoding="utf-8"))
    assert shipped["header"]["articles"] == 230
