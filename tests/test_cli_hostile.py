"""Hostile input and failed runs through every command: one line on stderr, documented exit codes, nothing lost.

Each test is built from a repro of issue 9 (what main did before is in its docstring).
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys

import pytest

from mediacheck.cli import main

BODY = ("The city council approved the new budget on Tuesday after a long debate about school funding. "
        "Officials said the plan would add two hundred teachers over the next three years, and critics said "
        "the money would run out before the schools could hire them.")


def _jsonl(records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def _records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _stdin(monkeypatch, data: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8", "surrogatepass")),
                                                       encoding="utf-8"))


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err and "internal error" not in err, err


# ---------------------------------------------------------------------------------------------- surrogates


SURROGATE_JSONL = ('{"id":"a","text":"ok."}\n{"id":"s","text":"x \\ud800 y.","title":"T \\udc00"}\n'
                   '{"id":"c","text":"ok."}\n')


@pytest.mark.parametrize("command", ["clean", "score", "dedup"])
def test_lone_surrogates_do_not_stop_a_command(command, tmp_path, capsys):
    """Before: clean/dedup/score --sentences died with UnicodeEncodeError on record s; a and c were lost."""
    src = tmp_path / "s.jsonl"
    src.write_text(SURROGATE_JSONL, encoding="utf-8")
    argv = [command, str(src)]
    if command == "score":
        argv += ["--sentences", str(tmp_path / "sent.jsonl"), "--no-tone"]
    code = main(argv)
    captured = capsys.readouterr()
    _no_traceback(captured.err)
    assert code == 0
    rows = _records(captured.out)
    if command == "dedup":
        assert "read 3, compared 3, errors 0" in captured.err
    else:
        assert [r["id"] for r in rows] == ["a", "s", "c"]
        s = rows[1]
        assert "\ufffd" in (s.get("text", "") + s.get("title", "")) or s["status"] == "empty"
    captured.out.encode("utf-8")


# ---------------------------------------------------------------------------------------------- exit codes


def test_full_disk_on_stdout_is_a_usage_error(tmp_path, capsys):
    """Before: `dedup x.jsonl > /dev/full` ended in an OSError traceback with exit 1."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    src = tmp_path / "x.jsonl"
    src.write_text(_jsonl([{"id": "a", "title": "Council passes budget", "text": BODY},
                           {"id": "b", "title": "Council passes budget", "text": BODY}]), encoding="utf-8")
    for command in ("dedup", "clean", "score"):
        with open("/dev/full", "w") as full:
            stdout = sys.stdout
            sys.stdout = full
            try:
                code = main([command, str(src)])
            finally:
                sys.stdout = stdout
        err = capsys.readouterr().err
        assert code == 2, (command, err)
        assert "cannot write" in err and "No space left" in err
        _no_traceback(err)


def test_internal_error_exits_3_and_says_it_is_a_bug(tmp_path, monkeypatch, capsys):
    src = tmp_path / "x.jsonl"
    src.write_text(_jsonl([{"id": "a", "text": BODY}]), encoding="utf-8")

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("mediacheck.cleaning.clean_many", broken)
    monkeypatch.delenv("MEDIACHECK_DEBUG", raising=False)
    assert main(["clean", str(src)]) == 3
    err = capsys.readouterr().err
    assert "internal error (a bug in mediacheck" in err and "ZeroDivisionError: boom" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [
    ["dedup", "x.jsonl", "--story-threshold", "2"],
    ["dedup", "x.jsonl", "--story-threshold", "nan"],
    ["dedup", "x.jsonl", "--window-days", "-1"],
    ["dedup", "x.jsonl", "-o", "p.csv", "--clusters", "p.csv"],
    ["clean", "x.jsonl", "-", "-"],
    ["clean", "x.jsonl", "missing.jsonl"],
    ["score", "x.jsonl", "-o", "x.jsonl"],
    ["score", "x.jsonl", "--sentences", "s.xlsx"],
])
def test_bad_options_are_usage_errors(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.jsonl").write_text(_jsonl([{"id": "a", "text": BODY}]), encoding="utf-8")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "mediacheck: error: " in err
    _no_traceback(err)


def test_quiet_hides_the_summary_but_not_the_error_line(tmp_path, capsys):
    """Before: -q hid the 'first error' line too, so a quiet run with errors said nothing."""
    src = tmp_path / "x.jsonl"
    src.write_text(_jsonl([{"id": "a", "text": BODY}]) + "{broken\n", encoding="utf-8")
    assert main(["clean", str(src), "-q", "-o", str(tmp_path / "o.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "first error:" in err and "invalid JSON" in err
    assert "read 2" not in err                                  # the summary is hidden


# ---------------------------------------------------------------------------------------------- several inputs


def test_clean_score_dedup_take_several_inputs(tmp_path, capsys):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.csv"
    one.write_text(_jsonl([{"id": "a", "outlet": "Daily", "title": "Council passes budget", "text": BODY}]),
                   encoding="utf-8")
    with two.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "outlet", "title", "text"])
        w.writerow(["a", "Wire", "Council passes budget", BODY])        # same id in another input
    assert main(["clean", str(one), str(two)]) == 0
    rows = _records(capsys.readouterr().out)
    assert [r["outlet"] for r in rows] == ["Daily", "Wire"]
    assert len({r["id"] for r in rows}) == 2 and [r["input_id"] for r in rows] == ["a", "a"]
    assert main(["score", str(one), str(two), "--no-tone"]) == 0
    assert len(_records(capsys.readouterr().out)) == 2
    assert main(["dedup", str(one), str(two)]) == 0
    captured = capsys.readouterr()
    pairs = _records(captured.out)
    assert len(pairs) == 1 and pairs[0]["kind"] == "exact" and pairs[0]["a"] != pairs[0]["b"]


def test_dedup_reads_html_pages_and_clean_output(tmp_path, capsys):
    """Before: HTML input gave 'no title and no text' for every page and no pairs."""
    page = ("<html><head><title>Council passes budget | Daily</title></head><body><nav>Home News Sport</nav>"
            "<article><h1>Council passes budget</h1><p>{}</p></article><footer>Cookies</footer></body></html>")
    folder = tmp_path / "pages"
    for outlet in ("daily", "wire"):
        (folder / outlet).mkdir(parents=True)
        (folder / outlet / "budget.html").write_text(page.format(BODY), encoding="utf-8")
    assert main(["dedup", str(folder)]) == 0
    captured = capsys.readouterr()
    pairs = _records(captured.out)
    assert len(pairs) == 1 and pairs[0]["kind"] in ("exact", "near", "syndicated")
    clean_out = tmp_path / "clean.jsonl"
    assert main(["clean", str(folder), "-o", str(clean_out), "-q"]) == 0
    assert main(["dedup", str(clean_out)]) == 0
    assert len(_records(capsys.readouterr().out)) == 1


def test_dedup_errors_file_keeps_every_record(tmp_path, capsys):
    src = tmp_path / "x.jsonl"
    src.write_text(_jsonl([{"id": "a", "title": "A", "text": BODY}]) + "{broken\n" + "[1, 2]\n", encoding="utf-8")
    errors = tmp_path / "errors.csv"
    assert main(["dedup", str(src), "--errors", str(errors), "--clusters", str(tmp_path / "c.csv")]) == 1
    err = capsys.readouterr().err
    assert "read 3, compared 1, errors 2" in err
    rows = list(csv.DictReader(errors.open(encoding="utf-8")))
    assert len(rows) == 2 and all(r["message"] for r in rows)


# ---------------------------------------------------------------------------------------------- ids, meta


def test_duplicate_ids_are_unique_once_and_keep_the_input_id(tmp_path, capsys):
    """Before: ids r1, r1, r1, r1#2 gave two r1#2 in dedup and a pair of an article with itself."""
    src = tmp_path / "d.jsonl"
    src.write_text(_jsonl([{"id": i, "title": "Council passes budget", "text": BODY}
                           for i in ("r1", "r1", "r1", "r1#2")]), encoding="utf-8")
    assert main(["clean", str(src), "-q"]) == 0
    rows = _records(capsys.readouterr().out)
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == 4 and ids[0] == "r1"
    assert [r["input_id"] for r in rows] == ["r1", "r1", "r1", "r1#2"]
    clusters = tmp_path / "c.jsonl"
    assert main(["dedup", str(src), "--clusters", str(clusters), "-q"]) == 0
    pairs = _records(capsys.readouterr().out)
    assert all(p["a"] != p["b"] for p in pairs)
    cluster_ids = [r["id"] for r in _records(clusters.read_text(encoding="utf-8"))]
    assert sorted(cluster_ids) == sorted(ids)


def test_extra_fields_survive_clean_then_score(tmp_path, capsys):
    """Before: leaning, author and section were dropped by clean and score (docs/usage.md said: kept in meta)."""
    src = tmp_path / "x.jsonl"
    src.write_text(_jsonl([{"id": "a", "outlet": "Daily", "leaning": "left", "author": "J. Doe",
                            "section": "Local", "title": "Council passes budget", "text": BODY}]),
                   encoding="utf-8")
    cleaned = tmp_path / "clean.jsonl"
    assert main(["clean", str(src), "-o", str(cleaned), "-q"]) == 0
    row = _records(cleaned.read_text(encoding="utf-8"))[0]
    assert row["meta"] == {"leaning": "left", "author": "J. Doe", "section": "Local"}
    scores = tmp_path / "scores.csv"
    assert main(["score", str(cleaned), "--no-clean", "-o", str(scores), "-q", "--no-tone"]) == 0
    out = list(csv.DictReader(scores.open(encoding="utf-8")))[0]
    assert json.loads(out["meta"]) == {"leaning": "left", "author": "J. Doe", "section": "Local"}
    assert out["input_id"] == "a"
