"""The rule table and the line model agree: the model was fitted on the rule codes the rules give today.

``rule_hit``, ``rule_win2`` and ``after_related`` are line-model inputs computed from the rule codes, so editing a
rule changes what the weights read. ``rules_fingerprint`` digests the rule table; the shipped model records the
one it was fitted with. When this test fails, refit (``mediacheck train-cleaner``, see ``mediacheck/data/MODELS.md``)
or show that no line of the training data changes its code and update the header."""
from __future__ import annotations

import pytest

from mediacheck.cleaning import rules
from mediacheck.cleaning.classifier import default_model


def test_line_model_was_fitted_on_todays_rule_table():
    model = default_model()
    assert model is not None
    assert model.header.get("rules_fingerprint") == rules.rules_fingerprint(), (
        "the rule table changed since the line model was fitted: refit it (mediacheck/data/MODELS.md)")


def test_fingerprint_moves_with_any_rule_change(monkeypatch):
    before = rules.rules_fingerprint()
    monkeypatch.setitem(rules._PHRASE_RULE, "read this next", "BP_RELATED")
    assert rules.rules_fingerprint() != before
    monkeypatch.undo()
    assert rules.rules_fingerprint() == before
    monkeypatch.setattr(rules, "MAX_RULE_CHARS", rules.MAX_RULE_CHARS + 1)
    assert rules.rules_fingerprint() != before


def test_a_phrase_under_two_codes_is_refused():
    with pytest.raises(ValueError, match="both BP_RELATED and BP_AD"):
        rules._phrase_table({"BP_RELATED": ("continue reading below",), "BP_AD": ("continue reading below",)})
    assert rules.match_line("Continue reading below") == "BP_AD"
