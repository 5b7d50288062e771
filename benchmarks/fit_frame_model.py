"""Fit ``mediacheck/data/frame_model.json``: the article-level frame probabilities, from the question features.

Platt scaling of the hand-set prior (``frames.prior_frame_model``: ``z = -2.5 + evidence + 4 * share`` of the
frame's questions, written before any label was seen): per generic frame, ``p = sigmoid(a * z + b)`` with ``a, b``
fitted by logistic regression on the frame dev set's adjudicated labels (``benchmarks/data/frames_dev/gold.jsonl``).
Two parameters per frame cannot overfit 230 articles, keep the prior's ranking (its AUC) and make the probability
calibrated; the result is still the linear ``FrameModel`` the package reads. Chosen with topics held out
(``frame_quality.py``) over logistic fits on the raw question features (2-16 features per frame, C 0.1-3), which
ranked worse on unseen topics (macro AUC 0.81-0.84 vs 0.85) and were no better calibrated.
Each frame also gets the decision threshold that maximises F1 on the training articles (``thresholds`` in the
JSON): ``frame_<type>_prob >= threshold`` is what "the article uses the frame" means in the report.

The same ``fit`` runs inside ``frame_quality.py`` on all topics but one, so the held-out figures there measure
exactly this procedure.

usage (from the project root):
    python -m benchmarks.fit_frame_model [--out mediacheck/data/frame_model.json] [--check]
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from benchmarks import frames_devset as dev  # noqa: E402

OUT = ROOT / "mediacheck" / "data" / "frame_model.json"
C = 1.0   # inverse L2 strength of the Platt fit (0.3-3 give the same figures with topics held out)


def frame_keys(frame: str) -> list[str]:
    return [f"f_{frame}_evidence", f"f_{frame}_share", f"f_{frame}_questions"]


def best_threshold(y: Sequence[int], p: Sequence[float]) -> float:
    """The cut in [0.05, 0.95] (steps of 0.05) with the highest F1 on (y, p); ties go to the cut nearest 0.5."""
    best = (-1.0, 0.0, 0.5)
    for k in range(1, 20):
        cut = k / 20
        tp = sum(1 for t, v in zip(y, p) if t and v >= cut)
        fp = sum(1 for t, v in zip(y, p) if not t and v >= cut)
        fn = sum(1 for t, v in zip(y, p) if t and v < cut)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        best = max(best, (round(f1, 9), -abs(cut - 0.5), cut))
    return best[2]


def prior_logit(frame: str, row: dict[str, float]) -> float:
    from mediacheck.scoring.frames import prior_frame_model

    b, w = prior_frame_model().frames[frame]
    return b + sum(v * row[k] for k, v in w.items())


def fit(features: Sequence[dict[str, float]], labels: dict[str, Sequence[int]], *, data: str = "",
        n_articles: int | None = None):
    """A ``FrameModel`` (with per-frame thresholds): the prior's logit Platt-scaled per frame on ``labels``."""
    from sklearn.linear_model import LogisticRegression

    from mediacheck.scoring.frames import FEATURES, GENERIC_FRAMES, FrameModel, prior_frame_model

    prior = prior_frame_model()
    frames, thresholds, platt = {}, {}, {}
    for f in GENERIC_FRAMES:
        z = [[prior_logit(f, row)] for row in features]
        y = list(labels[f])
        lr = LogisticRegression(C=C, max_iter=5000).fit(z, y)
        a, b = float(lr.coef_[0][0]), float(lr.intercept_[0])
        b0, w0 = prior.frames[f]
        frames[f] = (round(b + a * b0, 6), {k: round(a * v, 6) for k, v in w0.items()})
        thresholds[f] = best_threshold(y, lr.predict_proba(z)[:, 1])
        platt[f] = {"a": round(a, 6), "b": round(b, 6)}
    header = {"model": f"Platt scaling (C={C:g}) of the hand-set prior's logit, per frame: p = sigmoid(a * z + b), "
                       "z = -2.5 + f_<frame>_evidence + 4 * f_<frame>_share",
              "platt": platt,
              "data": data or "mediacheck frame dev set (benchmarks/data/frames_dev/gold.jsonl: BASIL, AllSides "
                              "and ScrapingHub articles coded for the 16 indicator questions, two passes, "
                              "adjudicated)",
              "articles": n_articles if n_articles is not None else len(features),
              "licence": "labels and weights: MIT (mediacheck); no text of the articles is in this file",
              "fitted": date.today().isoformat(), "tool": "python -m benchmarks.fit_frame_model",
              "thresholds": "per frame, the cut (steps of 0.05) with the best F1 on the training articles"}
    from mediacheck.data import stamp

    return FrameModel(stamp(header, 2), FEATURES, frames, thresholds)


def dev_features_and_labels() -> tuple[list[str], list[dict[str, float]], dict[str, list[int]], list[str]]:
    """(ids, question features, gold labels per frame, topics) of the adjudicated dev-set articles."""
    from benchmarks.frame_quality import question_features

    arts = {a["id"]: a for a in dev.articles()}
    gold = dev.load_pass("gold")
    ids = [i for i in arts if i in gold]
    feats = question_features([arts[i] for i in ids])
    labels = {f: [int(gold[i]["present"][f]) for i in ids] for f in dev.FRAMES}
    return ids, feats, labels, [gold[i]["topic"] for i in ids]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--check", action="store_true", help="fit and compare with --out, write nothing")
    args = ap.parse_args(argv)
    ids, feats, labels, _ = dev_features_and_labels()
    model = fit(feats, labels, n_articles=len(ids))
    text = model.to_json()
    if args.check:
        old = Path(args.out).read_text(encoding="utf-8") if Path(args.out).exists() else ""
        strip = lambda t: "\n".join(ln for ln in t.splitlines() if '"fitted"' not in ln)  # noqa: E731
        same = strip(old) == strip(text)
        print("frame model: " + ("the shipped file matches a fresh fit" if same else "differs from a fresh fit"))
        return 0 if same else 1
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {len(ids)} articles")
    for f, (b, w) in model.frames.items():
        print(f"  {f}: intercept {b:+.3f}, " + ", ".join(f"{k} {v:+.3f}" for k, v in w.items())
              + f", threshold {model.thresholds[f]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
