"""Cross-article tables: outlets (pooled rates with bootstrap intervals), outlet pairs (permutation tests with
Benjamini-Hochberg q-values), stories covered by several outlets, and the top evidence sentences.

Inputs are the tidy article rows (``columns.ARTICLE_TABLE``), so the same tables can be rebuilt from an
``articles.csv`` written by an earlier run.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations

import numpy as np
import pandas as pd

from mediacheck.dedup.finder import KIND_ORDER
from mediacheck.report.columns import (
    EVIDENCE_TABLE,
    HEADLINE_METRICS,
    OUTLET_PAIR_TABLE,
    OUTLET_TABLE,
    RATE_METRICS,
    STORY_TABLE,
)
from mediacheck.report.stats import bh_qvalues, bootstrap_ratio_ci, permutation_test_ratios, ratio, stable_seed
from mediacheck.scoring.scorer import FRAME_TYPES, GENERIC_FRAMES, dominant

_SENTENCE_BASED = {"hedged_sentence_share", "loaded_sentence_rate", "loaded_mean_prob", "tone",
                   *(f"frame_{t}_share" for t in FRAME_TYPES)}
_MEAN_BASED = {"loaded_mean_prob", "tone", *(f"frame_{t}_prob" for t in GENERIC_FRAMES)}
#: Per-article values pooled as a mean over scored articles (the expected share of framed articles).
_ARTICLE_BASED = {f"frame_{t}_prob" for t in GENERIC_FRAMES}
DUPLICATE_KINDS = ("exact", "near", "syndicated")
#: Wraps a loop of ``n`` items, e.g. in a progress bar: ``progress(items, n) -> items``.
Progress = Callable[[Iterable, int], Iterable]


def _num(df: pd.DataFrame, col: str) -> np.ndarray:
    return pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=float) if col in df else np.zeros(len(df))


def rate_parts(df: pd.DataFrame, metric: str) -> tuple[np.ndarray, np.ndarray]:
    """Per-article numerator and denominator whose pooled ratio is the outlet ``metric``."""
    if metric.endswith("_headline_share"):
        col = metric[: -len("_share")]
        den = (df["title"].fillna("").astype(str).str.strip() != "").to_numpy(dtype=float)
        val = df[col].map(lambda v: str(v).strip().lower() in ("true", "1", "1.0")).to_numpy(dtype=float)
        return val * den, den
    val = _num(df, metric)
    if metric.endswith("_per_1k"):
        den = _num(df, "words") / 1000.0
    elif metric == "anonymous_attribution_share":
        den = _num(df, "attributions")
    elif metric in _SENTENCE_BASED:
        den = _num(df, "sentences")
    elif metric in _ARTICLE_BASED:
        den = np.ones(len(df))
    else:
        raise KeyError(f"unknown rate metric {metric!r}")
    den = np.where(np.isnan(val) | np.isnan(den), 0.0, den)
    num = np.nan_to_num(val) * den
    if metric not in _MEAN_BASED:      # a count (cues, sentences, attributions) rebuilt from a rounded rate
        num = np.round(num)
    return num, den


def _mode(values) -> str:
    counts = Counter(v for v in values if isinstance(v, str) and v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""


def outlet_table(articles: pd.DataFrame, *, pairs: pd.DataFrame | None = None, dedup_outlets: pd.DataFrame | None
                 = None, resamples: int = 1000, min_articles: int = 5,
                 progress: Progress | None = None) -> pd.DataFrame:
    """One row per outlet (``columns.OUTLET_TABLE``), outlets sorted by name.

    ``resamples=0``: no bootstrap, the interval columns stay empty. Outlets with fewer than ``min_articles``
    scored articles keep their rates but get no interval (empty columns; see ``small_outlets``).
    ``progress(groups, n)`` may wrap the loop over the outlets (a progress bar)."""
    rows = []
    articles = articles.reset_index(drop=True)
    dup_ids, synd_ids = _ids_in(pairs, DUPLICATE_KINDS), _ids_in(pairs, ("syndicated",))
    all_ids = articles["id"].astype(str)
    is_dup = pd.Series(all_ids.map(dup_ids.__contains__).to_numpy(dtype=bool), index=articles.index)
    is_synd = pd.Series(all_ids.map(synd_ids.__contains__).to_numpy(dtype=bool), index=articles.index)
    first = {} if dedup_outlets is None or dedup_outlets.empty else dedup_outlets.set_index("outlet")["first_share"]
    groups = articles.groupby("outlet", sort=True, dropna=False)
    for outlet, group in progress(groups, groups.ngroups) if progress else groups:
        outlet = "" if pd.isna(outlet) else str(outlet)
        ok = group[group["status"] == "ok"]
        row = {"outlet": outlet, "leaning": _mode(group.get("leaning", pd.Series(dtype=str)).tolist()),
               "articles": len(group), "scored_articles": len(ok), "empty_articles": int((group["status"] ==
                                                                                          "empty").sum()),
               "words": int(_num(ok, "words").sum()),
               "removed_share": ratio(_num(group, "chars_removed"),
                                      _num(group, "chars_removed") + _num(group, "chars_kept")),
               "duplicate_share": float(is_dup[group.index].mean()),
               "syndicated_share": float(is_synd[group.index].mean()),
               "shared_story_share": float((_num(group, "cluster_outlets") >= 2).mean()),
               "first_share": float(first.get(outlet, np.nan)) if len(first) else np.nan}
        draws = resamples if len(ok) >= min_articles else 0       # too few articles: no interval
        for m in RATE_METRICS:
            num, den = rate_parts(ok, m)
            row[m] = ratio(num, den)
            row[f"{m}_ci_low"], row[f"{m}_ci_high"] = bootstrap_ratio_ci(
                num, den, resamples=draws, seed=stable_seed("ci", outlet, m))
        shares = {t: (0.0 if np.isnan(row[f"frame_{t}_share"]) else row[f"frame_{t}_share"]) for t in FRAME_TYPES}
        probs = {f"frame_{t}_prob": (0.0 if np.isnan(row[f"frame_{t}_prob"]) else row[f"frame_{t}_prob"])
                 for t in GENERIC_FRAMES}
        row["dominant_frame"] = dominant(probs, shares)
        rows.append(row)
    return _rounded(pd.DataFrame(rows, columns=list(OUTLET_TABLE)))


def small_outlets(outlets: pd.DataFrame, min_articles: int) -> list[str]:
    """Outlets of an outlet table with fewer than ``min_articles`` scored articles (no intervals, not compared)."""
    if outlets.empty or "scored_articles" not in outlets:
        return []
    n = pd.to_numeric(outlets["scored_articles"], errors="coerce")
    return sorted(outlets.loc[n < min_articles, "outlet"].fillna("").astype(str))


def _rounded(df: pd.DataFrame, digits: int = 6) -> pd.DataFrame:
    """Floats to ``digits`` decimals: readable tables, and the same bytes from every engine and platform."""
    floats = df.select_dtypes(include="float").columns
    df[floats] = df[floats].round(digits)
    return df


def _ids_in(pairs: pd.DataFrame | None, kinds: tuple[str, ...]) -> set[str]:
    if pairs is None or pairs.empty:
        return set()
    sel = pairs[pairs["kind"].isin(kinds)]
    return set(sel["a"].astype(str)) | set(sel["b"].astype(str))


def outlet_pairs_table(articles: pd.DataFrame, *, metrics: tuple[str, ...] = HEADLINE_METRICS,
                       min_articles: int = 5, max_outlets: int = 40, permutations: int = 999,
                       alpha: float = 0.05, exclude: Iterable[str] = (),
                       progress: Progress | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Differences between outlets for ``metrics`` with permutation p-values and BH q-values over all rows.

    Outlets need ``min_articles`` scored articles; above ``max_outlets`` only the outlets with most articles are
    compared (said in the returned notes). Outlets in ``exclude`` (e.g. ``NO_OUTLET``) are never compared.
    ``progress(pairs, n)`` may wrap the loop over the pairs (a progress bar).
    """
    ok = articles[(articles["status"] == "ok") & ~articles["outlet"].astype(str).isin(set(exclude))]
    counts = ok.groupby("outlet").size()
    eligible = counts[counts >= min_articles]
    notes = []
    if len(eligible) > max_outlets:
        eligible = eligible.sort_values(ascending=False, kind="stable").iloc[:max_outlets]
        notes.append(f"outlet pairs: compared the {max_outlets} outlets with most articles of {len(counts)}")
    outlets = sorted(eligible.index.astype(str))
    parts = {}
    for outlet, group in ok[ok["outlet"].astype(str).isin(outlets)].groupby("outlet"):
        nd = [rate_parts(group, m) for m in metrics]
        parts[str(outlet)] = (np.column_stack([n for n, _ in nd]), np.column_stack([d for _, d in nd]))
    rows = []
    todo = combinations(outlets, 2)
    for a, b in progress(todo, len(outlets) * (len(outlets) - 1) // 2) if progress else todo:
        (na, da), (nb, db) = parts[a], parts[b]
        diff, p = permutation_test_ratios(na, da, nb, db, permutations=permutations, seed=stable_seed("perm", a, b))
        for k, m in enumerate(metrics):
            rows.append({"metric": m, "outlet_a": a, "outlet_b": b, "n_a": len(na), "n_b": len(nb),
                         "value_a": ratio(na[:, k], da[:, k]), "value_b": ratio(nb[:, k], db[:, k]),
                         "difference": float(diff[k]), "p_value": float(p[k])})
    out = pd.DataFrame(rows, columns=list(OUTLET_PAIR_TABLE))
    if len(out):
        out["q_value"] = bh_qvalues(out["p_value"].to_numpy())
        out["significant"] = out["q_value"] < alpha
        out = out.sort_values(["metric", "q_value", "outlet_a", "outlet_b"], kind="stable", na_position="last")
    return _rounded(out.reset_index(drop=True)), notes


def story_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article of every story cluster covered by two or more outlets (``columns.STORY_TABLE``).

    ``blindspot`` names the leaning when every covering outlet with a known leaning shares it (and at least two
    outlets have one); empty otherwise.
    """
    shared = articles[pd.to_numeric(articles["cluster_outlets"], errors="coerce").fillna(0) >= 2].copy()
    if shared.empty:
        return pd.DataFrame(columns=list(STORY_TABLE))
    shared["leaning"] = shared["leaning"].fillna("").astype(str)
    by = shared.groupby("cluster_id", sort=False)
    known = shared[shared["leaning"] != ""].groupby("cluster_id", sort=False)
    leanings = known["leaning"].agg(lambda s: ";".join(sorted(set(s))))
    n_known = known["outlet"].nunique()
    stories = pd.DataFrame({"story_size": by.size(), "story_outlets": by["outlet"].nunique()})
    stories["story_leanings"] = leanings.reindex(stories.index).fillna("")
    single = ~stories["story_leanings"].str.contains(";") & (n_known.reindex(stories.index).fillna(0) >= 2)
    stories["blindspot"] = stories["story_leanings"].where(single, "")
    out = shared.rename(columns={"cluster_id": "story_id"}).join(stories, on="story_id")
    out = out.sort_values(["story_outlets", "story_size", "story_id", "outlet", "id"],
                          ascending=[False, False, True, True, True], kind="stable")
    return out.reindex(columns=list(STORY_TABLE)).reset_index(drop=True)


def cluster_columns(articles: pd.DataFrame, clusters: list[dict], pairs: list[dict]) -> pd.DataFrame:
    """Add cluster_id / cluster_size / cluster_outlets / duplicate_kind / duplicate_of (+ canonical_headline)."""
    by_id = {c["id"]: c for c in clusters}
    strongest: dict[str, tuple] = {}
    for p in pairs:
        for me, other in ((p["a"], p["b"]), (p["b"], p["a"])):
            key = (KIND_ORDER.get(p["kind"], len(KIND_ORDER)), -float(p["score"]), other)
            if me not in strongest or key < strongest[me][0]:
                strongest[me] = (key, p["kind"], other)
    out = articles.copy()
    ids = out["id"].astype(str)
    out["cluster_id"] = [by_id[i]["cluster_id"] if i in by_id else "" for i in ids]
    out["cluster_size"] = [by_id[i]["size"] if i in by_id else 0 for i in ids]
    out["cluster_outlets"] = [by_id[i]["outlets"] if i in by_id else 0 for i in ids]
    out["canonical_headline"] = [by_id[i]["canonical_headline"] if i in by_id else "" for i in ids]
    out["duplicate_kind"] = [strongest[i][1] if i in strongest else "" for i in ids]
    out["duplicate_of"] = [strongest[i][2] if i in strongest else "" for i in ids]
    return out


class EvidenceCollector:
    """Keeps, per (metric, outlet), the ``top`` best article-level evidence sentences as results stream in."""

    def __init__(self, top: int = 3) -> None:
        self.top = top
        self._best: dict[tuple[str, str], list[tuple]] = defaultdict(list)

    def add(self, rows) -> None:
        for r in rows:
            bucket = self._best[(r["metric"], r["outlet"])]
            bucket.append(((-r["score"], r["id"], r["sentence"]), r))
            if len(bucket) > 4 * self.top:
                bucket.sort(key=lambda t: t[0])
                del bucket[self.top:]

    def table(self) -> pd.DataFrame:
        rows = []
        for _key, bucket in sorted(self._best.items()):
            for rank, (_, r) in enumerate(sorted(bucket, key=lambda t: t[0])[: self.top], start=1):
                rows.append({**r, "rank": rank})
        return pd.DataFrame(rows, columns=list(EVIDENCE_TABLE))
