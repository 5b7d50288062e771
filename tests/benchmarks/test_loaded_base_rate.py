"""benchmarks/loaded_base_rate.py on hand-made data (no ../shared needed): the event split, the threshold choice,
the event bootstrap, and main on tiny BASIL / BABE files with a toy model, including --write."""
from __future__ import annotations

import json

import numpy as np
import pytest

from benchmarks.loaded_base_rate import choose_threshold, event_bootstrap, is_dev, main
from mediacheck.scoring.loaded import LoadedModel
from mediacheck.scoring.training import fit_loaded_model

LOADED = ["The senator slammed the disgraceful radical proposal.", "Radical activists staged a disgraceful stunt.",
          "Critics slammed the disgraceful handling of the crisis.", "The radical plan is a disgraceful attack."]
NEUTRAL = ["The city council approved the budget on Tuesday.", "The meeting was held at the town hall on Monday.",
           "The new bridge will open to traffic next month.", "The committee published its annual report."]


def test_event_split_is_stable_and_about_half():
    ids = [f"event-{i}" for i in range(400)]
    flags = [is_dev(e) for e in ids]
    assert flags == [is_dev(e) for e in ids]
    assert 150 < sum(flags) < 250
    assert is_dev("a") is (int("86f7e437faa5a7fce15d1ddcb9eaeaea377667b8", 16) % 2 == 0)   # sha1("a")


def test_choose_threshold_flags_the_rate():
    p = np.linspace(0, 1, 1001)
    t = choose_threshold(p, 0.1)
    assert t == pytest.approx(0.9) and (p >= t).mean() == pytest.approx(0.1, abs=0.002)
    with pytest.raises(ValueError):
        choose_threshold(p, 0.0)


def test_event_bootstrap_brackets_the_rate():
    flags = np.array([1, 0, 0, 0] * 50, bool)
    events = np.repeat(np.arange(50), 4)
    lo, hi = event_bootstrap(flags, events)
    assert lo == hi == pytest.approx(0.25)          # every event has the same share
    lo, hi = event_bootstrap(np.arange(200) < 20, events)
    assert lo < 0.1 < hi


def test_main_on_tiny_files(tmp_path, capsys):
    basil = tmp_path / "basil.jsonl"
    rows = []
    for e in range(12):
        for src, outlet in (("fox", "Fox News"), ("hpo", "HuffPost"), ("nyt", "New York Times")):
            paras = [[NEUTRAL[e % 4], LOADED[e % 4] if src == "hpo" else NEUTRAL[(e + 1) % 4]], [NEUTRAL[(e + 2) % 4]]]
            rows.append({"id": f"{e}{src}", "event_id": f"ev{e}", "source": src, "outlet": outlet,
                         "body_paragraphs": paras})
    basil.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    babe = tmp_path / "babe.jsonl"
    babe.write_text("\n".join(json.dumps({"text": t, "label_bias": int(t in LOADED), "split": "test"})
                              for t in LOADED + NEUTRAL), encoding="utf-8")
    model = tmp_path / "m.json"
    model.write_text(fit_loaded_model(LOADED + NEUTRAL, [1] * 4 + [0] * 4, target_prior=0.2).to_json(),
                     encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["--basil", str(basil), "--babe", str(babe), "--model", str(model), "--write", str(out)]) == 0
    text = capsys.readouterr().out
    assert "### a) BASIL, test half" in text and "### b) BABE SG2 test" in text
    assert "| all |" in text and "ROC AUC identical" in text
    m = LoadedModel.from_json(out.read_text(encoding="utf-8"))
    choice = m.header["threshold_choice"]
    assert 0 < m.threshold < 1 and choice["dev"]["flagged"] > 0    # many ties here: the share can exceed 0.2
    assert choice["rate"] == 0.2 and choice["dev"]["events"] + choice["test"]["events"] == 12
    assert m.target_prior == 0.2


def test_missing_data_and_missing_rate(tmp_path, capsys):
    assert main(["--basil", str(tmp_path / "none.jsonl")]) == 2
    basil = tmp_path / "basil.jsonl"
    basil.write_text(json.dumps({"id": "a", "event_id": "e", "source": "fox", "outlet": "Fox News",
                                 "body_paragraphs": [NEUTRAL]}), encoding="utf-8")
    model = tmp_path / "m.json"
    model.write_text(fit_loaded_model(LOADED + NEUTRAL, [1] * 4 + [0] * 4).to_json(), encoding="utf-8")
    assert main(["--basil", str(basil), "--model", str(model), "--write", str(tmp_path / "o.json")]) == 2
    assert "no target_prior" in capsys.readouterr().err
