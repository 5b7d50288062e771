"""Fit ``mediacheck/data/headline_similarity.json``: the weights of ``mediacheck.dedup.similarity``.

The procedure the file's header describes, as code:

- data: the STS benchmark ``headlines`` pairs of the ``train`` split (``sts_headlines.jsonl`` of the shared data:
  fields ``split``, ``score`` 0-5, ``sentence1``, ``sentence2``); the target is ``score / 5``;
- idf: smooth idf ``ln((N + 1) / (df + 1)) + 1`` of the 4-letter stem keys (``similarity.stem_key`` of
  ``similarity.tokens(text).stems``) over the N = 2 x pairs headlines, df counted once per headline; keys with
  df >= 2 are listed (rounded to 4 decimals), the others get ``idf_default`` (the df = 1 value);
- features: ``HeadlineSimilarity(idf, idf_default).pair_features`` (the rounded idf, as the runtime reads it);
- model: ridge regression (``alpha``) on features standardised by their train mean and (population) standard
  deviation; the weights are stored in raw feature units (6 decimals) beside the ``standardised_weights``;
  the runtime clips to [0, 1] and applies the rules (equal after normalisation -> 1, no words -> 0, the same
  content stems -> at least ``same_stems_floor``);
- evaluation: Pearson of the clipped, ruled scores with the human scores: 10-fold CV x 3 seeds on train (the idf
  refitted on each training fold; Pearson of the pooled out-of-fold scores, averaged over the seeds) and on dev;
  baselines: TF-IDF cosine (scikit-learn ``TfidfVectorizer`` defaults, fitted on the train headlines), rapidfuzz
  ``token_set_ratio`` on ``default_process`` text, and the model's own ``key_idf_cos`` feature.

alpha = 10 and same_stems_floor = 0.95 were chosen by that CV; ``--grid`` prints the CV Pearson around them.

Only run as a script or imported by tests: no runtime module imports this one (it needs scikit-learn's Ridge).

usage (from the project root):
    python -m mediacheck.dedup.training [--sts ../shared/data/labels/sts_headlines.jsonl] [--out FILE] [--check]
        [--grid]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import numpy as np

from mediacheck.data import stamp
from mediacheck.dedup.similarity import DEFAULT_FILE, FEATURES, HeadlineSimilarity, stem_key, tokens

ROOT = Path(__file__).resolve().parents[2]
STS = ROOT.parent / "shared" / "data" / "labels" / "sts_headlines.jsonl"
SHIPPED = Path(__file__).resolve().parents[1] / "data" / DEFAULT_FILE

SCHEMA = 1
ALPHA = 10.0
SAME_STEMS_FLOOR = 0.95
MAX_SCORE = 5.0
FOLDS = 10
SEEDS = (0, 1, 2)
LICENCE = "scores CC BY-SA 4.0; this file holds fitted weights only"
STS_DATA = "STS benchmark headlines (train split): {n:,} pairs with human similarity 0-5, target score/5"
TOOL = ("python -m mediacheck.dedup.training --sts ../shared/data/labels/sts_headlines.jsonl "
        "--out mediacheck/data/headline_similarity.json (over mediacheck.dedup.similarity features)")
GRID_ALPHAS = (1.0, 3.0, 10.0, 30.0, 100.0)
GRID_FLOORS = (0.0, 0.9, 0.95, 1.0)

# Decimals of the stored numbers (``--check`` compares a fresh fit after the same rounding).
WEIGHT_DECIMALS = 6
STD_WEIGHT_DECIMALS = 4
IDF_DECIMALS = 4
PEARSON_DECIMALS = 4


# -- data ------------------------------------------------------------------------------------------------------
def load_sts(path: str | Path, split: str) -> tuple[list[tuple[str, str]], list[float]]:
    """The (sentence1, sentence2) pairs and their 0-5 scores of one split (``train`` or ``dev``) of the STS file."""
    pairs, scores = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("split") != split:
                continue
            pairs.append((row["sentence1"], row["sentence2"]))
            scores.append(float(row["score"]))
    if not pairs:
        raise ValueError(f"{path}: no pairs in split {split!r}")
    return pairs, scores


# -- fit -------------------------------------------------------------------------------------------------------
def fit_idf(texts: Iterable[str]) -> tuple[dict[str, float], float]:
    """Smooth idf ``ln((N+1)/(df+1))+1`` of the stem keys over ``texts`` (one document each): keys with df >= 2
    (sorted, 4 decimals) and the default for all other keys (the df = 1 value)."""
    df: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        df.update({stem_key(w) for w in tokens(text).stems})
    idf = {k: round(math.log((n + 1) / (c + 1)) + 1, IDF_DECIMALS) for k, c in sorted(df.items()) if c >= 2}
    return idf, round(math.log((n + 1) / 2) + 1, IDF_DECIMALS)


def _ridge(x: np.ndarray, y: np.ndarray, alpha: float) -> tuple[np.ndarray, float, np.ndarray]:
    """Ridge on standardised ``x``: (weights in raw units, intercept, standardised weights), unrounded."""
    from sklearn.linear_model import Ridge
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    ridge = Ridge(alpha=alpha).fit(scaler.transform(x), y)
    coef = np.asarray(ridge.coef_, dtype=np.float64)
    weights = coef / scaler.scale_
    intercept = float(ridge.intercept_) - float(np.sum(coef * scaler.mean_ / scaler.scale_))
    return weights, intercept, coef


def fit_headline_similarity(pairs: Sequence[tuple[str, str]], scores: Sequence[float], *, alpha: float = ALPHA,
                            same_stems_floor: float = SAME_STEMS_FLOOR, max_score: float = MAX_SCORE,
                            data: str | None = None, fitted: str | None = None,
                            evaluation: dict | None = None) -> dict:
    """The weights file (a JSON-ready dict that ``HeadlineSimilarity.from_json`` reads) fitted to ``pairs`` of
    headlines and their human ``scores`` (0 to ``max_score``; the target is ``score / max_score``).

    ``data`` describes the pairs in the header; ``evaluation`` (``cv_pearson``, ``cv``, ``dev_pearson``,
    ``baselines_train_dev_pearson``: see ``evaluate``) is copied into it; ``fitted`` is the date (default today).
    """
    pairs = [(str(a), str(b)) for a, b in pairs]
    y = np.asarray(scores, dtype=np.float64) / max_score
    if len(pairs) != len(y):
        raise ValueError("pairs and scores differ in length")
    if len(pairs) < 2:
        raise ValueError("need at least 2 pairs to fit")
    idf, idf_default = fit_idf(t for p in pairs for t in p)
    x = HeadlineSimilarity(idf, idf_default).pair_features(pairs)
    weights, intercept, std_weights = _ridge(x, y, alpha)
    when = fitted or date.today().isoformat()
    chosen = ", chosen by CV" if alpha == ALPHA else ""
    floor_chosen = ", chosen by CV" if same_stems_floor == SAME_STEMS_FLOOR else ""
    header: dict = {
        "data": data or f"{len(pairs):,} headline pairs with human similarity 0-{max_score:g}, "
                        f"target score/{max_score:g}",
        "licence": LICENCE,
        "date": when,
        "fitted": when,
        "model": f"ridge regression (alpha={alpha:g}{chosen}) on standardised features, clipped to [0, 1]; "
                 "weights below are in raw feature units; rules: equal after normalisation -> 1, no words -> 0, "
                 f"same content stems -> at least same_stems_floor ({same_stems_floor:g}{floor_chosen})",
        "idf": f"smooth idf ln((N+1)/(df+1))+1 of 4-letter stem prefixes over the {2 * len(pairs)} train "
               "headlines; keys with df>=2 listed, others get idf_default",
    }
    header.update(evaluation or {})
    header["tool"] = TOOL
    header = stamp(header, SCHEMA)
    return {
        "header": header,
        "features": list(FEATURES),
        "weights": [round(float(w), WEIGHT_DECIMALS) for w in weights],
        "intercept": round(intercept, WEIGHT_DECIMALS),
        "standardised_weights": {f: round(float(w), STD_WEIGHT_DECIMALS) for f, w in zip(FEATURES, std_weights)},
        "same_stems_floor": same_stems_floor,
        "idf_default": idf_default,
        "idf": idf,
    }


def to_json(model: dict) -> str:
    """The file's text (the layout of the shipped file)."""
    return json.dumps(model, indent=1, ensure_ascii=False) + "\n"


def load_model(model: dict) -> HeadlineSimilarity:
    """The runtime model of a fitted dict (through the JSON text, exactly as the package reads the file)."""
    return HeadlineSimilarity.from_json(to_json(model))


# -- evaluation ------------------------------------------------------------------------------------------------
def pearson(a: Sequence[float], b: Sequence[float]) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.std() == 0 or b.std() == 0:
        return 0.0
    return float(np.corrcoef(a, b)[0, 1])


def cv_scores(pairs: Sequence[tuple[str, str]], scores: Sequence[float], *, alphas: Sequence[float] = (ALPHA,),
              floors: Sequence[float] = (SAME_STEMS_FLOOR,), folds: int = FOLDS,
              seeds: Sequence[int] = SEEDS) -> dict[tuple[float, float], float]:
    """CV Pearson per (alpha, same_stems_floor): ``folds``-fold (shuffled, one split per seed), the whole fit
    (idf included) repeated on each training fold; Pearson of the pooled out-of-fold scores, mean over seeds."""
    from sklearn.model_selection import KFold

    pairs = list(pairs)
    y = np.asarray(scores, dtype=np.float64)
    per_seed: dict[tuple[float, float], list[float]] = {(a, f): [] for a in alphas for f in floors}
    for seed in seeds:
        oof = {key: np.zeros(len(pairs)) for key in per_seed}
        for train, test in KFold(folds, shuffle=True, random_state=seed).split(pairs):
            tr = [pairs[i] for i in train]
            te = [pairs[i] for i in test]
            for alpha in alphas:
                d = fit_headline_similarity(tr, y[train], alpha=alpha)
                for floor in floors:
                    d["same_stems_floor"] = floor
                    oof[(alpha, floor)][test] = load_model(d).pair_similarities(te)
        for key, pred in oof.items():
            per_seed[key].append(pearson(pred, y))
    return {key: float(np.mean(v)) for key, v in per_seed.items()}


def baselines(train: tuple[Sequence[tuple[str, str]], Sequence[float]],
              dev: tuple[Sequence[tuple[str, str]], Sequence[float]],
              model: HeadlineSimilarity) -> dict[str, list[float]]:
    """Pearson [train, dev] of simple scorers: TF-IDF cosine (fitted on the train headlines), rapidfuzz
    token_set_ratio (default_process) and the model's key_idf_cos feature."""
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer().fit([t for p in train[0] for t in p])

    def tfidf(pairs):
        a = vec.transform([p[0] for p in pairs])
        b = vec.transform([p[1] for p in pairs])
        return np.asarray(a.multiply(b).sum(axis=1)).ravel()

    def token_set(pairs):
        return [fuzz.token_set_ratio(a, b, processor=default_process) for a, b in pairs]

    col = FEATURES.index("key_idf_cos")

    def key_idf_cos(pairs):
        return model.pair_features(pairs)[:, col]

    out = {}
    for name, f in (("tfidf_cosine", tfidf), ("token_set_ratio", token_set), ("key_idf_cos", key_idf_cos)):
        out[name] = [round(pearson(f(list(p)), s), PEARSON_DECIMALS) for p, s in (train, dev)]
    return out


def evaluate(train: tuple[Sequence[tuple[str, str]], Sequence[float]],
             dev: tuple[Sequence[tuple[str, str]], Sequence[float]], model: dict, *,
             alpha: float = ALPHA, same_stems_floor: float = SAME_STEMS_FLOOR) -> dict:
    """The header's evaluation fields for ``model`` fitted on ``train``."""
    cv = cv_scores(*train, alphas=(alpha,), floors=(same_stems_floor,))[(alpha, same_stems_floor)]
    m = load_model(model)
    return {
        "cv_pearson": round(cv, PEARSON_DECIMALS),
        "cv": f"{FOLDS}-fold x {len(SEEDS)} seeds on train, idf refitted per fold",
        "dev_pearson": round(pearson(m.pair_similarities(list(dev[0])), dev[1]), PEARSON_DECIMALS),
        "baselines_train_dev_pearson": baselines(train, dev, m),
    }


def add_evaluation(model: dict, evaluation: dict) -> dict:
    """``model`` with ``evaluation`` in its header, before ``tool``, ``schema`` and ``mediacheck_version`` (the
    shipped file's order)."""
    tail = ("tool", "schema", "mediacheck_version")
    header = {k: v for k, v in model["header"].items() if k not in tail}
    header.update(evaluation)
    header.update({k: model["header"][k] for k in tail if k in model["header"]})
    return {**model, "header": header}


# -- check -----------------------------------------------------------------------------------------------------
def _close(a: float, b: float, rel: float, unit: float) -> bool:
    """Equal within ``rel`` relative, or within one unit of the stored rounding (numbers near zero)."""
    return math.isclose(a, b, rel_tol=rel, abs_tol=unit)


def compare(fresh: dict, shipped: dict, rel: float = 1e-4) -> list[str]:
    """Differences between a fresh fit and the shipped file beyond ``rel`` (both at the file's rounding)."""
    problems = []
    if list(fresh["features"]) != list(shipped["features"]):
        problems.append(f"features differ: {fresh['features']} vs {shipped['features']}")
        return problems
    w_unit = 10.0 ** -WEIGHT_DECIMALS
    for name, a, b in zip(FEATURES, fresh["weights"], shipped["weights"]):
        if not _close(a, b, rel, w_unit):
            problems.append(f"weight {name}: fresh {a} vs shipped {b}")
    if not _close(fresh["intercept"], shipped["intercept"], rel, w_unit):
        problems.append(f"intercept: fresh {fresh['intercept']} vs shipped {shipped['intercept']}")
    s_unit = 10.0 ** -STD_WEIGHT_DECIMALS
    for name in FEATURES:
        a = fresh["standardised_weights"][name]
        b = shipped.get("standardised_weights", {}).get(name)
        if b is None or not _close(a, b, rel, s_unit):
            problems.append(f"standardised weight {name}: fresh {a} vs shipped {b}")
    if fresh["same_stems_floor"] != shipped.get("same_stems_floor", 0.0):
        problems.append(f"same_stems_floor: fresh {fresh['same_stems_floor']} vs shipped "
                        f"{shipped.get('same_stems_floor')}")
    i_unit = 10.0 ** -IDF_DECIMALS
    if not _close(fresh["idf_default"], shipped["idf_default"], rel, i_unit):
        problems.append(f"idf_default: fresh {fresh['idf_default']} vs shipped {shipped['idf_default']}")
    fi, si = fresh["idf"], shipped["idf"]
    only_fresh, only_shipped = sorted(set(fi) - set(si)), sorted(set(si) - set(fi))
    changed = sorted(k for k in set(fi) & set(si) if not _close(fi[k], si[k], rel, i_unit))
    if only_fresh or only_shipped or changed:
        problems.append(f"idf keys: {len(only_fresh)} only in the fresh fit {only_fresh[:5]}, "
                        f"{len(only_shipped)} only in the shipped file {only_shipped[:5]}, "
                        f"{len(changed)} with other values {changed[:5]}")
    return problems


def max_weight_diff(fresh: dict, shipped: dict) -> float:
    return max(abs(a - b) for a, b in zip([*fresh["weights"], fresh["intercept"]],
                                          [*shipped["weights"], shipped["intercept"]]))


# -- script ----------------------------------------------------------------------------------------------------
def _print_grid(train: tuple[list, list]) -> None:
    grid = cv_scores(*train, alphas=GRID_ALPHAS, floors=GRID_FLOORS)
    print("CV Pearson by alpha (rows) and same_stems_floor (columns; 0 = no floor):")
    print("alpha   " + "".join(f"{f:>8g}" for f in GRID_FLOORS))
    for a in GRID_ALPHAS:
        print(f"{a:<8g}" + "".join(f"{grid[(a, f)]:8.4f}" for f in GRID_FLOORS))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m mediacheck.dedup.training",
                                 description="Fit the headline-similarity weights on the STS benchmark headlines.")
    ap.add_argument("--sts", default=str(STS), help="sts_headlines.jsonl (splits train/dev; default: %(default)s)")
    ap.add_argument("--out", help="write the fitted weights file here (e.g. mediacheck/data/headline_similarity.json)")
    ap.add_argument("--check", action="store_true",
                    help="compare a fresh fit with the shipped file; exit 1 if they differ")
    ap.add_argument("--shipped", default=str(SHIPPED), help="the file --check compares with (default: %(default)s)")
    ap.add_argument("--grid", action="store_true", help="also print the CV Pearson over alpha x same_stems_floor")
    args = ap.parse_args(argv)

    train = load_sts(args.sts, "train")
    dev = load_sts(args.sts, "dev")
    model = fit_headline_similarity(*train, data=STS_DATA.format(n=len(train[0])))
    model = add_evaluation(model, evaluate(train, dev, model))
    h = model["header"]
    print(f"fitted on {len(train[0])} train pairs ({2 * len(train[0])} headlines, {len(model['idf'])} idf keys "
          f"with df>=2); alpha={ALPHA:g}, same_stems_floor={SAME_STEMS_FLOOR:g}")
    print(f"{'Pearson with the human scores':<32}{'train CV':>10}{'dev':>10}")
    print(f"{'this model':<32}{h['cv_pearson']:>10.4f}{h['dev_pearson']:>10.4f}")
    for name, (tr, dv) in h["baselines_train_dev_pearson"].items():
        print(f"{name + ' (train, not CV)':<32}{tr:>10.4f}{dv:>10.4f}")
    if args.grid:
        _print_grid(train)
    if args.out:
        Path(args.out).write_text(to_json(model), encoding="utf-8")
        print(f"wrote {args.out}")
    if not args.check:
        return 0
    shipped = json.loads(Path(args.shipped).read_text(encoding="utf-8"))
    problems = compare(model, shipped)
    sh = shipped.get("header", {})
    for key in ("cv_pearson", "dev_pearson", "baselines_train_dev_pearson"):
        if key in sh and sh[key] != h[key]:
            print(f"note: header {key}: fresh {h[key]} vs shipped {sh[key]}")
    print(f"max |weight - shipped| (intercept included): {max_weight_diff(model, shipped):.2e}")
    if problems:
        print(f"{args.shipped}: differs from a fresh fit:")
        for p in problems:
            print("  " + p)
        return 1
    print(f"{args.shipped}: matches a fresh fit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
