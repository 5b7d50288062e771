"""Run-unique ids (once, in the reader) and several inputs read as one run."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mediacheck.io import InputError, ReadStats, read_articles

BODY = "The council approved the budget on Tuesday after a long debate."


def _jsonl(path: Path, *records) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------- ids


def test_duplicate_ids_become_unique_once_without_collisions(tmp_path):
    """Before: r1, r1, r1, r1#2 gave two r1#2 (one from the literal id, one from renaming)."""
    path = _jsonl(tmp_path / "d.jsonl", *({"id": i, "text": BODY} for i in ("r1", "r1", "r1", "r1#2")))
    arts = list(read_articles(str(path)))
    assert [a.id for a in arts] == ["r1", "r1#2", "r1#3", "r1#2#2"]
    assert [a.input_id for a in arts] == ["r1", "r1", "r1", "r1#2"]
    assert [a.warnings for a in arts] == [(), ("duplicate id 'r1': renamed r1#2",),
                                          ("duplicate id 'r1': renamed r1#3",),
                                          ("duplicate id 'r1#2': renamed r1#2#2",)]


def test_records_without_id_keep_the_fallback_and_an_empty_input_id(tmp_path):
    path = _jsonl(tmp_path / "n.jsonl", {"text": BODY}, {"id": "", "text": BODY}, {"id": 7, "text": BODY},
                  {"id": "line-1", "text": BODY})
    arts = list(read_articles(str(path)))
    assert [(a.id, a.input_id) for a in arts] == [("line-1", ""), ("line-2", ""), ("7", "7"),
                                                  ("line-1#2", "line-1")]
    csv_path = tmp_path / "n.csv"
    csv_path.write_text(f"id,text\n,{BODY}\nx,{BODY}\n", encoding="utf-8")
    assert [(a.id, a.input_id) for a in read_articles(str(csv_path))] == [("line-2", ""), ("x", "x")]


def test_folder_ids_are_unique_too(tmp_path):
    (tmp_path / "daily").mkdir()
    (tmp_path / "daily" / "budget.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "daily" / "budget.html").write_text(f"<p>{BODY}</p>", encoding="utf-8")
    first, second = read_articles(str(tmp_path))
    assert (first.id, second.id) == ("daily/budget", "daily/budget#2")
    assert (first.input_id, second.input_id) == ("", "")
    assert first.html and second.text  # budget.html sorts before budget.txt
    assert second.warnings == ("duplicate id 'daily/budget': renamed daily/budget#2",)


# ---------------------------------------------------------------------------------------------- several inputs


def test_several_inputs_are_one_run_with_one_id_space(tmp_path):
    one = _jsonl(tmp_path / "one.jsonl", {"id": "a", "outlet": "Daily", "text": BODY}, {"text": BODY})
    two = tmp_path / "two.csv"
    two.write_text(f"id,outlet,text\n,Wire,{BODY}\na,Wire,{BODY}\n", encoding="utf-8")
    folder = tmp_path / "pages"
    (folder / "post").mkdir(parents=True)
    (folder / "post" / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "notes.md").write_text("skipped", encoding="utf-8")
    stdin = io.BytesIO((json.dumps({"id": "a", "text": BODY}) + "\n").encode())
    stats = ReadStats()
    arts = list(read_articles([str(one), two, str(folder), "-"], stdin=stdin, stats=stats))
    assert [(a.id, a.input_id, a.outlet) for a in arts] == [
        ("a", "a", "Daily"), ("line-2", "", ""), ("line-2#2", "", "Wire"), ("a#2", "a", "Wire"),
        ("post/a", "", "post"), ("a#3", "a", "")]
    assert [a.source for a in arts][-2:] == [str(folder / "post" / "a.txt"), "<stdin>:1"]
    assert (stats.records, stats.errors, stats.skipped) == (6, 0, {"not .txt/.html": 1})


def test_single_path_forms_still_work(tmp_path):
    path = _jsonl(tmp_path / "one.jsonl", {"id": "a", "text": BODY})
    for given in (str(path), path, [str(path)], (path,)):
        assert [a.id for a in read_articles(given)] == ["a"]


@pytest.mark.parametrize("make_bad,message", [
    (lambda d: d / "missing.jsonl", "missing.jsonl: no such file or folder"),
    (lambda d: _write(d / "data.xml", b"<x/>"), "unknown input format '.xml'"),
    (lambda d: _write(d / "bin.jsonl", b"\x1f\x8b\x08\x00rest"), r"binary file \(GZIP archive\)"),
    (lambda d: _write(d / "notext.csv", b"id,body\n1,x\n"), "no 'text' or 'html' column"),
    (lambda d: _write(d / "bad.parquet", b"PAR1 not really"), "cannot read Parquet file"),
])
def test_a_bad_later_input_fails_before_the_first_record(tmp_path, make_bad, message):
    pytest.importorskip("pyarrow") if "parquet" in message.lower() else None
    good = _jsonl(tmp_path / "good.jsonl", {"id": "a", "text": BODY})
    with pytest.raises(InputError, match=message):
        read_articles([str(good), str(make_bad(tmp_path))])


def test_stdin_at_most_once_and_some_input_needed(tmp_path):
    with pytest.raises(InputError, match="stdin"):
        read_articles(["-", "-"], stdin=io.BytesIO(b""))
    with pytest.raises(InputError, match="no input"):
        read_articles([])


def test_an_input_that_vanishes_after_the_check_is_one_error_record(tmp_path):
    one = _jsonl(tmp_path / "one.jsonl", {"id": "a", "text": BODY})
    two = _jsonl(tmp_path / "two.jsonl", {"id": "b", "text": BODY})
    arts = read_articles([str(one), str(two)])
    assert next(arts).id == "a"
    two.unlink()
    (gone,) = arts
    assert (gone.id, gone.error) == ("two", f"{two}: cannot read: No such file or directory")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
