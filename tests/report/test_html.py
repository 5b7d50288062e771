"""The self-contained HTML report: escaping, charts, empty / odd inputs, determinism, no external resources."""
from __future__ import annotations

import math
import re
from html import unescape
from html.parser import HTMLParser

import pandas as pd
import pytest

from mediacheck.report.columns import HEADLINE_METRICS, OUTLET_TABLE, TABLES
from mediacheck.report.html import fmt, highlight, parse_cues, render_html, write_html
from mediacheck.scoring.scorer import GENERIC_FRAMES

from .conftest import FOX, IMG, TEXTAREA, XSS_OUTLET, make_tables

SECTIONS = ("Run summary", "Outlet rates", "Frames by outlet", "Outlet table", "Significant outlet differences",
            "Stories across outlets", "Evidence sentences", "Removed boilerplate", "Errors")
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "nav", "ul", "li", "a", "main", "section",
                "h1", "h2", "h3", "p", "div", "span", "table", "thead", "tbody", "tr", "th", "td", "figure", "svg",
                "line", "text", "g", "circle", "rect", "article", "dl", "dt", "dd", "ol", "mark", "strong", "details",
                "summary", "footer", "bdi"}


class Page(HTMLParser):
    """Collects start tags, attributes, text nodes and heading texts of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.texts: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_heading = tag in ("h2",)

    def handle_endtag(self, tag):
        self._in_heading = False if tag == "h2" else self._in_heading

    def handle_data(self, data):
        self.texts.append(data)
        if self._in_heading:
            self.headings.append(data.strip())

    def count(self, tag: str) -> int:
        return sum(t == tag for t, _ in self.tags)

    @property
    def text(self) -> str:
        return "".join(self.texts)


@pytest.fixture
def html(tables, summary) -> str:
    return render_html(tables, summary)


def test_hostile_text_is_escaped_everywhere(html):
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Fox &amp; &quot;Friends&quot;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;/textarea&gt;&lt;script&gt;" in html
    assert "<script" not in html.lower() and "<img" not in html.lower() and "</textarea" not in html.lower()
    assert FOX not in html
    page = Page(html)
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    # the hostile strings come back as plain text (in tables, charts, story cards, evidence, errors)
    assert page.text.count(XSS_OUTLET) >= 10 and page.text.count(FOX) >= 5
    assert IMG in page.text and TEXTAREA in page.text


def test_svg_inside_text_and_attributes_is_escaped(html):
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert any("<title>\u2068&lt;script&gt;alert(1)&lt;/script&gt; (left)\u2069" in s for s in svgs)
    assert any(">\u2068Fox &amp; &quot;Friends&quot; (right)\u2069</text>" in s for s in svgs)
    assert not any("<script" in s or FOX in s for s in svgs)


def test_every_chart_is_present(html):
    page = Page(html)
    assert page.count("svg") == len(HEADLINE_METRICS) + 1 == html.count("</svg>")
    # one outlet has no hedges_per_1k; the frame chart has a dot per outlet and generic frame
    assert page.count("circle") == len(HEADLINE_METRICS) * 6 - 1 + 6 * len(GENERIC_FRAMES)
    assert [h for h in page.headings if h] == list(SECTIONS)


def test_cues_are_highlighted_in_evidence(html):
    assert "<mark>may</mark>" in html and "<mark>reportedly</mark>" in html      # cues as a list
    assert "<mark>slammed</mark>" in html and "<mark>radical</mark>" in html     # cues as a JSON string
    assert "<mark>may</mark>or" not in html                                      # whole words only


def test_highlight_escapes_first_and_never_breaks_entities():
    assert highlight("It may rain <b>", ["may"]) == "It <mark>may</mark> rain &lt;b&gt;"
    assert highlight("Tom & Jerry: amp it up", ["amp"]) == "Tom &amp; Jerry: <mark>amp</mark> it up"
    assert highlight("A Q&A said", ["Q&A"]) == "A <mark>Q&amp;A</mark> said"
    out = highlight(IMG + " is said", [IMG, "said"])
    assert out == "<mark>&lt;img src=x onerror=alert(1)&gt;</mark> is <mark>said</mark>"
    assert highlight("May the mayor", ["may"]) == "<mark>May</mark> the mayor"
    assert highlight("no cues <i>", []) == "no cues &lt;i&gt;"


def test_parse_cues_accepts_lists_json_and_plain_strings():
    assert parse_cues(["may", " likely "]) == ["may", "likely"]
    assert parse_cues('["may", {"text": "officials said"}]') == ["may", "officials said"]
    assert parse_cues("reportedly") == ["reportedly"]
    assert parse_cues(None) == [] and parse_cues(math.nan) == [] and parse_cues("") == []


def test_missing_values_show_a_dash(html):
    assert fmt(None) == fmt(math.nan) == fmt(pd.NA) == fmt("x") == "–"
    assert fmt(0.125, "share") == "12.5%" and fmt(3.456, "per1k") == "3.46" and fmt(-0.2, "signed") == "-0.200"
    assert "<title>\u2068Süddeutsche – 日本 News\u2069: –</title>" in html      # NaN in the hedges chart
    assert re.search(r"<td><bdi>Süddeutsche – 日本 News</bdi></td><td>–</td>(<td class=\"num\">[^<]+</td>){5}"
                     r"<td class=\"num\">–</td>", html)                           # no leaning, NaN hedges
    cells = {t.strip() for t in Page(html).texts}
    assert not cells & {"nan", "NaN", "None", "<NA>", "NaT", "inf"}


def test_deterministic(tables, summary, tmp_path):
    first = render_html(tables, summary)
    assert render_html(make_tables(), dict(summary)) == first
    shuffled = {k: v.sample(frac=1, random_state=1) if k == "outlets" else v for k, v in make_tables().items()}
    assert render_html(shuffled, summary) == first                                  # outlet order is by data
    write_html(str(tmp_path / "sub" / "report.html"), tables, summary)
    assert (tmp_path / "sub" / "report.html").read_bytes() == first.encode("utf-8")


def test_self_contained(html):
    assert "http://" not in html and "https://" not in html and "//" not in re.sub(r"<!--.*?-->", "", html)
    assert not re.search(r"url\(|@import|<link|<iframe|<object|<embed", html, flags=re.I)
    refs = [v for _, attrs in Page(html).tags for k, v in attrs.items() if k in ("src", "href", "xlink:href", "action")]
    assert refs and all(r.startswith("#") for r in refs)                           # only in-page links
    assert ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "img-src data:") in html


def test_summary_shows_every_key_in_words_but_no_timings(html, summary):
    page = Page(html)
    assert "1,540" in page.text and "corpora/demo, " + IMG in page.text
    assert "Articles by status: ok 8, empty 4." in page.text
    for label in ("records read", "scored articles", "mediacheck version", "engine (clean and score)"):
        assert f"<th>{label}</th>" in html
    assert "12.3" not in page.text and "run time" not in html and "jobs" not in html    # timings.json, not here
    assert "<th>seconds" not in html and "_" not in "".join(re.findall(r"<th>([^<]*)</th>", html.split("</table>")[0]))


def test_stories_sections_and_blindspot(html):
    page = Page(html)
    order = [page.text.index(f"Senate passes budget {IMG} deal {s}") for s in (0, 1, 2)]
    assert order == sorted(order)                                  # 4 outlets, then 3 (more articles first)
    assert page.text.count("Blindspot: only left-leaning outlets") == 1
    cards = [unescape(c) for c in re.findall(r'<div class="headline" title="[^"]*"><bdi>([^<]*)</bdi></div>', html)]
    assert len(cards) == 4 + 3 + 3
    assert max(len(c) for c in cards) <= 200 and any(c.endswith("…") for c in cards)
    assert "leanings: left, right" in page.text


def test_pairs_removed_and_errors(html, tables):
    page = Page(html)
    pairs = tables["outlet_pairs"]
    n_sig = int(pairs["significant"].sum())
    assert f"{n_sig} of {len(pairs):,} comparisons are significant" in page.text
    diff = html[html.index('id="differences"'):html.index('id="stories"')]
    qs = [float(unescape(q).lstrip("<")) for q in re.findall(r'<td class="num">([^<]+)</td><td>yes</td>', diff)]
    assert len(qs) == n_sig and qs == sorted(qs)
    assert "30 removed lines." in page.text and "BP_NAV" in page.text
    assert "25 errors (by stage: read 25); the first 20 are shown." in page.text
    errors = html[html.index('id="errors"'):]
    assert errors.count("<tr>") == 1 + 20


@pytest.mark.parametrize("tables", [
    {},
    {name: pd.DataFrame(columns=list(cols)) for name, cols in TABLES.items()},
    {"outlets": pd.DataFrame({"outlet": ["Solo"], "articles": [3], "hedges_per_1k": [2.5]}), "evidence": None},
])
def test_empty_and_partial_tables_render(tables):
    html = render_html(tables, {})
    page = Page(html)
    assert [h for h in page.headings if h] == list(SECTIONS)
    assert "No run summary was given." in page.text and "No errors." in page.text
    assert page.count("svg") == (1 if tables.get("outlets") is not None and len(tables["outlets"]) else 0)
    assert "<script" not in html


def test_one_and_many_outlets():
    one = {"outlets": make_tables()["outlets"].head(1)}
    page = Page(render_html(one, {}))
    assert page.count("svg") == len(HEADLINE_METRICS) + 1
    assert page.count("circle") == len(HEADLINE_METRICS) + len(GENERIC_FRAMES)
    assert "How 1 outlet write" in page.text

    base = make_tables()["outlets"].iloc[0].to_dict()
    many = pd.DataFrame([{**base, "outlet": f"Outlet {i:03d} <b>", "articles": 1000 - i} for i in range(200)],
                        columns=list(OUTLET_TABLE))
    html = render_html({"outlets": many}, {"outlets": 200})
    page = Page(html)
    assert "Showing the 25 outlets with the most articles of 200" in page.text
    assert page.count("circle") == 25 * (len(HEADLINE_METRICS) + len(GENERIC_FRAMES))
    first_chart = re.search(r"<svg.*?</svg>", html, flags=re.S).group(0)
    assert "Outlet 024 &lt;b&gt;" in first_chart and "Outlet 025" not in first_chart
    table = html[html.index('id="outlets"'):html.index('id="differences"')]
    assert table.count("<tr>") == 1 + 200


EVIL = "\u202eevil"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u061c\u2066\u2067"


def _with_bidi() -> dict[str, pd.DataFrame]:
    t = make_tables()
    for name, cols in (("outlets", ["outlet"]), ("outlet_pairs", ["outlet_a"]), ("stories", ["outlet", "title"]),
                       ("evidence", ["outlet", "text"]), ("removed", ["outlet", "text"]), ("errors", ["outlet"])):
        t[name] = t[name].copy()
        for c in cols:
            t[name][c] = t[name][c].astype(object).where(t[name].index % 2 == 1, EVIL + " \u2067x\u2069 \u200f")
    return t


def test_bidi_controls_are_shown_not_obeyed_and_input_text_is_isolated(summary):
    # regression: an outlet named "\u202eevil" was displayed as "live"
    html = render_html(_with_bidi(), {**summary, "inputs": [EVIL + ".jsonl"]}, [f"note about {EVIL}"])
    assert not set(BIDI) & set(html)
    assert html.count("\u2068") == html.count("\u2069") > 0            # the page's own isolates, balanced
    shown = "\u27e8U+202E\u27e9evil \u27e8U+2067\u27e9x\u27e8U+2069\u27e9 \u27e8U+200F\u27e9"
    text = Page(html).text
    for where in ('id="outlets"', 'id="differences"', 'id="stories"', 'id="evidence"', 'id="removed"',
                  'id="errors"', 'id="summary"'):
        part = html[html.index(where):]
        part = part[:part.index("</section>")]
        assert f"<bdi>{shown}" in part or "<bdi>\u27e8U+202E\u27e9evil.jsonl" in part, where
    assert "\u2068" + shown in html                                   # chart labels: isolated in the SVG
    assert "note about \u27e8U+202E\u27e9evil" in text


def test_wide_tables_scroll_in_their_own_box(html):
    table = html[html.index('id="outlets"'):html.index('id="differences"')]
    assert '<div class="scroll box"><table>' in table
    css = html[html.index("<style>"):html.index("</style>")]
    assert re.search(r"\.scroll\.box \{[^}]*max-height: 80vh; overflow: auto;", css)
    assert re.search(r"\.scroll\.box thead th \{ position: sticky; top: 0;", css)


def test_notes_are_listed_in_the_run_summary(tables, summary):
    page = Page(render_html(tables, summary, ["3 articles had no outlet; shown as (no outlet), not compared"]))
    assert "Notes" in page.text and "3 articles had no outlet; shown as (no outlet), not compared" in page.text
    assert "Notes" not in Page(render_html(tables, summary)).text
