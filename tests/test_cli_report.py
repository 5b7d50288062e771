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
    assert _csv(out / "articles.csv") == [] and (out / "articles.csv").read_text().startswith("id,input_id,outlet")


# ---------------------------------------------------------------------------------------------- the output folder


def _write(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def earlier_report(tmp_path_factory) -> Path:
    """A finished report with streamed tables that are not empty (removed.csv, errors.csv)."""
    folder = tmp_path_factory.mktemp("earlier")
    recs = _records(20) + [{"id": "seed", "outlet": "seed.example", "text": SEED.read_text(encoding="utf-8")}]
    src = _write(folder / "in.jsonl", recs)
    with src.open("a", encoding="utf-8") as f:
        f.write("{broken\n")
    out = folder / "report"
    assert main(["report", str(src), "--out", str(out), *FAST]) == 1
    assert len(_csv(out / "removed.csv")) > 0 and len(_csv(out / "errors.csv")) == 1
    return out


@pytest.fixture()
def report_copy(earlier_report, tmp_path) -> Path:
    import shutil

    out = tmp_path / "report"
    shutil.copytree(earlier_report, out)
    return out


def test_failed_run_leaves_an_earlier_report_as_it_was(report_copy, tmp_path, capsys, monkeypatch):
    # regression: 'report missing.jsonl --out existing_report/' exited 2 but emptied removed.csv / errors.csv
    before = _snapshot(report_copy)
    monkeypatch.chdir(tmp_path)
    assert main(["report", "missing.jsonl", "--out", str(report_copy), *FAST]) == 2
    assert "missing.jsonl: no such file or folder" in capsys.readouterr().err
    assert _snapshot(report_copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]          # no work folder left beside it


@pytest.mark.parametrize("where", ["build_report", "write_html"])
def test_interrupted_run_leaves_an_earlier_report_as_it_was(report_copy, tmp_path, capsys, monkeypatch, where):
    # regression: Ctrl-C during a run emptied the earlier report's streamed tables
    import mediacheck.report.html as html
    import mediacheck.report.pipeline as pipeline

    before = _snapshot(report_copy)
    real = pipeline.build_report

    def interrupted_run(source, *, sinks, **kw):
        sinks["removed"].put({"id": "x", "outlet": "o", "line": 1, "rule": "BP_NAV", "text": "Home"})
        raise KeyboardInterrupt

    def interrupted_page(*a, **kw):
        raise KeyboardInterrupt

    if where == "build_report":
        monkeypatch.setattr(pipeline, "build_report", interrupted_run)
    else:
        monkeypatch.setattr(pipeline, "build_report", real)
        monkeypatch.setattr(html, "write_html", interrupted_page)
    src = _write(tmp_path / "in.jsonl", _records(8))
    assert main(["report", str(src), "--out", str(report_copy), *FAST]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert _snapshot(report_copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "report"]


def test_a_second_run_leaves_no_file_of_the_first(tmp_path):
    # regression: a run without --sentences/--parquet/--by-outlet left the earlier sentences.csv, *.parquet, by_outlet/
    src = _write(tmp_path / "in.jsonl", _records(12))
    out = tmp_path / "o"
    assert main(["report", str(src), "--out", str(out), "--sentences", "--parquet", "--by-outlet", *FAST]) == 0
    assert (out / "sentences.csv").exists() and (out / "articles.parquet").exists() and (out / "by_outlet").is_dir()
    (out / "my-notes.txt").write_text("kept", encoding="utf-8")            # not a report file: left alone
    assert main(["report", str(src), "--out", str(out), "--no-html", *FAST]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["articles.csv", "outlets.csv", "outlet_pairs.csv", "stories.csv", "evidence.csv",
                            "duplicates.csv", "removed.csv", "errors.csv", "summary.json", "timings.json",
                            "my-notes.txt"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "o"]


def test_a_folder_that_is_not_a_report_is_refused_and_left_alone(tmp_path, capsys):
    src = _write(tmp_path / "in.jsonl", _records(3))
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "articles.csv").write_text("my own data", encoding="utf-8")
    assert main(["report", str(src), "--out", str(out), *FAST]) == 2
    err = capsys.readouterr().err
    assert f"{out} is not empty and not a mediacheck report; choose another --out" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert [p.name for p in out.iterdir()] == ["articles.csv"] and (out / "articles.csv").read_text() == "my own data"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "thesis"]


@pytest.mark.parametrize("make_out", [
    lambda tmp: tmp / "in.jsonl" / "out",                          # under a file
    lambda tmp: tmp / "in.jsonl",                                  # a file
    lambda tmp: Path("/proc/mediacheck-report-test"),              # a folder that cannot be created
])
def test_an_unusable_output_folder_is_one_usage_line(tmp_path, capsys, make_out):
    src = _write(tmp_path / "in.jsonl", _records(3))
    out = make_out(tmp_path)
    assert main(["report", str(src), "--out", str(out), *FAST]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("mediacheck: error: ") and str(out) in err
    assert "Traceback" not in err and "internal error" not in err
    assert src.read_text(encoding="utf-8").count("\n") == 3


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root may write anywhere")
def test_an_unwritable_output_folder_is_one_usage_line(tmp_path, capsys):
    src = _write(tmp_path / "in.jsonl", _records(3))
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        for out in (locked, locked / "out"):
            assert main(["report", str(src), "--out", str(out), *FAST]) == 2
            err = capsys.readouterr().err
            assert len(err.strip().splitlines()) == 1 and "not writable" in err
    finally:
        locked.chmod(0o755)


def test_summary_and_page_are_the_same_for_the_same_input_and_timings_are_apart(tmp_path):
    # regression: 'make demo' changed summary.json and report.html on every run (seconds, cores)
    src = _write(tmp_path / "in.jsonl", _records(15))
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert main(["report", str(src), "--out", str(out), *FAST]) == 0
        runs.append(out)
    for name in ("summary.json", "report.html", "articles.csv", "outlets.csv"):
        assert (runs[0] / name).read_bytes() == (runs[1] / name).read_bytes(), name
    summary = json.loads((runs[0] / "summary.json").read_text(encoding="utf-8"))
    assert summary["tool"] == "mediacheck"
    assert not {"seconds", "seconds_articles", "jobs"} & set(summary)
    timings = json.loads((runs[0] / "timings.json").read_text(encoding="utf-8"))
    assert {"seconds", "seconds_articles", "stages", "engine", "jobs"} <= set(timings)
    assert {"articles", "duplicates", "intervals", "outlet_pairs", "writing"} <= set(timings["stages"])
    page = (runs[0] / "report.html").read_text(encoding="utf-8")
    assert "seconds" not in page and "run time" not in page


# ---------------------------------------------------------------------------------------------- options


@pytest.mark.parametrize("option, value, message", [
    ("--resamples", "-1", "must be 0 (no intervals) or at least 20"),
    ("--resamples", "5", "must be 0 (no intervals) or at least 20"),
    ("--jobs", "-3", "must be at least 0"),
    ("--min-articles", "-5", "must be at least 1"),
    ("--permutations", "0", "must be at least 19"),
    ("--permutations", "-1", "must be at least 19"),
    ("--jobs", "two", "expected a whole number"),
])
def test_numeric_options_out_of_range_are_usage_errors(option, value, message, tmp_path, capsys):
    src = _write(tmp_path / "in.jsonl", _records(3))
    argv = ["report", str(src), "--out", str(tmp_path / "o"), *FAST, option, value]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"argument {option}: {message}" in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_zero_resamples_means_no_intervals(tmp_path, capsys):
    # regression: --resamples 0 crashed in the bootstrap (np.nanquantile unpack)
    src = _write(tmp_path / "in.jsonl", _records(20))
    out = tmp_path / "o"
    assert main(["report", str(src), "--out", str(out), *FAST, "--resamples", "0"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    outlets = pd.read_csv(out / "outlets.csv")
    assert outlets["hedges_per_1k"].notna().any() and outlets["hedges_per_1k_ci_low"].isna().all()
    assert json.loads((out / "summary.json").read_text())["resamples"] == 0


def test_help_says_what_quiet_hides_and_the_minimums(capsys):
    assert main(["report", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "no progress bars, run summary or notes on stderr (error messages are always shown)" in text
    assert "0 = no intervals, else at least 20" in text and "at least 19" in text and "--compare-no-outlet" in text
    assert "timings.json" in text


def test_quiet_still_shows_the_error_line(tmp_path, capsys):
    out = tmp_path / "o"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    src = _write(tmp_path / "in.jsonl", _records(2))
    assert main(["report", str(src), "--out", str(out), "-q"]) == 2
    assert "error: " in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------- what is shown


def test_bidi_controls_in_input_are_shown_not_obeyed(tmp_path):
    # regression: an outlet named "\u202eevil" was displayed as "live"
    recs = _records(12)
    for r in recs[:6]:
        r["outlet"] = "\u202eevil"
    recs[6]["title"] = "Budget \u2067deal\u2069 passes \u200f\u061c"
    recs[7]["text"] = "Officials said \u202dthe plan\u202c may pass. " + recs[7].get("text", "")
    src = _write(tmp_path / "in.jsonl", recs)
    out = tmp_path / "o"
    assert main(["report", str(src), "--out", str(out), *FAST]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    for ch in "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u061c\u2066\u2067":
        assert ch not in page, hex(ord(ch))
    assert page.count("\u2068") == page.count("\u2069")           # only the page's own balanced isolates
    assert "<bdi>\u27e8U+202E\u27e9evil</bdi>" in page and "\u27e8U+2067\u27e9deal\u27e8U+2069\u27e9" in page
    assert "\u2068\u27e8U+202E\u27e9evil" in page                 # chart labels isolated too
    assert "\u202eevil" in {a["outlet"] for a in _csv(out / "articles.csv")}     # the data itself is kept as given


def test_records_without_an_outlet_are_named_and_not_compared(tmp_path, capsys):
    recs = _records(40)
    for r in recs[:12]:
        r.pop("outlet", None)
    src = _write(tmp_path / "in.jsonl", recs)
    out = tmp_path / "o"
    assert main(["report", str(src), "--out", str(out), "--permutations", "19", "--resamples", "20", "--jobs", "1",
                 "--min-articles", "2"]) == 0
    err = capsys.readouterr().err
    note = "12 articles had no outlet; shown as (no outlet), not compared"
    assert f"note: {note}" in err
    summary = json.loads((out / "summary.json").read_text())
    assert note in summary["notes"] and summary["no_outlet_articles"] == 12
    assert sum(a["outlet"] == "(no outlet)" for a in _csv(out / "articles.csv")) == 12
    assert "(no outlet)" in {o["outlet"] for o in _csv(out / "outlets.csv")}
    pairs = _csv(out / "outlet_pairs.csv")
    assert pairs and "(no outlet)" not in {p["outlet_a"] for p in pairs} | {p["outlet_b"] for p in pairs}
    assert note in (out / "report.html").read_text(encoding="utf-8")

    again = tmp_path / "o2"
    assert main(["report", str(src), "--out", str(again), "--permutations", "19", "--resamples", "20", "--jobs", "1",
                 "--min-articles", "2", "--compare-no-outlet", "-q"]) == 0
    pairs = _csv(again / "outlet_pairs.csv")
    assert "(no outlet)" in {p["outlet_a"] for p in pairs} | {p["outlet_b"] for p in pairs}
    assert "compared with the others" in json.loads((again / "summary.json").read_text())["notes"][0]


def test_extra_input_fields_reach_articles_csv(tmp_path):
    recs = _records(6)
    recs[0] = {**recs[0], "id": "A-1", "author": "Jane Roe", "section": "World", "tags": ["a", "b"]}
    src = _write(tmp_path / "in.jsonl", recs)
    out = tmp_path / "o"
    assert main(["report", str(src), "--out", str(out), "--parquet", *FAST]) == 0
    arts = _csv(out / "articles.csv")
    assert list(arts[0])[:3] == ["id", "input_id", "outlet"] and list(arts[0])[-1] == "meta"
    first = next(a for a in arts if a["input_id"] == "A-1")
    meta = json.loads(first["meta"])
    assert meta["author"] == "Jane Roe" and meta["section"] == "World" and meta["tags"] == ["a", "b"]
    assert meta["leaning"] == recs[0]["leaning"] and first["leaning"] == "center"
    assert list(pd.read_parquet(out / "articles.parquet").columns) == list(ARTICLE_TABLE)


def test_leaning_survives_a_clean_run(tmp_path):
    recs = _records(10)
    src = _write(tmp_path / "in.jsonl", recs)
    cleaned = tmp_path / "clean.jsonl"
    assert main(["clean", str(src), "-o", str(cleaned), "-q"]) == 0
    out = tmp_path / "o"
    assert main(["report", str(cleaned), "--out", str(out), *FAST]) == 0
    got = {a["input_id"] or a["id"]: a["leaning"] for a in _csv(out / "articles.csv")}
    assert got == {r["id"]: {"Center": "center", "Left": "left", "Right": "right"}.get(r["leaning"], r["leaning"])
                   for r in recs}


# ---------------------------------------------------------------------------------------------- odd inputs


@pytest.mark.parametrize("lines, code", [
    (["{broken", "[1, 2]", json.dumps({"id": "no-body", "outlet": "x"})], 1),              # every record an error
    ([], 0),                                                                                # no records
    ([json.dumps({**r, "outlet": "Solo"}) for r in _records(8)], 0),                        # one outlet
    ([json.dumps({"id": "s", "outlet": "Odd\ud800\x01", "title": "Bad \ud800 \udfff title \x00\x1b[31m \u202e",
                  "text": "Officials said \ud800 the plan may pass.\x00 " * 5})]
     + [json.dumps(r) for r in _records(6)], 0),                                            # surrogates, controls
])
def test_odd_inputs_still_write_a_report(tmp_path, capsys, lines, code):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "o"
    assert main(["report", str(src), "--out", str(out), "--sentences", "--by-outlet", *FAST]) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err, err
    assert (out / "report.html").exists() and (out / "summary.json").exists()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["records_in"] == len(_csv(out / "articles.csv")) + len(_csv(out / "errors.csv")) == len(lines)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "\u202e" not in page and "\x00" not in page


def test_ids_are_unique_across_inputs_and_input_id_keeps_the_given_one(tmp_path):
    recs = _records(4)
    a = _write(tmp_path / "a.jsonl", recs)
    b = _write(tmp_path / "b.jsonl", recs)                      # the same ids again
    out = tmp_path / "o"
    assert main(["report", str(a), str(b), "--out", str(out), "--no-html", *FAST]) == 0
    arts = _csv(out / "articles.csv")
    assert len(arts) == 8 and len({x["id"] for x in arts}) == 8
    assert sorted(x["input_id"] for x in arts) == sorted([r["id"] for r in recs] * 2)
