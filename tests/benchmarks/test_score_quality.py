"""Metric helpers of benchmarks/score_quality.py on hand-made cases (no ../shared needed)."""

from __future__ import annotations

import json

import pytest

from benchmarks.score_quality import (
    WordList,
    binary_scores,
    locate_cues,
    macro_f1,
    main,
    match_cues,
    norm_words,
    overlaps,
    prf,
    word_scores,
)


def test_overlaps_is_half_open():
    assert overlaps((0, 5), (4, 9))
    assert not overlaps((0, 5), (5, 9))      # touching spans share no character
    assert overlaps((3, 4), (0, 10)) and overlaps((0, 10), (3, 4))


def test_prf_and_undefined_values():
    assert prf(2, 2, 0) == pytest.approx((0.5, 1.0, 2 / 3))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_macro_f1_by_hand():
    gold = [1, 1, 1, 0, 0, 0]
    pred = [1, 1, 0, 0, 0, 1]
    # class 1: tp 2 fp 1 fn 1 -> F1 2/3; class 0: the same -> macro 2/3
    assert macro_f1(gold, pred) == pytest.approx(2 / 3)
    # always 1: class 1 F1 = 2*0.5*1/1.5 = 2/3, class 0 F1 = 0
    assert macro_f1(gold, [1] * 6) == pytest.approx(1 / 3)
    s = binary_scores(gold, pred)
    assert s["accuracy"] == pytest.approx(4 / 6) and s["flagged"] == pytest.approx(0.5)
    assert s["precision"] == pytest.approx(2 / 3) and s["recall"] == pytest.approx(2 / 3)


def test_macro_f1_matches_sklearn():
    sklearn = pytest.importorskip("sklearn.metrics")
    gold = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1]
    pred = [1, 1, 0, 1, 0, 0, 1, 1, 1, 0]
    assert macro_f1(gold, pred) == pytest.approx(sklearn.f1_score(gold, pred, average="macro"))


def test_locate_cues_case_whole_word_and_repeats():
    s = "About 40 people may come, and they may stay for about an hour; roundabout."
    spans = locate_cues(s, ["about", "may", "may", "ABOUT"])
    assert [s[a:b] for a, b in spans] == ["About", "may", "may", "about"]
    assert spans[1] != spans[2]                                  # successive occurrences
    assert locate_cues(s, ["perhaps"]) == [None]
    t = "Officials  don’t think\nso."
    (span,) = locate_cues(t, ["don't think"])                    # apostrophes and whitespace runs unified
    assert t[span[0]:span[1]] == "don’t think"


def test_match_cues_span_overlap_and_types():
    # gold: "most likely" (0, 11) epistemic; "about" (20, 25) approximator; one gold cue not found in the text
    gold = [((0, 11), "epistemic"), ((20, 25), "approximator"), (None, "evidential")]
    pred = [((5, 11), "epistemic"),        # "likely" overlaps "most likely": a match, right type
            ((18, 30), "epistemic"),       # overlaps "about", wrong type
            ((40, 45), "doxastic")]        # overlaps nothing
    m = match_cues(gold, pred)
    assert (m.n_gold, m.n_pred, m.gold_matched, m.pred_matched, m.type_right) == (3, 3, 2, 2, 1)
    sc = m.scores()
    assert sc["precision"] == pytest.approx(2 / 3) and sc["recall"] == pytest.approx(2 / 3)
    assert sc["type_accuracy"] == pytest.approx(0.5)
    assert sc["recall_by_type"]["evidential"] == (0.0, 1)
    # the type is read from the predicted cue overlapping most
    m2 = match_cues([((0, 30), "evidential")], [((0, 25), "evidential"), ((20, 30), "doxastic")])
    assert m2.type_right == 1 and m2.pred_matched == 2


def test_word_scores_micro_over_sets():
    gold = [{"bizarre", "characteristically"}, {"radical"}]
    pred = [{"bizarre", "syntax"}, set()]
    s = word_scores(gold, pred)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 2)
    assert s["precision"] == pytest.approx(0.5) and s["recall"] == pytest.approx(1 / 3)


def test_norm_words_and_word_list():
    assert norm_words('the "Left-Wing" mob’s RADICAL agenda!') == ["the", "left-wing", "mob's", "radical", "agenda"]
    wl = WordList(["radical", "tend to", "in my view"], prefixes=["abandon"])
    s = "In my view they tend to be Radical and abandoned it; radicalism aside."
    found = [s[a:b] for a, b in wl.find(s)]
    assert found == ["In my view", "tend to", "Radical", "abandoned"]   # no "radicalism": whole words only
    assert wl.words_in(s) == {"in", "my", "view", "tend", "to", "radical", "abandoned"}


def test_main_on_tiny_files(tmp_path, capsys):
    babe = tmp_path / "babe.jsonl"
    rows = []
    for i in range(12):
        biased = i % 2
        text = (f"The radical mob wrecked item {i} in a disgraceful rampage." if biased
                else f"The council approved budget item {i} on Tuesday.")
        rows.append({"id": f"b{i}", "text": text, "label_bias": biased, "split": "train" if i < 8 else "test",
                     "biased_words": ["radical", "disgraceful"] if biased else []})
    rows.append({"id": "bx", "text": "No agreement.", "label_bias": None, "split": "test", "biased_words": []})
    babe.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    hedge = tmp_path / "hedge.jsonl"
    hedge.write_text("\n".join(json.dumps(r) for r in [
        {"hid": "h1", "text": "The plan may cost about 5 million dollars.", "hedged": True,
         "cues": [{"text": "may", "type": "epistemic"}, {"text": "about", "type": "approximator"}]},
        {"hid": "h2", "text": "The mayor opened the bridge on Monday.", "hedged": False, "cues": []},
    ]) + "\n", encoding="utf-8")
    lex = tmp_path / "lexicons"
    (lex / "recasens2013").mkdir(parents=True)
    (lex / "recasens2013" / "hedges_hyland2005.txt").write_text("# hedges\nmay\nabout\n", encoding="utf-8")
    out_json = tmp_path / "out.json"
    assert main(["--babe", str(babe), "--hedge", str(hedge), "--lexicons", str(lex), "--json", str(out_json),
                 "--errors", "2"]) == 0
    out = capsys.readouterr().out
    assert "### a) Loaded language" in out and "### b) Word level" in out and "### c) Hedging" in out
    assert "not found" in out                                     # the missing peer lists are rows, not errors
    assert "| Hyland 2005 hedges, presence (2 terms) | 1.000 | 1.000 | 1.000 |" in out
    saved = json.loads(out_json.read_text(encoding="utf-8"))
    assert saved["hedging"][0]["sentence"]["n"] == 2 and len(saved["loaded"]) >= 4


def test_missing_data_is_reported(tmp_path):
    assert main(["--babe", str(tmp_path / "a.jsonl"), "--hedge", str(tmp_path / "b.jsonl")]) == 2
