"""mediacheck/dedup/training.py: the fit of the headline-similarity weights on hand-made pairs, the idf table, the
comparison with a shipped file; with ../shared present, that the shipped headline_similarity.json is what a fresh
fit on the STS headlines train split gives."""
from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path

import pytest

from mediacheck.dedup.similarity import FEATURES, HeadlineSimilarity
from mediacheck.dedup.training import compare, fit_headline_similarity, fit_idf, load_model, main, to_json

ROOT = Path(__file__).resolve().parents[2]
STS = ROOT.parent / "shared" / "data" / "labels" / "sts_headlines.jsonl"

# (a, b, human-style similarity 0-5), written for this test.
PAIRS = [
    ("Earthquake kills 12 in central Italy", "Quake in central Italy leaves 12 dead", 4.8),
    ("Earthquake kills 12 in central Italy", "Stocks rise as oil prices fall", 0.0),
    ("Apple buys Beats for $3bn", "Apple to acquire Beats in $3bn deal", 4.6),
    ("Apple buys Beats for $3bn", "Google buys Nest for $3.2bn", 1.4),
    ("Dow falls 2% as tech stocks slide", "Dow drops 2% on tech sell-off", 4.4),
    ("Dow falls 2% as tech stocks slide", "Pope visits refugee camp on Lesbos", 0.0),
    ("Obama wins second term as president", "Obama re-elected president of the United States", 4.6),
    ("Obama wins second term as president", "Flooding closes roads in Yorkshire", 0.0),
    ("UK inflation rises to 3.2% in August", "British inflation climbs to 3.2% in August", 5.0),
    ("UK inflation rises to 3.2% in August", "UK inflation falls to 1.8% in March", 2.2),
    ("Pope Francis visits refugee camp on Lesbos", "Pope visits Lesbos refugees", 4.2),
    ("Pope Francis visits refugee camp on Lesbos", "Senate passes infrastructure bill", 0.0),
    ("Man arrested after woman stabbed in Leeds", "Leeds stabbing: man arrested", 4.4),
    ("Man arrested after woman stabbed in Leeds", "Chinese factory output slows in May", 0.0),
    ("Senate passes infrastructure bill", "Senate approves infrastructure bill", 4.8),
    ("Senate passes infrastructure bill", "House rejects infrastructure bill", 2.0),
]


def _fit(**kw) -> dict:
    return fit_headline_similarity([(a, b) for a, b, _ in PAIRS], [s for *_, s in PAIRS], **kw)


def test_fit_gives_a_model_the_runtime_loads_and_that_ranks_paraphrases_first():
    d = _fit(data="hand-made pairs", fitted="2026-01-02")
    assert d["features"] == list(FEATURES) and len(d["weights"]) == len(FEATURES)
    assert set(d["standardised_weights"]) == set(FEATURES)
    h = d["header"]
    assert h["data"] == "hand-made pairs" and h["fitted"] == h["date"] == "2026-01-02"
    assert "CC BY-SA 4.0" in h["licence"] and "mediacheck.dedup.training" in h["tool"] and h["schema"] == 1
    assert "alpha=10" in h["model"] and "32 train headlines" in h["idf"]

    model = HeadlineSimilarity.from_json(json.dumps(d))          # exactly what the package reads
    assert model.same_stems_floor == 0.95 and model.weights is not None
    paraphrase = model.similarity("Quake kills 30 in Peru", "Earthquake in Peru leaves 30 dead")
    unrelated = model.similarity("Quake kills 30 in Peru", "Apple to acquire Beats in $3bn deal")
    assert 0 <= unrelated < paraphrase <= 1
    assert model.similarity("Senate passes infrastructure bill", "Senate passes infrastructure bill") == 1.0


def test_fit_is_deterministic_and_its_json_round_trips():
    a, b = _fit(fitted="2026-01-02"), _fit(fitted="2026-01-02")
    assert to_json(a) == to_json(b)
    assert json.loads(to_json(a)) == a
    assert load_model(a).weights.tolist() == a["weights"]


def test_fit_rejects_bad_input():
    with pytest.raises(ValueError):
        fit_headline_similarity([("a b", "c d")], [1.0, 2.0])
    with pytest.raises(ValueError):
        fit_headline_similarity([("a b", "c d")], [1.0])


def test_idf_is_smooth_over_headlines_and_lists_keys_seen_twice():
    idf, default = fit_idf(["Syria talks resume", "Syrian talks stall", "Markets rise", "Talks on talks"])
    # 4 headlines; "syri" in 2, "talk" in 3 (counted once per headline); the rest once -> default
    assert set(idf) == {"syri", "talk"}
    assert idf["syri"] == round(math.log(5 / 3) + 1, 4) and idf["talk"] == round(math.log(5 / 4) + 1, 4)
    assert default == round(math.log(5 / 2) + 1, 4)
    assert list(idf) == sorted(idf)


def test_compare_flags_weights_and_idf_beyond_the_tolerance():
    d = _fit(fitted="2026-01-02")
    assert compare(d, copy.deepcopy(d)) == []
    near = copy.deepcopy(d)
    near["weights"][0] += 1e-6                                   # one unit of the file's rounding: tolerated
    assert compare(near, d) == []
    far = copy.deepcopy(d)
    far["weights"][0] += 0.01
    key = next(iter(far["idf"]))
    far["idf"][key] += 0.1
    far["idf"]["zzzz"] = 1.0
    problems = compare(far, d)
    assert any(p.startswith(f"weight {FEATURES[0]}") for p in problems)
    assert any("1 only in the fresh fit" in p and "1 with other values" in p for p in problems)


def test_no_runtime_module_imports_training():
    """Only the training modules themselves import dedup.training (tests/test_training_apart.py checks all)."""
    pkg = ROOT / "mediacheck"
    pattern = re.compile(r"mediacheck\.dedup\.training|from\s+mediacheck\.dedup\s+import\s+.*\btraining\b")
    users = [str(p.relative_to(ROOT)) for p in pkg.rglob("*.py")
             if p.name != "training.py" and pattern.search(p.read_text(encoding="utf-8"))]
    assert users == []


@pytest.mark.skipif(not STS.exists(), reason="needs ../shared")
def test_shipped_file_matches_a_fresh_fit(capsys):
    assert main(["--check", "--sts", str(STS)]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "0.8206" in out and "0.8445" in out                  # CV and dev Pearson as the header says
