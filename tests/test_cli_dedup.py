"""`mediacheck dedup` through main(argv)."""
from __future__ import annotations

import csv
import json

from mediacheck.cli import main

BODY = ("The city council voted on Tuesday to approve a budget that raises spending on public transit by twelve "
        "percent, officials said after a session that ran past midnight, and the mayor promised new bus lines.")


def test_dedup_writes_pairs_clusters_and_outlets(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "outlet": "daily", "title": "Council passes transit budget", "text": BODY},
        {"id": "b", "outlet": "wire", "title": "Council passes transit budget - Wire", "text": BODY},
        {"id": "c", "outlet": "herald", "title": "Bakery wins national sourdough award", "text": "A bakery won."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken\n", encoding="utf-8")
    pairs, clusters, outlets = tmp_path / "p.csv", tmp_path / "c.csv", tmp_path / "o.csv"
    code = main(["dedup", str(src), "-o", str(pairs), "--clusters", str(clusters), "--outlets", str(outlets)])
    assert code == 1                                         # the broken line is reported, the rest is compared
    err = capsys.readouterr().err
    assert "invalid JSON" in err and "pairs 1" in err
    p = list(csv.DictReader(pairs.open(encoding="utf-8")))
    assert [(r["a"], r["b"], r["kind"]) for r in p] == [("a", "b", "exact")]
    c = {r["id"]: r for r in csv.DictReader(clusters.open(encoding="utf-8"))}
    assert set(c) == {"a", "b", "c"} and c["a"]["cluster_id"] == c["b"]["cluster_id"] == "a"
    assert c["a"]["size"] == "2" and c["c"]["size"] == "1"
    o = {r["outlet"]: r for r in csv.DictReader(outlets.open(encoding="utf-8"))}
    assert o["wire"]["in_shared_clusters"] == "1" and o["herald"]["in_shared_clusters"] == "0"


def test_dedup_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["dedup", str(tmp_path / "nope.jsonl")]) == 2
    assert "Traceback" not in capsys.readouterr().err
