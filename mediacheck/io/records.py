"""Map one JSON/CSV/Parquet record (a dict) to an ``Article``: field types, ``published`` dates and ``meta``.

Rules: ``text``, ``html``, ``title``, ``outlet``, ``url`` and ``lang`` are strings (or missing/null); ``id`` and
``input_id`` are strings or integers (an integral float such as pandas' ``1.0`` counts); anything else there makes
an error Article that says which field is wrong. ``published`` is normalised (``dates.normalise_published``). Every
other field goes to ``meta`` as it is; a ``meta`` field (an object, or a JSON-object string from a CSV cell) is
merged into it. Output of ``mediacheck clean`` (a record with ``status`` and ``input_id``) reads back: its
``input_id`` is kept, its own columns are dropped, and a record with status ``error`` stays an error.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from ..model import STATUS_ERROR, Article
from .dates import normalise_published
from .decode import DecodeError, decode_bytes, normalise_newlines

__all__ = ["KNOWN_FIELDS", "record_to_article"]

KNOWN_FIELDS = ("id", "input_id", "text", "html", "scraped", "outlet", "url", "published", "title", "lang", "meta")
#: columns ``mediacheck clean`` writes that are no Article field (``source``: where clean read it), dropped when its
#: output is read back; an ordinary input keeps such columns in ``meta``
CLEAN_ONLY = ("status", "message", "subtitle", "byline", "dateline", "language", "headline_variants", "removed",
              "warnings", "source")
_JSON_KIND = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


def kind_of(value: Any) -> str:
    """How a value's type is named in messages: ``'a boolean'``, ``'a number'``, ``'NaN'``, ``'a list'``, ..."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    return f"a {type(value).__name__}"


def _string(record: Mapping, name: str, errors: list[str]) -> str:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or ""
    errors.append(f"field {name!r} is {kind_of(value)}, expected a string")
    return ""


def _body(value: Any, name: str, errors: list[str], warnings: list[str]) -> str:
    """A ``text``/``html`` value: a string, or bytes (Parquet binary) decoded with a warning if need be."""
    if isinstance(value, str):
        return normalise_newlines(value)
    if isinstance(value, (bytes, bytearray)):
        try:
            text, more = decode_bytes(bytes(value))
        except DecodeError as exc:
            errors.append(f"field {name!r}: {exc}")
            return ""
        warnings.extend(more)
        return text
    errors.append(f"field {name!r} is {kind_of(value)}, expected a string")
    return ""


def _id(record: Mapping, name: str, errors: list[str]) -> str:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or ""
    if isinstance(value, float) and value.is_integer():  # pandas stores an int column with gaps as floats
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return str(value)
        except ValueError:  # more digits than Python converts
            pass
    errors.append(f"field {name!r} is {kind_of(value)}, expected a string or an integer")
    return ""


def _meta(record: Mapping, clean_output: bool) -> dict:
    """Every field without an Article field of its own; a ``meta`` object (or JSON-object string) merged in."""
    meta: dict = {}
    nested = record.get("meta")
    if isinstance(nested, str) and nested.strip():
        try:
            parsed = json.loads(nested)
        except (ValueError, RecursionError):
            parsed = None
        if isinstance(parsed, dict):
            meta.update(parsed)
        else:
            meta["meta"] = nested
    elif isinstance(nested, Mapping):
        meta.update(nested)
    elif nested is not None and nested != "":
        meta["meta"] = nested
    for key, value in record.items():
        if key not in KNOWN_FIELDS and not (clean_output and key in CLEAN_ONLY):
            meta[key] = value
    return meta


def record_to_article(record: Any, *, fallback_id: str, source: str, outlet: str = "",
                      warnings: Iterable[str] = (), where: str = "") -> Article:
    """One record as an Article (an error Article when it has no usable body or a field of the wrong type).

    ``fallback_id`` is the id of a record without one (``line-3``); ``where`` prefixes its error messages
    (``'line 3: '``). Strings are not repaired here (``repair.repair_article`` does that) and ids not made unique.
    """
    warns = list(warnings)
    if not isinstance(record, Mapping):
        kind = _JSON_KIND.get(type(record), "a number")
        return Article(id=fallback_id, source=source, outlet=outlet, warnings=tuple(warns),
                       error=f"{where}record is {kind}, expected an object")
    errors: list[str] = []
    given = _id(record, "id", errors)
    input_id = _id(record, "input_id", errors) or given
    text_name = "text" if record.get("text") is not None or record.get("scraped") is None else "scraped"
    text_v, html_v = record.get(text_name), record.get("html")
    text = _body(text_v, text_name, errors, warns) if text_v is not None else ""
    html = _body(html_v, "html", errors, warns) if html_v is not None else ""
    title = normalise_newlines(_string(record, "title", errors))
    rec_outlet = _string(record, "outlet", errors)
    url, lang = _string(record, "url", errors), _string(record, "lang", errors)
    clean_output = "status" in record and "input_id" in record  # a record written by `mediacheck clean`
    published, warning = normalise_published(record.get("published"))
    if warning:
        warns.append(warning)
    base = {"id": given or fallback_id, "input_id": input_id, "outlet": rec_outlet or outlet, "source": source,
            "meta": _meta(record, clean_output), "published": published, "url": url, "title": title, "lang": lang}
    if clean_output and record.get("status") == STATUS_ERROR:
        message = record.get("message")
        return Article(**base, warnings=tuple(warns), error=message if isinstance(message, str) and message
                       else "record has status 'error'")
    if errors:
        return Article(**base, warnings=tuple(warns), error=where + "; ".join(errors))
    if text_v is None and html_v is None:
        return Article(**base, warnings=tuple(warns), error=f"{where}record has neither 'text' nor 'html'")
    return Article(**base, text=text, html="" if text else html, warnings=tuple(warns))
