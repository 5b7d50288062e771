"""Smoke tests of the peer cleaners in benchmarks/peers.py."""

from __future__ import annotations

import pytest

from benchmarks.peers import c4_keep_line, c4_line_filter, lines_to_html, no_cleaning

PROSE = (
    "The city council voted on Tuesday to expand the bus network, adding four new routes that will connect "
    "the northern suburbs with the hospital and the university. The mayor said the plan would be paid for "
    "by a grant from the state and that the first buses should run before the end of the year."
)
PAGE = f"Home\n\nMenu\n\nEnable javascript to view.\n\n{PROSE}\n\nShare on Facebook\n\n© 2024 Example News\n"


def test_c4_keeps_sentences_and_drops_boilerplate():
    assert c4_line_filter("The cat sat on the mat.") == "The cat sat on the mat."
    assert c4_line_filter("Home") == ""
    assert c4_line_filter("Enable javascript to view.") == ""
    assert c4_line_filter(PAGE) == PROSE


@pytest.mark.parametrize("line,kept", [
    ("Is the cat on the mat?", True),
    ("“The cat sat on the mat,” she said.", True),
    ("She said: “The cat sat on the mat.”", True),
    ("Two words.", False),                               # fewer than 3 words
    ("The cat sat on the mat", False),                   # no terminal punctuation
    ("This site uses cookies to improve your experience.", False),
    ("Read our privacy policy for details.", False),
])
def test_c4_line_rules(line, kept):
    assert (c4_keep_line(line) is not None) is kept


def test_c4_ellipsis_and_citations():
    assert c4_keep_line("And the story goes on...") == "And the story goes on..."
    assert c4_keep_line("And the story goes on...", drop_ellipsis=True) is None
    assert c4_keep_line("The cat sat on the mat.[1]") == "The cat sat on the mat."


def test_no_cleaning_and_html_wrapping():
    assert no_cleaning("  a  \n\n b \n") == "a\nb"
    page = lines_to_html("a < b & c\n\nsecond")
    assert "<p>a &lt; b &amp; c</p>" in page and "<p>second</p>" in page


def test_justext_lines():
    pytest.importorskip("justext")
    from benchmarks.peers import justext_lines

    out = justext_lines(PAGE)
    assert "bus network" in out and "Home" not in out.splitlines()
    assert justext_lines("") == ""


def test_trafilatura_lines_and_html():
    pytest.importorskip("trafilatura")
    from benchmarks.peers import trafilatura_html, trafilatura_lines

    assert "bus network" in trafilatura_lines(PAGE)
    assert trafilatura_lines("") == ""
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Buses</h1>"
        + f"<p>{PROSE}</p>" * 3
        + "</article><footer>© 2024 Example News</footer></body></html>"
    )
    out = trafilatura_html(html)
    assert "bus network" in out and "Example News" not in out
    assert trafilatura_html("") == ""
