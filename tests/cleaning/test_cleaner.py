"""The cleaner's record contract: empty/error inputs, huge and odd inputs, HTML input, byline/dateline fields,
and what ``as_article`` accepts."""
from __future__ import annotations

import importlib.util
import re
import tracemalloc

import pytest

from mediacheck.cleaning import as_article, clean, clean_article, clean_many, clean_text
from mediacheck.model import Article, CleanArticle
from tests.workcount import count_calls as _work

MODES = [pytest.param(None, id="default-model"), pytest.param(False, id="rules-only")]

P1 = ("The city council voted on Tuesday to approve a new budget that raises spending on public transit by "
      "twelve percent, officials said after a lengthy session.")
P2 = ("Critics argued that the plan relies on optimistic revenue forecasts, while supporters said the investment "
      "was long overdue for a region whose buses are among the oldest in the country.")
P3 = ("The mayor is expected to sign the measure next week, according to a spokesperson, and the first new buses "
      "could be on the road by the autumn.")
HEADLINE = "Council approves transit budget after marathon session"


# --- empty and error records ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n\n", " \t \r\n \u00a0 \n", "\u2028\u2029"])
@pytest.mark.parametrize("classifier", MODES)
def test_empty_or_whitespace_input_is_empty(text: str, classifier) -> None:
    r = clean(text, classifier=classifier)
    assert r.status == "empty"
    assert r.message
    assert r.text == "" and r.title == "" and r.removed == ()


def test_empty_article_keeps_its_metadata() -> None:
    art = Article(id="a1", text="", outlet="planet", url="https://planet.example/x", published="2019-11-18",
                  source="in.jsonl:3")
    r = clean(art)
    assert (r.id, r.outlet, r.url, r.published, r.source, r.status) == (
        "a1", "planet", "https://planet.example/x", "2019-11-18", "in.jsonl:3", "empty")


def test_all_boilerplate_is_empty_with_every_line_explained() -> None:
    r = clean("Skip to content\n\nHome\n\nShare this article\n\n© 2019 The Daily Planet. All rights reserved.",
              classifier=False)
    assert r.status == "empty"
    assert [x.rule for x in r.removed] == ["BP_SKIP_LINK", "BP_MENU", "BP_SHARE", "BP_FOOTER"]


def test_error_article_gives_error_record_with_message() -> None:
    art = Article(id="broken", text="ignored text", outlet="planet", error="could not decode: invalid UTF-8 at 17",
                  warnings=("guessed encoding",))
    r = clean(art)
    assert r.status == "error"
    assert r.message == "could not decode: invalid UTF-8 at 17"
    assert r.id == "broken" and r.outlet == "planet"
    assert r.text == "" and r.removed == ()
    assert r.warnings == ("guessed encoding",)


def test_error_article_in_a_batch() -> None:
    out = list(clean_many([Article(id="ok", text=f"{HEADLINE}\n\n{P1}\n\n{P2}"), Article(id="bad", error="boom")],
                          classifier=False))
    assert [r.status for r in out] == ["ok", "error"]
    assert out[1].message == "boom"


def test_ok_record_shape() -> None:
    r = clean(f"{HEADLINE}\n\n{P1}\n\n{P2}\n\n{P3}", classifier=False)
    assert r.status == "ok" and r.message == ""
    assert r.title == HEADLINE
    assert r.text == f"{P1}\n\n{P2}\n\n{P3}"
    d = r.to_dict()
    assert d["removed"] == [{"text": HEADLINE, "rule": "HL_TITLE", "line": 1}]
    assert isinstance(d["headline_variants"], list)


def test_clean_text_returns_the_record_fields() -> None:
    fields = clean_text(f"{HEADLINE}\n\n{P1}\n\n{P2}", classifier=False)
    assert set(fields) >= {"title", "subtitle", "byline", "dateline", "text", "headline_variants", "removed"}
    assert fields["title"] == HEADLINE


# --- huge and odd inputs -------------------------------------------------------------------------------

def _megabytes(n: int, unit: str, end: str = "") -> str:
    return (unit * (n // len(unit) + 1))[: n - len(end)] + end


def _single_line(kind: str, n: int) -> str:
    return {
        "prose": _megabytes(n, "The council voted on Tuesday to approve the budget, officials said. ", end="."),
        "words": _megabytes(n, "word "),
        "blob": "x" * n,
    }[kind]




@pytest.mark.parametrize("kind", ["prose", "words", "blob"])
@pytest.mark.parametrize("classifier", MODES)
def test_five_megabyte_single_line_stays_within_memory(kind: str, classifier) -> None:
    """Regression: a 50 MB one-line article peaked at 960 MB RSS in `mediacheck clean` (a list of every word,
    twice; for non-ASCII text also a 12-bytes-a-character case-folding buffer). Traced peak was 11-14 bytes per
    input character for prose and words; now 2-3 (a collapsed copy of the line, 64 K windows)."""
    clean("Warm up.\n\n" + P1, classifier=classifier)
    text = _single_line(kind, 5_000_000)
    tracemalloc.start()
    try:
        r = clean(text, classifier=classifier)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(r, CleanArticle) and r.status in ("ok", "empty")
    assert peak < 5 * len(text), f"{peak / len(text):.1f} bytes per character"
    if kind == "prose":
        assert r.status == "ok" and r.text == text         # nothing to clean: the very same text comes back


@pytest.mark.parametrize("kind", ["prose", "words"])
def test_single_line_cleaning_work_grows_linearly(kind: str) -> None:
    """A 4x longer line costs at most about 4x the work (function calls, not seconds)."""
    small, large = _single_line(kind, 250_000), _single_line(kind, 1_000_000)
    clean(large)                                        # warm caches and imports
    w1, w4 = _work(lambda: clean(small)), _work(lambda: clean(large))
    assert w4 <= 4.5 * w1, (w1, w4)


@pytest.mark.parametrize(("classifier", "outside_body"), [
    # The NUL inside "Skip\x00 to content" hides it from BP_SKIP_LINK: the line model keeps it and the NUL-only
    # line as body, the rules-only body zone drops both as outside the prose span.
    pytest.param(None, [], id="default-model"),
    pytest.param(False, [(1, "Skip\x00 to content"), (7, "\x00")], id="rules-only"),
])
def test_nul_and_control_characters_do_not_raise(classifier, outside_body) -> None:
    text = f"Skip\x00 to content\n\n{HEADLINE}\x00\n\n{P1[:40]}\x00{P1[40:]}\n\n\x00\n\n\x1b[31m{P2}\x07\n\n\ufeff{P3}"
    r = clean(text, classifier=classifier)
    assert r.status == "ok" and r.title == f"{HEADLINE}\x00"
    expected = sorted([(3, f"{HEADLINE}\x00", "HL_TITLE"), *((n, t, "BP_OUTSIDE_BODY") for n, t in outside_body)])
    assert [(x.line, x.text, x.rule) for x in r.removed] == expected
    kept = r.text.split("\n\n")
    assert all(p in kept for p in (f"{P1[:40]}\x00{P1[40:]}", f"\x1b[31m{P2}\x07", f"\ufeff{P3}"))


@pytest.mark.parametrize("text", ["\x00", "\x00" * 1000, "\ud800 lone surrogate", "\r\r\r", "\x0b\x0c\x1c\x1d"])
def test_degenerate_text_does_not_raise(text: str) -> None:
    assert clean(text).status in ("ok", "empty")


def test_very_many_short_lines() -> None:
    text = "\n".join(["Home", "Share", "Latest", P1] * 20_000)
    r = clean(text)
    assert len(r.removed) + len([s for s in r.text.split("\n") if s]) == 80_000


def test_work_on_many_short_lines_grows_linearly() -> None:
    """4x the lines cost at most about 4x the work (function calls, not seconds): no step compares every line
    with every other line."""
    def page(n: int) -> str:
        return "\n".join(["Home", "Share", "Latest", P1, P2, f"Story {n}"] * n)

    clean(page(4_000))                                  # warm the per-line caches
    w1, w4 = _work(lambda: clean(page(1_000))), _work(lambda: clean(page(4_000)))
    assert w4 <= 4.5 * w1, (w1, w4)


# --- HTML input ----------------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{HEADLINE} | Springfield Gazette</title>
  <meta property="og:title" content="{HEADLINE}">
  <meta property="article:published_time" content="2019-11-18T10:00:00Z">
  <script>var tracking = "HEAD_SCRIPT";</script>
</head>
<body>
  <header class="site-header">
    <a href="/">Springfield Gazette</a>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
      <li><a href="/weather">Weather outlook for the weekend</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>{HEADLINE}</h1>
      <p class="byline">By Jane Doe</p>
      <p>{P1}</p>
      <p>{P2}</p>
      <p>{P3}</p>
    </article>
  </main>
  <footer><p>© 2019 Springfield Gazette. All rights reserved.</p><a href="/privacy">Privacy Policy</a></footer>
  <script>var BODY_SCRIPT = 1;</script>
</body>
</html>
"""

NAV_TEXT = ("Home", "Politics", "Weather outlook for the weekend")


HAS_TRAFILATURA = importlib.util.find_spec("trafilatura") is not None
EXTRACTORS = [pytest.param("builtin", id="builtin"),
              pytest.param("auto", id="auto", marks=pytest.mark.skipif(not HAS_TRAFILATURA,
                                                                       reason="trafilatura not installed"))]


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("classifier", MODES)
def test_html_input_gives_title_and_body_without_nav(classifier, extractor: str) -> None:
    r = clean(Article(id="page", html=PAGE), classifier=classifier, extractor=extractor)
    assert r.status == "ok"
    assert r.title == HEADLINE
    assert r.text.split("\n\n") == [P1, P2, P3]
    for s in NAV_TEXT + ("HEAD_SCRIPT", "BODY_SCRIPT", "Springfield Gazette", "Privacy Policy"):
        assert s not in r.text
    assert r.published.startswith("2019-11-18")
    removed = {x.text: x.rule for x in r.removed}
    assert all(removed[s].startswith("HTML_") for s in NAV_TEXT)


@pytest.mark.parametrize("classifier", MODES)
def test_html_byline_line_fills_byline_builtin(classifier) -> None:
    r = clean(Article(id="page", html=PAGE), classifier=classifier, extractor="builtin")
    assert r.byline == "By Jane Doe"


@pytest.mark.skipif(not HAS_TRAFILATURA, reason="trafilatura not installed")
def test_html_byline_line_fills_byline_auto() -> None:
    r = clean(Article(id="page", html=PAGE), classifier=False, extractor="auto")
    assert r.byline == "By Jane Doe"


@pytest.mark.skipif(not HAS_TRAFILATURA, reason="trafilatura not installed")
def test_huge_html_skips_trafilatura_with_a_warning(monkeypatch) -> None:
    """trafilatura's memory is about 25x the page: over TRAFILATURA_MAX_CHARS the builtin pruner cleans the page,
    exactly as extractor='builtin' would, and the record says so."""
    from mediacheck.cleaning import cleaner, extract

    monkeypatch.setattr(cleaner, "TRAFILATURA_MAX_CHARS", len(PAGE) - 1)
    monkeypatch.setattr(extract, "main_content", lambda html: pytest.fail("trafilatura ran on a huge page"))
    r = clean(Article(id="page", html=PAGE), extractor="auto")
    builtin = clean(Article(id="page", html=PAGE), extractor="builtin")
    assert (r.text, r.title, r.removed) == (builtin.text, builtin.title, builtin.removed)
    (note,) = [w for w in r.warnings if w not in builtin.warnings]
    assert re.fullmatch(r"HTML is \d+\.\d MiB, over the \d+\.\d MiB limit for trafilatura \(memory\): "
                        r"extracted with the builtin pruner", note)


@pytest.mark.parametrize("classifier", MODES)
def test_html_title_from_h1_without_meta(classifier) -> None:
    page = PAGE.replace(f'<meta property="og:title" content="{HEADLINE}">', "").replace(
        f"<title>{HEADLINE} | Springfield Gazette</title>", "<title>Springfield Gazette</title>")
    r = clean(Article(id="page", html=page), classifier=classifier, extractor="builtin")
    assert r.title == HEADLINE
    assert r.text.split("\n\n") == [P1, P2, P3]


def test_html_title_from_og_title_when_h1_differs() -> None:
    og = "Springfield council backs bigger transit budget"
    page = PAGE.replace(f'<meta property="og:title" content="{HEADLINE}">',
                        f'<meta property="og:title" content="{og}">')
    r = clean(Article(id="page", html=page))
    assert r.title == og
    assert HEADLINE not in r.text


def test_html_dict_input() -> None:
    r = clean({"id": "d1", "html": PAGE, "outlet": "gazette"})
    assert (r.id, r.outlet, r.title) == ("d1", "gazette", HEADLINE)


def test_empty_and_garbage_html_do_not_raise() -> None:
    assert clean(Article(id="e", html="")).status == "empty"
    assert clean(Article(id="e", html="<html><body><script>x()</script></body></html>")).status == "empty"
    assert clean(Article(id="e", html="<<<>>>\x00</p></div>")).status in ("ok", "empty")


# --- byline and dateline fields ------------------------------------------------------------------------

@pytest.mark.parametrize("classifier", MODES)
def test_byline_and_dateline_fields(classifier) -> None:
    text = f"Home\n\n{HEADLINE}\n\nBy Jane Doe\n\nPublished November 18, 2019\n\n{P1}\n\n{P2}\n\n{P3}\n"
    r = clean(text, classifier=classifier)
    assert r.byline == "By Jane Doe"
    assert r.dateline == "Published November 18, 2019"
    assert r.title == HEADLINE
    rules = {x.text: x.rule for x in r.removed}
    assert rules["By Jane Doe"] == "BP_BYLINE"
    assert rules["Published November 18, 2019"] == "BP_DATELINE"
    assert "Jane Doe" not in r.text and "November 18" not in r.text


def test_first_byline_and_dateline_win() -> None:
    text = (f"{HEADLINE}\n\nBy Jane Doe, Reuters\n\nNovember 18, 2019 11:03 PM\n\n{P1}\n\n{P2}\n\n"
            "By John Roe\n\nUpdated November 19, 2019\n")
    r = clean(text, classifier=False)
    assert r.byline == "By Jane Doe, Reuters"
    assert r.dateline == "November 18, 2019 11:03 PM"


# --- as_article ----------------------------------------------------------------------------------------

def test_as_article_accepts_str() -> None:
    a = as_article("some text")
    assert isinstance(a, Article) and a.text == "some text" and a.id == "text"
    assert as_article("x", id="doc-7").id == "doc-7"


def test_as_article_accepts_article_unchanged() -> None:
    art = Article(id="a", text="t", outlet="o")
    assert as_article(art) is art


def test_as_article_accepts_dict() -> None:
    a = as_article({"id": 12, "text": "body", "title": "T", "url": "https://x.example/a", "extra": [1, 2],
                    "published": None})
    assert a.id == "12" and a.text == "body" and a.title == "T" and a.url == "https://x.example/a"
    assert a.published == ""
    assert a.meta == {"extra": [1, 2], "published": None}


@pytest.mark.parametrize("bad", [42, 3.5, None, b"bytes", ["text"], ("text",)])
def test_as_article_rejects_other_types(bad) -> None:
    with pytest.raises(TypeError):
        as_article(bad)
    with pytest.raises(TypeError):
        clean(bad)


def test_clean_article_takes_known_title_from_article() -> None:
    r = clean_article(Article(id="t", text=f"Home\n\n{HEADLINE}\n\n{P1}\n\n{P2}", title=HEADLINE), classifier=False)
    assert r.title == HEADLINE
    assert [x.rule for x in r.removed] == ["BP_MENU", "HL_TITLE"]
