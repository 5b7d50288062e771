"""Outlet templates: lines that recur across one outlet's articles in a batch are removed as TPL_OUTLET."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediacheck.cleaning import TemplateLearner, clean_many
from mediacheck.cleaning.rules import match_line
from mediacheck.model import Article

MODES = [pytest.param(None, id="default-model"), pytest.param(False, id="rules-only")]

# Footer / promo lines of one outlet that no boilerplate rule names.
TEMPLATE_LINES = (
    "The Daily Planet Weekly Digest",
    "Our journalism relies on readers like you",
    "Metropolis and the Tri-County Area since 1938",
)

STORIES = [
    ("Council approves new transit budget after marathon session",
     ("The city council voted on Tuesday to approve a budget that raises spending on public transit by twelve "
     "percent, officials said after a session that ran past midnight."),
     ("Critics argued that the plan relies on optimistic revenue forecasts, while supporters said the investment "
     "was long overdue for a region whose buses are among the oldest in the country.")),
    ("Harbour bridge to close for three weekends of repairs",
     ("The harbour bridge will close to traffic for three weekends next month while engineers replace worn "
     "expansion joints, the transport department said on Monday."),
     ("Drivers were advised to use the tunnel instead, and extra ferries will run every fifteen minutes between "
     "the two terminals while the work is carried out.")),
    ("Local bakery wins national award for sourdough loaf",
     ("A family-run bakery in the old town has won a national award for its sourdough, beating more than 400 "
     "entries from across the country, the judges announced on Saturday."),
     ("The owners said they would use the prize money to train two apprentices and keep the shop open on Sundays "
     "for the first time since it opened in 1962.")),
    ("School board delays vote on later start times",
     ("The school board postponed a vote on moving high school start times to 8:30 a.m., saying it needed more "
     "information about the cost of changing bus routes across the district."),
     ("Parents who spoke at the meeting were divided, with some saying teenagers need more sleep and others "
     "warning that later dismissal would clash with after-school jobs and sports.")),
    ("Museum returns stolen painting to family after 80 years",
     ("The city museum has returned a landscape painting to the descendants of its original owner, eight decades "
     "after it was seized during the war, the museum's director said on Thursday."),
     ("The family said they planned to lend the work back to the museum for an exhibition next year about art "
     "that was looted and later recovered.")),
    ("Heavy rain floods streets in the east of the city",
     ("Heavy rain flooded dozens of streets in the east of the city overnight, forcing the closure of two schools "
     "and a stretch of the ring road during the morning rush hour."),
     ("Forecasters said more rain was expected on Wednesday and urged residents in low-lying areas to move cars "
     "and valuables to higher ground before the evening.")),
]


def article_text(i: int, *, masthead: str = "") -> str:
    title, p1, p2 = STORIES[i]
    header = ["Skip to content", "Home"] + ([masthead] if masthead else []) + [title, "By Lois Lane"]
    return "\n\n".join(header + [
        p1, p2, "Advertisement", *TEMPLATE_LINES, "© 2019 The Daily Planet. All rights reserved.",
    ]) + "\n"


def batch(n: int = 6, outlet: str = "dailyplanet.example", masthead: str = "") -> list[Article]:
    return [Article(id=f"{outlet}/{i}", text=article_text(i, masthead=masthead), outlet=outlet) for i in range(n)]


def template_rules(rec) -> dict[str, str]:
    return {x.text: x.rule for x in rec.removed if x.text in TEMPLATE_LINES}


def test_template_lines_match_no_rule() -> None:
    assert all(match_line(s) is None for s in TEMPLATE_LINES)


@pytest.mark.parametrize("classifier", MODES)
def test_shared_lines_removed_as_template_in_every_article(classifier) -> None:
    out = list(clean_many(batch(), classifier=classifier))
    assert len(out) == 6
    for i, rec in enumerate(out):
        assert rec.id == f"dailyplanet.example/{i}"
        assert template_rules(rec) == {s: "TPL_OUTLET" for s in TEMPLATE_LINES}
        for s in TEMPLATE_LINES:
            assert s not in rec.text
        # The articles' own lines are not template lines.
        title, p1, p2 = STORIES[i]
        assert rec.title == title
        assert all(x.rule != "TPL_OUTLET" for x in rec.removed if x.text not in TEMPLATE_LINES)
        if classifier is False:     # with the line model, keeping each paragraph is the model's call
            assert rec.text == f"{p1}\n\n{p2}"


@pytest.mark.parametrize("classifier", MODES)
def test_rules_still_come_before_templates(classifier) -> None:
    # Lines that recur in every article but that a rule names keep the rule's code.
    rec = next(iter(clean_many(batch(), classifier=classifier)))
    codes = {x.text: x.rule for x in rec.removed}
    assert codes["Skip to content"] == "BP_SKIP_LINK"
    assert codes["Advertisement"] == "BP_AD"
    assert codes["By Lois Lane"] == "BP_BYLINE"
    assert codes["© 2019 The Daily Planet. All rights reserved."] == "BP_FOOTER"


@pytest.mark.parametrize("classifier", MODES)
def test_templates_off_gives_no_template_code(classifier) -> None:
    out = list(clean_many(batch(), templates=False, classifier=classifier))
    assert len(out) == 6
    for rec in out:
        assert all(x.rule != "TPL_OUTLET" for x in rec.removed)


def test_outlet_with_two_articles_learns_nothing() -> None:
    arts = batch(6) + batch(2, outlet="smallpaper.example")
    out = list(clean_many(arts, classifier=False))
    small = [r for r in out if r.outlet == "smallpaper.example"]
    assert len(small) == 2
    for rec in small:
        assert all(x.rule != "TPL_OUTLET" for x in rec.removed)
    big = [r for r in out if r.outlet == "dailyplanet.example"]
    assert all(template_rules(r) == {s: "TPL_OUTLET" for s in TEMPLATE_LINES} for r in big)


def test_articles_without_outlet_learn_nothing() -> None:
    arts = [Article(id=str(i), text=article_text(i)) for i in range(6)]
    out = list(clean_many(arts, classifier=False))
    assert all(x.rule != "TPL_OUTLET" for r in out for x in r.removed)


def test_outlets_do_not_share_templates() -> None:
    # Five other-outlet articles carry the same lines: templates are learnt per outlet.
    arts = batch(6) + batch(2, outlet="other.example")
    learner = TemplateLearner()
    list(clean_many(arts, learner=learner, classifier=False))
    assert learner.outlets() == {"dailyplanet.example": 6, "other.example": 2}
    assert learner.template("other.example") == frozenset()
    assert {"the daily planet weekly digest", "our journalism relies on readers like you"} <= \
        learner.template("dailyplanet.example")


@pytest.mark.parametrize("classifier", MODES)
def test_streaming_gives_the_same_result_as_the_list(classifier) -> None:
    arts = batch() + batch(2, outlet="smallpaper.example")
    as_list = list(clean_many(arts, classifier=classifier))
    streamed = list(clean_many((a for a in arts), classifier=classifier))
    assert streamed == as_list


def test_clean_many_is_lazy_for_a_list_and_keeps_order() -> None:
    arts = batch()
    it = clean_many(arts, classifier=False)
    first = next(it)
    assert first.id == arts[0].id
    assert [r.id for r in it] == [a.id for a in arts[1:]]


def test_error_records_pass_through_a_batch() -> None:
    arts = batch() + [Article(id="bad", outlet="dailyplanet.example", error="could not decode bytes")]
    out = list(clean_many(arts, classifier=False))
    assert out[-1].status == "error" and out[-1].message == "could not decode bytes"
    assert all(template_rules(r) == {s: "TPL_OUTLET" for s in TEMPLATE_LINES} for r in out[:-1])


def test_template_line_in_header_is_never_the_title() -> None:
    masthead = "The Daily Planet Weekly Edition"
    out = list(clean_many(batch(masthead=masthead), classifier=False))
    for i, rec in enumerate(out):
        assert rec.title == STORIES[i][0]
        assert {x.text: x.rule for x in rec.removed}[masthead] == "TPL_OUTLET"


def test_learner_memory_stays_bounded_on_a_long_stream_and_keeps_the_template():
    learner = TemplateLearner()
    for k in range(5000):
        lines = [f"Story {k} paragraph {j} about the council budget and the harbour bridge" for j in range(20)]
        lines.append(TEMPLATE_LINES[0])
        if k % 2:
            lines.append(TEMPLATE_LINES[1])                   # in half the articles: still a template line
        if k % 10 == 0:
            lines.append(TEMPLATE_LINES[2])                   # in a tenth: not one
        learner.add("planet", "\n".join(lines))
    tracked = len(learner._lines["planet"])
    assert tracked < 20 * 200                                # 100k distinct lines seen; ~2 buckets' worth kept
    template = learner.template("planet")
    assert len(template) == 2
    assert any("digest" in x for x in template) and any("readers like you" in x for x in template)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ab"), st.lists(st.sampled_from(["Menu", "Share", "Sport", "Home | News",
                                                                           "Story one", "Story two", "Ad"]),
                                                          max_size=5)), max_size=60),
       st.sampled_from([0.01, 0.2, 0.34]), st.integers(1, 4))
def test_template_reads_only_frequent_lines_yet_equals_a_scan_of_every_count(articles, prune_error, min_count):
    learner = TemplateLearner(min_articles=2, min_count=min_count, prune_error=prune_error)
    for outlet, lines in articles:
        learner.add(outlet, "\n".join(lines))
        for o in "ab":
            n = learner.outlets().get(o, 0)
            need = max(min_count, learner.min_share * n)
            scan = frozenset(x for x, k in learner._lines[o].items() if k >= need) if n >= 2 else frozenset()
            assert learner.template(o) == scan
