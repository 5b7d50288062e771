"""The per-article stage of the report: one article's rows for every table."""
from __future__ import annotations

from mediacheck.cleaning import as_article
from mediacheck.report.stages import DEDUP_WORDS, Settings, analyze_article

BODY = ("The city council voted on Tuesday to approve the new school budget after a long debate. "
        "Officials said the plan may raise property taxes slightly, according to people familiar with it. "
        "Critics called the measure a reckless giveaway that could hurt families across the district. ")


def _page(outlet: str = "Daily \ud800 Post") -> object:
    text = ("Skip to content\nHome | News | Sport | Weather\n\nCouncil approves school budget\n\n"
            + BODY * 3 + "\n\nShare on Facebook \ud800\nCookie settings\n© 2024 Daily Post. All rights reserved.\n")
    return as_article({"id": "a\udfff1", "outlet": outlet, "text": text})


def test_removed_rows_name_their_rule_and_carry_only_encodable_strings():
    res = analyze_article(_page(), Settings())
    assert res.error is None
    rules = {r["rule"] for r in res.removed}
    assert len(res.removed) >= 3 and all(rules) and all(r["line"] > 0 for r in res.removed)
    texts = [r["text"] for r in res.removed]
    assert "Skip to content" in texts
    assert any("\ufffd" in t for t in texts)                         # the lone surrogate became U+FFFD
    for row in res.removed:
        assert set(row) == {"id", "outlet", "line", "rule", "text"}
        for v in row.values():
            if isinstance(v, str):
                v.encode("utf-8")                                      # raises on a lone surrogate
        assert row["id"] == res.row["id"] and row["outlet"] == res.row["outlet"] == "Daily \ufffd Post"


def test_evidence_picks_the_sentences_with_cues_and_the_dedup_lead_is_capped():
    res = analyze_article(_page("Daily Post"), Settings())
    metrics = {e["metric"]: e for e in res.evidence}
    assert "may" in metrics["hedging"]["cues"] and "may raise" in metrics["hedging"]["text"]
    assert metrics["frame_conflict"]["cues"] == ["Critics"]
    assert all(e["cues"] or e["metric"] == "loaded" for e in res.evidence)
    assert len(res.dedup.text.split()) <= DEDUP_WORDS and res.dedup.text.startswith("The city council voted")
