"""The report pipeline: templates pass, per-article stage (any engine), duplicates, then the outlet tables.

``build_report`` streams articles through the stage and hands the row-per-line tables (sentences, removed
lines, errors) to ``sinks`` as they come, holding only the article rows, the duplicate-detection fields and the
evidence leaders in memory. ``analyze`` is the pandas-in, pandas-out front end.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO

import numpy as np
import pandas as pd

from mediacheck.ids import UniqueIds
from mediacheck.model import Article
from mediacheck.options import check_number, merge_options, unset_defaults
from mediacheck.report import aggregate
from mediacheck.report.columns import ARTICLE_TABLE, NO_OUTLET, STREAMED_TABLES, TABLES
from mediacheck.report.engine import default_jobs, process_pool, run
from mediacheck.report.progress import Progress
from mediacheck.report.stages import Settings
from mediacheck.textutil import release_memory

#: ``summary.json``'s "tool": marks a folder as a mediacheck report (which a later run may replace).
TOOL = "mediacheck"
#: Tables streamed row by row during the per-article pass (the others are built at the end).
STREAMED = STREAMED_TABLES
#: Article rows turn into a DataFrame chunk every this many rows.
ROW_CHUNK = 5000
_PRE_CLUSTER = [c for c in ARTICLE_TABLE if c not in ("cluster_id", "cluster_size", "cluster_outlets",
                                                       "duplicate_kind", "duplicate_of")]


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=_PRE_CLUSTER)


def _release_memory() -> None:
    """Collect garbage, then give freed memory back to the system after a big cross-document step."""
    import gc

    gc.collect()
    release_memory()


def _summarised(warnings: list[str], keep: int = 20) -> list[str]:
    """At most ``keep`` warnings, then how many more there were."""
    if len(warnings) <= keep:
        return warnings
    return warnings[:keep] + [f"... and {len(warnings) - keep} more duplicate-detection warnings"]


@dataclass
class Report:
    """Every report table as a DataFrame (streamed tables are empty when they went to a sink), the run summary
    (the same for the same input and options), notes, and the run's timings (which are not)."""

    tables: dict[str, pd.DataFrame]
    summary: dict
    notes: list[str] = field(default_factory=list)
    timings: dict = field(default_factory=dict)


def learn_templates(articles: Iterable[Article]) -> tuple[dict[str, frozenset[str]], int]:
    """First pass: each outlet's template lines over the whole input, and the number of records."""
    from mediacheck.cleaning import TemplateLearner, article_text

    learner, n = TemplateLearner(), 0
    for a in articles:
        n += 1
        if not a.error:
            learner.add(a.outlet, article_text(a))
    return {o: t for o in learner.outlets() if (t := learner.template(o))}, n


class _ListSink:
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def put(self, row: dict) -> None:
        self.rows.append(row)


def check_options(*, jobs: int = 1, resamples: int = 1000, permutations: int = 999, min_articles: int = 5) -> None:
    """ValueError for settings no report can be made with (the CLI checks stricter minimums first)."""
    for name, value, low in (("jobs", jobs, 0), ("resamples", resamples, 0), ("permutations", permutations, 1),
                             ("min_articles", min_articles, 1)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise ValueError(f"{name} must be a whole number >= {low}, not {value!r}")


def no_outlet_note(n: int, compared: bool) -> str:
    what = "compared with the others (--compare-no-outlet)" if compared else "not compared"
    return f"{n:,} article{'' if n == 1 else 's'} had no outlet; shown as {NO_OUTLET}, {what}"


def small_outlets_note(n: int, min_articles: int) -> str:
    s = "" if n == 1 else "s"
    return (f"{n:,} outlet{s} had fewer than {min_articles} scored articles (--min-articles): their rates are "
            f"shown without 95% intervals (\"n too small\") and they are not compared in outlet_pairs")


@dataclass(frozen=True)
class ReportOptions:
    """The settings of ``build_report`` / ``analyze`` (validated on construction; ``dataclasses.replace`` makes
    variants). The output sinks and the progress display are arguments of the run, not options.

    ``templates``: learn outlet template lines in a first pass (the source is read twice); ``sentences``: also the
    sentences table; ``leanings``: outlet -> leaning for records that carry none; ``classifier``: None for the
    shipped line model, False for rules only, or a ``LineModel``; ``extractor``: 'auto', 'builtin' or
    'trafilatura' for HTML; ``tone``: VADER tone (about half the scoring time); ``engine``, ``jobs`` (0: all
    cores), ``scheduler``: where the per-article stage runs (``jobs`` local processes also run the outlet
    statistics); ``resamples``: bootstrap resamples for the 95% intervals (0: none); ``permutations``: per
    outlet-pair test; ``min_articles``: scored articles an outlet needs for intervals and comparisons;
    ``evidence_top``: evidence sentences kept per metric and outlet; ``compare_no_outlet``: compare the records
    without an outlet in ``outlet_pairs`` too.
    """

    templates: bool = True
    sentences: bool = False
    leanings: Mapping[str, str] | None = None
    classifier: object = None
    extractor: str = "auto"
    tone: bool = True
    engine: str = "local"
    jobs: int = 1
    scheduler: str | None = None
    resamples: int = 1000
    permutations: int = 999
    min_articles: int = 5
    evidence_top: int = 3
    compare_no_outlet: bool = False

    def __post_init__(self) -> None:
        check_options(jobs=self.jobs, resamples=self.resamples, permutations=self.permutations,
                      min_articles=self.min_articles)
        check_number("evidence_top", self.evidence_top, low=0, whole=True)


_KW = unset_defaults(ReportOptions)


def build_report(source: Callable[[], Iterable[Article]], *, options: ReportOptions | None = None,
                 templates: bool = _KW["templates"], sentences: bool = _KW["sentences"],
                 leanings: dict[str, str] | None = _KW["leanings"], classifier=_KW["classifier"],
                 extractor: str = _KW["extractor"], tone: bool = _KW["tone"], engine: str = _KW["engine"],
                 jobs: int = _KW["jobs"], scheduler: str | None = _KW["scheduler"], sinks: dict | None = None,
                 progress: bool | Progress | IO = False, resamples: int = _KW["resamples"],
                 permutations: int = _KW["permutations"], min_articles: int = _KW["min_articles"],
                 evidence_top: int = _KW["evidence_top"], compare_no_outlet: bool = _KW["compare_no_outlet"]) -> Report:
    """Run clean -> score -> dedup -> compare over the articles that ``source()`` yields.

    Settings come from ``options`` (a ``ReportOptions``) or from the keywords of the same names (defaults as in
    ``ReportOptions``); a keyword that differs from ``options`` is a TypeError. ValueError for invalid settings.
    ``source`` is called twice when ``templates`` is on (outlet templates are learnt from the whole input
    first), so it must re-read the input. ``sinks`` maps 'sentences' / 'removed' / 'errors' to objects with
    ``put(row)``; tables without a sink are collected and returned. ``progress``: True (bars on stderr), a
    stream, or a ``Progress``. ``resamples=0`` leaves the intervals empty. Records without an outlet are pooled
    as ``NO_OUTLET`` and left out of ``outlet_pairs`` unless ``compare_no_outlet``.
    """
    o = merge_options(ReportOptions, options, {
        "templates": templates, "sentences": sentences, "leanings": leanings, "classifier": classifier,
        "extractor": extractor, "tone": tone, "engine": engine, "jobs": jobs, "scheduler": scheduler,
        "resamples": resamples, "permutations": permutations, "min_articles": min_articles,
        "evidence_top": evidence_top, "compare_no_outlet": compare_no_outlet}, caller="build_report")
    return _build(source, o, sinks=sinks, progress=progress)


def _build(source: Callable[[], Iterable[Article]], o: ReportOptions, *, sinks: dict | None,
           progress: bool | Progress | IO) -> Report:
    """``build_report`` with validated options.

    ``o.jobs`` processes (0: all cores) run the per-article stage on ``o.engine``; then local process pools of
    the same size run the per-article part of duplicate detection (MinHash signatures, story stems; see
    ``find_duplicates``) and the outlet statistics (bootstrap intervals, permutation tests). That holds for the
    Dask engine too (these are short tasks on data the main process holds, and a remote scheduler's workers may be
    busy or gone), so with it ``jobs`` is also the number of local processes for them. Each pool starts after the
    step before it has released its memory and ends with its step; small inputs stay in this process. The tables
    are the same for every ``jobs`` and engine.
    """
    from mediacheck.dedup import find_duplicates

    start = time.perf_counter()
    bars = progress if isinstance(progress, Progress) else Progress(progress)
    total = None
    tpl: dict[str, frozenset[str]] = {}
    if o.templates:
        tpl, total = learn_templates(bars.iter(source(), stage="templates", desc="reading (outlet templates)",
                                               unit="article"))
    settings = Settings(templates=tpl, leanings=dict(o.leanings or {}), classifier=o.classifier, extractor=o.extractor,
                        tone=o.tone, sentences=o.sentences)
    sinks = dict(sinks or {})
    collected = {name: sinks.setdefault(name, _ListSink()) for name in STREAMED if name not in sinks}
    if not o.sentences:
        collected.pop("sentences", None)
    rows: list[dict] = []
    chunks: list[pd.DataFrame] = []          # article rows, columnar every ROW_CHUNK rows (dicts cost ~8x more)
    dedup_items, n_in = [], 0
    evidence = aggregate.EvidenceCollector(o.evidence_top)
    results = bars.iter(run(source(), settings, engine=o.engine, jobs=o.jobs, scheduler=o.scheduler), stage="articles",
                        desc="cleaning and scoring", total=total, unit="article")
    for r in results:
        n_in += 1
        if r.error is not None:
            sinks["errors"].put(r.error)
            continue
        rows.append(r.row)
        if len(rows) >= ROW_CHUNK:
            chunks.append(_frame(rows))
            rows = []
        for s in r.sentences:
            sinks["sentences"].put(s)
        for x in r.removed:
            sinks["removed"].put(x)
        evidence.add(r.evidence)
        if r.dedup is not None:
            dedup_items.append(r.dedup)
    results.close()
    stage_seconds = time.perf_counter() - start

    chunks.append(_frame(rows))
    del rows
    articles = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    del chunks, results
    _release_memory()                        # what the engine left behind, before the biggest step
    with bars.step("duplicates", f"finding duplicates and stories among {len(dedup_items):,} articles"):
        dup = find_duplicates(dedup_items, jobs=o.jobs)
        del dedup_items
        articles = aggregate.cluster_columns(articles, dup.clusters, dup.pairs)
    pairs = pd.DataFrame(dup.pairs, columns=list(TABLES["duplicates"]))
    dedup_outlets = pd.DataFrame(dup.outlets)
    warnings = list(dup.warnings)
    del dup
    _release_memory()
    # The bootstrap and the permutation tests share one local pool of o.jobs processes whatever the engine; its
    # workers start on the first task, after duplicate detection, so they never add to that step's peak memory.
    pool = process_pool(o.jobs) if (o.jobs or default_jobs()) > 1 else None
    try:
        outlets = aggregate.outlet_table(
            articles, pairs=pairs, dedup_outlets=dedup_outlets, resamples=o.resamples, min_articles=o.min_articles,
            jobs=o.jobs, executor=pool,
            progress=lambda it, n: bars.iter(it, stage="intervals", total=n, unit="outlet",
                                             desc="outlet rates and 95% intervals"))
        exclude = () if o.compare_no_outlet else (NO_OUTLET,)
        outlet_pairs, notes = aggregate.outlet_pairs_table(
            articles, permutations=o.permutations, min_articles=o.min_articles, exclude=exclude, jobs=o.jobs,
            executor=pool, progress=lambda it, n: bars.iter(it, stage="outlet_pairs", total=n, unit="pair",
                                                            desc="outlet differences (permutation tests)"))
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)      # idle workers exit while the tables are written
    with bars.step("stories", "stories across outlets"):
        stories = aggregate.story_table(articles)
        tables = {"articles": articles[list(ARTICLE_TABLE)], "outlets": outlets, "outlet_pairs": outlet_pairs,
                  "stories": stories, "evidence": evidence.table(), "duplicates": pairs}
        for name, sink in collected.items():
            tables[name] = pd.DataFrame(sink.rows, columns=list(TABLES[name]))
    status = articles["status"].value_counts()
    no_outlet = int((articles["outlet"] == NO_OUTLET).sum())
    small = aggregate.small_outlets(outlets, o.min_articles)
    if small:
        notes = [small_outlets_note(len(small), o.min_articles), *notes]
    if no_outlet:
        notes = [no_outlet_note(no_outlet, o.compare_no_outlet), *notes]
    summary = {
        "tool": TOOL, "records_in": n_in, "articles": len(articles), "scored": int(status.get("ok", 0)),
        "empty": int(status.get("empty", 0)), "errors": n_in - len(articles),
        "outlets": int(articles["outlet"].nunique()), "no_outlet_articles": no_outlet,
        "stories": int(stories["story_id"].nunique()) if len(stories) else 0, "duplicate_pairs": len(pairs),
        "engine": o.engine, "resamples": o.resamples, "permutations": o.permutations, "min_articles": o.min_articles,
        "outlets_below_min_articles": len(small),
    }
    timings = {"seconds": round(time.perf_counter() - start, 2), "seconds_articles": round(stage_seconds, 2),
               "stages": dict(bars.seconds), "engine": o.engine, "jobs": o.jobs or default_jobs()}
    return Report(tables, summary, notes + _summarised(warnings), timings)


def analyze(df: pd.DataFrame, **options) -> dict[str, pd.DataFrame]:
    """Run the whole report on a DataFrame of articles and return its tables as DataFrames.

    Columns: ``text`` or ``html`` (one is required), optionally ``id``, ``outlet``, ``title``, ``url``,
    ``published``, ``leaning``; other columns are carried as metadata. Options are ``build_report``'s
    (``options=ReportOptions(...)`` or its keywords).
    Returns 'articles', 'outlets', 'outlet_pairs', 'stories', 'evidence', 'duplicates', 'removed', 'errors'
    (+ 'sentences' with ``sentences=True``) and 'summary' (one row).
    """
    from mediacheck.io.readers import article_from_record

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"analyze takes a pandas DataFrame, not {type(df).__name__}")
    if "text" not in df.columns and "html" not in df.columns:
        raise ValueError("the DataFrame needs a 'text' or an 'html' column")
    records = df.to_dict("records")

    def source() -> Iterable[Article]:
        seen = UniqueIds()
        for k, rec in enumerate(records):
            rec = {c: (None if _missing(v) else v) for c, v in rec.items()}
            yield article_from_record(rec, fallback_id=f"row-{k + 1}", source=f"row {k + 1}", outlet="",
                                       warnings=(), seen=seen)

    report = build_report(source, **options)
    summary = {**report.summary, "seconds": report.timings["seconds"],
               "seconds_articles": report.timings["seconds_articles"], "jobs": report.timings["jobs"]}
    return {**report.tables, "summary": pd.DataFrame([summary])}


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):     # lists and arrays
        return False
