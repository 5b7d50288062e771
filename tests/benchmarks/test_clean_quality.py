"""benchmarks/clean_quality.py on a tiny data set (no ../shared needed)."""

from __future__ import annotations

import json

from benchmarks.clean_quality import main, site_folds

PROSE = (
    "The city council voted on Tuesday to expand the bus network, adding four new routes. The mayor said the "
    "plan would be paid for by a grant from the state and that the first buses should run this year."
)


def test_site_folds_keep_sites_together():
    records = [{"id": str(i), "site": f"s{i % 7}"} for i in range(30)]
    folds = site_folds(records, 3)
    assert sorted(i for f in folds for i in f) == list(range(30))
    sites = [{records[i]["site"] for i in f} for f in folds]
    assert all(not (a & b) for k, a in enumerate(sites) for b in sites[k + 1:])
    assert max(map(len, folds)) - min(map(len, folds)) <= 5
    assert len(site_folds(records, 50)) == 7  # never more folds than sites


def test_main_prints_table_and_json(tmp_path, capsys):
    data = tmp_path / "pages.jsonl"
    with open(data, "w", encoding="utf-8") as f:
        for i in range(3):
            scraped = f"Home\n\nMenu\n\n{PROSE}\n\nShare on Facebook\n"
            html = f"<html><body><nav>Home</nav><article><p>{PROSE}</p></article></body></html>"
            f.write(json.dumps({"id": f"p{i}", "url": f"https://s{i}.example/a", "site": f"s{i}.example",
                                "html": html, "scraped": scraped, "gold_text": PROSE}) + "\n")
    out_json = tmp_path / "out.json"
    assert main(["--data", str(data), "--cv", "0", "--json", str(out_json), "--worst", "2",
                 "--worst-rows", "C4"]) == 0
    out = capsys.readouterr().out
    assert "| cleaner | input | P | R | F1 |" in out
    assert "| C4 line rules | scraped | 1.000 | 1.000 | 1.000 |" in out
    assert "| no cleaning | scraped |" in out and "worst 2 pages: C4 line rules" in out
    saved = json.loads(out_json.read_text(encoding="utf-8"))
    assert saved["pages"] == 3 and {r["cleaner"] for r in saved["rows"]} >= {"no cleaning", "C4 line rules"}


def test_missing_data_is_reported(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "nope.jsonl")]) == 2
