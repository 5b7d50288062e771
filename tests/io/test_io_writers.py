"""write_records: streaming JSONL/CSV, formula-safe CSV cells, Parquet with a stable schema."""
from __future__ import annotations

import csv
import io
import json

import pytest

from mediacheck.io import OutputError, neutralise_cell, read_articles, write_records
from mediacheck.model import CLEAN_COLUMNS, CleanArticle, Removal


def _clean(i: int, **kw) -> dict:
    return CleanArticle(id=f"a{i}", outlet="bbc", title="Tïtle “x”", text="Body\n\nmore", warnings=("w",),
                        headline_variants=("v1",), removed=(Removal("Share this", "share", 3),), **kw).to_dict()


@pytest.mark.parametrize("value,expected", [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+1", "'+1"),
    ("-2", "'-2"),
    ("@SUM(1)", "'@SUM(1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("plain", "plain"),
    ("a=b", "a=b"),
    ("", ""),
])
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


def test_csv_neutralises_and_serialises(tmp_path):
    path = tmp_path / "out.csv"
    records = [{"id": "=cmd|' /C calc'!A0", "a": "+1", "b": "-2", "c": "@SUM(1)", "n": -3, "l": ["x", "y"],
                "d": {"k": 1}, "none": None}]
    assert write_records(records, str(path)) == 1
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert rows[0] == ["id", "a", "b", "c", "n", "l", "d", "none"]
    assert rows[1] == ["'=cmd|' /C calc'!A0", "'+1", "'-2", "'@SUM(1)", "-3", '["x","y"]', '{"k":1}', ""]


def test_csv_clean_columns_order_and_streaming(tmp_path):
    path = tmp_path / "out.tsv"
    consumed = []

    def gen():
        for i in range(3):
            consumed.append(i)
            yield _clean(i)

    assert write_records(gen(), str(path), columns=CLEAN_COLUMNS) == 3
    rows = list(csv.reader(path.open(encoding="utf-8", newline=""), delimiter="\t"))
    assert tuple(rows[0]) == CLEAN_COLUMNS and len(rows) == 4
    row = dict(zip(rows[0], rows[1]))
    assert row["text"] == "Body\n\nmore" and row["title"] == "Tïtle “x”"
    assert json.loads(row["removed"]) == [{"text": "Share this", "rule": "share", "line": 3}]


def test_csv_cells_never_hold_a_bare_carriage_return(tmp_path):
    """The csv module leaves a lone CR unquoted with "\\n" line ends; read back, it would split the row."""
    path = tmp_path / "cr.csv"
    write_records([{"id": "a", "text": "one\rtwo\r\nthree", "note": "\rx"}], str(path))
    assert path.read_text(encoding="utf-8") == 'id,text,note\na,"one\ntwo\nthree","\'\nx"\n'
    (art,) = read_articles(str(path))
    assert (art.text, art.meta) == ("one\ntwo\nthree", {"note": "'\nx"})


def test_csv_header_without_records(tmp_path):
    path = tmp_path / "empty.csv"
    assert write_records([], str(path), columns=["id", "text"]) == 0
    assert path.read_text(encoding="utf-8") == "id,text\n"


def test_jsonl_round_trip(tmp_path):
    path = tmp_path / "out.jsonl"
    records = [{"id": "1", "text": "Grüße “x” 日本", "outlet": "bbc", "tags": ["a"]}, {"id": "2", "html": "<p>"}]
    assert write_records(iter(records), str(path)) == 2
    raw = path.read_text(encoding="utf-8")
    assert "Grüße “x” 日本" in raw and raw.count("\n") == 2  # ensure_ascii=False, one object per line
    assert [json.loads(line) for line in raw.splitlines()] == records
    a, b = read_articles(str(path))
    assert (a.id, a.text, a.outlet, a.meta) == ("1", "Grüße “x” 日本", "bbc", {"tags": ["a"]})
    assert b.html == "<p>"


def test_jsonl_to_stdout_streams_each_record():
    out = io.StringIO()
    seen = []

    def gen():
        for i in range(2):
            yield {"id": i}
            seen.append(out.getvalue())  # what was written before the next record was produced

    assert write_records(gen(), "-", stdout=out) == 2
    assert seen[0] == '{"id":0}\n'
    assert out.getvalue() == '{"id":0}\n{"id":1}\n'


def test_stdout_bytes_are_utf8():
    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="ascii")
    write_records([{"t": "é"}], None, stdout=out, columns=["t"])
    assert buffer.getvalue().decode("utf-8") == '{"t":"é"}\n'


def test_output_errors(tmp_path):
    with pytest.raises(OutputError, match="unknown output format '.xlsx'"):
        write_records([], str(tmp_path / "x.xlsx"))
    with pytest.raises(OutputError, match="stdout"):
        write_records([], "-", fmt="parquet")
    with pytest.raises(OutputError, match="cannot write"):
        write_records([{"a": 1}], str(tmp_path / "missing" / "x.csv"))


def test_parquet_round_trip(tmp_path):
    pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "out.parquet"
    records = [_clean(i, message="" if i else None) for i in range(2500)]
    records[0]["removed"] = []  # first batch mixes empty and non-empty lists of dicts
    assert write_records(records, str(path), columns=CLEAN_COLUMNS) == 2500
    table = pq.read_table(path)
    assert tuple(table.column_names) == CLEAN_COLUMNS and table.num_rows == 2500
    assert str(table.schema.field("removed").type) == "string"
    pa = pytest.importorskip("pyarrow")
    assert pa.types.is_list(table.schema.field("headline_variants").type)
    rows = table.to_pylist()
    assert rows[1]["id"] == "a1" and rows[1]["text"] == "Body\n\nmore" and rows[1]["warnings"] == ["w"]
    assert json.loads(rows[1]["removed"]) == [{"text": "Share this", "rule": "share", "line": 3}]
    assert rows[0]["removed"] == "[]"
    articles = list(read_articles(str(path)))  # the cleaned output reads back as input
    assert len(articles) == 2500 and articles[7].text == "Body\n\nmore" and articles[7].outlet == "bbc"


def test_parquet_empty_and_type_conflict(tmp_path):
    pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "empty.parquet"
    assert write_records([], str(path), columns=["id", "text"]) == 0
    assert pq.read_table(path).column_names == ["id", "text"]
    with pytest.raises(OutputError, match="column 'n' changes type"):
        write_records([{"n": 1}] * 1000 + [{"n": "x"}], str(tmp_path / "bad.parquet"))


def test_nan_becomes_null_in_jsonl_and_empty_in_csv(tmp_path):
    """Scores such as a share with nothing to divide are NaN: JSON has no NaN, so they are written as null."""
    rows = [{"id": "a", "share": float("nan"), "nested": [1.0, float("inf")]}]
    jl = tmp_path / "o.jsonl"
    write_records(rows, str(jl))
    assert json.loads(jl.read_text(encoding="utf-8")) == {"id": "a", "share": None, "nested": [1.0, None]}
    cs = tmp_path / "o.csv"
    write_records(rows, str(cs), columns=["id", "share"])
    assert cs.read_text(encoding="utf-8").splitlines()[1] == "a,"
