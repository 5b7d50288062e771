"""Cross-article tables: outlets (pooled rates with bootstrap intervals), outlet pairs (permutation tests with
Benjamini-Hochberg q-values), stories covered by several outlets, and the top evidence sentences.

Inputs are the tidy article rows (``columns.ARTICLE_TABLE``), so the same tables can be rebuilt from an
``articles.csv`` written by an earlier run.
"""
from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
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
from mediacheck.report.stats import (
    bh_qvalues,
    bootstrap_chunk,
    permutation_chunk,
    permutation_test_ratios,
    ratio,
    stable_seed,
)
from mediacheck.scoring.scorer import FRAME_TYPES, GENERIC_FRAMES, dominant

_SENTENCE_BASED = {"hedged_sentence_share", "loaded_sentence_rate", "loaded_mean_prob", "tone",
                   *(f"frame_{t}_share" for t in FRAME_TYPES)}
_MEAN_BASED = {"loaded_mean_prob", "tone", *(f"frame_{t}_prob" for t in GENERIC_FRAMES)}
#: Per-article values pooled as a mean over scored articles (the expected share of framed articles).
_ARTICLE_BASED = {f"frame_{t}_prob" for t in GENERIC_FRAMES}
DUPLICATE_KINDS = ("exact", "near", "syndicated")
#: Wraps a loop of ``n`` items, e.g. in a progress bar: ``progress(items, n) -> items``.
Progress = Callable[[Iterable, int], Iterable]
#: ``jobs`` > 1 uses a process pool from this many outlets (``outlet_table``) / outlet pairs (``outlet_pairs_table``)
#: and this much work on: article draws (scored articles x resamples) for the intervals, relabelled articles
#: (compared articles x (compared outlets - 1) x permutations, before early stopping) for the tests. Below, starting
#: the workers (about a second) costs more than they save, so the statistics run in this process.
PARALLEL_OUTLETS = 24
PARALLEL_PAIRS = 66
PARALLEL_DRAWS = 3_000_000
PARALLEL_RELABELS = 100_000_000
_CHUNKS_PER_WORKER = 4     # tasks per worker: enough to balance uneven outlets, few enough that pickling is cheap


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


def _workers(jobs: int, items: int, least: int, work: float, least_work: float) -> int:
    """Processes for ``items`` tasks of ``work`` in all: ``jobs`` (0: all cores), but 1 (this process) below
    ``least`` items or ``least_work``."""
    if items < least or work < least_work or work <= 0:
        return 1
    from mediacheck.report.engine import default_jobs

    return max(1, min(jobs or default_jobs(), items))


def _chunked(items: Iterable[tuple], fn: Callable, workers: int, executor: Executor | None,
             target: float) -> Iterator[tuple]:
    """``(key, task, weight)`` items -> ``(key, fn([task])[0])`` in input order. ``workers`` > 1: on a process pool
    (``executor`` if given), tasks in chunks of about ``target`` weight (so pickling costs little); 1: here."""
    if workers <= 1:
        for key, task, _ in items:
            yield key, fn([task])[0]
        return
    from mediacheck.report.engine import pool_map

    keys: deque = deque()          # keys of the submitted chunks, in order; results come back in the same order

    def chunks():
        tasks, weight = [], 0.0
        for key, task, w in items:
            keys.append(key)
            tasks.append(task)
            weight += w
            if weight >= target:
                yield tasks
                tasks, weight = [], 0.0
        if tasks:
            yield tasks

    for result in pool_map(fn, chunks(), jobs=workers, executor=executor):
        yield keys.popleft(), result


def _mode(values) -> str:
    counts = Counter(v for v in values if isinstance(v, str) and v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""


def outlet_table(articles: pd.DataFrame, *, pairs: pd.DataFrame | None = None, dedup_outlets: pd.DataFrame | None
                 = None, resamples: int = 1000, min_articles: int = 5, progress: Progress | None = None,
                 jobs: int = 1, executor: Executor | None = None) -> pd.DataFrame:
    """One row per outlet (``columns.OUTLET_TABLE``), outlets sorted by name.

    ``resamples=0``: no bootstrap, the interval columns stay empty. Outlets with fewer than ``min_articles``
    scored articles keep their rates but get no interval (empty columns; see ``small_outlets``).
    ``progress(outlets, n)`` may wrap the loop over the outlets (a progress bar). ``jobs`` processes (0: all cores)
    run the bootstrap, in chunks of outlets (``executor``: a pool to use, e.g. ``engine.process_pool``); with
    fewer than ``PARALLEL_OUTLETS`` outlets or ``PARALLEL_DRAWS`` draws it runs in this process. The table is the
    same for every ``jobs`` (each outlet and metric has its own seed)."""
    articles = articles.reset_index(drop=True)
    dup_ids, synd_ids = _ids_in(pairs, DUPLICATE_KINDS), _ids_in(pairs, ("syndicated",))
    all_ids = articles["id"].astype(str)
    is_dup = all_ids.map(dup_ids.__contains__).to_numpy(dtype=bool)
    is_synd = all_ids.map(synd_ids.__contains__).to_numpy(dtype=bool)
    first = {} if dedup_outlets is None or dedup_outlets.empty else dedup_outlets.set_index("outlet")["first_share"]
    status = articles["status"].to_numpy(dtype=object)
    is_ok = status == "ok"
    leanings = articles["leaning"].tolist() if "leaning" in articles else None
    words, shared = _num(articles, "words"), _num(articles, "cluster_outlets") >= 2
    removed, kept = _num(articles, "chars_removed"), _num(articles, "chars_kept")
    # Per-article rate parts of every metric, once for all articles (element-wise, so an outlet's slice holds the
    # same values as rate_parts of its rows alone); rows: metrics.
    num_all, den_all = np.empty((len(RATE_METRICS), len(articles))), np.empty((len(RATE_METRICS), len(articles)))
    for k, m in enumerate(RATE_METRICS if len(articles) else ()):
        num_all[k], den_all[k] = rate_parts(articles, m)
    outlet_col = articles["outlet"]
    groups = outlet_col.groupby(outlet_col, sort=True, dropna=False)

    def outlets():          # (row without intervals, bootstrap task) per outlet, in name order
        for outlet, members in groups:
            outlet = "" if pd.isna(outlet) else str(outlet)
            idx = members.index.to_numpy()
            ok = idx[is_ok[idx]]
            row = {"outlet": outlet, "leaning": _mode([leanings[i] for i in idx] if leanings is not None else []),
                   "articles": len(idx), "scored_articles": len(ok), "empty_articles": int((status[idx] ==
                                                                                            "empty").sum()),
                   "words": int(words[ok].sum()),
                   "removed_share": ratio(removed[idx], removed[idx] + kept[idx]),
                   "duplicate_share": float(is_dup[idx].mean()),
                   "syndicated_share": float(is_synd[idx].mean()),
                   "shared_story_share": float(shared[idx].mean()),
                   "first_share": float(first.get(outlet, np.nan)) if len(first) else np.nan}
            num, den = num_all[:, ok], den_all[:, ok]
            for k, m in enumerate(RATE_METRICS):
                row[m] = ratio(num[k], den[k])
            draws = resamples if len(ok) >= min_articles else 0       # too few articles: no interval
            seeds = [stable_seed("ci", outlet, m) for m in RATE_METRICS]
            yield row, (num, den, seeds, draws), len(ok) * draws

    draws = int(is_ok.sum()) * resamples
    workers = _workers(jobs, groups.ngroups, PARALLEL_OUTLETS, draws, PARALLEL_DRAWS)
    target = draws / (_CHUNKS_PER_WORKER * workers)
    done = _chunked(outlets(), bootstrap_chunk, workers, executor, target)
    rows = []
    for row, cis in progress(done, groups.ngroups) if progress else done:
        for k, m in enumerate(RATE_METRICS):
            row[f"{m}_ci_low"], row[f"{m}_ci_high"] = cis[k]
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
                       alpha: float = 0.05, exclude: Iterable[str] = (), progress: Progress | None = None,
                       jobs: int = 1, executor: Executor | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Differences between outlets for ``metrics`` with permutation p-values and BH q-values over all rows.

    Outlets need ``min_articles`` scored articles; above ``max_outlets`` only the outlets with most articles are
    compared (said in the returned notes). Outlets in ``exclude`` (e.g. ``NO_OUTLET``) are never compared.
    ``progress(pairs, n)`` may wrap the loop over the pairs (a progress bar). ``jobs`` processes (0: all cores)
    run the tests, in blocks of pairs that need the articles of few outlets (``executor``: a pool to use); with
    fewer than ``PARALLEL_PAIRS`` pairs or ``PARALLEL_RELABELS`` relabellings they run in this process. The table
    is the same for every ``jobs`` (each pair has its own seed).
    """
    ok = articles[(articles["status"] == "ok") & ~articles["outlet"].astype(str).isin(set(exclude))]
    counts = ok.groupby("outlet").size()
    eligible = counts[counts >= min_articles]
    notes = []
    if len(eligible) > max_outlets:
        eligible = eligible.sort_values(ascending=False, kind="stable").iloc[:max_outlets]
        notes.append(f"outlet pairs: compared the {max_outlets} outlets with most articles of {len(counts)}")
    outlets = sorted(eligible.index.astype(str))
    ok = ok[ok["outlet"].astype(str).isin(outlets)].reset_index(drop=True)
    # rate parts once for all compared articles (element-wise: an outlet's rows hold rate_parts of its own rows)
    nd = [rate_parts(ok, m) for m in metrics] if len(ok) else []
    parts = {}
    for outlet, members in ok["outlet"].groupby(ok["outlet"]):
        idx = members.index.to_numpy()
        parts[str(outlet)] = (np.column_stack([n[idx] for n, _ in nd]), np.column_stack([d[idx] for _, d in nd]))
    del nd
    todo = list(combinations(outlets, 2))
    workers = _workers(jobs, len(todo), PARALLEL_PAIRS, len(ok) * (len(outlets) - 1) * permutations,
                       PARALLEL_RELABELS)
    if workers == 1:
        tested = ((a, b, permutation_test_ratios(*parts[a], *parts[b], permutations=permutations,
                                                 seed=stable_seed("perm", a, b))) for a, b in todo)
    else:
        tested = _tested_in_blocks(outlets, parts, permutations, workers, executor)
    results = {}
    for a, b, res in progress(tested, len(todo)) if progress else tested:
        results[a, b] = res
    rows = []
    for a, b in todo:
        (na, da), (nb, db) = parts[a], parts[b]
        diff, p = results.pop((a, b))
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


def _tested_in_blocks(outlets: list[str], parts: dict, permutations: int, workers: int,
                      executor: Executor | None) -> Iterator[tuple]:
    """(a, b, test result) of every pair of ``outlets`` (a before b), computed on a pool: the outlets are cut into
    blocks and a task is the pairs between two blocks, so it carries the articles of two blocks only."""
    n_blocks = 1
    while n_blocks * (n_blocks + 1) // 2 < _CHUNKS_PER_WORKER * workers and n_blocks < len(outlets):
        n_blocks += 1
    size = -(-len(outlets) // n_blocks)
    blocks = [range(lo, min(lo + size, len(outlets))) for lo in range(0, len(outlets), size)]
    keys: deque = deque()

    def tasks():
        for i, first in enumerate(blocks):
            for second in blocks[i:]:
                pairs = [(outlets[a], outlets[b]) for a in first for b in second if a < b]
                if not pairs:
                    continue
                keys.extend(pairs)
                need = {o for pair in pairs for o in pair}
                yield ({o: parts[o] for o in need}, [(a, b, stable_seed("perm", a, b)) for a, b in pairs],
                       permutations)

    from mediacheck.report.engine import pool_map

    for res in pool_map(permutation_chunk, tasks(), jobs=workers, executor=executor):
        a, b = keys.popleft()
        yield a, b, res


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
