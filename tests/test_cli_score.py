"""``mediacheck score`` and ``mediacheck train-scorer`` through ``mediacheck.cli.main(argv)``."""
from __future__ import annotations

import csv
import io
import json
import re
import sys

import numpy as np
import pytest

from mediacheck.cli import main
from mediacheck.model import SENTENCE_COLUMNS
from mediacheck.scoring import ARTICLE_COLUMNS
from mediacheck.scoring.loaded import LoadedModel

SUMMARY = re.compile(r"read (\d+), written (\d+) \(ok (\d+), empty (\d+)\), errors (\d+)")
COLUMNS = ["id", "input_id", "outlet", "title", "status", "message", *ARTICLE_COLUMNS[3:], "meta"]

PARK = ("Skip to content\n\nCouncil backs new park\n\n"
        "The city council voted on Tuesday to build a park beside Elm Street for local families and their pets.\n\n"
        "Officials said the project could cost about 3 million dollars. Mayor Ana Ruiz said the park was a "
        "victory for families.\n\nShare this article\n")
STORM = ("Storm knocks out power\n\n"
         "The storm knocked out power to 40,000 homes on Sunday. Critics say the utility was unprepared, and "
         "repairs may take a week.\n")


def FakeStdin(data: str) -> io.TextIOWrapper:
    """Stands in for sys.stdin: a text stream whose ``.buffer`` is a BytesIO (the reader takes the bytes)."""
    return io.TextIOWrapper(io.BytesIO(data.encode("utf-8")), encoding="utf-8")


def _jsonl(records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def _records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _csv(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "corpus"
    (root / "daily").mkdir(parents=True)
    (root / "daily" / "park.txt").write_text(PARK, encoding="utf-8")
    (root / "daily" / "storm.txt").write_text(STORM, encoding="utf-8")
    (root / "daily" / "notes.md").write_text("not an article", encoding="utf-8")
    return root


def test_score_folder_to_csv_with_sentences(folder, tmp_path, capsys):
    out, sent = tmp_path / "scores.csv", tmp_path / "sentences.jsonl"
    assert main(["score", str(folder), "-o", str(out), "--sentences", str(sent)]) == 0
    err = capsys.readouterr().err
    m = SUMMARY.search(err)
    assert m and m.groups() == ("2", "2", "2", "0", "0"), err

    with open(out, newline="", encoding="utf-8") as f:
        assert next(csv.reader(f)) == COLUMNS
    rows = {r["id"]: r for r in _csv(out)}
    assert set(rows) == {"daily/park", "daily/storm"}
    assert rows["daily/park"]["outlet"] == "daily"
    assert rows["daily/park"]["title"] == "Council backs new park"
    assert all(r["status"] == "ok" for r in rows.values())
    assert float(rows["daily/park"]["hedges_per_1k"]) > 0

    sentences = _records(sent.read_text(encoding="utf-8"))
    assert all(list(s) == list(SENTENCE_COLUMNS) for s in sentences)
    by_id: dict[str, list[dict]] = {}
    for s in sentences:
        by_id.setdefault(s["id"], []).append(s)
    assert set(by_id) == set(rows)
    for art_id, ss in by_id.items():
        assert [s["index"] for s in ss] == list(range(len(ss)))
        assert len(ss) == int(rows[art_id]["sentences"])
        for s in ss:
            assert not any(b in s["text"] for b in ("Skip to content", "Share this"))
            assert s["end"] - s["start"] == len(s["text"])
            for c in s["cues"]:
                assert c["text"] in s["text"]
                # offsets index the article text; relative to the sentence they slice the sentence text
                assert s["start"] <= c["start"] < c["end"] <= s["end"]
                assert s["text"][c["start"] - s["start"]:c["end"] - s["start"]] == c["text"]
    hedged = {c["text"] for s in by_id["daily/park"] for c in s["cues"] if c["category"] == "hedge"}
    assert {"Officials said", "could", "about"} <= hedged
    share = sum(s["hedged"] for s in by_id["daily/storm"]) / len(by_id["daily/storm"])
    assert float(rows["daily/storm"]["hedged_sentence_share"]) == pytest.approx(share, abs=1e-4)


def test_no_clean_jsonl_from_stdin_to_stdout(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", FakeStdin(_jsonl([
        {"id": "a", "outlet": "Gazette", "title": "Will prices rise?",
         "text": "Skip to content\nPrices may rise again next year, economists said."},
        {"id": "b", "outlet": "Gazette", "text": ""},
    ])))
    assert main(["score", "-", "--no-clean"]) == 0
    captured = capsys.readouterr()
    rows = _records(captured.out)
    assert [r["id"] for r in rows] == ["a", "b"]
    assert list(rows[0]) == COLUMNS
    a, b = rows
    assert a["status"] == "ok" and a["outlet"] == "Gazette" and a["question_headline"] is True
    assert a["sentences"] == 2                       # not cleaned: "Skip to content" is scored as a line
    assert a["hedges_epistemic_per_1k"] > 0
    assert b["status"] == "empty" and b["words"] is None
    assert SUMMARY.search(captured.err).groups() == ("2", "2", "1", "1", "0")


def test_nan_share_is_null_in_jsonl(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", FakeStdin(_jsonl([{"id": "r", "text": "The river rose two metres."}])))
    assert main(["score", "-", "--no-clean", "-q"]) == 0
    (row,) = _records(capsys.readouterr().out)
    assert row["attributions"] == 0 and row["anonymous_attribution_share"] is None


def test_malformed_jsonl_line_gives_exit_1_and_an_error_row(monkeypatch, capsys):
    data = (json.dumps({"id": "a", "text": "Officials said the road may close."}) + "\n"
            + "{not json\n"
            + json.dumps({"id": "c", "text": "The council met on Monday."}) + "\n")
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    assert main(["score", "-", "--no-clean"]) == 1
    captured = capsys.readouterr()
    rows = _records(captured.out)
    assert [r["status"] for r in rows] == ["ok", "error", "ok"]
    assert "line 2" in rows[1]["message"] and "JSON" in rows[1]["message"]
    assert rows[1]["words"] is None
    assert "first error" in captured.err and "errors 1" in captured.err


def test_extra_lexicon_adds_a_cue(tmp_path, monkeypatch, capsys):
    extra = tmp_path / "extra.tsv"
    extra.write_text("# newsroom terms\nterm\tcategory\ttype\tnote\npetrodollars\tframe\teconomic\t\n"
                     "per sources\thedge\tevidential\t\n", encoding="utf-8")
    data = _jsonl([{"id": "p", "text": "Petrodollars flooded the market, per sources in the ministry."}])
    sent_default, sent_extra = tmp_path / "d.jsonl", tmp_path / "e.jsonl"
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    assert main(["score", "-", "--no-clean", "-q", "--sentences", str(sent_default)]) == 0
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    assert main(["score", "-", "--no-clean", "-q", "--sentences", str(sent_extra), "--lexicon", str(extra)]) == 0
    rows = _records(capsys.readouterr().out)
    before = {(c["text"], c["category"], c["type"]) for s in _records(sent_default.read_text()) for c in s["cues"]}
    after = {(c["text"], c["category"], c["type"]) for s in _records(sent_extra.read_text()) for c in s["cues"]}
    assert after - before == {("Petrodollars", "frame", "economic"), ("per sources", "hedge", "evidential")}
    assert rows[0]["hedges_per_1k"] == 0 and rows[1]["hedges_per_1k"] > 0
    assert rows[1]["frame_economic_share"] == 1.0


def test_bad_lexicon_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "bad.tsv"
    bad.write_text("term\tcategory\ttype\tnote\npetrodollars economic\n", encoding="utf-8")
    assert main(["score", str(tmp_path), "--lexicon", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2" in err and "hint" in err
    assert main(["score", str(tmp_path), "--lexicon", str(tmp_path / "missing.tsv")]) == 2


def test_train_scorer_and_score_with_the_model(tmp_path, monkeypatch, capsys):
    loaded = ["The senator slammed the disgraceful radical proposal.",
              "Radical activists staged a disgraceful stunt outside parliament.",
              "Critics slammed the mayor for her disgraceful handling of the crisis.",
              "The radical plan is a disgraceful attack on working families.",
              "He slammed the radical judges as disgraceful partisans.",
              "Opponents slammed the radical tax grab as disgraceful."]
    neutral = ["The city council approved the budget on Tuesday.",
               "The company reported quarterly earnings in line with forecasts.",
               "The meeting was held at the town hall on Monday.",
               "The new bridge will open to traffic next month.",
               "The committee published its annual report on Friday.",
               "The museum extended its opening hours for the summer."]
    data = tmp_path / "toy.jsonl"
    data.write_text(_jsonl([{"text": t, "label": 1, "split": "train"} for t in loaded]
                           + [{"text": t, "label": 0, "split": "train"} for t in neutral]
                           + [{"text": "No label here.", "split": "train"},
                              {"text": "Held-out slammed disgraceful text.", "label": 1, "split": "test"}]),
                    encoding="utf-8")
    model_path = tmp_path / "model.json"
    assert main(["train-scorer", str(data), "-o", str(model_path), "--split", "train",
                 "--licence", "CC0-1.0"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["sentences"], report["positives"], report["skipped"]) == (12, 6, 1)

    model = LoadedModel.from_json(model_path.read_text(encoding="utf-8"))
    assert model.header["data"] == "toy.jsonl" and model.header["licence"] == "CC0-1.0"
    probe = ["Lawmakers slammed the disgraceful and radical bill.", "The council will meet again on Thursday."]
    p = model.predict_proba(probe)
    assert p[0] > 0.5 > p[1]

    sent = tmp_path / "s.jsonl"
    monkeypatch.setattr(sys, "stdin", FakeStdin(_jsonl([{"id": "x", "text": " ".join(probe)}])))
    assert main(["score", "-", "--no-clean", "-q", "--model", str(model_path), "--sentences", str(sent)]) == 0
    rows = _records(sent.read_text(encoding="utf-8"))
    assert [r["text"] for r in rows] == probe
    assert np.allclose([r["loaded_prob"] for r in rows], p, atol=1e-4)
    (article,) = _records(capsys.readouterr().out)
    assert article["loaded_sentence_rate"] == 0.5
    model_cues = [c for c in rows[0]["cues"] if c["type"] == "model"]
    assert model_cues and all(c["text"] in rows[0]["text"] for c in model_cues)


def test_train_scorer_one_class_is_a_usage_error(tmp_path, capsys):
    data = tmp_path / "one.jsonl"
    data.write_text(_jsonl([{"text": "The council met.", "label": 0}, {"text": "The mayor spoke.", "label": 0}]),
                    encoding="utf-8")
    assert main(["train-scorer", str(data), "-o", str(tmp_path / "m.json")]) == 2
    assert "both labels" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()


def test_unusable_model_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"header": {}}', encoding="utf-8")
    assert main(["score", str(tmp_path), "--model", str(bad)]) == 2
    assert "not a usable loaded-language model" in capsys.readouterr().err
    assert main(["score", str(tmp_path), "--model", str(tmp_path / "missing.json")]) == 2


def test_csv_formula_cells_are_neutralised(tmp_path, monkeypatch):
    out = tmp_path / "scores.csv"
    monkeypatch.setattr(sys, "stdin", FakeStdin(_jsonl([
        {"id": "f1", "outlet": "+Gazette", "title": "=HYPERLINK(\"http://evil.example\",\"Click\")",
         "text": "Prices may rise again next year."},
        {"id": "f2", "title": "@SUM(A1:A2)", "text": "The council met on Monday."},
        {"id": "f3", "title": "Storm hits coast", "text": "The storm hit the coast."},
    ])))
    assert main(["score", "-", "--no-clean", "-q", "-o", str(out)]) == 0
    rows = _csv(out)
    assert rows[0]["title"] == "'=HYPERLINK(\"http://evil.example\",\"Click\")"
    assert rows[0]["outlet"] == "'+Gazette"
    assert rows[1]["title"] == "'@SUM(A1:A2)"
    assert rows[2]["title"] == "Storm hits coast"
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())


def test_bad_output_extension_is_a_usage_error(folder, tmp_path, capsys):
    assert main(["score", str(folder), "-o", str(tmp_path / "scores.xlsx")]) == 2
    assert main(["score", str(folder), "--sentences", str(tmp_path / "s.xlsx")]) == 2


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["score", str(tmp_path / "nope")]) == 2
    assert "no such file" in capsys.readouterr().err
