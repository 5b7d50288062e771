"""Fuzz run: generated hostile files through every command; no traceback, no lost record, documented exit codes.

Bounded: FILES files (tests/hostile.py), each through clean, score and dedup, and in bundles through report.
``MEDIACHECK_FUZZ_FILES=1000 pytest tests/test_fuzz_cli.py`` runs a longer one.
"""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from mediacheck.cli import main
from tests.hostile import MAX_BYTES, UNKNOWN, make_corpus

FILES = int(os.environ.get("MEDIACHECK_FUZZ_FILES", "120"))  # more for a longer run
BUNDLE = 30
COMMON = ["--max-bytes", str(MAX_BYTES)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("hostile"), FILES, seed=9)


def _lines(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _summary_read(err: str) -> int:
    for line in err.splitlines():
        if line.startswith("mediacheck: read "):
            return int(line.split()[2].rstrip(","))
    raise AssertionError(f"no summary line in {err!r}")


def _check_exit(code: int, hostile, err: str) -> None:
    assert "Traceback" not in err and "internal error" not in err, (hostile.path.name, err)
    if hostile.records is None:
        assert code == 2 and "mediacheck: error:" in err, (hostile.path.name, err)
    else:
        assert code in (0, 1), (hostile.path.name, code, err)


@pytest.mark.parametrize("command", ["clean", "score"])
def test_clean_and_score_keep_every_record(command, corpus, tmp_path, capsys):
    totals = {"files": 0, "records": 0}
    for hostile in corpus:
        out = tmp_path / f"{hostile.path.stem}.{command}.jsonl"
        extra = ["--no-tone"] if command == "score" else []
        code = main([command, str(hostile.path), "-o", str(out), *COMMON, *extra])
        err = capsys.readouterr().err
        _check_exit(code, hostile, err)
        if hostile.records is None:
            continue
        rows = _lines(out)
        read = _summary_read(err)
        assert len(rows) == read, (hostile.path.name, err)                    # read = written + errors
        if hostile.records != UNKNOWN:
            assert read == hostile.records, (hostile.path.name, read, hostile.records)
        assert len({r["id"] for r in rows}) == len(rows)
        assert (code == 1) == any(r["status"] == "error" for r in rows)
        totals["files"] += 1
        totals["records"] += len(rows)
    assert totals["files"] > FILES // 2 and totals["records"] > FILES


def test_dedup_keeps_every_record(corpus, tmp_path, capsys):
    for hostile in corpus:
        clusters, errors = tmp_path / f"{hostile.path.stem}.c.jsonl", tmp_path / f"{hostile.path.stem}.e.jsonl"
        code = main(["dedup", str(hostile.path), "-o", str(tmp_path / "pairs.jsonl"), "--clusters", str(clusters),
                     "--errors", str(errors), *COMMON])
        err = capsys.readouterr().err
        _check_exit(code, hostile, err)
        if hostile.records is None:
            continue
        n = len(_lines(clusters)) + len(_lines(errors))
        assert n == _summary_read(err), (hostile.path.name, err)
        if hostile.records != UNKNOWN:
            assert n == hostile.records


def test_report_keeps_every_record(corpus, tmp_path, capsys):
    readable = [h for h in corpus if h.records is not None]
    for k in range(0, len(readable), BUNDLE):
        bundle = readable[k:k + BUNDLE]
        out = tmp_path / f"report{k}"
        code = main(["report", *(str(h.path) for h in bundle), "--out", str(out), "--jobs", "1", "--resamples",
                     "20", "--permutations", "19", "-q", *COMMON])
        err = capsys.readouterr().err
        assert "Traceback" not in err and "internal error" not in err, err
        assert code in (0, 1), err
        with open(out / "articles.csv", encoding="utf-8", newline="") as f:
            articles = list(csv.DictReader(f))
        with open(out / "errors.csv", encoding="utf-8", newline="") as f:
            errors = list(csv.DictReader(f))
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        assert len(articles) + len(errors) == summary["records_in"]
        known = [h.records for h in bundle]
        if UNKNOWN not in known:
            assert summary["records_in"] == sum(known)
        html = (out / "report.html").read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html and "\u202e" not in html
