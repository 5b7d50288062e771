"""CSV/TSV with an unterminated quote: the broken row is an error naming its line, the rows after it survive."""
from __future__ import annotations

import pytest

from mediacheck.io import InputError, read_articles

PARAGRAPH = ("The council approved the budget on Tuesday after a long debate about school funding and "
             "officials said the plan would add two hundred teachers over three years")


def _read(tmp_path, data: str, name: str = "u.csv", **kw):
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    return list(read_articles(str(path), **kw))


def test_unterminated_quote_recovers_the_rows_after_it(tmp_path):
    b1, b2, b3 = _read(tmp_path, 'id,outlet,text\nb1,O,"ok."\nb2,O,"open\nb3,O,more\n')
    assert (b1.id, b1.text, b1.error) == ("b1", "ok.", "")
    assert (b2.id, b2.outlet, b2.text) == ("b2", "O", "")
    assert b2.error == ("line 3: unterminated quote: the quoted field opened on this line runs to the end of the "
                        "file; the line after it is read again as a row")
    assert (b3.id, b3.outlet, b3.text, b3.error, b3.source) == ("b3", "O", "more", "", f"{tmp_path / 'u.csv'}:4")


@pytest.mark.parametrize("name,sep", [("u.csv", ","), ("u.tsv", "\t")])
def test_rows_after_the_break_keep_their_own_quoting(tmp_path, name, sep):
    rows = [["id", "outlet", "title", "text"],
            ["a1", "Daily", "Budget", '"Council passes budget."'],
            ["a2", "Daily", "Schools", '"unterminated, then the file goes on'],
            ["a3", "Wire", "Teachers", f'"{PARAGRAPH}.\n\nSecond paragraph, quoted ""here"""'],
            ["a4", "Wire", "Vote", "Plain cell."]]
    arts = _read(tmp_path, "\n".join(sep.join(r) for r in rows) + "\n", name)
    assert [a.id for a in arts] == ["a1", "a2", "a3", "a4"]
    assert arts[1].error == ("line 3: unterminated quote: the quoted field opened on this line runs into line 4, "
                             "which starts a row of its own; the line after it is read again as a row")
    assert arts[2].text == f'{PARAGRAPH}.\n\nSecond paragraph, quoted "here"' and not arts[2].error
    assert (arts[3].text, arts[3].outlet) == ("Plain cell.", "Wire")


def test_broken_quote_after_a_multiline_field_names_the_line_it_opened_on(tmp_path):
    data = 'id,title,text\nm1,"Two\nline title","never closed\nm2,T,ok\n'
    m1, m2 = _read(tmp_path, data)
    assert m1.id == "m1" and m1.error.startswith("line 3: unterminated quote") and m1.source.endswith(":2")
    assert (m2.id, m2.text) == ("m2", "ok")


def test_quote_closed_by_the_next_quoted_row_is_unterminated(tmp_path):
    """Before: the opening quote of b3's text "closed" b2's field, so b2 swallowed b3 and came out ok."""
    b1, b2, b3, b4 = _read(tmp_path, 'id,outlet,text\nb1,O,"ok."\nb2,O,"open\nb3,O,"Quoted, as usual."\nb4,O,x\n')
    assert b2.error == ("line 3: unterminated quote: the quoted field opened on this line runs into line 4, which "
                        "starts a row of its own; the line after it is read again as a row")
    assert (b3.id, b3.text, b4.text) == ("b3", "Quoted, as usual.", "x")


def test_sloppy_quotes_inside_one_line_are_still_read_leniently(tmp_path):
    (art,) = _read(tmp_path, 'id,title,text\ns1,"The "big" vote",Body.\n')
    assert (art.title, art.text, art.error) == ('The big" vote"', "Body.", "")


def test_runaway_quote_past_max_bytes_recovers_the_rows_it_swallowed(tmp_path):
    """Reading stops at --max-bytes instead of holding the rest of a big file as one cell."""
    rows = [f"r{k},Daily,Story {k} text." for k in range(60)]
    rows[3] = 'r3,Daily,"broken'
    arts = _read(tmp_path, "id,outlet,text\n" + "\n".join(rows) + "\n", max_bytes=512)
    assert [a.id for a in arts] == [f"r{k}" for k in range(60)]
    assert arts[3].error.startswith("line 5: unterminated quote: the quoted field opened on this line runs past "
                                    "the 512 bytes limit (--max-bytes)")
    assert [a.error for a in arts[4:]] == [""] * 56 and arts[59].text == "Story 59 text."


def test_one_big_multiline_field_is_one_error_not_many(tmp_path):
    """Prose lines do not look like rows: the field is just too big, and the row after it is read."""
    big = "\n".join(f"{PARAGRAPH} {k}." for k in range(30))
    big_row, after = _read(tmp_path, f'id,text\nbig,"{big}"\nnext,"After."\n', max_bytes=1024)
    assert big_row.id == "line-2" and big_row.error.startswith("line 2: record is ")
    assert big_row.error.endswith("over the 1 KiB limit (--max-bytes)")
    assert (after.id, after.text) == ("next", "After.")


def test_unterminated_quote_in_the_header_is_an_input_error(tmp_path):
    (tmp_path / "h.csv").write_text('id,"text\nx,y\n', encoding="utf-8")
    with pytest.raises(InputError, match="unterminated quote in the CSV header"):
        read_articles(str(tmp_path / "h.csv"))
