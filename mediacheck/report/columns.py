"""Column order of every report table (the report contract; docs/columns.md documents each column).

Rates in ``outlets`` are ratios of sums over the outlet's scored articles (e.g. hedges per 1,000 words = all
hedge cues / all words x 1000), each with a 95% bootstrap interval over articles: ``<metric>_ci_low`` and
``<metric>_ci_high``. Outlets with fewer scored articles than the report's ``min_articles`` get no interval
(empty ci columns): an interval from one or two articles would look precise and is not.
"""
from __future__ import annotations

from dataclasses import dataclass

from mediacheck.dedup.finder import PAIR_COLUMNS
from mediacheck.scoring.scorer import FRAME_TYPES, GENERIC_FRAMES, HEDGE_TYPES

#: Per-article metrics and how they pool into an outlet rate: (numerator field, denominator field).
#: Numerators are rebuilt from the article row: ``per_1k`` rates x words / 1000, shares x their denominator.
RATE_METRICS = (
    "hedges_per_1k", *(f"hedges_{t}_per_1k" for t in HEDGE_TYPES), "hedged_sentence_share", "boosters_per_1k",
    "anonymous_attribution_share", "loaded_sentence_rate", "loaded_mean_prob", "loaded_cues_per_1k",
    *(f"frame_{t}_share" for t in FRAME_TYPES), *(f"frame_{t}_prob" for t in GENERIC_FRAMES),
    "question_headline_share", "clickbait_headline_share",
    "superlative_headline_share", "tone",
)

#: Metrics compared between outlets in ``outlet_pairs`` and shown first in the HTML report.
HEADLINE_METRICS = ("hedges_per_1k", "hedged_sentence_share", "boosters_per_1k", "anonymous_attribution_share",
                    "loaded_sentence_rate", "loaded_mean_prob", "question_headline_share", "tone")

#: The outlet name given to records that name none (and no --outlet / sub-folder gives one). Its articles are
#: shown and pooled like an outlet's but left out of ``outlet_pairs`` unless asked (``compare_no_outlet``).
NO_OUTLET = "(no outlet)"

#: ``input_id`` is the id as the input gave it (``id`` is made unique within the run); ``meta`` is every extra
#: input field (author, section, leaning, ...) as compact JSON.
ARTICLE_TABLE = (
    "id", "input_id", "outlet", "leaning", "url", "published", "status", "message", "title", "lines_in",
    "lines_removed", "chars_kept", "chars_removed", "removed_share", "words", "sentences", "hedges_per_1k",
    *(f"hedges_{t}_per_1k" for t in HEDGE_TYPES), "hedged_sentence_share", "boosters_per_1k", "attributions",
    "anonymous_attribution_share", "loaded_sentence_rate", "loaded_mean_prob", "loaded_cues_per_1k",
    *(f"frame_{t}_share" for t in FRAME_TYPES), *(f"frame_{t}_prob" for t in GENERIC_FRAMES), "dominant_frame",
    "question_headline", "clickbait_headline",
    "superlative_headline", "tone", "cluster_id", "cluster_size", "cluster_outlets", "duplicate_kind",
    "duplicate_of", "warnings", "source", "meta",
)

OUTLET_TABLE = (
    "outlet", "leaning", "articles", "scored_articles", "empty_articles", "words", "removed_share",
    "duplicate_share", "syndicated_share", "shared_story_share", "first_share",
    *(c for m in RATE_METRICS for c in (m, f"{m}_ci_low", f"{m}_ci_high")), "dominant_frame",
)

OUTLET_PAIR_TABLE = (
    "metric", "outlet_a", "outlet_b", "n_a", "n_b", "value_a", "value_b", "difference", "p_value", "q_value",
    "significant",
)

STORY_TABLE = (
    "story_id", "canonical_headline", "story_size", "story_outlets", "story_leanings", "blindspot", "outlet",
    "leaning", "id", "published", "title", "hedges_per_1k", "hedged_sentence_share", "loaded_sentence_rate",
    "anonymous_attribution_share", "dominant_frame", "tone",
)

#: ``question``: for the generic frames (``frame_conflict`` ...) the indicator questions the sentence answers, as
#: "C2: has one side reproach, attack or accuse another" (several joined by "; "); empty for other metrics.
EVIDENCE_TABLE = ("metric", "outlet", "rank", "id", "sentence", "text", "question", "cues", "score")

REMOVED_TABLE = ("id", "outlet", "line", "rule", "text")

ERROR_TABLE = ("id", "outlet", "source", "stage", "message")

SENTENCE_TABLE = ("id", "outlet", "index", "start", "end", "text", "hedged", "loaded_prob", "frames", "cues")


@dataclass(frozen=True)
class TableSpec:
    """One report table: its name (``<name>.csv``), its columns, and whether it is ``streamed`` (written row by row
    during the per-article pass: one row per line or sentence) or built at the end."""

    name: str
    columns: tuple[str, ...]
    streamed: bool = False


#: Every report table, the one definition: tables built at the end first, in the order they are written, then the
#: streamed ones (``sentences`` only with the report's ``sentences`` option).
TABLE_SPECS = (
    TableSpec("articles", ARTICLE_TABLE),
    TableSpec("outlets", OUTLET_TABLE),
    TableSpec("outlet_pairs", OUTLET_PAIR_TABLE),
    TableSpec("stories", STORY_TABLE),
    TableSpec("evidence", EVIDENCE_TABLE),
    TableSpec("duplicates", PAIR_COLUMNS),
    TableSpec("sentences", SENTENCE_TABLE, streamed=True),
    TableSpec("removed", REMOVED_TABLE, streamed=True),
    TableSpec("errors", ERROR_TABLE, streamed=True),
)

#: Table name -> columns.
TABLES = {t.name: t.columns for t in TABLE_SPECS}
#: Tables built at the end, in the order they are written.
FINAL_TABLES = tuple(t.name for t in TABLE_SPECS if not t.streamed)
#: Tables streamed row by row during the per-article pass.
STREAMED_TABLES = tuple(t.name for t in TABLE_SPECS if t.streamed)
