"""benchmarks/report_scale.py: the corpus generator on the real articles of ../shared, and the harness end to end
on 200 articles with the local engine (skips when ../shared is absent)."""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.report_scale import bench, load_bases, make_corpus, reword_headline, table, targets

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DATA = SHARED / "data"


@pytest.fixture(scope="module")
def bases():
    if not (DATA / "labels" / "basil_articles.jsonl").exists():
        pytest.skip("../shared benchmark data is absent")
    return load_bases(DATA)


@pytest.fixture(scope="module")
def corpus(bases):
    return make_corpus(400, bases, seed=5)


def test_bases_are_real_articles(bases):
    assert set(bases) == {"scraped", "basil", "allsides"}
    assert len(bases["scraped"]) >= 150 and len(bases["basil"]) >= 250
    page = bases["scraped"][0]
    assert page["title"] and any(page["long"]) and not all(page["long"])      # body lines and boilerplate


def test_corpus_is_deterministic_and_not_copies(bases, corpus):
    records, planted = corpus
    again, planted2 = make_corpus(400, bases, seed=5)
    assert records == again and planted == planted2
    assert len(records) == planted["records"] == 400
    good = [r for r in records if isinstance(r, dict) and "text" in r]
    assert len(good) == 400 - len(planted["errors"])
    assert len({r["id"] for r in good}) == len(good)
    texts = Counter(r["text"] for r in good)
    assert texts.most_common(1)[0][1] == 1                 # even syndicated copies differ in their outlet template
    assert 20 <= len({r["outlet"] for r in good}) and all(r["leaning"] and r["published"] for r in good)
    days = sorted({r["published"] for r in good})
    assert len(days) > 30


def test_planted_syndicated_copies_share_the_body(corpus):
    records, planted = corpus
    by_id = {r["id"]: r for r in records if isinstance(r, dict)}
    assert len(planted["syndicated"]) == round(0.08 * 400)
    for src, copy in planted["syndicated"]:
        a, b = by_id[src], by_id[copy]
        assert a["outlet"] != b["outlet"]
        skip = {a["title"], b["title"]}
        body_a, body_b = ([ln for ln in r["text"].split("\n") if len(ln.split()) >= 12 and ln not in skip
                           and not ln.startswith("Related: ")] for r in (a, b))
        assert body_a == body_b and body_a                  # the long (body) lines verbatim
        assert b["title"].startswith(a["title"])


def test_reword_headline_changes_most_titles():
    rng = random.Random(1)
    title = "Senate passes sweeping budget bill after all-night session"
    out = [reword_headline(title, rng) for _ in range(200)]
    assert 0.55 < sum(o != title for o in out) / 200 < 0.85


def test_harness_end_to_end(bases, tmp_path):
    args = argparse.Namespace(cache=tmp_path, seed=0, synd_share=0.08, data=DATA, jobs=2, timeout=120, keep=True)
    row = bench(200, "local", args)
    assert row["status"] == "ok", row
    s = row["summary"]
    assert s["records_in"] == 200 == s["articles"] + s["errors"]
    assert s["errors"] >= 1 and row["check"] == "ok"
    assert row["peak_mib"] >= row["main_mib"] > 50 and row["seconds"] > 0
    assert row["synd_found"] is not None and row["synd_found"] >= 0.8
    planted = json.loads(next(tmp_path.glob("*.planted.json")).read_text())
    assert planted["syndicated"]
    out = table([row])
    assert "| 200 | local | 2 |" in out and "| ok |" in out
    assert targets([row]) == []                               # no 10k / 100k rows: no target lines
