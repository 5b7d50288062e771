"""Golden test from the issue: seeds/000_a866e3e8c53c6af1.txt (title, dek, paraphrased headline, repeats)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from mediacheck.cleaning import clean

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_a866e3e8c53c6af1.txt"

TITLE = "Is Trump capable of compelling Putin to negotiate a truce?"
SUBTITLE = ("Trump and Putin to Discuss Russian Aggression Toward Ukraine at Upcoming Summit, Excluding Ukraine's "
            "Leadership")
PARAPHRASE = "Is it within Trump's power to compel Putin towards a peaceful resolution?"

MODES = [pytest.param(None, id="default-model"), pytest.param(False, id="rules-only")]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def body_paragraphs(text: str) -> list[str]:
    """The paragraphs of the seed between the second copy of the title and 'Read also:'."""
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    title_copies = [i for i, p in enumerate(paras) if p == TITLE]
    assert len(title_copies) == 2
    end = paras.index("Read also:")
    return paras[title_copies[1] + 1:end]


def test_seed_file_shape(seed_text: str) -> None:
    body = body_paragraphs(seed_text)
    assert len(body) == 9
    assert all("\n" not in p and len(p.split()) > 30 for p in body)


@pytest.mark.parametrize("classifier", MODES)
def test_seed_title_subtitle_and_variants(seed_text: str, classifier) -> None:
    r = clean(seed_text, classifier=classifier)
    assert r.status == "ok"
    assert r.title == TITLE
    assert r.subtitle == SUBTITLE
    assert PARAPHRASE in r.headline_variants
    assert TITLE not in r.headline_variants


@pytest.mark.parametrize("classifier", MODES)
def test_seed_removals(seed_text: str, classifier) -> None:
    r = clean(seed_text, classifier=classifier)
    by_text: dict[str, list[str]] = {}
    for x in r.removed:
        by_text.setdefault(x.text, []).append(x.rule)
    # Both copies of the title: the first is the title line, the second a repeat.
    assert sorted(by_text[TITLE]) == ["HL_REPEAT", "HL_TITLE"]
    title_rows = sorted((x.line, x.rule) for x in r.removed if x.text == TITLE)
    assert title_rows == [(3, "HL_TITLE"), (10, "HL_REPEAT")]
    # Both copies of the paraphrase.
    assert by_text[PARAPHRASE] == ["HL_PARAPHRASE", "HL_PARAPHRASE"]
    assert sorted(x.line for x in r.removed if x.text == PARAPHRASE) == [7, 8]
    assert by_text[SUBTITLE] == ["HL_SUBTITLE"]
    assert by_text["Skip to content"] == ["BP_SKIP_LINK"]
    assert by_text["Read also:"] == ["BP_RELATED"]
    assert by_text["Latest"] == ["BP_RELATED"]
    # Nothing else is removed: every other line is body.
    assert Counter(x.rule for x in r.removed) == Counter(
        {"HL_TITLE": 1, "HL_REPEAT": 1, "HL_PARAPHRASE": 2, "HL_SUBTITLE": 1, "BP_SKIP_LINK": 1, "BP_RELATED": 2})


@pytest.mark.parametrize("classifier", MODES)
def test_seed_body_is_the_nine_paragraphs_verbatim(seed_text: str, classifier) -> None:
    r = clean(seed_text, classifier=classifier)
    expected = body_paragraphs(seed_text)
    assert r.text == "\n\n".join(expected)
    assert r.text.split("\n\n") == expected


@pytest.mark.parametrize("classifier", MODES)
def test_seed_removed_lines_point_at_the_input(seed_text: str, classifier) -> None:
    lines = seed_text.split("\n")
    r = clean(seed_text, classifier=classifier)
    for x in r.removed:
        assert lines[x.line - 1].strip() == x.text


@pytest.mark.parametrize("classifier", MODES)
def test_seed_with_known_title_and_url(seed_text: str, classifier) -> None:
    # A title from metadata (e.g. HTML og:title) is matched against the text: same result.
    r = clean(seed_text, title=TITLE, url="https://example.com/world/trump-putin-truce-summit-ukraine",
              classifier=classifier)
    assert r.title == TITLE
    assert r.text == "\n\n".join(body_paragraphs(seed_text))
    assert PARAPHRASE in r.headline_variants
    assert sorted(x.rule for x in r.removed if x.text == TITLE) == ["HL_REPEAT", "HL_TITLE"]


@pytest.mark.parametrize("classifier", MODES)
def test_seed_with_crlf_line_ends(seed_text: str, classifier) -> None:
    r = clean(seed_text.replace("\n", "\r\n"), classifier=classifier)
    assert r.title == TITLE
    assert r.text == "\n\n".join(body_paragraphs(seed_text))
