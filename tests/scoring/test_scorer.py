"""Article scores: the summary row against its documented definitions, evidence offsets, statuses, robustness."""
from __future__ import annotations

import math
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediacheck.model import STATUS_EMPTY, STATUS_ERROR, Article, ArticleScore, CleanArticle
from mediacheck.scoring import ARTICLE_COLUMNS, FRAME_TYPES, HEDGE_TYPES, score, score_many
from mediacheck.scoring.frames import GENERIC_FRAMES, default_frame_model
from mediacheck.scoring.scorer import score_text
from mediacheck.scoring.sentences import MAX_SENTENCE_CHARS, words
from tests.workcount import count_calls as _work

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TITLE = "Will the new buses finally fix the commute?"
ARTICLE = (
    "The city council approved a new transit budget on Tuesday night.\n"
    "Officials said the plan could cost about 300 million dollars over five years.\n"
    "Mayor Ana Ruiz said the vote was a victory for commuters and their families.\n"
    "Opposition leaders slammed the disgraceful spending spree as a reckless assault on taxpayers.\n"
    "The first buses are expected to arrive in May."
)
RATE_KEYS = ("hedged_sentence_share", "loaded_sentence_rate", "loaded_mean_prob",
             *(f"frame_{t}_share" for t in FRAME_TYPES))


@pytest.fixture(scope="module")
def scored() -> ArticleScore:
    return score(Article(id="bus", outlet="Daily", text=ARTICLE, title=TITLE), clean=False)


def check_offsets(r: ArticleScore) -> None:
    for s in r.sentences:
        assert r.text[s.start:s.end] == s.text
        for c in s.cues:
            assert r.text[c.start:c.end] == c.text
            assert c.start < c.end
    starts = [s.start for s in r.sentences]
    assert starts == sorted(starts)
    assert [s.index for s in r.sentences] == list(range(len(r.sentences)))


def check_ranges(summary: dict) -> None:
    for k in RATE_KEYS:
        assert 0.0 <= summary[k] <= 1.0, k
    share = summary["anonymous_attribution_share"]
    assert math.isnan(share) or 0.0 <= share <= 1.0
    assert -1.0 <= summary["tone"] <= 1.0
    for k, v in summary.items():
        if k.endswith("_per_1k"):
            assert v >= 0, k
    assert summary["words"] >= 0 and summary["sentences"] >= 0


# --- the summary row --------------------------------------------------------------------------------------------

def test_summary_keys_are_the_article_columns(scored):
    assert set(scored.summary) == set(ARTICLE_COLUMNS[3:])
    assert len(scored.summary) == len(ARTICLE_COLUMNS) - 3
    assert list(scored.to_dict())[:6] == ["id", "input_id", "outlet", "title", "status", "message"]
    assert scored.status == "ok" and scored.id == "bus" and scored.outlet == "Daily" and scored.title == TITLE


def test_counts_and_per_1k_rates_follow_their_definitions(scored):
    s, rows = scored.summary, scored.sentences
    assert s["sentences"] == len(rows) == 5
    n = len(words(ARTICLE))
    assert s["words"] == n
    cues = [c for r in rows for c in r.cues]
    hedges = [c for c in cues if c.category == "hedge"]
    assert hedges, "the article hedges"
    assert s["hedges_per_1k"] == pytest.approx(len(hedges) * 1000 / n, abs=1e-3)
    for t in HEDGE_TYPES:
        assert s[f"hedges_{t}_per_1k"] == pytest.approx(sum(c.type == t for c in hedges) * 1000 / n, abs=1e-3)
    assert s["hedges_per_1k"] == pytest.approx(sum(s[f"hedges_{t}_per_1k"] for t in HEDGE_TYPES), abs=1e-3)
    assert s["boosters_per_1k"] == pytest.approx(sum(c.category == "booster" for c in cues) * 1000 / n, abs=1e-3)
    assert s["loaded_cues_per_1k"] == pytest.approx(sum(c.category == "loaded" for c in cues) * 1000 / n,
                                                    abs=1e-3)


def test_expected_evidence_in_the_article(scored):
    found = {(c.text, c.category, c.type) for r in scored.sentences for c in r.cues}
    assert ("Officials said", "attribution", "anonymous") in found
    assert ("could", "hedge", "epistemic") in found
    assert ("about", "hedge", "approximator") in found
    assert ("are expected to", "hedge", "doxastic") in found
    assert ("disgraceful", "loaded", "emotional") in found
    assert not any(c.text == "May" for r in scored.sentences for c in r.cues)   # "arrive in May": the month


def test_sentence_rows_agree_with_shares(scored):
    s, rows = scored.summary, scored.sentences
    for r in rows:
        assert r.hedged == any(c.category == "hedge" for c in r.cues)
        assert r.frames == tuple(sorted({c.type for c in r.cues if c.category == "frame"}))
        assert 0.0 <= r.loaded_prob <= 1.0
    assert s["hedged_sentence_share"] == pytest.approx(sum(r.hedged for r in rows) / len(rows), abs=1e-4)
    assert s["loaded_mean_prob"] == pytest.approx(sum(r.loaded_prob for r in rows) / len(rows), abs=1e-3)
    for t in FRAME_TYPES:
        assert s[f"frame_{t}_share"] == pytest.approx(sum(t in r.frames for r in rows) / len(rows), abs=1e-4)
    shares = {t: s[f"frame_{t}_share"] for t in FRAME_TYPES}
    model = default_frame_model()
    used = [t for t in GENERIC_FRAMES if s[f"frame_{t}_prob"] >= model.threshold(t)]
    pool = used or list(FRAME_TYPES)            # frames the article uses, else every frame by its share
    assert s["dominant_frame"] in pool and shares[s["dominant_frame"]] == max(shares[t] for t in pool)
    check_ranges(s)


def test_attribution_counts(scored):
    cues = [c for r in scored.sentences for c in r.cues if c.category == "attribution"]
    anonymous = sum(c.type == "anonymous" for c in cues)
    assert scored.summary["attributions"] == len(cues)
    assert scored.summary["anonymous_attribution_share"] == pytest.approx(anonymous / len(cues), abs=1e-4)
    assert 0 < scored.summary["anonymous_attribution_share"] < 1      # one anonymous, one named source


def test_offsets_slice_back(scored):
    check_offsets(scored)
    assert scored.text == ARTICLE


def test_anonymous_attribution_share_is_nan_without_attribution():
    r = score("The river rose two metres overnight. Roads near the bridge were closed.", clean=False)
    assert r.summary["attributions"] == 0
    assert math.isnan(r.summary["anonymous_attribution_share"])


def test_only_named_sources_give_share_zero():
    r = score("Senator Jane Smith said the plan was dead. The mayor announced a new budget.", clean=False)
    assert r.summary["attributions"] >= 2
    assert r.summary["anonymous_attribution_share"] == 0.0


@pytest.mark.parametrize("title, question, clickbait, superlative", [
    ("Will the new buses fix the commute?", True, False, False),
    ("Buses finally arrive in the city", False, True, False),
    ("You won't believe what the council did next", False, True, False),
    ("The deadliest storm ever recorded hits Florida", False, False, True),
    ("Council approves transit budget", False, False, False),
    ("", False, False, False),
])
def test_headline_flags_come_from_the_title(title, question, clickbait, superlative):
    r = score(Article(id="h", title=title, text="The council approved the budget."), clean=False)
    s = r.summary
    assert (s["question_headline"], s["clickbait_headline"], s["superlative_headline"]) == (
        question, clickbait, superlative)


def test_body_does_not_set_headline_flags():
    r = score(Article(id="h", title="Council approves budget", text="Is this the worst budget ever? Yes."),
              clean=False)
    assert not r.summary["question_headline"] and not r.summary["superlative_headline"]


def test_loaded_sentence_gets_model_evidence():
    from mediacheck.scoring.loaded import default_loaded_model

    r = score("The senator's outrageous, racist tirade stunned even his closest allies.", clean=False)
    (row,) = r.sentences
    assert row.loaded_prob >= default_loaded_model().threshold
    assert r.summary["loaded_sentence_rate"] == 1.0
    assert any(c.category == "loaded" for c in row.cues)


def test_question_headline_ignores_trailing_space():
    r = score(Article(id="q", title="Is the bridge safe?  ", text="Engineers inspected the bridge."), clean=False)
    assert r.summary["question_headline"] is True


# --- cleaning, statuses -----------------------------------------------------------------------------------------

RAW = ("Skip to content\n\nCouncil backs new park\n\n"
       "The city council voted on Tuesday to build a new park near the river. Residents welcomed the decision "
       "after years of delays. Work is expected to begin next spring.\n\nShare this article\n")


def test_raw_text_is_cleaned_first():
    r = score(RAW)
    assert r.status == "ok"
    texts = [s.text for s in r.sentences]
    assert not any("Skip to content" in t or "Share this" in t for t in texts)
    assert texts[0] == "The city council voted on Tuesday to build a new park near the river."
    assert r.title == "Council backs new park"
    check_offsets(r)


def test_clean_false_scores_the_text_as_given():
    r = score(RAW, clean=False)
    assert any("Skip to content" in s.text for s in r.sentences)


def test_dict_input():
    r = score({"id": "d1", "outlet": "Gazette", "title": "Storm hits", "text": "The storm hit the coast."},
              clean=False)
    assert (r.id, r.outlet, r.title, r.status) == ("d1", "Gazette", "Storm hits", "ok")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
@pytest.mark.parametrize("clean", [True, False])
def test_empty_text_is_status_empty(text, clean):
    r = score(text, clean=clean)
    assert r.status == STATUS_EMPTY
    assert r.sentences == () and r.summary == {}
    assert r.message


@pytest.mark.parametrize("clean", [True, False])
def test_article_with_error_is_status_error(clean):
    r = score(Article(id="bad", outlet="X", error="cannot decode bytes"), clean=clean)
    assert r.status == STATUS_ERROR
    assert "cannot decode" in r.message
    assert r.summary == {} and r.sentences == ()
    assert r.to_dict()["status"] == "error"


def test_clean_article_with_error_status():
    r = score(CleanArticle(id="e", status=STATUS_ERROR, message="too big"))
    assert (r.status, r.message) == ("error", "too big")


def test_score_many_keeps_order_and_ids():
    arts = [Article(id=str(i), text=t) for i, t in enumerate(
        ["The storm hit the coast.", "", "Officials said the road may close."])]
    out = list(score_many(arts, clean=False))
    assert [r.id for r in out] == ["0", "1", "2"]
    assert [r.status for r in out] == ["ok", "empty", "ok"]


def test_one_word():
    r = score("Hello", clean=False)
    assert r.status == "ok"
    assert r.summary["words"] == 1 and r.summary["sentences"] == 1
    assert r.summary["hedges_per_1k"] == 0.0 and r.summary["dominant_frame"] == ""
    check_ranges(r.summary)


def test_one_hedge_word():
    r = score("Perhaps.", clean=False)
    assert r.summary["hedges_per_1k"] == 1000.0
    assert r.summary["hedged_sentence_share"] == 1.0


@pytest.mark.parametrize("text", [
    "Die Regierung hat am Dienstag einen neuen Haushalt beschlossen. Die Opposition kritisierte den Plan scharf. "
    "Der Minister sagte, die Kosten seien vertretbar.",
    "政府周二批准了新的预算。反对派批评了这项计划。部长表示，费用是合理的。",
])
def test_non_english_text_works_with_few_hedges(text):
    r = score(text, clean=False)
    assert r.status == "ok"
    assert r.summary["sentences"] >= 1 and r.summary["words"] >= 1
    assert sum(c.category == "hedge" for s in r.sentences for c in s.cues) <= 1
    check_offsets(r)
    check_ranges(r.summary)


# --- robustness -------------------------------------------------------------------------------------------------

NEWS_TOKENS = [
    "Officials", "said", "the", "plan", "may", "could", "not", "about", "300", "May", "critics", "say", "according",
    "to", "people", "familiar", "with", "matter", "regime's", "radical", "left", "disgraceful", "clearly", "if",
    "would", "appeared", "in", "court", "suggested", "that", "claims", "I", "think", "feel", "as", "possible",
    "kind", "of", "doubts", "consider", "likely", "expect", "you", "’", "'s", ".", ",", "?", "!", "\n", "\n\n",
    "—", "😀", "\x00", "İ", "ß", "ﬁ", "\u200b", "\u2028", "Mr.", "U.S.", "\"", "“", "”", "(", ")",
]
news_text = st.lists(st.sampled_from(NEWS_TOKENS), max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=300), news_text,
                     st.lists(st.sampled_from(NEWS_TOKENS), max_size=40).map("".join))


@SETTINGS
@given(any_text)
def test_never_raises_and_invariants_hold(text):
    r = score(text, clean=False)
    assert r.status in ("ok", "empty")
    if r.status == "empty":
        assert not text.strip()
        return
    check_offsets(r)
    check_ranges(r.summary)
    assert r.summary["sentences"] == len(r.sentences)
    assert set(r.summary) == set(ARTICLE_COLUMNS[3:])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_deterministic_and_cleaning_never_raises(text):
    a, b = score(text, clean=False), score(text, clean=False)
    assert a.to_dict().keys() == b.to_dict().keys()
    assert [s.to_dict() for s in a.sentences] == [s.to_dict() for s in b.sentences]
    assert repr(a.summary) == repr(b.summary)            # repr: NaN == NaN
    c = score(text)
    assert c.status in ("ok", "empty")
    if c.status == "ok":
        check_offsets(c)
        check_ranges(c.summary)


@SETTINGS
@given(news_text)
def test_score_text_cues_belong_to_their_sentence_start(text):
    from mediacheck.scoring import default_lexicon, default_loaded_model

    ts = score_text(text, lexicon=default_lexicon(), model=default_loaded_model())
    for s in ts.sentences:
        for c in s.cues:
            assert s.start <= c.start < s.end


def test_cues_lie_inside_their_sentence():
    r = score("The council approved a new budget after a heated debate.\nOfficials said the plan could cost more.",
              clean=False)
    for s in r.sentences:
        for c in s.cues:
            assert s.start <= c.start and c.end <= s.end, (c, s.text)
    assert [s.hedged for s in r.sentences] == [False, True]


def test_one_anonymous_source_gives_share_one():
    r = score("Two senior administration officials told reporters the plan was dead.", clean=False)
    assert r.summary["attributions"] == 1
    assert r.summary["anonymous_attribution_share"] == 1.0


CLAUSE = ("the council approved the budget, the mayor said the vote was a victory and residents may "
          "benefit from about 300 new buses, ")
ANONYMOUS_CLAUSE = "officials said the plan may cost about 300 dollars and "
PROSE = ("The council approved the budget on Tuesday, and officials said the plan may cost about 300 million dollars. "
         "Critics say the mayor's brutal cuts could hurt families. It is not clear whether the vote will hold. ")




def _peak_bytes(fn) -> int:
    """Peak memory traced by ``tracemalloc`` while ``fn()`` runs (its result included)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_one_megabyte_sentence_is_split_at_clause_boundaries():
    text = CLAUSE * (1_000_000 // len(CLAUSE)) + "officials said."
    r = score(text, clean=False)
    assert r.status == "ok"
    assert r.summary["sentences"] == len(r.sentences) >= len(text) // MAX_SENTENCE_CHARS
    assert max(s.end - s.start for s in r.sentences) <= MAX_SENTENCE_CHARS
    assert all(s.text.endswith(",") for s in r.sentences[:-1]) and r.sentences[-1].text.endswith("officials said.")
    assert r.summary["hedges_per_1k"] > 0
    check_offsets(r)


@pytest.mark.parametrize("clause, end", [(CLAUSE, "officials said."), (ANONYMOUS_CLAUSE, "end.")],
                         ids=["clauses", "anonymous-sources"])
def test_work_on_one_long_sentence_grows_linearly(clause, end):
    """A 4x longer run-on sentence costs at most about 4x the work: nothing re-reads the sentence per cue or per
    word (a pathological sentence is split into pieces of at most MAX_SENTENCE_CHARS)."""
    def text(n: int) -> str:
        return clause * (n // len(clause)) + end

    small, large = text(50_000), text(200_000)
    r = score(large, clean=False)                   # also warms the caches (token scores, VADER lexicon, imports)
    # what it finds: every source once (one per clause, whichever piece it falls in), every may/about hedge
    assert r.status == "ok" and max(s.end - s.start for s in r.sentences) <= MAX_SENTENCE_CHARS
    assert r.summary["attributions"] == large.count("said")
    assert r.summary["anonymous_attribution_share"] == pytest.approx(  # the summary keeps 4 decimals
        large.count("officials said") / large.count("said"), abs=1e-4)
    hedges = [c.text for s in r.sentences for c in s.cues if c.category == "hedge"]
    assert len(hedges) == large.count(" may ") + large.count(" about ") + large.count("officials said")
    w1, w4 = _work(lambda: score(small, clean=False)), _work(lambda: score(large, clean=False))
    assert w4 <= 4.5 * w1, (w1, w4)


@pytest.mark.parametrize("punctuation", [True, False], ids=["prose", "no-punctuation"])
def test_scoring_a_long_single_line_stays_within_memory(punctuation):
    """Regression: a 50 MB one-line article peaked at 2.5 GB RSS in `mediacheck score`. Traced peak on 0.5 MB was
    55 bytes per input character (word lists, per-word spans, one 0.5 MB sentence through the model); now about 24
    (22 without punctuation), nearly all of it the result: the sentence and cue records themselves."""
    text = (PROSE * (500_000 // len(PROSE) + 1))[:500_000]
    if not punctuation:
        text = text.replace(".", "")
    score("warm up: officials said it may rain.", clean=False)
    peak = _peak_bytes(lambda: score(text, clean=False, tone=False))
    assert peak < 36 * len(text), f"{peak / len(text):.1f} bytes per character"


# --- the fast paths give the plain results ------------------------------------------------------------------------

def test_scores_do_not_depend_on_the_caches():
    """Cold (fresh lexicon and model, empty caches), warm (every sentence kept), and without the sentence cache:
    the same rows and summaries, to the bit."""
    import json
    from pathlib import Path

    from mediacheck.scoring import clear_caches, default_lexicon, default_loaded_model
    from mediacheck.scoring.frames import default_detector

    path = Path(__file__).resolve().parents[2] / "corpora" / "allsides" / "allsides.jsonl"
    with path.open(encoding="utf-8") as f:
        recs = [json.loads(line) for line, _ in zip(f, range(60))]

    def run() -> list[str]:
        lex, model = default_lexicon(), default_loaded_model()
        out = []
        for r in recs:
            ts = score_text(r["text"], id=r["id"], title=r["title"], lexicon=lex, model=model, tone=False)
            out.append(repr((ts.sentences, ts.summary)))
        return out

    clear_caches()
    cold = run()
    assert run() == cold
    det = default_detector()
    size = det.cache_size
    try:
        det.cache_size = 0
        assert run() == cold
    finally:
        det.cache_size = size
