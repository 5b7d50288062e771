"""read_articles: every input record comes out as an Article, bad ones with ``error`` set."""
from __future__ import annotations

import io
import json

import pytest

from mediacheck.io import InputError, ReadStats, read_articles

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"


def _write(path, data: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# ------------------------------------------------------------------------------------------------ folders / files


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    _write(root / "bbc" / "a.txt", "Headline\r\n\r\nBody text.")
    _write(root / "bbc" / "2024" / "b.html", "<html><body><p>Hi</p></body></html>")
    _write(root / "guardian" / "c.text", b"Caf\xe9 \x93quoted\x94")
    _write(root / "guardian" / "empty.txt", b"")
    _write(root / "guardian" / "logo.txt", PNG)
    _write(root / "guardian" / "image.png", PNG)  # other extension: skipped, not a record
    _write(root / "guardian" / ".hidden.txt", "hidden")
    _write(root / ".git" / "x.txt", "hidden folder")
    _write(root / "top.txt", "no outlet folder")
    return root


def test_directory_walk(corpus):
    stats = ReadStats()
    arts = list(read_articles(str(corpus), stats=stats))
    assert [a.id for a in arts] == ["bbc/2024/b", "bbc/a", "guardian/c", "guardian/empty", "guardian/logo", "top"]
    by_id = {a.id: a for a in arts}
    assert [by_id[i].outlet for i in ("bbc/a", "bbc/2024/b", "guardian/c", "top")] == ["bbc", "bbc", "guardian", ""]
    assert by_id["bbc/a"].text == "Headline\n\nBody text." and by_id["bbc/a"].html == ""
    assert by_id["bbc/2024/b"].html.startswith("<html>") and by_id["bbc/2024/b"].text == ""
    assert by_id["guardian/c"].text == "Café “quoted”"
    assert by_id["guardian/c"].warnings == ("decoded as cp1252 (guessed; input was not valid UTF-8)",)
    assert by_id["guardian/empty"].text == "" and not by_id["guardian/empty"].error
    assert by_id["guardian/logo"].error == "binary file (PNG image), not text"
    assert by_id["bbc/a"].source == str(corpus / "bbc" / "a.txt")
    assert (stats.records, stats.errors, stats.skipped_files) == (6, 1, 3)
    assert stats.skipped == {"not .txt/.html": 1, "hidden": 2}  # image.png; .hidden.txt and the .git folder


def test_directory_outlet_argument_wins(corpus):
    assert {a.outlet for a in read_articles(str(corpus), outlet="wire")} == {"wire"}


def test_directory_file_over_limit(tmp_path):
    _write(tmp_path / "big.txt", "x" * 3000)
    _write(tmp_path / "ok.txt", "fine")
    arts = list(read_articles(str(tmp_path), max_bytes=2048))
    assert arts[0].error == "file is 2.9 KiB, over the 2 KiB limit (--max-bytes)"
    assert arts[1].text == "fine"


def test_html_meta_charset_used_when_not_utf8(tmp_path):
    page = '<html><head><meta charset="windows-1251"></head><body>Привет мир</body></html>'.encode("cp1251")
    (art,) = read_articles(str(_write(tmp_path / "p.html", page)))
    assert "Привет мир" in art.html
    assert art.warnings == ("decoded as windows-1251 (declared; input was not valid UTF-8)",)


def test_single_files(tmp_path):
    (art,) = read_articles(str(_write(tmp_path / "story.txt", "Body")), outlet="ap")
    assert (art.id, art.text, art.outlet) == ("story", "Body", "ap")
    (art,) = read_articles(str(_write(tmp_path / "page.htm", "<p>x</p>")))
    assert (art.id, art.html) == ("page", "<p>x</p>")
    (art,) = read_articles(str(_write(tmp_path / "notes.dat", "forced")), fmt="txt")
    assert art.text == "forced"


def test_twenty_mb_single_line(tmp_path):
    path = _write(tmp_path / "huge.txt", "word " * 4_000_000)
    (art,) = read_articles(str(path))
    assert len(art.text) == 20_000_000 and not art.error and not art.warnings


def test_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles(str(tmp_path / "missing.jsonl"))
    with pytest.raises(InputError, match="no such file"):
        read_articles(str(tmp_path / "missing"))
    with pytest.raises(InputError, match="unknown input format '.xyz'"):
        read_articles(str(_write(tmp_path / "data.xyz", "x")))
    with pytest.raises(InputError, match="unknown input format 'yaml'"):
        read_articles(str(tmp_path), fmt="yaml")
    with pytest.raises(InputError, match="binary file \\(GZIP archive\\)"):
        read_articles(str(_write(tmp_path / "a.jsonl", b"\x1f\x8b\x08\x00rest")))
    with pytest.raises(InputError, match="no 'text' or 'html' column"):
        read_articles(str(_write(tmp_path / "a.csv", "id,body\n1,x\n")))


# ------------------------------------------------------------------------------------------------ JSONL


def _jsonl(*lines) -> str:
    return "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"


def test_jsonl_malformed_line_in_the_middle(tmp_path):
    path = _write(tmp_path / "in.jsonl", _jsonl(
        {"id": 1, "text": "one", "outlet": "bbc", "extra": [1, 2]},
        {"id": "2", "html": "<p>two</p>", "url": "https://x", "published": "2024-01-02"},
        '{"id": "3", "text": "broken',
        "",
        {"text": "no id"},
        {"id": "6", "text": "six"},
    ))
    arts = list(read_articles(str(path), outlet="default"))
    good = [a for a in arts if not a.error]
    bad = [a for a in arts if a.error]
    assert len(arts) == 5 and len(good) == 4 and len(bad) == 1  # 5 records in = 4 out + 1 error
    assert bad[0].id == "line-3"
    assert bad[0].error.startswith("line 3: invalid JSON: Unterminated string")
    assert bad[0].source == f"{path}:3"
    one, two, noid, six = good
    assert (one.id, one.text, one.outlet, one.meta) == ("1", "one", "bbc", {"extra": [1, 2]})
    assert (two.html, two.text, two.url, two.published, two.outlet) == ("<p>two</p>", "", "https://x",
                                                                        "2024-01-02", "default")
    assert noid.id == "line-5" and six.source == f"{path}:6"


def test_jsonl_record_errors_and_duplicates(tmp_path):
    path = _write(tmp_path / "in.ndjson", _jsonl(
        {"id": "a", "title": "no body"}, [1, 2], {"id": "b", "text": ["list"]}, {"id": "c", "text": "x"},
        {"id": "c", "text": "again"}))
    a, arr, b, c1, c2 = read_articles(str(path))
    assert a.error == "line 1: record has neither 'text' nor 'html'"
    assert arr.error == "line 2: record is an array, expected an object"
    assert b.error == "line 3: field 'text' is a list, expected a string"
    assert not c1.warnings and not c2.error
    assert (c2.id, c2.input_id, c2.warnings) == ("c#2", "c", ("duplicate id 'c': renamed c#2",))


def test_jsonl_over_long_line_skipped_in_bounded_memory(tmp_path):
    path = _write(tmp_path / "in.jsonl", _jsonl({"id": "big", "text": "x" * 5000}, {"id": "ok", "text": "y"}))
    big, ok = read_articles(str(path), max_bytes=1024)
    assert big.error.startswith("line 1: record is 4.9 KiB, over the 1 KiB limit")
    assert ok.text == "y"


def test_jsonl_non_utf8_and_bom(tmp_path):
    data = b'\xef\xbb\xbf{"id": "1", "text": "plain"}\n{"id": "2", "text": "Caf\xe9 cr\xe8me"}\n'
    first, second = read_articles(str(_write(tmp_path / "in.jsonl", data)))
    assert first.text == "plain" and not first.warnings  # ASCII-only: nothing was guessed for it
    assert second.text == "Café crème"
    assert second.warnings == ("decoded as cp1252 (guessed; input was not valid UTF-8)",)
    late = "".join(json.dumps({"id": str(i), "text": "é" * 100}) + "\n" for i in range(1000)).encode()
    late += b'{"id": "late", "text": "na\xefve"}\n'
    *ok, bad = read_articles(str(_write(tmp_path / "late.jsonl", late)))
    assert len(ok) == 1000 and not any(a.warnings for a in ok)
    assert bad.text == "naïve" and "cp1252" in bad.warnings[0]
    utf16 = _jsonl({"id": "1", "text": "Grüße"}).encode("utf-16")
    (art,) = read_articles(str(_write(tmp_path / "u16.jsonl", utf16)))
    assert art.text == "Grüße" and not art.warnings


def test_stdin_jsonl():
    stdin = io.BytesIO(_jsonl({"id": "s1", "text": "from stdin"}, "nope").encode())
    good, bad = read_articles("-", stdin=stdin)
    assert (good.id, good.text, good.source) == ("s1", "from stdin", "<stdin>:1")
    assert bad.error.startswith("line 2: invalid JSON")


def test_stdin_csv_via_fmt():
    (art,) = read_articles("-", fmt="csv", stdin=io.StringIO("id,text\nq,hello\n"))
    assert (art.id, art.text) == ("q", "hello")


# ------------------------------------------------------------------------------------------------ CSV


def test_csv_broken_row_in_the_middle(tmp_path):
    path = _write(tmp_path / "in.csv", (
        "id,text,outlet,section\r\n"
        "1,\"multi\r\nline\",bbc,world\r\n"
        "2,only two cells\r\n"
        "3,\"three, with comma\",,uk\r\n"
    ))
    one, two, three = read_articles(str(path), outlet="fallback")
    assert (one.id, one.text, one.outlet, one.meta, one.source) == ("1", "multi\nline", "bbc",
                                                                    {"section": "world"}, f"{path}:2")
    assert two.error == "line 4: expected 4 cells, found 2" and two.id == "line-4"
    assert (three.text, three.outlet, three.source) == ("three, with comma", "fallback", f"{path}:5")


def test_csv_cp1252_warns_on_each_record(tmp_path):
    data = "id,text\n1,Caf\xe9 au lait\n2,“quoted”\n3,plain\n".encode("cp1252")
    arts = list(read_articles(str(_write(tmp_path / "in.csv", data))))
    assert [a.text for a in arts] == ["Café au lait", "“quoted”", "plain"]
    warning = ("decoded as cp1252 (guessed; input was not valid UTF-8)",)
    assert [a.warnings for a in arts] == [warning, warning, ()]


def test_tsv_and_empty_text_cell(tmp_path):
    path = _write(tmp_path / "in.tsv", "id\ttext\thtml\na\t\t<p>h</p>\nb\t\t\n")
    a, b = read_articles(str(path))
    assert (a.html, a.text) == ("<p>h</p>", "")
    assert (b.text, b.html, b.error) == ("", "", "")  # empty article: the cleaner marks it `empty`


def test_csv_huge_field(tmp_path):
    path = _write(tmp_path / "in.csv", "id,text\n1," + "z" * 200_000 + "\n")
    (art,) = read_articles(str(path))
    assert len(art.text) == 200_000


# ------------------------------------------------------------------------------------------------ Parquet


def test_parquet_records(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "in.parquet"
    table = pa.table({"id": [1, 2, None], "text": ["one", None, "three"], "html": [None, None, None],
                      "outlet": ["bbc", None, "x"], "score": [0.5, 1.0, 2.0]})
    pq.write_table(table, path)
    one, two, three = read_articles(str(path), outlet="dflt")
    assert (one.id, one.text, one.outlet, one.meta) == ("1", "one", "bbc", {"score": 0.5})
    assert two.error == "record has neither 'text' nor 'html'" and two.outlet == "dflt"
    assert (three.id, three.source) == ("row-3", f"{path}:3")


def test_parquet_needs_extra(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(InputError, match=r"needs the 'parquet' extra"):
        read_articles(str(_write(tmp_path / "x.parquet", b"PAR1")))
