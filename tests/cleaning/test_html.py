"""html_to_text: scraped-format rendering, boilerplate pruning with reason codes, guards, metadata, robustness."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from mediacheck.cleaning.html import HtmlDoc, html_to_text
from tests.workcount import count_calls

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
RENDER_SCRAPED = SHARED / "tools" / "render_scraped.py"
DATA = SHARED / "data" / "clean" / "scrapinghub.jsonl"

PARA1 = (
    "The city council voted on Tuesday to approve a new budget that raises spending on public transit "
    "by twelve percent, officials said after a lengthy session."
)
PARA2 = (
    "Critics argued that the plan relies on optimistic revenue forecasts, while supporters said the "
    "investment was long overdue for a region whose buses are among the oldest in the country."
)
PARA3 = "The mayor is expected to sign the measure next week, according to a spokesperson."

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council approves transit budget | Springfield Gazette</title>
  <meta property="og:title" content="Council approves transit budget">
  <meta property="article:published_time" content="2024-03-05T10:00:00Z">
  <meta name="author" content="Jane Doe">
  <style>body {{ color: red; }}</style>
  <script>var tracking = "HEAD_SCRIPT";</script>
</head>
<body>
  <header class="site-header">
    <a href="/">Springfield Gazette</a>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav>
  </header>
  <main>
    <article>
      <header><h1>Council approves transit budget</h1><p class="byline">By Jane Doe</p></header>
      <div class="header-share-buttons"><a href="#fb">Share on Facebook</a> <a href="#tw">Tweet</a></div>
      <p>{PARA1}</p>
      <script>document.write("BODY_SCRIPT");</script>
      <p>{PARA2}</p>
      <div class="shared-content"><p>{PARA3}</p></div>
    </article>
    <aside><h3>Most read</h3><ul><li><a href="/a">Some other story</a></li></ul></aside>
  </main>
  <form action="/subscribe"><label>Email</label><input name="email"><button>Sign up</button></form>
  <footer><p>Copyright 2024 Springfield Gazette</p></footer>
  <noscript>Please enable JavaScript</noscript>
</body>
</html>
"""


def blocks(doc: HtmlDoc) -> list[str]:
    return [line for line in doc.text.split("\n") if line]


def codes(doc: HtmlDoc) -> dict[str, str]:
    return {text: code for text, code in doc.dropped}


def test_article_text_kept_and_boilerplate_dropped_with_codes():
    doc = html_to_text(PAGE)
    lines = blocks(doc)
    assert PARA1 in lines and PARA2 in lines and PARA3 in lines
    assert "Council approves transit budget" in lines  # header inside <article> is kept
    dropped = codes(doc)
    assert dropped["Home"] == "HTML_HEADER"  # a <nav> inside the page header: the outermost reason wins
    assert dropped["Springfield Gazette"] == "HTML_HEADER"  # page <header> outside article/main
    assert dropped["Copyright 2024 Springfield Gazette"] == "HTML_FOOTER"
    assert dropped["Most read"] == "HTML_ASIDE"
    assert dropped["Sign up"] == "HTML_FORM"
    assert dropped["Share on Facebook Tweet"] == "HTML_ATTR"  # "header-share-buttons" has token "share"
    for text in dropped:
        assert text not in lines


def test_nav_code_for_standalone_nav():
    doc = html_to_text(f"<html><body><nav><a href='/'>Home</a></nav><p>{PARA1}</p></body></html>")
    assert ("Home", "HTML_NAV") in doc.dropped
    assert doc.text == PARA1 + "\n"


def test_attribute_tokens_match_whole_tokens_only():
    page = f"""<html><body>
      <div class="share-buttons"><a href="#">Share</a></div>
      <div id="sharedContent">Shared content stays</div>
      <div class="shared-content">Shared too</div>
      <div class="breadcrumbs">Home / News</div>
      <div class="navbar-top">Menu links</div>
      <p>{PARA1}</p><p>{PARA2}</p>
    </body></html>"""
    doc = html_to_text(page)
    dropped = codes(doc)
    assert dropped == {"Share": "HTML_ATTR", "Home / News": "HTML_ATTR", "Menu links": "HTML_ATTR"}
    assert "Shared content stays" in doc.text and "Shared too" in doc.text


def test_related_wrapper_around_whole_article_is_not_dropped():
    page = f"""<html><body>
      <div class="related-wrapper">
        <h1>Headline</h1><p>{PARA1}</p><p>{PARA2}</p><p>{PARA3}</p>
        <div class="related-links"><a href="/x">Other story</a></div>
      </div>
    </body></html>"""
    doc = html_to_text(page)
    assert PARA1 in doc.text and PARA2 in doc.text and PARA3 in doc.text
    assert codes(doc) == {"Other story": "HTML_ATTR"}  # the small inner "related" box still goes


def test_article_and_main_and_their_ancestors_never_pruned():
    page = f"""<html><body>
      <div class="sidebar-layout"><main class="comments"><article class="promo">
        <p>{PARA1}</p><p>{PARA2}</p>
      </article></main></div>
      <div class="sidebar"><p>{PARA3} {PARA3} {PARA3}</p></div>
    </body></html>"""
    doc = html_to_text(page)
    assert PARA1 in doc.text and PARA2 in doc.text
    assert all(code == "HTML_ATTR" for _, code in doc.dropped) and len(doc.dropped) == 1


def test_pruning_never_removes_page_without_semantic_markup():
    # every block sits in a "footer"-classed element: the guard keeps the one holding the paragraphs
    page = f"<html><body><div class='footer-wrap'><p>{PARA1}</p><p>{PARA2}</p></div></body></html>"
    doc = html_to_text(page)
    assert doc.text == f"{PARA1}\n\n{PARA2}\n"
    assert doc.dropped == ()


def test_link_free_aside_inside_article_is_a_pull_quote():
    page = f"""<html><body><article><p>{PARA1}</p>
      <aside><blockquote>A striking line quoted from the story.</blockquote></aside>
      <aside class="related"><a href="/1">One</a> <a href="/2">Two</a></aside>
      <p>{PARA2}</p></article></body></html>"""
    doc = html_to_text(page)
    assert "A striking line quoted from the story." in doc.text
    assert codes(doc) == {"One Two": "HTML_ASIDE"}


def test_prune_false_keeps_everything_visible():
    doc = html_to_text(PAGE, prune=False)
    assert doc.dropped == ()
    for text in ("Home", "Springfield Gazette", "Most read", "Copyright 2024 Springfield Gazette", PARA1):
        assert text in blocks(doc)


@pytest.mark.parametrize("prune", [True, False])
def test_script_style_noscript_never_in_text(prune):
    doc = html_to_text(PAGE, prune=prune)
    for junk in ("BODY_SCRIPT", "HEAD_SCRIPT", "color: red", "enable JavaScript", "document.write"):
        assert junk not in doc.text
        assert all(junk not in text for text, _ in doc.dropped)


def test_blocks_separated_by_blank_line_and_whitespace_collapsed():
    page = """<html><body><div>First   block
       <b>bold</b> text</div><p>Second<br>third</p><ul><li>Item one</li><li>Item   two</li></ul>
       <span>inline</span> tail text<!-- a comment -->after comment</body></html>"""
    doc = html_to_text(page, prune=False)
    assert doc.text == (
        "First block bold text\n\nSecond\n\nthird\n\nItem one\n\nItem two\n\ninline tail textafter comment\n"
    )


def test_inline_pruned_element_leaves_surrounding_line_intact():
    page = f"<html><body><p>{PARA1}</p><p>Before <span class='social-icons'>Tweet</span> after.</p></body></html>"
    doc = html_to_text(page)
    assert "Before after." in blocks(doc)
    assert codes(doc) == {"Tweet": "HTML_ATTR"}


def test_title_prefers_og_title():
    doc = html_to_text(PAGE)
    assert doc.title == "Council approves transit budget"
    assert doc.published == "2024-03-05T10:00:00Z"
    assert doc.byline == "Jane Doe"


def test_title_from_h1_in_article():
    page = """<html><head><title>Ignored | Site</title></head><body>
      <div class="logo"><h1>Site Name</h1></div>
      <article><h1>  Storm hits the  coast </h1><p>Text.</p><time datetime="2024-01-02">Jan 2</time></article>
    </body></html>"""
    doc = html_to_text(page)
    assert doc.title == "Storm hits the coast"
    assert doc.published == "2024-01-02"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Storm hits the coast | Daily Planet", "Storm hits the coast"),
        ("Storm hits the coast - Daily Planet", "Storm hits the coast"),
        ("Storm hits the coast - World - BBC News", "Storm hits the coast"),
        ("Covid-19: what we know", "Covid-19: what we know"),
        ("Election 2024 – why the long count matters more than ever before", (
            "Election 2024 – why the long count matters more than ever before")),
    ],
)
def test_title_from_title_tag_strips_site_suffix(title, expected):
    doc = html_to_text(f"<html><head><title>{title}</title></head><body><p>Text.</p></body></html>")
    assert doc.title == expected


def test_og_title_strips_only_the_site_name():
    page = """<html><head><meta property="og:site_name" content="Daily Planet">
      <meta property="og:title" content="Storm - the aftermath | Daily Planet"></head><body><p>x</p></body></html>"""
    assert html_to_text(page).title == "Storm - the aftermath"


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   \n\t",
        "<html><body><div><p>unclosed <b>bold <i>italic",
        "<<<>>> &&& </p></div></span> garbage \x00\x01 text",
        '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>after xml declaration</p></body></html>',
        "<!-- only a comment -->",
        "<!DOCTYPE html>",
        "\ud800 lone surrogate <p>x</p>",
        b"\xff\xfe\x00<p>\x00bytes junk\x81\x8d</p>",
        b"<p>caf\xe9</p>",
        "<div>" * 5000 + "deep" + "</div>" * 5000,
        None,
    ],
)
def test_broken_input_never_raises(junk):
    doc = html_to_text(junk)
    assert isinstance(doc, HtmlDoc)
    assert isinstance(doc.text, str) and isinstance(doc.warnings, tuple)


def test_empty_and_unparsable_give_empty_text_with_warning():
    for junk in ("", "<!-- only a comment -->"):
        doc = html_to_text(junk)
        assert doc.text == "" and doc.title == "" and doc.dropped == ()
        assert doc.warnings
    assert any(w.startswith("could not parse HTML") for w in html_to_text("<!-- c -->").warnings)


def test_xml_declaration_and_unclosed_tags_still_render():
    doc = html_to_text('<?xml version="1.0" encoding="utf-8"?><html><body><p>after xml</p></body></html>')
    assert doc.text == "after xml\n"
    doc = html_to_text("<html><body><div><p>one<p>two<div><span>three")
    assert doc.text == "one\n\ntwo\n\nthree\n"


BLOCK = f"<nav><a href='/'>Home</a></nav><div class='row'><p>{PARA1}</p><p>{PARA2}</p></div>"


def test_large_page_renders_every_block():
    page = "<html><body>" + BLOCK * 20000 + "</body></html>"  # ~7 MB
    doc = html_to_text(page)
    assert doc.text.count(PARA1) == 20000
    assert doc.text.endswith(PARA2 + "\n") and not doc.text.endswith("\n\n")


def test_work_on_a_large_page_grows_linearly():
    """4x the blocks cost at most about 4x the work (function calls, not seconds): pruning and rendering walk
    the tree once, whatever its size."""

    def work(n: int) -> int:
        page = "<html><body>" + BLOCK * n + "</body></html>"
        return count_calls(lambda: html_to_text(page))

    w1, w4 = work(500), work(2000)
    assert w4 <= 4.5 * w1, (w1, w4)


@pytest.fixture(scope="module")
def render_scraped():
    if not RENDER_SCRAPED.exists():
        pytest.skip("../shared/tools/render_scraped.py is absent")
    spec = importlib.util.spec_from_file_location("render_scraped_reference", RENDER_SCRAPED)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.render


SNIPPETS = [
    PAGE,
    "<html><body><div>a<!-- c -->b<script>x</script>tail<p>p</p>c</div>after</body></html>",
    "<p>Second<br>third &amp; <b>bold</b></p><table><tr><td>cell 1</td><td>cell 2</td></tr></table>",
    "<html><body><div><p>one<p>two<div><span>three",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>after xml</p><svg><text>no</text></svg></body></html>',
]


@pytest.mark.parametrize("page", SNIPPETS)
def test_unpruned_text_matches_render_scraped(render_scraped, page):
    assert html_to_text(page, prune=False).text == render_scraped(page)


def test_unpruned_text_matches_scraped_field_on_benchmark():
    if not DATA.exists():
        pytest.skip("../shared benchmark data is absent")
    with open(DATA, encoding="utf-8") as f:  # not str.splitlines: the pages contain U+2028
        records = [json.loads(line) for line in f if line.strip()][:40]
    for r in records:
        assert (html_to_text(r["html"], prune=False).text or "\n") == r["scraped"], r["id"]
