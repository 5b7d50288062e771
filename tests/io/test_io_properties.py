"""Property tests: arbitrary text and JSON values through every reader.

For each: no exception escapes, records in = Articles out, every string is UTF-8-encodable and free of C0
controls but tab and newline, ids are unique, and the Articles write to JSONL and CSV and parse back.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediacheck.io import InputError, read_articles, write_records
from mediacheck.io.decode import sniff_binary

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ODD = ["\ud800", "\udfff", "\udc80", "\x00", "\x01", "\x1b[31m", "\x7f", "\x0b", "\x0c", "\r", "\r\n", "\n", "\t",
       "\u202e", "\u2066", "\u2028", "\ufeff", "\ufffe", '"', "'", ",", "\\", "=cmd", "e\u0301", "\U0001f600"]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

texts = st.lists(st.one_of(st.characters(), st.sampled_from(ODD), st.text(max_size=5)), max_size=12).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**100), max_value=2**100),
                    st.floats(allow_nan=True, allow_infinity=True), texts)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(texts, inner, max_size=3)), max_leaves=8)
FIELDS = ["id", "input_id", "text", "html", "scraped", "title", "outlet", "url", "published", "lang", "meta",
          "status", "message", "author"]
records = st.one_of(
    st.dictionaries(st.one_of(st.sampled_from(FIELDS), texts), st.one_of(values, texts), max_size=8),
    st.fixed_dictionaries({"id": st.one_of(texts, st.integers(), st.sampled_from(["r1", "r1", "r1#2"])),
                           "text": texts}, optional={"title": texts, "meta": values, "published": texts}),
    values,
)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def _check(articles: list, expected: int, folder: Path) -> None:
    assert len(articles) == expected
    assert len({a.id for a in articles}) == len(articles)
    for a in articles:
        for s in _strings(dataclasses.asdict(a)):
            s.encode("utf-8")
            assert not CONTROL.search(s), s
    rows = [dataclasses.asdict(a) for a in articles]
    assert write_records(rows, str(folder / "out.jsonl")) == expected
    with open(folder / "out.jsonl", encoding="utf-8") as f:
        assert len([json.loads(line) for line in f]) == expected
    assert len(list(read_articles(str(folder / "out.jsonl")))) == expected
    assert write_records(rows, str(folder / "out.csv")) == expected
    with open(folder / "out.csv", encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == expected


def _read_or_binary(source, data: bytes, **kw) -> list | None:
    """The Articles, or None when the data is refused as binary as a whole (which the sniffer must agree with)."""
    try:
        return list(read_articles(source, **kw))
    except InputError as exc:
        assert "binary file" in str(exc) and sniff_binary(data[: 1 << 16]), exc
        return None


@SETTINGS
@given(st.lists(records, min_size=1, max_size=6), st.booleans())
def test_jsonl_file_and_stdin(recs, ascii_only):
    data = "".join(json.dumps(r, ensure_ascii=ascii_only) + "\n" for r in recs).encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in.jsonl").write_bytes(data)
        _check(list(read_articles(str(folder / "in.jsonl"))), len(recs), folder)
        _check(list(read_articles("-", stdin=io.BytesIO(data))), len(recs), folder)
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
        _check(list(read_articles("-", stdin=io.StringIO(text))), len(recs), folder)


@SETTINGS
@given(st.lists(st.lists(texts, min_size=4, max_size=4), min_size=1, max_size=6), st.sampled_from([",", "\t"]))
def test_csv_and_tsv(rows, sep):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")  # "\n" would leave a lone CR unquoted
    writer.writerow(["id", "outlet", "title", "text"])
    writer.writerows(rows)
    data = out.getvalue().encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / ("in.tsv" if sep == "\t" else "in.csv")
        path.write_bytes(data)
        articles = _read_or_binary(str(path), data)
        if articles is not None:
            _check(articles, len(rows), folder)


@SETTINGS
@given(st.lists(st.tuples(texts, st.booleans()), min_size=1, max_size=5))
def test_folder_of_text_and_html(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        root = folder / "corpus"
        for k, (content, html) in enumerate(files):
            sub = root / f"outlet{k % 2}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"a{k}.{'html' if html else 'txt'}").write_bytes(content.encode("utf-8", "surrogatepass"))
        _check(list(read_articles(str(root))), len(files), folder)


@SETTINGS
@given(st.lists(st.tuples(texts, texts, st.floats(allow_nan=True), values), min_size=1, max_size=5))
def test_parquet(rows):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    clean = [s.encode("utf-8", "replace").decode("utf-8") for r in rows for s in r[:2]]  # Arrow holds no surrogates
    meta = [json.dumps(r[3], allow_nan=True).encode("utf-8", "replace").decode("utf-8") for r in rows]
    table = pa.table({"id": clean[0::2], "text": clean[1::2], "score": [r[2] for r in rows], "meta": meta})
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pq.write_table(table, folder / "in.parquet")
        _check(list(read_articles(str(folder / "in.parquet"))), len(rows), folder)
