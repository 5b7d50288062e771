"""The package's data files (lexicons, detectors, fitted weights) and the one way to read them.

``read_text(name)`` and ``load_json(name)`` fail loudly, naming the file, when a shipped file is missing or
broken: a silent fallback would change every number without a word. Fitted JSON files carry a ``header`` with
the shared vocabulary ``HEADER_KEYS`` (``data``, ``licence``, ``fitted``); ``MODELS.md`` says which code change
invalidates which file and how to refit it.
"""
from __future__ import annotations

import json
from importlib import resources

__all__ = ["HEADER_KEYS", "DataFileError", "check_header", "load_json", "read_text", "stamp"]

#: Keys every fitted file's header has: what it was fitted on, that data's licence, when, the file layout's
#: version (``schema``, per file) and the mediacheck version that wrote it.
HEADER_KEYS = ("data", "licence", "fitted", "schema", "mediacheck_version")


class DataFileError(FileNotFoundError):
    """A shipped data file is missing or unreadable (the installation is broken)."""


def read_text(name: str) -> str:
    """The text of ``mediacheck/data/<name>``; ``DataFileError`` naming it when missing or undecodable."""
    res = resources.files(__name__).joinpath(name)
    try:
        return res.read_text("utf-8")
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError) as e:
        raise DataFileError(f"mediacheck/data/{name} is missing or unreadable ({e.__class__.__name__}): "
                            "reinstall mediacheck") from None


def check_header(d: object, name: str) -> dict:
    """``d`` as a dict whose ``header`` holds every key of ``HEADER_KEYS``; ``ValueError`` naming the file."""
    if not isinstance(d, dict) or not isinstance(d.get("header"), dict):
        raise ValueError(f"{name}: expected a JSON object with a 'header' object")
    missing = [k for k in HEADER_KEYS if k not in d["header"]]
    if missing:
        raise ValueError(f"{name}: header lacks {', '.join(missing)} (see mediacheck/data/MODELS.md)")
    return d


def load_json(name: str) -> dict:
    """A shipped fitted file, parsed and its header checked (callers cache the model they build from it)."""
    text = read_text(name)
    try:
        d = json.loads(text)
    except json.JSONDecodeError as e:
        raise DataFileError(f"mediacheck/data/{name} is not valid JSON ({e}): reinstall mediacheck") from None
    return check_header(d, name)


def stamp(header: dict, schema: int) -> dict:
    """``header`` with ``schema`` and ``mediacheck_version`` set (what every fitting tool writes)."""
    import mediacheck

    return {**header, "schema": schema, "mediacheck_version": mediacheck.__version__}
