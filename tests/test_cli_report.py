"""``mediacheck report`` end to end through ``main(argv)``: outputs, counts, safety of outputs, bad input."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from mediacheck.cli import main
from mediacheck.report.columns import ARTICLE_TABLE, OUTLET_TABLE

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT / "corpora" / "allsides" / "allsides.jsonl"
SEED = ROOT / "seeds" / "000_a866e3e8c53c6af1.txt"
FAST = ["--permutations", "49", "--resamples", "50", "--jobs", "1", "-q"]


def _records(n: int = 60) -> list[dict]:
    return [json.loads(line) for line in ALLSIDES.open(encoding="utf-8")][:n]


@pytest.fixture()
def messy_input(tmp_path) -> Path:
    """Real articles plus hostile outlet names, a formula-like title, a bad JSON line and a record without text."""
    recs = _records(45)
    recs[0] = {**recs[0], "outlet": "../../escape", "title": "=HYPERLINK(\"http://evil\")"}
    recs[1] = {**recs[1], "outlet": "<script>alert(1)</script>"}
    path = tmp_path / "in.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r) + "\n")
        f.write("{not json\n")
        f.write(json.dumps({"id": "nobody", "outlet": "x"}) + "\n")
    return path


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_report_writes_every_table_and_accounts_for_every_record(messy_input, tmp_path, capsys):
    out = tmp_path / "out"
    rc = main(["report", str(messy_input), "--out", str(out), "--no-html", "--by-outlet", "--sentences", *FAST])
    assert rc == 1                                              # finished, with error records
    for name in ("articles", "outlets", "outlet_pairs", "stories", "evidence", "duplicates", "removed", "errors",
                 "sentences"):
        assert (out / f"{name}.csv").exists(), name
    arts, errs = _csv(out / "articles.csv"), _csv(out / "errors.csv")
    assert len(arts) + len(errs) == 47
    by_id = {e["id"]: e for e in errs}
    assert set(by_id) == {"line-46", "nobody"}
    assert by_id["line-46"]["message"].startswith("line 46: invalid JSON")
    assert by_id["nobody"]["source"].endswith("in.jsonl:47") and by_id["nobody"]["stage"] == "read"
    assert list(arts[0]) == list(ARTICLE_TABLE)
    assert list(_csv(out / "outlets.csv")[0]) == list(OUTLET_TABLE)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["records_in"] == 47 and summary["articles"] == 45 and summary["errors"] == 2


def test_outputs_are_safe_from_hostile_text(messy_input, tmp_path):
    out = tmp_path / "out"
    main(["report", str(messy_input), "--out", str(out), "--by-outlet", *FAST])
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    raw = (out / "articles.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in raw and ",=HYPERLINK" not in raw    # formula neutralised
    written = {p.resolve() for p in tmp_path.rglob("*") if p.is_file()}
    assert all(out.resolve() in p.parents for p in written if p != messy_input.resolve())
    names = sorted(p.name for p in (out / "by_outlet").iterdir())
    assert "escape.csv" in names and "script_alert_1_script.csv" in names
    assert not (tmp_path.parent / "escape.csv").exists()


def test_parquet_and_outlets_meta(tmp_path):
    recs = _records(30)
    for r in recs:
        r.pop("leaning")
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    meta = tmp_path / "outlets.csv"
    meta.write_text("outlet,leaning\nCNBC,Center\nThe Epoch Times,Lean Right\n", encoding="utf-8")
    out = tmp_path / "out"
    rc = main(["report", str(src), "--out", str(out), "--no-html", "--parquet", "--outlets-meta", str(meta), *FAST])
    assert rc == 0
    outlets = pd.read_parquet(out / "outlets.parquet").set_index("outlet")
    assert outlets.loc["CNBC", "leaning"] == "center"
    assert outlets.loc["The Epoch Times", "leaning"] == "right"
    assert pd.read_parquet(out / "articles.parquet").shape[0] == 30
    assert list(pd.read_parquet(out / "outlets.parquet").columns) == list(OUTLET_TABLE)


def test_several_inputs_and_stdin(tmp_path, monkeypatch):
    recs = _records(20)
    stdin = io.TextIOWrapper(io.BytesIO("".join(json.dumps(r) + "\n" for r in recs).encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    folder = tmp_path / "scraped" / "seed.example"
    folder.mkdir(parents=True)
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", "-", str(tmp_path / "scraped"), "--out", str(out), "--no-html", *FAST]) == 0
    arts = _csv(out / "articles.csv")
    assert len(arts) == 21 and {"seed.example", "CNBC"} <= {a["outlet"] for a in arts}


@pytest.mark.parametrize("argv, message", [
    (["report", "missing.jsonl", "--out", "o"], "missing.jsonl"),
    (["report", "-", "-", "--out", "o"], "stdin (-) can be read only once"),
    (["report", "x.jsonl"], "--out"),
])
def test_usage_errors_exit_2_with_one_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.jsonl").write_text("", encoding="utf-8")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_bad_outlets_meta_is_a_usage_error(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(_records(1)[0]) + "\n", encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("name,leaning\nCNBC,center\n", encoding="utf-8")
    assert main(["report", str(src), "--out", str(tmp_path / "o"), "--outlets-meta", str(meta), *FAST]) == 2
    assert "'outlet' column" in capsys.readouterr().err


def test_empty_input_still_writes_a_report(tmp_path):
    src = tmp_path / "empty.jsonl"
    src.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", str(src), "--out", str(out), "--no-html", *FAST]) == 0
    assert _csv(out / "articles.csv") == [] and (out / "articles.csv").read_text().startswith("id,outlet")
