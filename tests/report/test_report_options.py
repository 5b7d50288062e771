"""``ReportOptions``: the settings of ``build_report`` / ``analyze`` as one frozen, validated object, or keywords."""
from __future__ import annotations

import dataclasses
import inspect
import json
from pathlib import Path

import pandas as pd
import pytest

import mediacheck
from mediacheck.report import ReportOptions, analyze, build_report
from mediacheck.report.pipeline import check_options

ALLSIDES = Path(__file__).resolve().parents[2] / "corpora" / "allsides" / "allsides.jsonl"
FAST = {"resamples": 50, "permutations": 19, "min_articles": 3}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    rows = [json.loads(line) for _, line in zip(range(60), ALLSIDES.open(encoding="utf-8"))]
    return pd.DataFrame(rows)


def _same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert list(a) == list(b)
    for name in a:
        if name == "summary":
            drop = ["seconds", "seconds_articles"]
            pd.testing.assert_frame_equal(a[name].drop(columns=drop), b[name].drop(columns=drop))
        else:
            pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_defaults_are_the_keyword_defaults():
    sig = inspect.signature(build_report).parameters
    for f in dataclasses.fields(ReportOptions):
        assert repr(sig[f.name].default) == repr(f.default), f.name
    assert "sinks" not in {f.name for f in dataclasses.fields(ReportOptions)}   # run arguments, not options
    assert "progress" not in {f.name for f in dataclasses.fields(ReportOptions)}


def test_options_and_keywords_give_identical_reports(frame):
    settings = {**FAST, "tone": False, "sentences": True, "evidence_top": 2, "compare_no_outlet": True,
                "leanings": {"CNN (Online News)": "left"}}
    by_keywords = analyze(frame, **settings)
    by_options = analyze(frame, options=ReportOptions(**settings))
    _same(by_options, by_keywords)
    assert "sentences" in by_options and by_options["articles"]["tone"].isna().all()
    _same(analyze(frame, options=ReportOptions(**settings), tone=False, resamples=50), by_keywords)


def test_build_report_takes_options_and_run_arguments(frame):
    from mediacheck.cleaning import as_articles

    records = frame.to_dict("records")

    def source():
        return as_articles(records)

    a = build_report(source, options=ReportOptions(**FAST, templates=False), progress=False, sinks={})
    b = build_report(source, templates=False, progress=False, sinks={}, **FAST)
    assert a.summary == b.summary and a.notes == b.notes
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], obj=name)


def test_conflicting_keywords_are_a_type_error(frame):
    with pytest.raises(TypeError, match=r"conflicting keyword resamples=10 \(options has 50\)"):
        analyze(frame, options=ReportOptions(**FAST), resamples=10)
    with pytest.raises(TypeError, match="options must be a ReportOptions"):
        build_report(lambda: [], options=FAST)


def test_validation_is_check_options():
    for bad in ({"jobs": -1}, {"resamples": -1}, {"permutations": 0}, {"min_articles": 0}, {"jobs": 1.5},
                {"min_articles": True}, {"evidence_top": -1}):
        (name, _), = bad.items()
        with pytest.raises(ValueError, match=name):
            ReportOptions(**bad)
        with pytest.raises(ValueError, match=name):
            build_report(lambda: [], **bad)
    check_options(jobs=0, resamples=0, permutations=1, min_articles=1)
    assert ReportOptions(jobs=0, resamples=0, permutations=1, min_articles=1, evidence_top=0).jobs == 0


def test_frozen_and_exported():
    o = ReportOptions()
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.jobs = 2                                                   # type: ignore[misc]
    assert dataclasses.replace(o, jobs=2).jobs == 2
    assert mediacheck.ReportOptions is ReportOptions and "ReportOptions" in mediacheck.__all__
    assert "ReportOptions" in mediacheck.report.__all__
