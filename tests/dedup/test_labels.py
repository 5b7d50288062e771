"""One outlet-label table: the dedup key and the similarity features strip the same labels."""
from __future__ import annotations

import pytest

from mediacheck.dedup.labels import LABELS
from mediacheck.dedup.normalize import headline_key
from mediacheck.dedup.similarity import strip_outlet

HEADLINE = "Senate passes the new budget bill after a long night"


@pytest.mark.parametrize("label", LABELS)
def test_every_label_is_stripped_by_both(label):
    labelled = f"{label.upper()}: {HEADLINE}"
    assert headline_key(labelled) == headline_key(HEADLINE)
    assert strip_outlet(labelled) == HEADLINE


@pytest.mark.parametrize("suffix", [" - Reuters", " | BBC News", " :: The Site", " — AP"])
def test_an_outlet_suffix_is_stripped_by_both(suffix):
    assert headline_key(HEADLINE + suffix) == headline_key(HEADLINE)
    assert strip_outlet(HEADLINE + suffix) == HEADLINE


def test_a_label_word_inside_the_headline_stays():
    h = "Fans watch: the final was a thriller"        # "watch" not at the start
    assert strip_outlet("Review of the year: " + h).startswith("Review of the year")
