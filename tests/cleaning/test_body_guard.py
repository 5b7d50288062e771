"""The main prose block guard: the classifier cannot drop most of the story, and a body much shorter than the
page's main prose block is reported; list lines and the page language reach the line features."""
from __future__ import annotations

import numpy as np
import pytest

from mediacheck.cleaning import cleaner
from mediacheck.cleaning.blocks import MAIN_BLOCK_MAX_LOSS
from mediacheck.cleaning.cleaner import clean_text
from mediacheck.cleaning.features import COLUMN, line_features

TEASERS = [
    "Police say the suspect in last week's bank robbery has now been arrested in Ohio after a long chase.",
    "The city council will vote on the new budget next Tuesday, officials said in a short statement today.",
]
STORY = [
    "The regional water authority said on Monday that it would raise prices by eight percent next year.",
    "Officials blamed the increase on the rising cost of energy and on repairs to ageing pipes in the north.",
    "Residents who spoke to reporters at a public meeting said the rise would hit pensioners hardest.",
    "The authority said a hardship fund would help households that struggle to pay their bills in winter.",
    "Opposition councillors called for an independent review of the authority's spending before any rise.",
    "A final decision is expected at the board meeting in March, after a six-week public consultation.",
]


def _page() -> str:
    return "\n\n".join(["Home", "News", *TEASERS, "Related", "Weather", *STORY, "Contact us"])


class _KeepOnly:
    """A stand-in line model that keeps exactly the given lines (probability 1) and drops the rest."""

    threshold = 0.5

    def __init__(self, keep: set[str]) -> None:
        self.keep = keep
        self.lines: list[str] = []

    def predict_proba(self, feats: np.ndarray) -> np.ndarray:
        return np.array([1.0 if s in self.keep else 0.0 for s in self.lines])


@pytest.fixture
def teaser_model(monkeypatch):
    model = _KeepOnly(set(TEASERS))
    real = cleaner.features_for

    def spy(lines, codes, stats=None):
        model.lines = list(lines.text)
        return real(lines, codes, stats)

    monkeypatch.setattr(cleaner, "features_for", spy)
    return model


def test_a_model_that_drops_the_story_and_keeps_teasers_cannot_lose_the_story(teaser_model) -> None:
    out = clean_text(_page(), classifier=teaser_model, lang="en")
    for s in STORY:
        assert s in out["text"]
    assert not out["warnings"]


def test_without_the_guard_that_model_would_have_lost_the_story(teaser_model, monkeypatch) -> None:
    # the same page with the guard switched off: proof that the test above exercises the guard
    import mediacheck.cleaning.blocks as blocks

    monkeypatch.setattr(blocks, "MAIN_BLOCK_MAX_LOSS", 1.0)
    out = clean_text(_page(), classifier=teaser_model, lang="en")
    assert not any(s in out["text"] for s in STORY)
    assert MAIN_BLOCK_MAX_LOSS < 1.0


def test_a_body_much_shorter_than_the_main_prose_block_gets_a_warning(monkeypatch) -> None:
    real = cleaner.rule_codes

    def story_as_ads(lines):
        return ["BP_AD" if s in STORY[1:] else c for s, c in zip(lines.text, real(lines))]

    monkeypatch.setattr(cleaner, "rule_codes", story_as_ads)
    out = clean_text(_page(), lang="en")
    assert any("longest prose block" in w for w in out["warnings"])


def test_a_normal_article_gets_no_warning() -> None:
    assert clean_text(_page(), lang="en")["warnings"] == ()


@pytest.mark.parametrize(("line", "want"), [
    ("200 g Zucker", 1.0), ("2 EL Butter", 1.0), ("1/2 cup sugar", 1.0), ("100. Ray Gillen", 1.0),
    ("3) Mix the flour and the eggs", 1.0), ("Zucker, 200 g", 0.0), ("Home", 0.0), ("The 200 guests", 0.0),
])
def test_starts_number_marks_list_items_and_quantities(line: str, want: float) -> None:
    assert line_features([line], [None])[0, COLUMN["starts_number"]] == want


def test_the_language_is_reported_and_an_input_language_is_used() -> None:
    assert clean_text(_page())["language"] == "en"
    assert clean_text(_page(), lang="de")["language"] == "de"
