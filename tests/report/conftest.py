"""Realistic report tables for the HTML report tests, with hostile outlet names and article text."""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from mediacheck.report.columns import (
    ARTICLE_TABLE,
    ERROR_TABLE,
    EVIDENCE_TABLE,
    HEADLINE_METRICS,
    OUTLET_PAIR_TABLE,
    OUTLET_TABLE,
    RATE_METRICS,
    REMOVED_TABLE,
    STORY_TABLE,
)
from mediacheck.scoring.scorer import FRAME_TYPES

XSS_OUTLET = "<script>alert(1)</script>"
FOX = 'Fox & "Friends"'
IMG = "<img src=x onerror=alert(1)>"
TEXTAREA = "</textarea><script>"
OUTLETS = ("Daily Ledger", XSS_OUTLET, FOX, "Süddeutsche – 日本 News", "The Courier", "Morning Post")
LEANINGS = ("center", "left", "right", "", "left", "left")
SUMMARY = {"records_in": 1540, "articles": 1530, "scored": 1500, "empty": 30, "errors": 10, "outlets": 6,
           "stories": 300, "seconds": 12.3, "version": "0.1.0", "inputs": ["corpora/demo", IMG], "engine": "local",
           "jobs": 2}


def _outlets() -> pd.DataFrame:
    rows = []
    for i, (name, leaning) in enumerate(zip(OUTLETS, LEANINGS)):
        row = {"outlet": name, "leaning": leaning, "articles": 300 - 40 * i, "scored_articles": 290 - 40 * i,
               "empty_articles": 2, "words": 150_000 - 9_000 * i, "removed_share": 0.31 + 0.01 * i,
               "duplicate_share": 0.05 * i, "syndicated_share": 0.01, "shared_story_share": 0.2,
               "first_share": 0.1, "dominant_frame": FRAME_TYPES[i % len(FRAME_TYPES)]}
        for j, m in enumerate(RATE_METRICS):
            v = 0.05 + 0.03 * ((i * 7 + j * 3) % 11) if not m.endswith("per_1k") else 2.0 + ((i * 5 + j) % 9) * 0.7
            if m == "tone":
                v = -0.3 + 0.1 * i
            row[m], row[f"{m}_ci_low"], row[f"{m}_ci_high"] = v, v * 0.8, v * 1.2
        rows.append(row)
    rows[3]["hedges_per_1k"] = math.nan                 # an outlet with no value for one metric
    rows[3]["hedges_per_1k_ci_low"] = rows[3]["hedges_per_1k_ci_high"] = None
    return pd.DataFrame(rows, columns=list(OUTLET_TABLE))


def _pairs() -> pd.DataFrame:
    rows = []
    for k, m in enumerate(HEADLINE_METRICS):
        for a in range(len(OUTLETS)):
            for b in range(a + 1, len(OUTLETS)):
                q = ((k * 13 + a * 5 + b * 3) % 40) / 100
                rows.append({"metric": m, "outlet_a": OUTLETS[a], "outlet_b": OUTLETS[b], "n_a": 100, "n_b": 90,
                             "value_a": 0.3, "value_b": 0.2, "difference": 0.1, "p_value": q / 2, "q_value": q,
                             "significant": q < 0.05})
    return pd.DataFrame(rows, columns=list(OUTLET_PAIR_TABLE))


def _stories() -> pd.DataFrame:
    rows = []
    for s in range(3):
        members = OUTLETS[: 4 - s] if s < 2 else (OUTLETS[1], OUTLETS[4], OUTLETS[5])
        for k, o in enumerate(members):
            rows.append({"story_id": f"s{s}", "canonical_headline": f"Senate passes budget {IMG} deal {s}",
                         "story_size": len(members), "story_outlets": len(members), "story_leanings": "left;right",
                         "blindspot": "left" if s == 2 else "", "outlet": o, "leaning": LEANINGS[OUTLETS.index(o)],
                         "id": f"a{s}{k}", "published": "2024-05-01", "title": f"{o}: budget deal {TEXTAREA}"
                         + (" very long" * 60 if k == 0 else ""), "hedges_per_1k": 3.2 if k else math.nan,
                         "hedged_sentence_share": 0.2, "loaded_sentence_rate": 0.125,
                         "anonymous_attribution_share": 0.1,
                         "dominant_frame": "human_interest", "tone": -0.1})
    return pd.DataFrame(rows, columns=list(STORY_TABLE))


def _evidence() -> pd.DataFrame:
    rows = []
    for metric, cues in (("hedging", ["may", "reportedly"]), ("loaded", '["slammed", "radical"]')):
        for o in OUTLETS[:3]:
            for rank in (1, 2):
                rows.append({"metric": metric, "outlet": o, "rank": rank, "id": "a1", "sentence": rank,
                             "text": f"Officials may have reportedly slammed the radical plan {IMG} {TEXTAREA} "
                                     "& the mayor said nothing.", "cues": cues, "score": 0.9 - rank / 10})
    return pd.DataFrame(rows, columns=list(EVIDENCE_TABLE))


def _removed() -> pd.DataFrame:
    rows = [{"id": f"a{i}", "outlet": OUTLETS[i % 3], "line": i, "rule": ("BP_NAV", "BP_SHARE", "HL_TITLE")[i % 3],
             "text": f"Share this {IMG}" if i % 3 == 1 else "Skip to content"} for i in range(30)]
    return pd.DataFrame(rows, columns=list(REMOVED_TABLE))


def _errors() -> pd.DataFrame:
    rows = [{"id": f"e{i}", "outlet": XSS_OUTLET, "source": "corpora/demo/x.jsonl", "stage": "read",
             "message": f"bad record {TEXTAREA} {IMG}"} for i in range(25)]
    return pd.DataFrame(rows, columns=list(ERROR_TABLE))


def _articles() -> pd.DataFrame:
    rows = [{"id": f"a{i}", "outlet": OUTLETS[i % 6], "status": ("ok", "ok", "empty")[i % 3], "title": IMG,
             "warnings": json.dumps([])} for i in range(12)]
    return pd.DataFrame(rows, columns=list(ARTICLE_TABLE))


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "browser: renders the HTML report in headless Chromium (a few seconds; "
                            "deselect with -m 'not browser')")


def make_tables() -> dict[str, pd.DataFrame]:
    return {"articles": _articles(), "outlets": _outlets(), "outlet_pairs": _pairs(), "stories": _stories(),
            "evidence": _evidence(), "removed": _removed(), "errors": _errors()}


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    return make_tables()


@pytest.fixture
def summary() -> dict:
    return dict(SUMMARY)
