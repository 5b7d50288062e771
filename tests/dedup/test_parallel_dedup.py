"""Duplicate detection with its MinHash signatures on a process pool finds exactly the serial result."""
from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from mediacheck.dedup import finder
from mediacheck.dedup.finder import _char_grams, _signatures, find_duplicates
from mediacheck.dedup.normalize import body_shingles, headline_key
from mediacheck.parallel import default_jobs

ALLSIDES = Path(__file__).resolve().parents[2] / "corpora" / "allsides" / "allsides.jsonl"
WIRES = (" - Associated Press", " | Reuters", "")


def _corpus(n: int = 360, seed: int = 3) -> list[dict]:
    """Real AllSides articles, plus syndicated copies under other outlets, re-edited headlines and short items."""
    rng = random.Random(seed)
    rows = [json.loads(line) for line in ALLSIDES.read_text(encoding="utf-8").splitlines()[:n]]
    items = [{"id": r["id"], "outlet": r["outlet"], "title": r.get("title") or "", "text": r.get("text") or "",
              "published": r.get("published") or ""} for r in rows]
    outlets = sorted({it["outlet"] for it in items})
    for k, src in enumerate(rng.sample(items, 60)):
        copy = dict(src, id=f"copy-{k}", outlet=rng.choice(outlets))
        if k % 3 == 0:
            copy["title"] = src["title"] + rng.choice(WIRES)
        elif k % 3 == 1:                                                  # a shortened copy, headline edited
            words = src["text"].split()
            copy["text"] = " ".join(words[: len(words) * 4 // 5])
            copy["title"] = " ".join(src["title"].split()[1:]) + " (updated)"
        else:
            copy["title"], copy["text"] = src["title"].upper(), ""          # headline only
        items.append(copy)
    items.append({"id": "blank", "outlet": "x", "title": "", "text": "", "published": ""})
    rng.shuffle(items)
    return items


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return _corpus()


@pytest.fixture
def small_pool(monkeypatch) -> list:
    """Pool from 50 articles on, 64 a task (the defaults need thousands), recording the pools made."""
    monkeypatch.setattr(finder, "PARALLEL_ITEMS", 50)
    monkeypatch.setattr(finder, "_SIGN_CHUNK", 64)
    made = []
    real = finder._signature_pool

    def spy(jobs, n):
        pool = real(jobs, n)
        made.append(pool)
        return pool

    monkeypatch.setattr(finder, "_signature_pool", spy)
    return made


def _result(res) -> tuple:
    return res.pairs, res.clusters, res.outlets, res.warnings


@pytest.mark.parametrize("jobs", [2, 0])
def test_find_duplicates_is_the_same_with_signatures_on_a_pool(corpus, small_pool, jobs):
    serial = find_duplicates(corpus, jobs=1)
    assert small_pool == [None]
    parallel = find_duplicates(corpus, jobs=jobs)
    if jobs == 2 or default_jobs() > 1:
        assert small_pool[-1] is not None
    assert _result(parallel) == _result(serial)
    kinds = {p["kind"] for p in serial.pairs}
    assert {"exact", "syndicated", "near"} <= kinds                # the copies were found
    assert kinds & {"paraphrase", "same_story"}                    # and the story step had candidates
    assert any(p["method"] == "minhash-lsh body 5-shingles" for p in serial.pairs)


def test_pool_chunks_give_the_serial_signatures_and_story_docs(corpus, small_pool):
    norms = [headline_key(it["title"]) if it["title"] else "" for it in corpus]
    texts = [it["text"] for it in corpus]
    with finder._signature_pool(2, len(corpus)) as pool:
        for kind, strings, grams in (("title", norms, _char_grams), ("body", texts, body_shingles)):
            here = finder.minhash((grams(t) if t else [] for t in strings), num_perm=64, seed=7, count=len(strings))
            assert np.array_equal(_signatures(kind, strings, pool, num_perm=64, seed=7), here)
            assert np.array_equal(_signatures(kind, strings, None, num_perm=64, seed=7), here)
        items, _ = finder._items(corpus)
        docs = finder._story_docs(items, None)
        assert finder._story_docs(items, pool) == docs and len(docs) == len(items)
        assert sum(bool(d) for d in docs) == len(items) - 1           # all but the blank item have stems


def test_small_corpora_and_one_job_stay_in_this_process(corpus):
    assert finder._signature_pool(1, 10**6) is None
    assert finder._signature_pool(4, finder.PARALLEL_ITEMS - 1) is None
    with pytest.raises(ValueError, match="jobs"):
        find_duplicates(corpus[:3], jobs=-1)


def test_cli_dedup_jobs_runs_the_pool_and_writes_the_serial_pairs(corpus, small_pool, tmp_path):
    from mediacheck.cli import main

    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps(it) + "\n" for it in corpus), encoding="utf-8")
    outs = {}
    for jobs in ("1", "2"):
        outs[jobs] = tmp_path / f"pairs-{jobs}.csv"
        assert main(["dedup", str(src), "-o", str(outs[jobs]), "--jobs", jobs, "-q"]) == 0
    assert small_pool[0] is None and small_pool[1] is not None       # --jobs 1 serial, --jobs 2 on a pool
    serial = outs["1"].read_text(encoding="utf-8")
    assert serial == outs["2"].read_text(encoding="utf-8")
    assert serial.count("\n") > 60 and ",syndicated," in serial
