"""The ``mediacheck`` command line, driven through ``main(argv)``."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from mediacheck import __version__
from mediacheck.cleaning.classifier import LineModel
from mediacheck.cleaning.rules import RULE_CODES
from mediacheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_a866e3e8c53c6af1.txt"
SEED_TITLE = "Is Trump capable of compelling Putin to negotiate a truce?"
SUMMARY = re.compile(r"read (\d+), written (\d+) \(ok (\d+), empty (\d+)\), errors (\d+)")

BODY = ("The city council approved the new budget on Tuesday after a long debate about school funding. "
        "Officials said the plan would add two hundred teachers over the next three years.")


def _jsonl(records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def _stdin(monkeypatch, data: str) -> None:
    """Replace stdin with a text stream over bytes, offering ``.buffer`` like the real one."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8")), encoding="utf-8"))


def _records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def _summary(err: str) -> tuple[int, ...]:
    m = SUMMARY.search(err)
    assert m, err
    return tuple(int(x) for x in m.groups())


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "seed").mkdir(parents=True)
    shutil.copyfile(SEED, root / "seed" / SEED.name)
    (root / "daily").mkdir()
    (root / "daily" / "budget.txt").write_text(f"Skip to content\n\nCouncil passes budget\n\n{BODY}\n\nShare this\n")
    (root / "daily" / "notes.md").write_text("not an article")  # skipped: not .txt/.html
    return root


def test_clean_folder_to_jsonl_file(corpus, tmp_path, capsys):
    out = tmp_path / "clean.jsonl"
    assert main(["clean", str(corpus), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    records = _records(out.read_text(encoding="utf-8"))
    assert len(records) == 2
    by_id = {r["id"]: r for r in records}
    seed = by_id[f"seed/{SEED.stem}"]
    assert seed["outlet"] == "seed"
    assert seed["title"] == SEED_TITLE
    assert seed["status"] == "ok"
    assert by_id["daily/budget"]["outlet"] == "daily"
    assert _summary(captured.err) == (2, 2, 2, 0, 0)


def test_clean_stdin_jsonl_to_stdout(monkeypatch, capsys):
    _stdin(monkeypatch, _jsonl([
        {"id": "a", "outlet": "x", "title": "Council passes budget", "text": f"Council passes budget\n\n{BODY}"},
        {"id": "b", "outlet": "x", "text": ""},
    ]))
    assert main(["clean", "-"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]  # stdout is JSON lines only
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["status"] == "ok" and BODY[:40] in records[0]["text"]
    assert records[1]["status"] == "empty"
    assert "read 2" in captured.err


def test_malformed_line_gives_error_record_and_exit_1(tmp_path, capsys):
    data = tmp_path / "in.jsonl"
    data.write_text(_jsonl([{"id": "a", "text": BODY}]) + "{not json\n" + _jsonl([{"id": "c", "text": BODY}]))
    assert main(["clean", str(data)]) == 1
    captured = capsys.readouterr()
    records = _records(captured.out)
    assert len(records) == 3
    error = records[1]
    assert error["status"] == "error"
    assert "invalid JSON" in error["message"] and "line 2" in error["message"]
    assert records[0]["status"] != "error" and records[2]["status"] != "error"
    read, written, ok, empty, errors = _summary(captured.err)
    assert (read, errors) == (3, 1)
    assert read == written + errors and written == ok + empty
    assert "Traceback" not in captured.err


def test_missing_input_exits_2_without_traceback(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nope.jsonl")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("mediacheck: error: ") and "nope.jsonl" in captured.err
    assert "hint" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("argv", [
    ["clean"],
    ["clean", "x.jsonl", "--max-bytes", "lots"],
    ["clean", "x.jsonl", "--rules-only", "--model", "m.json"],
    ["clean", "x.jsonl", "-o", "out.xlsx"],
    ["clean", "-", "--format", "parquet"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.jsonl").write_text(_jsonl([{"id": "a", "text": BODY}]))
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "mediacheck: error: " in err and "Traceback" not in err


def test_unusable_model_exits_2(tmp_path, capsys):
    data = tmp_path / "x.jsonl"
    data.write_text(_jsonl([{"id": "a", "text": BODY}]))
    model = tmp_path / "m.json"
    model.write_text('{"stage1": {}}')
    assert main(["clean", str(data), "--model", str(model)]) == 2
    assert "not a usable line model" in capsys.readouterr().err


def test_csv_output_neutralises_formula_title(tmp_path, capsys):
    data = tmp_path / "in.jsonl"
    title = '=HYPERLINK("http://evil.example","click")'
    data.write_text(_jsonl([{"id": "a", "title": title, "text": f"{title}\n\n{BODY}"}]))
    out = tmp_path / "clean.csv"
    assert main(["clean", str(data), "-o", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1
    assert rows[0]["title"] == "'" + title
    assert list(rows[0])[:6] == ["id", "input_id", "outlet", "url", "published", "status"]


def test_parquet_output(corpus, tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "clean.parquet"
    assert main(["clean", str(corpus), "-o", str(out)]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 2 and "title" in table.column_names


def test_keyboard_interrupt_exits_130(corpus, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
        yield  # pragma: no cover

    monkeypatch.setattr(sys.modules["mediacheck.cleaning"], "clean_many", interrupted)
    assert main(["clean", str(corpus)]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_broken_pipe_exits_quietly(corpus, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr("mediacheck.io.write_records", broken)
    assert main(["clean", str(corpus)]) == 141
    assert capsys.readouterr().err == ""


def test_rules_prints_every_code(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| code | description |")
    for code in RULE_CODES:
        assert f"| `{code}` |" in out


def test_train_cleaner_writes_loadable_model(tmp_path, capsys):
    boiler = ["Skip to content", "Home", "World", "Sign in", "Share this article", "Most read",
              "© 2024 Example News. All rights reserved.", "Privacy Policy"]
    records = []
    for i in range(4):
        body = [f"Paragraph {j} of story {i}: the council met on Tuesday and voted on the plan for "
                f"{i * 10 + j} new schools, officials said after the meeting." for j in range(5)]
        scraped = "\n\n".join(boiler[:4] + [f"Story {i} headline"] + body + boiler[4:])
        records.append({"id": f"p{i}", "scraped": scraped, "gold_text": "\n\n".join(body)})
    data = tmp_path / "train.jsonl"
    data.write_text(_jsonl(records))
    model_path = tmp_path / "model.json"
    assert main(["train-cleaner", str(data), "-o", str(model_path), "--data-name", "tiny",
                 "--licence", "CC0"]) == 0
    out = capsys.readouterr().out
    assert "4 documents" in out and "lines" in out
    model = LineModel.from_json(model_path.read_text(encoding="utf-8"))
    assert model.header["data"] == "tiny" and model.header["licence"] == "CC0"
    assert model.header["documents"] == 4 and model.header["fitted"]
    # The fitted model is usable by `clean --model`.
    articles = tmp_path / "articles.jsonl"
    articles.write_text(_jsonl([{"id": r["id"], "text": r["scraped"]} for r in records]))
    out = tmp_path / "clean.jsonl"
    assert main(["clean", str(articles), "--model", str(model_path), "-o", str(out)]) == 0
    assert len(_records(out.read_text(encoding="utf-8"))) == 4


def test_train_cleaner_bad_data_exits_2(tmp_path, capsys):
    data = tmp_path / "train.jsonl"
    data.write_text('{"id": "a", "scraped": "x"}\n')  # no gold_text
    assert main(["train-cleaner", str(data), "-o", str(tmp_path / "m.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mediacheck: error: ") and "Traceback" not in err
    assert not (tmp_path / "m.json").exists()


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"mediacheck {__version__}"


def test_help_documents_exit_codes(capsys):
    assert main(["clean", "--help"]) == 0
    out = capsys.readouterr().out
    for code in ("0 ", "1 ", "2 ", "130"):
        assert f"  {code}" in out


def test_html_extractor_option(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Dam opens after ten years - Daily Planet</title></head><body>"
        "<nav><a href='/'>Home</a><a href='/w'>World</a><a href='/b'>Business</a></nav>"
        "<article><h1>Dam opens after ten years</h1>"
        "<p>The new dam on the river opened on Monday after ten years of construction, officials said.</p>"
        "<p>Engineers said the reservoir would take two years to fill and would supply three cities.</p>"
        "</article><footer>Copyright 2024 Daily Planet. All rights reserved.</footer></body></html>",
        encoding="utf-8")
    for extractor in ("builtin", "auto"):
        assert main(["clean", str(page), "--html-extractor", extractor, "-q"]) == 0
        rec = json.loads(capsys.readouterr().out)
        assert rec["title"] == "Dam opens after ten years"
        assert rec["text"].startswith("The new dam on the river opened on Monday")
        assert "Home" not in rec["text"] and "Copyright" not in rec["text"]
        assert {r["rule"] for r in rec["removed"]} & {"HTML_NAV", "HTML_FOOTER", "HTML_EXTRACTOR", "BP_FOOTER"}
