"""Text hygiene for the report: values that every writer can encode, and strings that are safe to display.

* ``encodable`` (tables): lone surrogates (from JSON ``"\\ud800"`` escapes or ``surrogateescape`` decoding) cannot
  be written as UTF-8 by any writer (CSV, Parquet, pandas' Arrow strings); they become U+FFFD.
* ``display`` (HTML): bidirectional controls (embeddings, overrides, isolates, marks) would reorder the text
  around them, so a name "\\u202eevil" reads as "live"; they and other control characters are shown as visible
  ``⟨U+202E⟩`` markers instead of being obeyed. The HTML also isolates every user string (``<bdi>`` / FSI..PDI)
  so a right-to-left name cannot reorder the text next to it.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping

from mediacheck.io.repair import BIDI_CONTROLS, replace_surrogates  # noqa: F401 (BIDI_CONTROLS: re-exported)

_SHOWN = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
                    "\u2028\u2029\ud800-\udfff]")
#: First Strong Isolate ... Pop Directional Isolate: the plain-text <bdi> (used inside SVG and attributes).
FSI, PDI = "\u2068", "\u2069"


def encodable(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD (so it can be written as UTF-8)."""
    return replace_surrogates(value)


def encodable_value(value):
    """``encodable`` applied to every string in a value (dict keys and values, list items), recursively."""
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dict):
        return {encodable_value(k): encodable_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(encodable_value(v) for v in value)
    return value


def encodable_row(row: dict) -> dict:
    """A table row whose strings can all be encoded."""
    return {k: encodable_value(v) for k, v in row.items()}


def _marker(m: re.Match) -> str:
    ch = m.group(0)
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    if ch in "\u2028\u2029":
        return " "
    return f"\u27e8U+{ord(ch):04X}\u27e9"


def display(value: object) -> str:
    """Text to show in the HTML: bidi and other control characters as visible ``⟨U+XXXX⟩`` markers (tab, newline
    and carriage return kept), lone surrogates as U+FFFD, line / paragraph separators as spaces."""
    s = str(value)
    return _SHOWN.sub(_marker, s) if _SHOWN.search(s) else s


def isolated(value: object) -> str:
    """``display(value)`` between FSI and PDI: it cannot reorder the text around it (for SVG text and tooltips)."""
    s = display(value)
    return f"{FSI}{s}{PDI}" if s else s


def _plain(value):
    """JSON-ready: NaN/inf -> None, numpy scalars and arrays to Python, other objects to str."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist"):                 # numpy arrays and scalars
        return _plain(value.tolist())
    try:
        if value != value:                       # pandas NA / NaT
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def meta_json(meta: Mapping | None) -> str:
    """The extra input fields of an article as compact JSON in input order ("" when there are none)."""
    if not meta:
        return ""
    return encodable(json.dumps(_plain(dict(meta)), ensure_ascii=False, separators=(",", ":")))

