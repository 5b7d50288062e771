"""Field types, ``published`` dates and ``meta``: no more "True"/"nan" text, clean's output reads back."""
from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from mediacheck.dedup.finder import parse_published as dedup_date
from mediacheck.io import read_articles, write_records
from mediacheck.model import CLEAN_COLUMNS, CleanArticle, Removal

BODY = "The council approved the budget on Tuesday after a long debate."


def _read_jsonl(tmp_path, *records, raw: str = ""):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + raw, encoding="utf-8")
    return list(read_articles(str(path)))


# ---------------------------------------------------------------------------------------------- types


@pytest.mark.parametrize("field", ["text", "html", "title", "outlet", "url"])
@pytest.mark.parametrize("value,kind", [(True, "a boolean"), (3, "a number"), (2.5, "a number"),
                                        (["a"], "a list"), ({"a": 1}, "an object")])
def test_string_fields_of_another_type_are_error_records(tmp_path, field, value, kind):
    (art,) = _read_jsonl(tmp_path, {"id": "t", "text": BODY, field: value})
    assert art.error == f"line 1: field {field!r} is {kind}, expected a string"
    assert art.id == "t" and art.text == ""


def test_nan_text_and_several_bad_fields(tmp_path):
    nan, two = _read_jsonl(tmp_path, raw='{"id": "n", "text": NaN}\n{"id": "b", "text": false, "url": 1}\n')
    assert nan.error == "line 1: field 'text' is NaN, expected a string"
    assert two.error == ("line 2: field 'text' is a boolean, expected a string; "
                         "field 'url' is a number, expected a string")


@pytest.mark.parametrize("value,expected", [(42, ("42", "")), ("007", ("007", "")), (2**70, (str(2**70), "")),
                                            (3.0, ("3", "")), (1.5, ("line-1", "a number")),
                                            (True, ("line-1", "a boolean")), ({"k": 1}, ("line-1", "an object"))])
def test_id_is_a_string_or_an_integer(tmp_path, value, expected):
    (art,) = _read_jsonl(tmp_path, {"id": value, "text": BODY})
    rid, kind = expected
    assert art.id == rid
    assert art.error == (f"line 1: field 'id' is {kind}, expected a string or an integer" if kind else "")


def test_null_and_empty_cells_are_missing(tmp_path):
    (art,) = _read_jsonl(tmp_path, {"id": None, "text": BODY, "title": None, "outlet": None, "published": None})
    assert (art.id, art.title, art.outlet, art.published, art.warnings, art.error) == ("line-1", "", "", "", (), "")
    path = tmp_path / "in.csv"
    path.write_text(f"id,outlet,title,published,text\n,,,,{BODY}\n", encoding="utf-8")
    (row,) = read_articles(str(path), outlet="Wire")
    assert (row.id, row.outlet, row.title, row.published, row.warnings) == ("line-2", "Wire", "", "", ())


def test_csv_cells_stay_strings(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(f"id,title,text,score\n12,True,{BODY},nan\n", encoding="utf-8")
    (row,) = read_articles(str(path))
    assert (row.id, row.title, row.meta, row.error) == ("12", "True", {"score": "nan"}, "")


# ---------------------------------------------------------------------------------------------- published


@pytest.mark.parametrize("given,expected", [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00+00:00"),
    ("2024-03-05 10:00", "2024-03-05T10:00:00"),
    ("2024-03-05T10:00:00.250+05:30", "2024-03-05T10:00:00+05:30"),
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
    ("Tue, 05 Mar 2024 10:00:00 -0500", "2024-03-05T10:00:00-05:00"),
    ("March 5, 2024", "2024-03-05"),
    ("Sept. 5th, 2024", "2024-09-05"),
    ("5 March 2024", "2024-03-05"),
    ("Tuesday, 5 March 2024", "2024-03-05"),
    ("2024/03/05", "2024-03-05"),
])
def test_published_is_normalised_to_what_dedup_reads(tmp_path, given, expected):
    (art,) = _read_jsonl(tmp_path, {"id": "p", "text": BODY, "published": given})
    assert (art.published, art.warnings) == (expected, ())
    assert dedup_date(art.published) is not None


@pytest.mark.parametrize("given,shown", [("9999-99-99", "'9999-99-99'"), ("yesterday", "'yesterday'"),
                                         ("2024-02-30", "'2024-02-30'"), (20240305, "20240305"),
                                         (True, "True")])
def test_impossible_published_is_left_empty_with_a_warning(tmp_path, given, shown):
    (art,) = _read_jsonl(tmp_path, {"id": "p", "text": BODY, "published": given})
    assert (art.published, art.error) == ("", "")
    assert art.warnings == (f"published {shown} is not a date; left empty",)


def test_parquet_dates_and_typed_columns(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({
        "id": pa.array([1, 2], pa.int64()), "text": [BODY, BODY], "title": pa.array([None, None], pa.string()),
        "published": pa.array([dt.datetime(2024, 3, 5, 10, 0, tzinfo=dt.timezone.utc), None],
                              pa.timestamp("s", tz="UTC")),
        "day": pa.array([dt.date(2024, 3, 5), None], pa.date32()), "score": [0.5, float("nan")],
        "tags": [["a", "b"], []],
    })
    pq.write_table(table, tmp_path / "in.parquet")
    one, two = read_articles(str(tmp_path / "in.parquet"))
    assert (one.id, one.published, two.published) == ("1", "2024-03-05T10:00:00+00:00", "")
    assert one.meta == {"day": dt.date(2024, 3, 5), "score": 0.5, "tags": ["a", "b"]}
    assert two.meta["score"] != two.meta["score"]  # NaN kept as it is in meta; writers make it null


# ---------------------------------------------------------------------------------------------- meta


def test_meta_values_of_any_json_type_are_kept(tmp_path):
    extra = {"leaning": "left", "n": 3, "big": 2**80, "f": 1.5, "ok": True, "none": None, "tags": ["a", 1],
             "author": {"name": "J. Doe", "ids": [1, {"x": None}]}}
    (art,) = _read_jsonl(tmp_path, {"id": "m", "text": BODY, **extra})
    assert art.meta == extra


def test_meta_field_is_merged_not_nested(tmp_path):
    a, b, c = _read_jsonl(tmp_path, {"id": "a", "text": BODY, "meta": {"leaning": "left"}, "author": "X"},
                          {"id": "b", "text": BODY, "meta": '{"leaning": "right"}'},
                          {"id": "c", "text": BODY, "meta": "not json"})
    assert (a.meta, b.meta, c.meta) == ({"leaning": "left", "author": "X"}, {"leaning": "right"}, {"meta": "not json"})
    path = tmp_path / "in.tsv"
    path.write_text(f'id\ttext\tmeta\tsection\nt\t{BODY}\t{{"leaning": "center"}}\tLocal\n', encoding="utf-8")
    (row,) = read_articles(str(path))
    assert row.meta == {"leaning": "center", "section": "Local"}


def _clean_records() -> list[dict]:
    ok = CleanArticle(id="r1#2", input_id="r1", outlet="Daily", title="Budget passes", subtitle="Dek",
                      byline="By J. Doe", text=BODY, published="2024-03-05", headline_variants=("Budget passed",),
                      removed=(Removal("Share this", "share", 4),), warnings=("w",), source="in.jsonl:2",
                      meta={"leaning": "left", "author": {"name": "J. Doe"}})
    bad = CleanArticle(id="line-3", outlet="Wire", status="error", message="line 3: invalid JSON: Expecting value",
                       source="in.jsonl:3", meta={})
    return [ok.to_dict(), bad.to_dict()]


@pytest.mark.parametrize("name", ["clean.jsonl", "clean.csv", "clean.tsv", "clean.parquet"])
def test_clean_output_reads_back(tmp_path, name):
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    path = tmp_path / name
    write_records(_clean_records(), str(path), columns=CLEAN_COLUMNS)
    ok, bad = read_articles(str(path))
    assert (ok.id, ok.input_id, ok.outlet, ok.title, ok.text, ok.published) == (
        "r1#2", "r1", "Daily", "Budget passes", BODY, "2024-03-05")
    assert ok.meta == {"leaning": "left", "author": {"name": "J. Doe"}}  # clean's own columns are dropped
    assert not ok.error and not ok.warnings
    assert (bad.id, bad.outlet, bad.error) == ("line-3", "Wire", "line 3: invalid JSON: Expecting value")


def test_a_users_own_status_column_is_kept(tmp_path):
    (art,) = _read_jsonl(tmp_path, {"id": "s", "text": BODY, "status": "draft", "message": "hi", "source": "AP"})
    assert art.meta == {"status": "draft", "message": "hi", "source": "AP"} and not art.error


def test_heterogeneous_meta_writes_to_parquet_and_csv(tmp_path):
    pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    metas = [{}, {"n": 1}, {"n": "one"}, {"tags": [1, "a", None]}, {"deep": {"x": [{"y": 2**70}]}},
             {"f": float("nan")}] * 400
    records = [{"id": f"m{k}", "meta": m, "tags": ["a"] if k % 2 else [1]} for k, m in enumerate(metas)]
    assert write_records(records, str(tmp_path / "m.parquet")) == 2400
    rows = pq.read_table(tmp_path / "m.parquet").to_pylist()
    assert json.loads(rows[4]["meta"]) == {"deep": {"x": [{"y": 2**70}]}}
    assert json.loads(rows[5]["meta"]) == {"f": None}
    assert write_records(records, str(tmp_path / "m.csv")) == 2400
    with open(tmp_path / "m.csv", encoding="utf-8", newline="") as f:
        assert json.loads(list(csv.DictReader(f))[3]["meta"]) == {"tags": [1, "a", None]}
