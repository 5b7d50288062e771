"""mediacheck.data: one loader that fails loudly, one header vocabulary for every fitted file."""
from __future__ import annotations

import json

import pytest

from mediacheck import data
from mediacheck.data import HEADER_KEYS, DataFileError, check_header, load_json, read_text

FITTED = ("line_model.json", "loaded_model.json", "frame_model.json", "headline_similarity.json")


@pytest.mark.parametrize("name", FITTED)
def test_every_fitted_file_names_its_data_licence_and_date(name):
    header = load_json(name)["header"]
    assert all(header.get(k) for k in HEADER_KEYS), header
    assert isinstance(header["fitted"], str) and header["fitted"][:2] == "20"


def test_a_missing_file_is_an_error_that_names_it():
    with pytest.raises(DataFileError, match="mediacheck/data/no_such_model.json is missing"):
        read_text("no_such_model.json")


def test_header_check_names_what_is_missing():
    with pytest.raises(ValueError, match="x.json: header lacks licence, fitted"):
        check_header({"header": {"data": "d"}}, "x.json")
    with pytest.raises(ValueError, match="expected a JSON object"):
        check_header([1, 2], "x.json")


def test_a_missing_shipped_model_is_not_silently_replaced(monkeypatch):
    """The line model and the frame model fail loudly when their file is gone (no heuristic fallback)."""
    from mediacheck.cleaning import classifier
    from mediacheck.scoring import frames

    def gone(name):
        raise DataFileError(f"mediacheck/data/{name} is missing or unreadable (test): reinstall mediacheck")

    monkeypatch.setattr(data, "read_text", gone)
    monkeypatch.setattr(classifier, "_DEFAULT", [])
    with pytest.raises(DataFileError, match="line_model.json"):
        classifier.default_model()
    frames.default_frame_model.cache_clear()
    try:
        with pytest.raises(DataFileError, match="frame_model.json"):
            frames.default_frame_model()
    finally:
        monkeypatch.undo()
        frames.default_frame_model.cache_clear()


def test_loaded_model_refuses_other_features():
    from mediacheck.scoring.loaded import LoadedModel

    d = json.loads(read_text("loaded_model.json"))
    d["ngram_range"] = [1, 3]
    with pytest.raises(ValueError, match="ngram_range"):
        LoadedModel.from_json(json.dumps(d))
