"""The "How a line is judged" order of docs/cleaning.md is the cleaner's order (rules, templates, headlines,
classifier)."""
from __future__ import annotations

import re
from pathlib import Path

from mediacheck.cleaning import cleaner
from mediacheck.cleaning.cleaner import clean_text

CLEANING_DOC = Path(__file__).resolve().parents[2] / "docs" / "cleaning.md"


def _codes_in_order(text: str) -> list[str]:
    """The first rule code of each numbered item ("1. ... (`BP_*`)") of a numbered list."""
    return [m.group(1) for m in re.finditer(r"^\s*\d\.\s[^\n]*?\(``?([A-Z_]+\*?)``?\)", text, re.MULTILINE)]


def test_docs_list_the_decisions_in_the_code_order():
    doc_text = CLEANING_DOC.read_text(encoding="utf-8")
    section = doc_text[doc_text.index("### How a line is judged"):]
    section = section[:section.index("\n\n**")]
    doc = cleaner.__doc__ or ""
    assert _codes_in_order(section) == _codes_in_order(doc) == ["BP_*", "TPL_OUTLET", "HL_*", "CL_BOILERPLATE"]


def test_a_template_line_is_settled_before_the_headline_is_looked_for():
    text = ("Council backs new park\n\nCouncil backs new park\n\n"
            "The city council voted on Tuesday to turn the old rail yard into a public park, after two years of "
            "debate about the cost and the design of the site.\n\n"
            "Work is expected to begin next spring, the mayor said in a statement after the vote.")
    plain = clean_text(text)
    assert [r.rule for r in plain["removed"]] == ["HL_TITLE", "HL_REPEAT"]
    assert plain["title"] == "Council backs new park"
    templated = clean_text(text, template={"council backs new park"})
    assert [r.rule for r in templated["removed"]] == ["TPL_OUTLET", "TPL_OUTLET"]
    assert templated["title"] == ""                     # the template took the lines before headlines looked
