"""`clean -` / `score -` stream: a record comes out while the input is still being read, with a bounded lag."""
from __future__ import annotations

import io
import json
import sys

import mediacheck.cleaning as cleaning
from mediacheck.cleaning import clean_many
from mediacheck.model import Article
from mediacheck.scoring import score_many

BODY = ("The council approved the budget on Tuesday after a long debate. Officials said the vote may "
        "delay other projects.")


def _stream(n: int, read: list[int]):
    for k in range(n):
        read.append(k)
        yield Article(id=f"a{k}", outlet=f"o{k % 3}", text=f"Headline number {k}\n\n{BODY}\n\nShare this article")


def test_clean_many_lag_is_bounded_by_the_template_window(monkeypatch):
    monkeypatch.setattr(cleaning, "TEMPLATE_WINDOW", 50)
    read: list[int] = []
    lags = []
    for k, c in enumerate(clean_many(_stream(400, read))):
        assert c.id == f"a{k}"
        lags.append(len(read) - k)
    assert max(lags) <= 51 and lags[-1] == 1                 # a window of 50, then one in, one out


def test_score_many_streams_one_record_at_a_time():
    read: list[int] = []
    for k, s in enumerate(score_many(_stream(60, read), clean=False, tone=False)):
        assert s.id == f"a{k}" and len(read) == k + 1


def test_clean_stdin_to_stdout_keeps_every_record(monkeypatch, capsys):
    from mediacheck.cli import main

    lines = "".join(json.dumps({"id": f"r{k}", "outlet": "x", "text": f"Title {k}\n\n{BODY}"}) + "\n"
                    for k in range(300))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode()), encoding="utf-8"))
    assert main(["clean", "-", "-q"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in out] == [f"r{k}" for k in range(300)]
