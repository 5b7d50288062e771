"""Shared test setup.

``MEDIACHECK_TEST_LINE_MODEL=/path/to/line_model.json pytest tests/clean`` runs the suite with that file as the
cleaner's default line model (to check a candidate model before it replaces ``mediacheck/data/line_model.json``).
``MEDIACHECK_TEST_LINE_MODEL=none`` runs it as if no model were shipped. Without the variable the shipped model
is used (or, if there is none, the rules-only fallback).
"""
from __future__ import annotations

import os
from pathlib import Path


def pytest_configure(config) -> None:
    path = os.environ.get("MEDIACHECK_TEST_LINE_MODEL")
    if not path:
        return
    from mediacheck.cleaning import classifier

    if path.lower() == "none":      # run "default" mode as if no model were shipped (rules-only fallback)
        classifier._DEFAULT[:] = [None]
        return
    model = classifier.LineModel.from_json(Path(path).read_text(encoding="utf-8"))
    classifier._DEFAULT[:] = [model]


def pytest_report_header(config) -> str:
    from mediacheck.cleaning.classifier import default_model

    path = os.environ.get("MEDIACHECK_TEST_LINE_MODEL")
    try:
        model = default_model()
    except ValueError as e:     # a stale shipped model: the tests in default mode will say so
        return f"mediacheck line model: unusable ({e})"
    if model is None:
        return "mediacheck line model: none (default mode = rules-only fallback)"
    return f"mediacheck line model: {path or 'shipped'} {model.header or {}}"
