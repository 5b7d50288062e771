"""Lone surrogates and control characters: every reader repairs them with a warning; writers never fail on them."""
from __future__ import annotations

import csv
import io
import json
import os

import pytest

from mediacheck.io import read_articles, write_records


def _write(path, data: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return path


def _writable(article) -> None:
    for value in (article.id, article.input_id, article.text, article.html, article.title, article.outlet,
                  article.url, article.published, article.source, article.error, *article.warnings,
                  json.dumps(article.meta, ensure_ascii=False)):
        value.encode("utf-8")


# ---------------------------------------------------------------------------------------------- lone surrogates


def test_lone_surrogate_in_jsonl_text_is_replaced_and_the_run_goes_on(tmp_path):
    path = _write(tmp_path / "s.jsonl", '{"id":"a","text":"ok."}\n{"id":"s","text":"x \\ud800 y."}\n'
                                        '{"id":"c","text":"ok."}\n')
    a, s, c = read_articles(str(path))
    assert (a.text, c.text) == ("ok.", "ok.") and not a.warnings and not c.warnings
    assert s.text == "x \ufffd y." and not s.error
    assert s.warnings == ("replaced 1 invalid character (lone surrogate) in 'text'",)


def test_surrogates_in_every_field_and_nested_meta(tmp_path):
    record = ('{"id": "id\\udc00", "outlet": "Daily \\ud83d", "url": "https://x.example/\\udfff", '
              '"title": "Council \\ud800 votes", "published": "2024-03-05\\ud800", "text": "Body.", '
              '"author": {"name\\ud800": ["J. \\udc80Doe"]}}')
    (art,) = read_articles(str(_write(tmp_path / "in.jsonl", record + "\n")))
    _writable(art)
    assert (art.id, art.input_id, art.outlet, art.title) == ("id\ufffd", "id\ufffd", "Daily \ufffd",
                                                             "Council \ufffd votes")
    assert art.url == "https://x.example/\ufffd"
    assert art.meta == {"author": {"name\ufffd": ["J. \ufffdDoe"]}}
    assert art.published == ""  # not a date once the surrogate is in it
    assert art.warnings == ("published '2024-03-05\ufffd' is not a date; left empty",
                            "replaced 6 invalid characters (lone surrogates) in 'id' (1), 'title' (1), 'outlet' (1), "
                            "'url' (1), 'meta.author' (2)")


def test_utf8_encoded_surrogates_in_csv_and_text_files(tmp_path):
    """Bytes ED A0 80 (a surrogate encoded as if it were a character, as broken exporters write it)."""
    csv_path = _write(tmp_path / "in.csv", b"id,title,text\nq,Gr\xc3\xbc\xc3\x9fe,caf\xc3\xa9 \xed\xa0\x80 ok\n")
    (row,) = read_articles(str(csv_path))
    assert (row.title, row.text) == ("Grüße", "café \ufffd ok")  # not mistaken for cp1252
    assert row.warnings == ("replaced 1 invalid character (lone surrogate) in 'text'",)
    (page,) = read_articles(str(_write(tmp_path / "p.txt", b"Budget \xed\xb0\x80 passes")))
    assert page.text == "Budget \ufffd passes"
    assert page.warnings == ("replaced 1 invalid character (lone surrogate) in 'text'",)


def test_undecodable_file_name_in_a_folder(tmp_path):
    root = tmp_path / "corpus"
    (root / "daily").mkdir(parents=True)
    name = os.path.join(os.fsencode(root / "daily"), b"caf\xe9.txt")  # Latin-1 name on a UTF-8 file system
    with open(name, "wb") as f:
        f.write(b"Council passes budget.")
    (art,) = read_articles(str(root))
    _writable(art)
    assert (art.id, art.outlet, art.text) == ("daily/caf\ufffd", "daily", "Council passes budget.")
    assert art.source.endswith("caf\ufffd.txt")
    assert art.warnings == ("replaced 2 invalid characters (lone surrogates) in 'id' (1), 'source' (1)",)


def test_stdin_text_stream_with_surrogates():
    stdin = io.StringIO('{"id": "s", "text": "x \ud800 y"}\n{"id": "t", "text": "fine"}\n')
    s, t = read_articles("-", stdin=stdin)
    assert s.text == "x \ufffd y" and t.text == "fine"
    assert s.warnings == ("replaced 1 invalid character (lone surrogate) in 'text'",)


# ---------------------------------------------------------------------------------------------- C0 controls


def test_control_characters_stripped_everywhere_with_one_warning(tmp_path):
    record = {"id": "k", "title": "Budget\u0007 vote\r\nnext", "outlet": "Daily\u007f",
              "text": "Line\u0000 one\ttab\n\u001b[31mred\u001b[0m two.", "section": {"name": "Local\u0001"}}
    (art,) = read_articles(str(_write(tmp_path / "in.jsonl", json.dumps(record) + "\n")))
    assert art.text == "Line one\ttab\n[31mred[0m two."  # tab and newline are kept
    assert (art.title, art.outlet, art.meta) == ("Budget vote\nnext", "Daily", {"section": {"name": "Local"}})
    assert art.warnings == ("removed 6 control characters in 'text' (3), 'title' (1), 'outlet' (1), "
                            "'meta.section' (1)",)


def test_raw_control_bytes_inside_jsonl_strings_are_read(tmp_path):
    """A raw control byte inside a JSON string is invalid JSON strictly; it is read and stripped instead."""
    (art,) = read_articles(str(_write(tmp_path / "in.jsonl", b'{"id": "r", "text": "a\x01b\x1bc"}\n')))
    assert (art.text, art.error) == ("abc", "")
    assert art.warnings == ("removed 2 control characters in 'text'",)


@pytest.mark.parametrize("suffix,sep", [(".csv", ","), (".tsv", "\t")])
def test_control_characters_in_csv_cells(tmp_path, suffix, sep):
    data = sep.join(["id", "text", "author"]) + "\n" + sep.join(["c\u0002", "Body\u000b text.", "A\u007f"]) + "\n"
    (art,) = read_articles(str(_write(tmp_path / f"in{suffix}", data)))
    assert (art.id, art.text, art.meta) == ("c", "Body text.", {"author": "A"})
    assert art.warnings == ("removed 3 control characters in 'id' (1), 'text' (1), 'meta.author' (1)",)


def test_control_characters_in_text_and_parquet(tmp_path):
    (art,) = read_articles(str(_write(tmp_path / "page.txt", "Page one.\x0cPage two.\x1b")))
    assert art.text == "Page one.Page two." and art.warnings == ("removed 2 control characters in 'text'",)
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"id": ["p"], "text": ["a\x00b"], "tag": ["x\x7f"]}), tmp_path / "in.parquet")
    (row,) = read_articles(str(tmp_path / "in.parquet"))
    assert (row.text, row.meta) == ("ab", {"tag": "x"})
    assert row.warnings == ("removed 2 control characters in 'text' (1), 'meta.tag' (1)",)


# ---------------------------------------------------------------------------------------------- writers


RECORDS = [{"id": "a\ud800", "text": "x \udc00 y", "meta": {"k\udfff": ["v\ud800"]}, "tags": ["t\ud800"]},
           {"id": "b", "text": "plain", "meta": {}, "tags": []}]


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.tsv"])
def test_writers_replace_lone_surrogates(tmp_path, name):
    path = tmp_path / name
    assert write_records(RECORDS, str(path)) == 2
    raw = path.read_text(encoding="utf-8")
    assert "a\ufffd" in raw and "x \ufffd y" in raw and "k\ufffd" in raw
    if name.endswith(".jsonl"):
        first = json.loads(raw.splitlines()[0])
        assert first["meta"] == {"k\ufffd": ["v\ufffd"]}
    else:
        rows = list(csv.DictReader(io.StringIO(raw), delimiter="\t" if name.endswith(".tsv") else ","))
        assert len(rows) == 2 and json.loads(rows[0]["meta"]) == {"k\ufffd": ["v\ufffd"]}


def test_writers_replace_surrogates_on_stdout_and_parquet(tmp_path):
    buffer = io.BytesIO()
    stdout = io.TextIOWrapper(buffer, encoding="utf-8")
    write_records(RECORDS, "-", stdout=stdout)
    assert buffer.getvalue().decode("utf-8").count("\ufffd") == 5
    pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    write_records([{**RECORDS[0], "col\ud800": 1}], str(tmp_path / "o.parquet"))
    (row,) = pq.read_table(tmp_path / "o.parquet").to_pylist()
    assert row["id"] == "a\ufffd" and row["tags"] == ["t\ufffd"] and row["col\ufffd"] == 1
