"""Properties of ``clean`` on any text: never raises, accounts for every input line, never invents text, explains
every removal with a known rule code, is deterministic and (as far as it goes) idempotent."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediacheck.cleaning import RULE_CODES, clean
from mediacheck.model import CleanArticle
from mediacheck.textutil import composed

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies ----------------------------------------------------------------------------------------

BOILERPLATE = (
    "Skip to main content", "Skip to content", "Home", "Menu", "Search", "Sections", "Read also:", "Latest",
    "Read More", "Most Popular", "Related Stories", "You may also like", "Share this article", "Share", "Facebook",
    "Twitter", "Email", "Subscribe", "Newsletters", "Follow Us",
    ("This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out "
    "if you wish. Accept Read More"),
    "© 2019 FOX News Network, LLC. All rights reserved.", "Privacy Policy", "Terms of Use", "Contact Us",
    "Advertisement", "Sponsored Content", "Image Credit: WeWork", "Photo: Damian Dovarganes, AP",
    "Leave a comment", "View Comments", "Sign in", "Log In", "By Trevor Daugherty", "By Jane Doe, Reuters",
    "November 18, 2019 11:03 PM", "Published November 18, 2019", "3 hours ago", "Politics", "World", "Business",
    "Opinion", "Weather", "U.S.", "Tags: Ukraine, Russia, diplomacy", "Next Post", "×",
)
HEADLINES = (
    "Is Trump capable of compelling Putin to negotiate a truce?",
    "Is it within Trump's power to compel Putin towards a peaceful resolution?",
    "Trump and Putin to Discuss Russian Aggression Toward Ukraine at Upcoming Summit",
    "Fed raises interest rates by half a point to fight inflation",
    "Federal Reserve hikes rates 0.5 percentage points in inflation fight",
    "Boeing agrees to pay $2.5 billion to settle 737 Max fraud charges",
    "BOEING AGREES TO PAY $2.5 BILLION TO SETTLE 737 MAX FRAUD CHARGES",
    "Wildfire forces thousands to evacuate in Northern California",
    "Thousands evacuated as wildfire spreads across Northern California",
    "Why the Fed keeps raising rates so fast",
    "Council approves new transit budget after marathon session",
)
SENTENCES = (
    "The upcoming meeting between the two presidents could hold the key to a breakthrough in the conflict.",
    "President Trump has expressed cautious optimism about reaching a deal within about two weeks.",
    "The Federal Reserve raised its benchmark interest rate by half a percentage point on Wednesday.",
    "Mortgage rates have already climbed above 5% for the first time in more than a decade.",
    "\"Inflation is much too high,\" the Fed chair told reporters at a news conference.",
    "More than 50,000 people were ordered to leave their homes in Sonoma County on Sunday.",
    "The fire has burned more than 30,000 acres since it started late Wednesday.",
    "Boeing has agreed to pay more than $2.5 billion to resolve a criminal charge, the Justice Department said.",
    "Relatives of some of the victims criticised the agreement.",
    "By the time the polls closed, the result was clear.",
    "Share prices fell 3% on Monday after the report.",
    "Home sales rose in October, the data showed.",
    "The company said it would follow the advice of regulators.",
    "Ukrainian troops are under heavy pressure on several fronts in eastern and southern Ukraine.",
    "Kyiv’s allies said — once again — that they would keep up their support «for as long as it takes».",
)

# Any text, including newlines, carriage returns, tabs, unusual whitespace and NUL.
any_text = st.text(
    alphabet=st.one_of(
        st.sampled_from("\n\n\n \t\r\x00\u00a0\u2028\u200b\x0b\x0c\x1c\x85.,:;?!'\"-–—|>©•"),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=400,
)

_line = st.one_of(
    st.sampled_from(BOILERPLATE),
    st.sampled_from(HEADLINES),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join),
)
_padded = st.tuples(st.sampled_from(("", "", " ", "  ", "\t")), _line, st.sampled_from(("", "", " ", "\r"))).map(
    lambda t: "".join(t))
_block = st.lists(_padded, min_size=1, max_size=4).map("\n".join)
scraped_text = st.lists(_block, min_size=0, max_size=25).flatmap(
    lambda blocks: st.sampled_from(("\n\n", "\n\n\n", "\n \n", "\r\n\r\n")).map(lambda sep: sep.join(blocks)))

texts = st.one_of(any_text, scraped_text)
modes = st.sampled_from([None, False])


# --- helpers -------------------------------------------------------------------------------------------

def input_lines(text: str) -> list[str]:
    """The non-blank input lines, whitespace-normalised, in NFC without soft hyphens (``textutil.composed``: the
    cleaner's input form; it splits on '\\n' only)."""
    out = []
    for raw in composed(text).split("\n"):
        s = " ".join(raw.split())
        if s:
            out.append(s)
    return out


def body_lines(r: CleanArticle) -> list[str]:
    return [s for s in r.text.split("\n") if s]


# --- properties ----------------------------------------------------------------------------------------

@SETTINGS
@given(text=texts, classifier=modes)
def test_clean_never_raises_and_returns_a_record(text: str, classifier) -> None:
    r = clean(text, classifier=classifier)
    assert isinstance(r, CleanArticle)
    assert r.status in ("ok", "empty")
    assert (r.status == "ok") == bool(r.text)
    if not input_lines(text):
        assert r.status == "empty" and not r.removed and not r.text


@SETTINGS
@given(text=texts, classifier=modes)
def test_kept_plus_removed_is_exactly_the_input_lines(text: str, classifier) -> None:
    r = clean(text, classifier=classifier)
    kept = body_lines(r)
    removed = [x.text for x in r.removed]
    assert Counter(kept) + Counter(removed) == Counter(input_lines(text))
    # Never invents text: the body, title, subtitle, byline and dateline are input lines.
    lines = set(input_lines(text))
    assert set(kept) <= lines
    for field in (r.title, r.subtitle, r.byline, r.dateline, *r.headline_variants):
        assert not field or field in lines
    # Body paragraphs are separated by exactly one blank line, with no blank edges.
    assert r.text == r.text.strip("\n")
    assert "\n\n\n" not in r.text


@SETTINGS
@given(text=texts, classifier=modes)
def test_every_removal_has_a_known_rule_and_points_at_its_line(text: str, classifier) -> None:
    r = clean(text, classifier=classifier)
    raw_lines = text.split("\n")
    numbers = [x.line for x in r.removed]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    for x in r.removed:
        assert x.rule in RULE_CODES
        assert 1 <= x.line <= len(raw_lines)
        assert " ".join(composed(raw_lines[x.line - 1]).split()) == x.text
    codes = [x.rule for x in r.removed]
    assert codes.count("HL_TITLE") <= 1
    assert codes.count("HL_SUBTITLE") <= 1
    if r.subtitle:
        assert "HL_SUBTITLE" in codes


@SETTINGS
@given(text=texts, classifier=modes)
def test_deterministic(text: str, classifier) -> None:
    assert clean(text, classifier=classifier) == clean(text, classifier=classifier)


@settings(SETTINGS)
@given(text=texts, classifier=modes)
def test_idempotent(text: str, classifier) -> None:
    """Cleaning the cleaner's own output record (its body ``text`` with its ``title``) changes nothing."""
    r = clean(text, classifier=classifier)
    again = clean({"text": r.text, "title": r.title}, classifier=classifier)
    assert again.title == r.title
    assert again.text == r.text


def test_idempotent_on_real_pages() -> None:
    """The same on the benchmark pages (skipped without ../shared); a few non-converging pages are allowed."""
    data = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "clean" / "scrapinghub.jsonl"
    if not data.exists():
        pytest.skip("../shared/data/clean/scrapinghub.jsonl not present")
    records = [json.loads(line) for line in data.open(encoding="utf-8")][:60]
    changed = 0
    for rec in records:
        r = clean(rec["scraped"], url=rec["url"])
        again = clean({"text": r.text, "title": r.title, "url": rec["url"]})
        changed += (again.text, again.title) != (r.text, r.title)
    assert changed <= 2, f"{changed} of {len(records)} pages changed when re-cleaned"


HEADLINE = "Boeing agrees to pay $2.5 billion to settle 737 Max fraud charges"
_HEADLINE_WITH_SHORT_DEK_PARAS = [
    HEADLINE,
    HEADLINE,
    "Planemaker admits misleading regulators over flight-control system",
    ("Boeing has agreed to pay more than $2.5 billion to resolve a criminal charge that it conspired to defraud "
    "the Federal Aviation Administration, the Justice Department said on Thursday."),
    ("The settlement includes a criminal penalty of $243.6 million and a $500 million fund for the families of "
    "the 346 people killed in the two crashes."),
]
HEADLINE_WITH_SHORT_DEK = "\n\n".join(_HEADLINE_WITH_SHORT_DEK_PARAS) + "\n"


@pytest.mark.parametrize("classifier", [pytest.param(None, id="default-model"), pytest.param(False, id="rules-only")])
def test_idempotent_example_with_known_title(classifier) -> None:
    r = clean(HEADLINE_WITH_SHORT_DEK, classifier=classifier)
    assert r.title == HEADLINE
    again = clean(r.as_text(), title=r.title, classifier=classifier)
    assert (again.title, again.subtitle, again.text) == (r.title, r.subtitle, r.text)


@pytest.mark.parametrize("classifier", [pytest.param(None, id="default-model"), pytest.param(False, id="rules-only")])
def test_idempotent_example_headline_with_short_dek(classifier) -> None:
    r = clean(HEADLINE_WITH_SHORT_DEK, classifier=classifier)
    assert (r.title, r.subtitle) == (HEADLINE, "Planemaker admits misleading regulators over flight-control system")
    again = clean(r.as_text(), classifier=classifier)
    assert again.title == r.title
