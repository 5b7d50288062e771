"""The report's output folder (written aside, swapped in at the end), text hygiene, progress and statistics edges."""
from __future__ import annotations

import io
import json
import os

import numpy as np
import pandas as pd
import pytest

from mediacheck.model import Article
from mediacheck.report import build_report
from mediacheck.report.output import OutputFolderError, ReportFolder, is_report
from mediacheck.report.progress import Progress
from mediacheck.report.stats import bootstrap_ratio_ci, permutation_test_ratios
from mediacheck.report.text import display, encodable, encodable_row, meta_json

BODY = ("The council approved the budget on Tuesday after a long debate. Officials said the plan may add two "
        "hundred teachers, and critics said the money would run out. ")


def _report_folder(path, **files) -> None:
    path.mkdir(parents=True, exist_ok=True)
    (path / "summary.json").write_text(json.dumps({"tool": "mediacheck", "records_in": 1}), encoding="utf-8")
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")


def _siblings(path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


# ---------------------------------------------------------------------------------------------- ReportFolder

def test_new_folder_appears_only_on_commit(tmp_path):
    out = tmp_path / "a" / "b" / "report"
    with ReportFolder(str(out)) as work:
        (work / "articles.csv").write_text("id\n", encoding="utf-8")
        assert not out.exists() and work.parent == out.parent and work.name.startswith(".report.mediacheck-")
        ReportFolder(str(out)).check()
        folder = ReportFolder(str(out))
    with folder as work:
        (work / "articles.csv").write_text("id\nx\n", encoding="utf-8")
        folder.commit()
    assert (out / "articles.csv").read_text() == "id\nx\n"
    assert _siblings(out) == []                                   # no work folder left beside it


def test_failure_inside_removes_the_work_folder_and_created_parents(tmp_path):
    out = tmp_path / "new" / "deeper" / "report"
    with pytest.raises(KeyboardInterrupt), ReportFolder(str(out)) as work:
        (work / "removed.csv").write_text("id\n", encoding="utf-8")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []                         # not even the parents it made


def test_commit_swaps_report_files_and_keeps_other_files(tmp_path):
    out = tmp_path / "report"
    _report_folder(out, **{"sentences.csv": "old", "articles.parquet": "old", "articles.csv": "old",
                           "notes.txt": "mine"})
    (out / "by_outlet").mkdir()
    (out / "by_outlet" / "x.csv").write_text("old", encoding="utf-8")
    folder = ReportFolder(str(out))
    with folder as work:
        (work / "articles.csv").write_text("new", encoding="utf-8")
        (work / "summary.json").write_text(json.dumps({"tool": "mediacheck"}), encoding="utf-8")
        folder.commit()
    assert sorted(p.name for p in out.iterdir()) == ["articles.csv", "notes.txt", "summary.json"]
    assert (out / "articles.csv").read_text() == "new" and (out / "notes.txt").read_text() == "mine"
    assert _siblings(out) == []


def test_interrupt_leaves_an_earlier_report_as_it_was(tmp_path):
    out = tmp_path / "report"
    _report_folder(out, **{"removed.csv": "old removed", "errors.csv": "old errors"})
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(KeyboardInterrupt), ReportFolder(str(out)) as work:
        (work / "removed.csv").write_text("", encoding="utf-8")
        raise KeyboardInterrupt
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert _siblings(out) == []


@pytest.mark.parametrize("setup, message", [
    (lambda d: (d.mkdir(), (d / "thesis.docx").write_text("x")), "is not empty and not a mediacheck report"),
    (lambda d: d.write_text("x"), "is a file, not a folder"),
    (lambda d: (d.mkdir(), (d / "summary.json").write_text('{"other": 1}')), "not a mediacheck report"),
])
def test_unusable_folders_are_refused_before_anything_is_written(tmp_path, setup, message):
    out = tmp_path / "out"
    setup(out)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(OutputFolderError, match=message):
        ReportFolder(str(out)).check()
    with pytest.raises(OutputFolderError, match=message), ReportFolder(str(out)):
        pass
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_empty_folder_hidden_files_and_legacy_reports_are_accepted(tmp_path):
    empty, hidden, legacy = tmp_path / "empty", tmp_path / "hidden", tmp_path / "legacy"
    empty.mkdir()
    hidden.mkdir()
    (hidden / ".gitkeep").write_text("")
    legacy.mkdir()
    (legacy / "summary.json").write_text(json.dumps({"records_in": 3, "articles": 3, "errors": 0, "outlets": 1}))
    for d in (empty, hidden, legacy):
        ReportFolder(str(d)).check()
    assert is_report(legacy) and not is_report(empty)
    folder = ReportFolder(str(hidden))
    with folder as work:
        (work / "articles.csv").write_text("new")
        folder.commit()
    assert sorted(p.name for p in hidden.iterdir()) == [".gitkeep", "articles.csv"]


def test_a_folder_under_a_file_is_refused(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(OutputFolderError, match="cannot create the output folder"):
        ReportFolder(str(tmp_path / "file.txt" / "out")).check()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(OutputFolderError, match="not writable"):
            ReportFolder(str(locked / "out")).check()
        with pytest.raises(OutputFolderError, match="not writable"):
            ReportFolder(str(locked)).check()
    finally:
        locked.chmod(0o755)


def test_the_report_folder_gets_the_usual_permissions(tmp_path):
    out = tmp_path / "report"
    folder = ReportFolder(str(out))
    with folder:
        folder.commit()
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~mask


# ---------------------------------------------------------------------------------------------- text

def test_display_shows_bidi_and_control_characters_instead_of_obeying_them():
    assert display("\u202eevil") == "\u27e8U+202E\u27e9evil"
    assert display("a\u2066b\u2069c\u200f\u061c") == "a⟨U+2066⟩b⟨U+2069⟩c⟨U+200F⟩⟨U+061C⟩"
    assert display("bell\x07 nul\x00 esc\x1b") == "bell⟨U+0007⟩ nul⟨U+0000⟩ esc⟨U+001B⟩"
    assert display("lone \ud800") == "lone \ufffd" and display("tab\tnew\nline") == "tab\tnew\nline"
    assert display("Süddeutsche – 日本 עיתון") == "Süddeutsche – 日本 עיתון"     # ordinary text untouched


def test_rows_become_encodable():
    row = encodable_row({"title": "a\ud800b", "cues": ["\udfff"], "n": 3, "meta": {"\ud800k": "v"}})
    assert row == {"title": "a\ufffdb", "cues": ["\ufffd"], "n": 3, "meta": {"\ufffdk": "v"}}
    assert encodable("fine") == "fine"
    json.dumps(row, ensure_ascii=False).encode("utf-8")


def test_meta_json_is_compact_and_survives_odd_values():
    assert meta_json({}) == "" and meta_json(None) == ""
    assert meta_json({"author": "A. Writer", "section": "World"}) == '{"author":"A. Writer","section":"World"}'
    odd = meta_json({"nan": float("nan"), "inf": float("inf"), "big": 2**70, "np": np.int64(3),
                     "arr": np.array([1, 2]), "nested": {"x": [1, None]}, "\ud800": "s"})
    assert json.loads(odd) == {"nan": None, "inf": None, "big": 2**70, "np": 3, "arr": [1, 2],
                               "nested": {"x": [1, None]}, "\ufffd": "s"}


# ---------------------------------------------------------------------------------------------- statistics edges

def test_zero_resamples_give_no_interval_and_zero_permutations_no_p():
    num, den = np.array([1.0, 2.0, 3.0]), np.array([10.0, 10.0, 10.0])
    assert all(np.isnan(bootstrap_ratio_ci(num, den, resamples=0)))
    lo, hi = bootstrap_ratio_ci(num, den, resamples=50)
    assert lo <= 0.2 <= hi
    _, p = permutation_test_ratios(num, den, num, den, permutations=0)
    assert np.isnan(p).all()


@pytest.mark.parametrize("option", [{"resamples": -1}, {"permutations": 0}, {"min_articles": 0}, {"jobs": -1},
                                    {"resamples": 2.5}])
def test_build_report_rejects_impossible_settings(option):
    with pytest.raises(ValueError, match=next(iter(option))):
        build_report(lambda: iter(()), **option)


# ---------------------------------------------------------------------------------------------- progress

def test_progress_names_every_stage():
    arts = [Article(id=f"a{k}", outlet=("Daily", "Wire")[k % 2], title=f"Budget vote {k}", text=BODY * 3)
            for k in range(12)]
    stream = io.StringIO()
    report = build_report(lambda: iter(arts), jobs=1, resamples=20, permutations=19, progress=stream)
    shown = stream.getvalue()
    for stage in ("reading (outlet templates)", "cleaning and scoring", "finding duplicates",
                  "outlet rates and 95% intervals", "outlet differences (permutation tests)"):
        assert stage in shown, stage
    assert set(report.timings["stages"]) == {"templates", "articles", "duplicates", "intervals", "outlet_pairs",
                                             "stories"}
    quiet = build_report(lambda: iter(arts), jobs=1, resamples=20, permutations=19)
    pd.testing.assert_frame_equal(quiet.tables["outlets"], report.tables["outlets"])


def test_progress_off_writes_nothing(capsys):
    bars = Progress(False)
    assert list(bars.iter(range(3), stage="s", desc="d")) == [0, 1, 2]
    with bars.step("t", "d"):
        pass
    assert capsys.readouterr().err == "" and set(bars.seconds) == {"s", "t"}
