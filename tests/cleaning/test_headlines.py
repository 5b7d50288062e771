"""Headline handling: repeats, near-duplicates, paraphrases (and what must not count as one), the headline
zone of synthetic scraped articles, and URL slug stems."""
from __future__ import annotations

import pytest

from mediacheck.cleaning import clean
from mediacheck.cleaning.headlines import HL_NEAR, HL_PARAPHRASE, HL_REPEAT, Headline, relation, slug_stems
from mediacheck.textutil import content_stems

HL_CODES = frozenset({"HL_TITLE", "HL_REPEAT", "HL_NEAR", "HL_PARAPHRASE"})
MODES = [pytest.param(None, id="default-model"), pytest.param(False, id="rules-only")]

SEED_TITLE = "Is Trump capable of compelling Putin to negotiate a truce?"
SEED_PARAPHRASE = "Is it within Trump's power to compel Putin towards a peaceful resolution?"


# --- relation(): repeats and near-duplicates -------------------------------------------------------------

TITLE = "Boeing agrees to pay $2.5 billion to settle 737 Max fraud charges"


@pytest.mark.parametrize("line", [
    TITLE,
    TITLE.upper(),
    TITLE.lower(),
    f"  {TITLE}  ",
    TITLE.replace(" to ", "  to  "),
    TITLE + ".",
    TITLE + " |",
])
def test_exact_repeat(line: str) -> None:
    title = TITLE
    assert relation(Headline.of(title), line) == HL_REPEAT


def test_repeat_with_curly_quotes_and_dashes() -> None:
    title = Headline.of("Trump's 'peace plan' for Ukraine – what we know")
    assert relation(title, "Trump’s ‘peace plan’ for Ukraine — what we know") == HL_REPEAT


@pytest.mark.parametrize("line", [
    f"{TITLE} - Reuters",
    f"{TITLE} | The Seattle Times",
    f"{TITLE} – BBC News",
    f"WATCH: {TITLE}",
    f"VIDEO: {TITLE}",
    f"BREAKING: {TITLE}",
    "Boeing agrees to pay $2.5 billion to settle 737 Max fraud chargs",      # one typo
    "Boeing agreed to pay $2.5 billion to settle 737 Max fraud charges",     # one word form
    "Boeing agrees to pay $2.5 billion to settle 737 MAX fraud charge",
    "Boeing agrees to pay $2.5 billion to settle 737 Max fraud charges?",
])
def test_near_duplicate(line: str) -> None:
    assert relation(Headline.of(TITLE), line) == HL_NEAR


def test_near_duplicate_is_symmetric_for_outlet_suffix() -> None:
    # The known title may be the long form (e.g. from <title>), the page line the short one.
    assert relation(Headline.of(f"{TITLE} - Reuters"), TITLE) == HL_NEAR


# --- relation(): paraphrases ---------------------------------------------------------------------------

PARAPHRASES = [
    pytest.param(SEED_TITLE, SEED_PARAPHRASE, id="seed-trump-putin"),
    pytest.param("Fed raises interest rates by half a point to fight inflation",
                 "Federal Reserve hikes rates 0.5 percentage points in inflation fight", id="fed"),
    pytest.param("Apple unveils new iPhone with faster chip and better camera",
                 "Apple's new iPhone gets a faster chip and an improved camera", id="iphone"),
    pytest.param(TITLE, "Boeing to pay $2.5bn to settle fraud charges over 737 Max", id="boeing"),
    pytest.param("Wildfire forces thousands to evacuate in Northern California",
                 "Thousands evacuated as wildfire spreads across Northern California", id="wildfire"),
    pytest.param("Tesla recalls 2 million cars over Autopilot safety concerns",
                 "Tesla recalls nearly 2 million vehicles to fix Autopilot safety flaw", id="tesla"),
    pytest.param("Amazon to cut 18,000 jobs as tech layoffs deepen",
                 "Amazon will lay off more than 18,000 workers amid tech downturn", id="amazon"),
    pytest.param("Will the Supreme Court overturn Roe v. Wade?",
                 "Could the Supreme Court strike down Roe v. Wade?", id="roe-question"),
    pytest.param("Oil prices surge after OPEC announces surprise production cut",
                 "OPEC's surprise output cut sends oil prices soaring", id="opec"),
    pytest.param("Earthquake of magnitude 7.8 kills thousands in Turkey and Syria",
                 "Thousands killed as 7.8-magnitude quake strikes Turkey and Syria", id="quake"),
    # Pairs that share (almost) no content-word stem: the stem-overlap method cannot see them.
    pytest.param("UK prime minister resigns after party revolt",
                 "British PM quits following rebellion within his party", id="uk-pm-synonyms",
                 marks=pytest.mark.xfail(reason="known limit: paraphrase_score needs >= 2 shared content stems "
                                                "and has no synonyms; UK/British, prime minister/PM, resigns/quits, "
                                                "revolt/rebellion differ, only 'party' is shared (score 0)",
                                         strict=True)),
    pytest.param("China's economy grows 4.9% in third quarter, beating forecasts",
                 "Chinese economy expands faster than expected at 4.9% in Q3", id="china-synonyms",
                 marks=pytest.mark.xfail(reason="known limit: paraphrase_score needs >= 2 shared content stems "
                                                "and has no synonyms; China/Chinese, grows/expands, third quarter/Q3 "
                                                "have different stems, only 'economy' is shared (score 0)",
                                         strict=True)),
]


@pytest.mark.parametrize(("title", "line"), PARAPHRASES)
def test_paraphrase_in_header_zone(title: str, line: str) -> None:
    assert relation(Headline.of(title), line) == HL_PARAPHRASE


@pytest.mark.parametrize(("title", "line"), PARAPHRASES[:10])
def test_paraphrase_is_not_claimed_inside_the_body(title: str, line: str) -> None:
    # Inside the body only (near-)copies of the headline count: sub-headings share the topic's words.
    assert relation(Headline.of(title), line, in_body=True) is None


NOT_PARAPHRASES = [
    pytest.param("Fed raises interest rates by half a point to fight inflation",
                 "Fed signals it may pause rate hikes as inflation cools", id="fed-pause"),
    pytest.param("Apple unveils new iPhone with faster chip and better camera",
                 "Apple shares fall after iPhone sales disappoint investors", id="apple-shares"),
    pytest.param("Tesla recalls 2 million cars over Autopilot safety concerns",
                 "Tesla shares jump as Autopilot investigation is closed", id="tesla-shares"),
    pytest.param(TITLE, "Boeing 737 Max returns to service after 20-month grounding", id="boeing-return"),
    pytest.param("Amazon to cut 18,000 jobs as tech layoffs deepen",
                 "Amazon to hire 150,000 seasonal workers for the holidays", id="amazon-hire"),
    pytest.param("Earthquake of magnitude 7.8 kills thousands in Turkey and Syria",
                 "Turkey arrests building contractors after earthquake", id="quake-arrests"),
    pytest.param(SEED_TITLE, "Zelensky says Ukraine will not cede territory to Russia", id="seed-zelensky"),
    # Same topic and several shared words, different claim: the bag-of-stems score calls them paraphrases.
    pytest.param(SEED_TITLE, "Putin rejects Trump's call for an immediate truce in Ukraine", id="seed-rejects",
                 marks=pytest.mark.xfail(reason="shares trump/putin/truce stems (score 0.57 >= 0.55): the score "
                                                "ignores who does what to whom", strict=True)),
    pytest.param("Oil prices surge after OPEC announces surprise production cut",
                 "Oil prices slump as OPEC fails to agree on production cut", id="opec-opposite",
                 marks=pytest.mark.xfail(reason="opposite claim (surge/slump, announces/fails) with 5 shared stems "
                                                "scores 0.68: the score has no notion of polarity", strict=True)),
    pytest.param("Wildfire forces thousands to evacuate in Northern California",
                 "Northern California wildfire survivors still waiting for aid", id="wildfire-aid",
                 marks=pytest.mark.xfail(reason="shares wildfire/northern/california (score 0.57 >= 0.55): a "
                                                "follow-up story's headline counts as a paraphrase", strict=True)),
]


@pytest.mark.parametrize(("title", "line"), NOT_PARAPHRASES)
def test_same_topic_different_claim_is_not_a_paraphrase(title: str, line: str) -> None:
    assert relation(Headline.of(title), line) is None


@pytest.mark.parametrize("line", [
    ("The Federal Reserve raised its benchmark interest rate by half a percentage point on Wednesday, the "
    "largest increase since 2000, as policymakers stepped up their fight against inflation."),   # prose
    "Fed",
    "Inflation",
    "",
])
def test_prose_or_fragment_is_not_a_headline_variant(line: str) -> None:
    title = Headline.of("Fed raises interest rates by half a point to fight inflation")
    assert relation(title, line) is None


# --- synthetic scraped articles ------------------------------------------------------------------------

FED = {
    "headlines": ("Fed raises interest rates by half a point to fight inflation",
                  "Federal Reserve hikes rates 0.5 percentage points in inflation fight"),
    "subheading": "Why the Fed keeps raising rates so fast",
    "dek": "The central bank signals more increases are likely this year as price growth stays near a 40-year high",
    "text": """Skip to main content
Menu
Search
Markets
Economy
Fed raises interest rates by half a point to fight inflation
Federal Reserve hikes rates 0.5 percentage points in inflation fight
The central bank signals more increases are likely this year as price growth stays near a 40-year high
By Jane Doe
Published November 18, 2019

Federal Reserve hikes rates 0.5 percentage points in inflation fight

The Federal Reserve raised its benchmark interest rate by half a percentage point on Wednesday, the largest \
increase since 2000, as policymakers stepped up their campaign against inflation that has spread through the economy.

The decision lifts the target range for the federal funds rate to between 0.75% and 1%, and officials said they \
expected further increases of a similar size at their next two meetings.

Why the Fed keeps raising rates so fast

Mortgage rates have already climbed above 5% for the first time in more than a decade, and economists expect \
credit card and car loan rates to follow within weeks.

"Inflation is much too high and we understand the hardship it is causing," the Fed chair told reporters at a \
news conference after the two-day meeting.

Stocks rallied after the announcement, with the S&P 500 closing 3% higher as investors welcomed the chair's \
remark that a larger three-quarter-point increase was not being actively considered.

Share this article
Facebook
Twitter
Read more:
Most Popular
© 2019 Example News Network, LLC. All rights reserved.
""",
}

WILDFIRE = {
    "headlines": ("Wildfire forces thousands to evacuate in Northern California",
                  "Thousands evacuated as wildfire spreads across Northern California"),
    "subheading": "Evacuation centres fill up across Northern California",
    "dek": "Firefighters were battling strong winds on Sunday as the blaze jumped a highway and threatened several "
           "towns.",
    "text": """Skip to content
Home
U.S.
Wildfire forces thousands to evacuate in Northern California
Share
Thousands evacuated as wildfire spreads across Northern California
Photo: Noah Berger, AP
Firefighters were battling strong winds on Sunday as the blaze jumped a highway and threatened several towns.
By Mark Smith and Laura Chen, Associated Press

Thousands evacuated as wildfire spreads across Northern California

More than 50,000 people were ordered to leave their homes in Sonoma County on Sunday as a wind-driven wildfire \
spread across dry hillsides and into the outskirts of Healdsburg, officials said.

The fire has burned more than 30,000 acres since it started late Wednesday and was only 10% contained by Sunday \
evening, according to the state's fire agency.

Evacuation centres fill up across Northern California

Shelters in Santa Rosa and Petaluma were near capacity by midday, and the Red Cross asked residents with spare \
rooms to take in neighbours who had fled the flames.

The state's largest utility cut power to nearly a million customers in an effort to prevent its equipment from \
sparking new fires during the windstorm.

Forecasters said the gusts would ease on Monday, giving crews a chance to build containment lines before the \
next round of dry winds arrives later in the week.

Advertisement
Related Stories
Leave a comment
""",
}

BOEING = {
    "headlines": (TITLE, "Boeing to pay $2.5bn to settle fraud charges over 737 Max", TITLE.upper()),
    "subheading": "How the 737 Max fraud case unfolded",
    "dek": "The planemaker admitted that two employees misled regulators about a flight-control system linked to "
           "two fatal crashes.",
    "text": """Sign In
Subscribe
Business
Boeing agrees to pay $2.5 billion to settle 737 Max fraud charges
Boeing to pay $2.5bn to settle fraud charges over 737 Max
BOEING AGREES TO PAY $2.5 BILLION TO SETTLE 737 MAX FRAUD CHARGES
The planemaker admitted that two employees misled regulators about a flight-control system linked to two fatal crashes.
Updated 2 hours ago

Boeing has agreed to pay more than $2.5 billion to resolve a criminal charge that it conspired to defraud the \
Federal Aviation Administration over the safety of its 737 Max jet, the Justice Department said on Thursday.

The settlement includes a criminal penalty of $243.6 million, compensation of $1.77 billion for airline \
customers and a $500 million fund for the families of the 346 people killed in the two crashes.

How the 737 Max fraud case unfolded

Prosecutors said two of the company's technical pilots deceived the regulator about a change to the plane's \
flight-control software, which led the agency to leave it out of pilot training manuals.

Under a deferred prosecution agreement, the charge will be dismissed after three years if the company complies \
with the terms of the deal.

Relatives of some of the victims criticised the agreement, saying that no senior executives had been held \
personally responsible for the failures.

Sponsored Content
You may also like
Privacy Policy
Terms of Use
""",
}

ARTICLES = [pytest.param(FED, id="fed"), pytest.param(WILDFIRE, id="wildfire"), pytest.param(BOEING, id="boeing")]


def expected_body(article: dict) -> list[str]:
    """The body paragraphs of a synthetic article: those after the last header-zone headline copy, up to the
    first footer line (all the multi-sentence paragraphs plus the sub-heading)."""
    paras = [p.strip() for p in article["text"].split("\n\n") if p.strip()]
    start = max(i for i, p in enumerate(paras) if set(p.split("\n")) & set(article["headlines"])) + 1
    body = []
    for p in paras[start:]:
        if "\n" in p:          # the first block of footer lines
            break
        body.append(p)
    return body


def nonblank(text: str) -> list[str]:
    return [" ".join(s.split()) for s in text.split("\n") if s.strip()]


@pytest.mark.parametrize("article", ARTICLES)
def test_expected_body_helper(article: dict) -> None:
    body = expected_body(article)
    assert article["subheading"] in body
    assert len(body) >= 6


@pytest.mark.parametrize("classifier", MODES)
@pytest.mark.parametrize("article", ARTICLES)
def test_every_headline_copy_is_removed_with_a_headline_code(article: dict, classifier) -> None:
    r = clean(article["text"], classifier=classifier)
    assert r.title in article["headlines"]
    copies = [x for x in r.removed if x.text in article["headlines"]]
    assert len(copies) == sum(1 for s in nonblank(article["text"]) if s in article["headlines"])
    assert all(x.rule in HL_CODES for x in copies), [(x.text, x.rule) for x in copies]
    assert [x.rule for x in r.removed].count("HL_TITLE") == 1
    body_lines = set(nonblank(r.text))
    assert not body_lines & set(article["headlines"])
    # Every other wording of the headline is reported as a variant; the title itself is not.
    assert r.title not in r.headline_variants
    for h in article["headlines"]:
        if Headline.of(h).norm != Headline.of(r.title).norm:
            assert any(Headline.of(v).norm == Headline.of(h).norm for v in r.headline_variants), h


@pytest.mark.parametrize("classifier", MODES)
@pytest.mark.parametrize("article", ARTICLES)
def test_body_sub_heading_sharing_headline_words_is_not_a_headline_variant(article: dict, classifier) -> None:
    sub = article["subheading"]
    assert len(content_stems(sub) & set().union(*(content_stems(h) for h in article["headlines"]))) >= 2
    r = clean(article["text"], classifier=classifier)
    assert sub not in r.headline_variants
    assert all(not x.rule.startswith("HL_") for x in r.removed if x.text == sub)


SUBHEADING_RULES_ONLY = pytest.mark.xfail(
    reason="since de15468 the rules-only body zone keeps only lines with >= 6 words and a sentence end (or >= 12 "
           "words) inside the prose span, so a body sub-heading is removed as BP_OUTSIDE_BODY", strict=True)


@pytest.mark.parametrize("classifier", [pytest.param(None, id="default-model"),
                                        pytest.param(False, id="rules-only", marks=SUBHEADING_RULES_ONLY)])
@pytest.mark.parametrize("article", ARTICLES)
def test_body_sub_heading_sharing_headline_words_stays_in_body(article: dict, classifier) -> None:
    r = clean(article["text"], classifier=classifier)
    assert article["subheading"] in r.text.split("\n\n")


@pytest.mark.parametrize("classifier", MODES)
@pytest.mark.parametrize("article", ARTICLES)
def test_headline_handling_never_takes_body_lines(article: dict, classifier) -> None:
    r = clean(article["text"], classifier=classifier)
    body = set(expected_body(article))
    for x in r.removed:
        if x.text in body:
            # Only the body-zone decision (line model, or the rules-only zone) may drop a body line: a
            # borderline call that is not tested here. Headline handling and line rules never do.
            assert x.rule in ("CL_BOILERPLATE", "BP_OUTSIDE_BODY"), (x.text, x.rule)


@pytest.mark.parametrize("article", ARTICLES)
def test_body_paragraphs_intact_rules_only(article: dict) -> None:
    r = clean(article["text"], classifier=False)
    paras = [p for p in r.text.split("\n\n") if p != article["dek"]]    # a dek may be read as the first paragraph
    assert [p for p in paras if p != article["subheading"]] == [
        p for p in expected_body(article) if p != article["subheading"]]


@pytest.mark.parametrize("classifier", MODES)
def test_fed_dek_bylines_and_dateline(classifier) -> None:
    r = clean(FED["text"], classifier=classifier)
    assert r.subtitle == FED["dek"]
    assert r.byline == "By Jane Doe"
    assert r.dateline == "Published November 18, 2019"


DEK_WITH_FULL_STOP = """Fed raises interest rates by half a point to fight inflation
Federal Reserve hikes rates 0.5 percentage points in inflation fight
The central bank signalled more increases are likely this year as price growth stays near a four-decade high.

Fed raises interest rates by half a point to fight inflation

The Federal Reserve raised its benchmark interest rate by half a percentage point on Wednesday, the largest \
increase since 2000.

The decision lifts the target range for the federal funds rate to between 0.75% and 1%, officials said.
"""


@pytest.mark.parametrize("classifier", [pytest.param(None, id="default-model"),
                                        pytest.param(False, id="rules-only")])
def test_headline_copy_after_a_sentence_dek_is_removed(classifier) -> None:
    r = clean(DEK_WITH_FULL_STOP, classifier=classifier)
    assert "Fed raises interest rates by half a point to fight inflation" not in r.text.split("\n\n")


SHORT_LEDE = "The harbour bridge will close for three weekends next month."
_SHORT_LEDE_ARTICLE_PARAS = [
    "Home",
    "Harbour bridge to close for three weekends of repairs",
    "By Lois Lane",
    SHORT_LEDE,
    ("The transport department said on Monday that worn expansion joints had to be replaced before winter, and "
    "that the work could not be done safely with traffic on the bridge."),
    ("Drivers were advised to use the tunnel instead, and extra ferries will run every fifteen minutes between the "
    "two terminals while the work is carried out."),
]
SHORT_LEDE_ARTICLE = "\n\n".join(_SHORT_LEDE_ARTICLE_PARAS) + "\n"


@pytest.mark.parametrize("classifier", MODES)
def test_short_lede_sentence_is_body_not_a_paraphrase(classifier) -> None:
    r = clean(SHORT_LEDE_ARTICLE, classifier=classifier)
    assert r.title == "Harbour bridge to close for three weekends of repairs"
    assert SHORT_LEDE not in r.headline_variants
    assert r.text.split("\n\n")[0] == SHORT_LEDE


# --- URL slugs ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.reuters.com/world/europe/trump-putin-summit-ukraine-truce-2025-08-10/",
     {"trump", "putin", "summit", "ukrain", "truce", "2025", "08", "10"}),
    ("https://example.com/news/boeing-agrees-to-pay-2-5-billion-to-settle-737-max-fraud-charges.html",
     content_stems("boeing agrees to pay 2 5 billion to settle 737 max fraud charges")),
    ("https://www.example.co.uk/business/2019/11/18/fed_raises_rates_again?utm_source=twitter#comments",
     content_stems("fed raises rates again")),
    ("https://example.com/article/12345/wildfire-forces-evacuations/", content_stems("wildfire forces evacuations")),
])
def test_slug_stems(url: str, expected: set) -> None:
    assert slug_stems(url) == frozenset(expected)


@pytest.mark.parametrize("url", ["", "https://example.com/", "https://example.com", "not a url"])
def test_slug_stems_without_a_slug_is_empty(url: str) -> None:
    assert slug_stems(url) == frozenset()


@pytest.mark.parametrize("classifier", MODES)
def test_url_slug_picks_the_headline_among_header_lines(classifier) -> None:
    text = """Opinion: Why the Fed should slow down
Markets wrap: stocks close higher on Wall Street
Boeing agrees to pay $2.5 billion to settle 737 Max fraud charges

Boeing has agreed to pay more than $2.5 billion to resolve a criminal charge that it conspired to defraud the \
Federal Aviation Administration over the safety of its 737 Max jet, the Justice Department said on Thursday.

The settlement includes a criminal penalty of $243.6 million, compensation of $1.77 billion for airline \
customers and a $500 million fund for the families of the 346 people killed in the two crashes.
"""
    url = "https://example.com/business/boeing-737-max-fraud-charges-settlement"
    r = clean(text, url=url, classifier=classifier)
    assert r.title == TITLE


# --- site names, buttons and URLs are not the headline ----------------------------------------------------

BODY = ("CLEVELAND, Ohio - The Doobie Brothers will reunite with Michael McDonald for a summer tour that stops at "
        "Blossom Music Center in July, the band announced on Monday night.\n\n"
        "The band unveiled its plans towards the close of its Monday performance in Nashville, where fans had "
        "gathered to hear the group play its best-known songs.\n\n"
        "Tickets go on sale next week through the venue's box office and its website, the promoter said in a "
        "statement released on Tuesday morning.")


def _page(header: list[str]) -> str:
    return "\n\n".join(header) + "\n\n" + BODY + "\n\nThe Plain Dealer\n\nSun News\n\nContact us"


@pytest.mark.parametrize("classifier", MODES)
def test_a_site_name_repeated_in_menus_is_not_the_headline(classifier) -> None:
    head = ["Menu", "The Plain Dealer", "Sun News", "Weather", "Subscribe", "The Plain Dealer", "Sun News",
            "Sign In", "Entertainment", "Doobie Brothers to reunite with Michael McDonald for Blossom show",
            "Updated Nov 19, 6:55 AM", "By Troy L. Smith, cleveland.com"]
    r = clean(_page(head), classifier=classifier)
    assert r.title == "Doobie Brothers to reunite with Michael McDonald for Blossom show"


@pytest.mark.parametrize("line", ["https://www.bbc.com/news/world-europe-50473792", "Sarah.Needleman@wsj.com",
                                  "%2Ftennis%2Fargentina-comfortably-wins-davis-cup-opener"])
def test_a_url_or_address_is_never_the_headline(line: str) -> None:
    head = ["Home", line, line, "Sweden drops Assange rape investigation after nearly a decade"]
    assert clean(_page(head)).title == "Sweden drops Assange rape investigation after nearly a decade"


def test_a_short_headline_is_kept_when_no_headline_length_line_exists() -> None:
    assert clean(_page(["Home", "Apple Pro Display XDR", "By Jane Doe"])).title == "Apple Pro Display XDR"
