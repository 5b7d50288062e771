"""``DedupOptions``: the settings of ``find_duplicates`` as one frozen, validated object, or as keywords."""
from __future__ import annotations

import dataclasses
import inspect

import pytest

import mediacheck
from mediacheck.dedup import DedupOptions, find_duplicates

WIRE = ("The central bank raised interest rates by a quarter point on Wednesday, its third increase this year, "
        "saying inflation remained too high. Officials signalled that more increases could follow if prices keep "
        "rising, and markets fell after the announcement as investors weighed the outlook for growth.")


def corpus() -> list[dict]:
    rows = [
        ("a1", "ap", "Central bank raises rates for third time this year", WIRE, "2024-05-01"),
        ("a2", "msn", "Central bank raises rates for third time this year", WIRE, "2024-05-01"),
        ("a3", "cnn", "Central bank raises rates for a third time this year", "Rates went up again.", "2024-05-02"),
        ("a4", "fox", "Fed hikes rates again as inflation stays high", "The Fed raised rates on Wednesday.",
         "2024-05-01"),
        ("a5", "npr", "Harbour bridge to close for repairs", "The bridge will close next month.", "2024-05-20"),
        ("a6", "bbc", "Bridge over the harbour will close for repairs", "Repairs close the bridge.", "2024-06-20"),
    ]
    return [{"id": i, "outlet": o, "title": t, "text": x, "published": d} for i, o, t, x, d in rows]


def test_defaults_are_the_keyword_defaults():
    sig = inspect.signature(find_duplicates).parameters
    for f in dataclasses.fields(DedupOptions):
        assert repr(sig[f.name].default) == repr(f.default), f.name      # help() shows the real defaults
    assert DedupOptions() == DedupOptions(near_cutoff=90.0, window_days=7.0, cluster_cap=200)


@pytest.mark.parametrize("settings", [
    {},
    {"window_days": None, "story_threshold": 0.1},
    {"cluster_cap": None, "weak_bridges": True},
    {"near_cutoff": 80, "syndicated_jaccard": 0.5, "paraphrase_threshold": 0.6, "min_body_words": 10,
     "story_neighbours": 3, "title_only_threshold": 0.4, "cluster_cap": 3},
])
def test_options_and_keywords_give_identical_results(settings):
    arts = corpus()
    by_keywords = find_duplicates(arts, **settings)
    by_options = find_duplicates(arts, options=DedupOptions(**settings))
    assert by_options == by_keywords
    both = find_duplicates(arts, options=DedupOptions(**settings), **settings)   # the same values: no conflict
    assert both == by_keywords


def test_the_options_change_the_result():
    arts = corpus()
    assert find_duplicates(arts, options=DedupOptions(window_days=None)) != find_duplicates(arts)


def test_conflicting_keywords_are_a_type_error():
    with pytest.raises(TypeError, match=r"conflicting keyword window_days=None \(options has 3\)"):
        find_duplicates(corpus(), options=DedupOptions(window_days=3), window_days=None)
    with pytest.raises(TypeError, match="keywords near_cutoff=.*cluster_cap="):
        find_duplicates([], options=DedupOptions(), near_cutoff=80, cluster_cap=5)
    with pytest.raises(TypeError, match="options must be a DedupOptions"):
        find_duplicates([], options={"window_days": 3})


def test_frozen_and_replace():
    o = DedupOptions()
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.window_days = 1                                            # type: ignore[misc]
    assert dataclasses.replace(o, window_days=1).window_days == 1 and o.window_days == 7.0


@pytest.mark.parametrize("bad", [
    {"near_cutoff": 101}, {"near_cutoff": -1}, {"syndicated_jaccard": 1.5}, {"paraphrase_threshold": float("nan")},
    {"story_threshold": "0.2"}, {"title_only_threshold": -0.1}, {"window_days": -1}, {"min_body_words": 0},
    {"min_body_words": 2.5}, {"story_neighbours": 0}, {"cluster_cap": 0}, {"cluster_cap": True},
])
def test_invalid_settings_are_a_value_error_either_way(bad):
    (name, value), = bad.items()
    with pytest.raises(ValueError, match=name):
        DedupOptions(**bad)
    with pytest.raises(ValueError, match=name):
        find_duplicates([], **bad)


def test_exported():
    assert mediacheck.DedupOptions is DedupOptions
    assert "DedupOptions" in mediacheck.__all__ and "DedupOptions" in mediacheck.dedup.__all__
