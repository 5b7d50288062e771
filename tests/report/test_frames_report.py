"""Frames in the report (issue 10): generic frames by probability, evidence with the indicator question answered,
and outlets with too few articles shown without intervals ("n too small")."""
from __future__ import annotations

import csv
import json
import math
import re
from html import unescape
from pathlib import Path

import pandas as pd
import pytest

from mediacheck.cli import main
from mediacheck.report.aggregate import outlet_table
from mediacheck.report.columns import EVIDENCE_TABLE, HEADLINE_METRICS, OUTLET_TABLE, RATE_METRICS
from mediacheck.report.html import render_html
from mediacheck.report.questions import QUESTION_TEXT, question_label, questions_cell
from mediacheck.scoring.frames import QUESTION_FRAME, QUESTIONS
from mediacheck.scoring.scorer import FRAME_TYPES, GENERIC_FRAMES

from .conftest import make_tables

POLICY = [t for t in FRAME_TYPES if t not in GENERIC_FRAMES]
LETTER = {"R": "responsibility", "H": "human_interest", "C": "conflict", "M": "morality", "E": "economic"}
FAST = ["--permutations", "49", "--resamples", "200", "--jobs", "1", "-q"]

#: News paragraphs that answer indicator questions of every generic frame (and some hedges and attributions).
PARAGRAPHS = [
    "The city council voted on Tuesday to spend $4.2 million on new flood barriers along the river.",
    "Opposition leaders accused the mayor of ignoring warnings from engineers for years.",
    "Maria Lopez, 42, said her family lost everything when the water reached the second floor of their home.",
    "Republicans and Democrats remain sharply divided over how to pay for the repairs.",
    "The governor said the state must act urgently to protect residents before the next storm.",
    "Bishop Thomas Reed told the congregation that it was wrong to abandon the poorest neighbourhoods.",
    "Economists warned that the closure of the port could cost local businesses hundreds of millions of dollars.",
    "Officials said the storm may have been the worst in decades, according to early estimates.",
    "Critics slammed the plan as a reckless giveaway to developers.",
    "Police arrested three men after the shooting near the stadium on Saturday night.",
]
BIG, SMALL = "Harbor Gazette", "Valley Courier"


def _article(outlet: str, k: int) -> dict:
    """Six of the paragraphs, rotated so that the articles of an outlet differ."""
    paras = [PARAGRAPHS[(k + j) % len(PARAGRAPHS)] for j in range(6)]
    return {"id": f"{outlet[:3].lower()}-{k}", "outlet": outlet, "title": f"Flood defences: day {k + 1} of the debate",
            "text": "\n\n".join(paras)}


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    """``mediacheck report`` on 7 articles of one outlet and 2 of another, with --min-articles 5."""
    tmp = tmp_path_factory.mktemp("frames")
    path = tmp / "in.jsonl"
    recs = [_article(BIG, k) for k in range(7)] + [_article(SMALL, k) for k in (2, 5)]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    out = tmp / "out"
    # --no-templates: the articles share paragraphs, which template learning would remove as boilerplate
    assert main(["report", str(path), "--out", str(out), "--min-articles", "5", "--no-templates", *FAST]) == 0
    return out


# ------------------------------------------------------------------------------------------------ evidence

def test_question_labels_cover_every_question():
    assert set(QUESTION_TEXT) == set(QUESTIONS) and not any(";" in t for t in QUESTION_TEXT.values())
    assert question_label("R1").startswith("R1: ") and "government" in question_label("R1")
    assert questions_cell(["C2", "C1", "C2"]) == f"{question_label('C1')}; {question_label('C2')}"
    assert questions_cell([]) == ""


def test_evidence_for_a_generic_frame_names_the_question_it_answers(run):
    rows = _csv(run / "evidence.csv")
    assert list(rows[0]) == list(EVIDENCE_TABLE) and "question" in EVIDENCE_TABLE
    generic = [r for r in rows if r["metric"] in {f"frame_{t}" for t in GENERIC_FRAMES}]
    assert {r["metric"] for r in generic} == {f"frame_{t}" for t in GENERIC_FRAMES}
    for r in generic:
        frame = r["metric"][len("frame_"):]
        labels = r["question"].split("; ")
        assert labels and all(re.fullmatch(r"[RHCME]\d: .+", q) for q in labels), r
        ids = [q.split(":")[0] for q in labels]
        assert all(LETTER[q[0]] == frame == QUESTION_FRAME[q] for q in ids), r      # R -> responsibility ...
        assert all(q.split(": ", 1)[1] == QUESTION_TEXT[q.split(":")[0]] for q in labels)
        cues = json.loads(r["cues"])
        assert cues and all(c in r["text"] for c in cues), r
    others = [r for r in rows if r["metric"] not in {f"frame_{t}" for t in GENERIC_FRAMES}]
    assert others and all(r["question"] == "" for r in others)


def test_evidence_picks_the_sentences_that_answer_the_questions(run):
    rows = _csv(run / "evidence.csv")
    by = {(r["metric"], r["outlet"], r["rank"]): r for r in rows}
    conflict = by[("frame_conflict", BIG, "1")]          # the sentence with most answers: disagreement, two sides
    assert conflict["text"] == PARAGRAPHS[3]
    assert conflict["question"] == f"{question_label('C1')}; {question_label('C3')}"
    assert {"Republicans and Democrats", "divided over"} <= set(json.loads(conflict["cues"]))
    economic = by[("frame_economic", BIG, "1")]
    assert economic["text"] == PARAGRAPHS[6]
    assert economic["question"] == ("E2: mentions costs, prices, budgets or sums of money; "
                                    "E3: discusses the economic consequences of acting or not acting")
    morality = by[("frame_morality", BIG, "1")]
    assert morality["text"] == PARAGRAPHS[5]
    assert "M2: refers to morality, God, religion or faith" in morality["question"]
    assert "Bishop" in json.loads(morality["cues"])
    responsibility = by[("frame_responsibility", BIG, "1")]
    assert responsibility["text"] == PARAGRAPHS[4]
    assert "R4: says the problem needs urgent action" in responsibility["question"]
    assert by[("frame_human_interest", BIG, "1")]["text"] == PARAGRAPHS[2]
    assert by[("frame_security", BIG, "1")]["question"] == ""             # a policy frame: lexicon words


def test_html_evidence_shows_the_question(run):
    html = (run / "report.html").read_text(encoding="utf-8")
    ev = html[html.index('id="evidence"'):html.index('id="removed"')]
    assert "Frame: morality (indicator questions)" in ev
    assert re.search(r'<div class="question">Answers <bdi>[^<]*M2: refers to morality, God, religion or faith', ev)
    assert "Policy frame: security (lexicon words)" in ev


# ------------------------------------------------------------------------------------------------ small outlets

def _num(v: str) -> float:
    return float(v) if v not in ("", None) else math.nan


def test_an_outlet_below_min_articles_has_no_intervals(run):
    outlets = {r["outlet"]: r for r in _csv(run / "outlets.csv")}
    small, big = outlets[SMALL], outlets[BIG]
    assert small["scored_articles"] == "2" and big["scored_articles"] == "7"
    ci = [c for c in OUTLET_TABLE if c.endswith(("_ci_low", "_ci_high"))]
    assert ci and all(small[c] == "" for c in ci)                     # no interval from two articles
    assert not math.isnan(_num(small["hedges_per_1k"])) and not math.isnan(_num(small["frame_conflict_prob"]))
    for m in ("hedges_per_1k", "hedged_sentence_share", *(f"frame_{t}_prob" for t in GENERIC_FRAMES)):
        lo, v, hi = _num(big[f"{m}_ci_low"]), _num(big[m]), _num(big[f"{m}_ci_high"])
        assert lo <= v <= hi, m                                      # enough articles: the interval stays
    assert any(_num(big[f"frame_{t}_prob_ci_high"]) > _num(big[f"frame_{t}_prob_ci_low"]) for t in GENERIC_FRAMES)


def test_summary_and_notes_count_the_outlets_below_the_minimum(run):
    summary = json.loads((run / "summary.json").read_text(encoding="utf-8"))
    assert summary["min_articles"] == 5 and summary["outlets_below_min_articles"] == 1
    assert any(n.startswith("1 outlet had fewer than 5 scored articles") for n in summary["notes"])
    assert _csv(run / "outlet_pairs.csv") == []                       # only one outlet can be compared


def test_html_shows_n_too_small_instead_of_an_interval(run):
    html = (run / "report.html").read_text(encoding="utf-8")
    assert "1 of 2 outlets has fewer than 5 scored articles (n too small)" in unescape(html)
    frames = html[html.index('id="frames"'):html.index('id="outlets"')]
    svg = re.search(r"<svg.*?</svg>", frames, flags=re.S).group(0)
    rows = re.findall(r"<g><title>\u2068([^\u2069]*)\u2069 – ([^:]*): (.*?)</title>(.*?)</g>", svg, flags=re.S)
    assert len(rows) == 2 * len(GENERIC_FRAMES)
    for outlet, _frame, title, body in rows:
        if outlet == SMALL:
            assert "n too small" in title and "95% CI" not in title and "<line" not in body
            assert 'fill="#b8bcc2"' in body                           # a grey dot, no whiskers
        else:
            assert "95% CI" in title and "<line" in body
    assert svg.count(">n too small</text>") == 1                      # one row marked at its end
    rates = html[html.index('id="rates"'):html.index('id="frames"')]
    dots = re.findall(r"<g><title>\u2068([^\u2069]*)\u2069: ([^<]*)</title>(.*?)</g>", rates, flags=re.S)
    assert len(dots) == 2 * len(HEADLINE_METRICS)                      # two outlets in every headline chart
    for outlet, title, body in dots:
        small = outlet.startswith(SMALL)
        assert ("n too small" in title) == small and ("<line" in body) == (not small), (outlet, title)
    table = html[html.index('id="outlets"'):html.index('id="differences"')]
    assert re.search(r'<td class="num">2 <span class="small">n too small</span></td>', table)
    assert not re.search(r'<td class="num">7 <span class="small">', table)


def test_outlet_table_leaves_intervals_empty_below_min_articles():
    arts = pd.DataFrame([{"id": f"a{i}", "outlet": "A" if i < 6 else "B", "status": "ok", "words": 400 + 10 * i,
                          "sentences": 20, "hedges_per_1k": 2.5 + i, "frame_conflict_prob": 0.2 + 0.05 * i,
                          "title": "Budget talks stall", "question_headline": False, "clickbait_headline": False,
                          "superlative_headline": False, "cluster_outlets": 1} for i in range(8)])
    out = outlet_table(arts, resamples=200, min_articles=5).set_index("outlet")
    assert out.loc["B", "hedges_per_1k"] == pytest.approx((4 + 4) / 0.93, rel=1e-4)     # the rate stays
    assert out.loc[["B"], [f"{m}_ci_low" for m in RATE_METRICS]].isna().all().all()
    assert out.loc["A", "hedges_per_1k_ci_low"] < out.loc["A", "hedges_per_1k_ci_high"]
    assert out.loc["A", "frame_conflict_prob_ci_low"] < out.loc["A", "frame_conflict_prob_ci_high"]
    every = outlet_table(arts, resamples=200, min_articles=1).set_index("outlet")
    assert every.loc["B", "hedges_per_1k_ci_low"] < every.loc["B", "hedges_per_1k_ci_high"]


# ------------------------------------------------------------------------------------------------ frame chart

def test_frame_chart_shows_the_probability_of_the_generic_frames():
    tables = make_tables()
    o = tables["outlets"].copy()
    for j, t in enumerate(GENERIC_FRAMES):
        o[f"frame_{t}_share"] = 0.0123            # sentence shares: never shown for the generic frames
        o[f"frame_{t}_prob"] = 0.31 + 0.1 * j
        o[f"frame_{t}_prob_ci_low"], o[f"frame_{t}_prob_ci_high"] = 0.21 + 0.1 * j, 0.41 + 0.1 * j
    for t in POLICY:
        o[f"frame_{t}_share"] = 0.0456
    tables["outlets"] = o
    html = render_html(tables, {"min_articles": 5})
    frames = html[html.index('id="frames"'):html.index('id="outlets"')]
    assert "Share of articles using the frame, estimated" in frames
    svg = re.search(r"<svg.*?</svg>", frames, flags=re.S).group(0)
    for j, t in enumerate(GENERIC_FRAMES):
        label = t.replace("_", " ")
        assert f"{label}</text>" in svg
        assert f"{label}: {31 + 10 * j:.1f}% of articles (95% CI {21 + 10 * j:.1f}% to {41 + 10 * j:.1f}%)" in svg
    assert "1.2%" not in svg and "4.6%" not in svg
    assert svg.count("<circle") == len(o) * len(GENERIC_FRAMES)
    policy = frames[frames.index("Policy frames"):]
    assert "lexicon words" in policy and "weakly validated" in policy
    assert policy.count('<td class="num">4.6%</td>') == len(o) * len(POLICY)
    assert "1.2%" not in policy


def test_frame_chart_falls_back_to_a_note_without_probabilities():
    tables = make_tables()
    tables["outlets"] = tables["outlets"].drop(columns=[f"frame_{t}_prob" for t in GENERIC_FRAMES])
    html = render_html(tables, {})
    frames = html[html.index('id="frames"'):html.index('id="outlets"')]
    assert "<svg" not in frames and "No generic-frame estimates in this run." in frames
