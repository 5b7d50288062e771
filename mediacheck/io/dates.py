"""Normalise ``published`` to ISO 8601: ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM:SS`` (``+HH:MM`` when zoned).

That is the form ``mediacheck.dedup`` reads (``datetime.fromisoformat`` of the first 25 characters).
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = ["normalise_published"]

_MONTHS = {m: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), 1) for m in names}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                  r"\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?)?", re.IGNORECASE)
_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_WEEKDAY = r"(?:[a-z]+\.?,?\s+)?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MDY = re.compile(_WEEKDAY + r"([a-z]+)\.?\s+" + _DAY + r",?\s+(\d{4})", re.IGNORECASE)
_DMY = re.compile(_WEEKDAY + _DAY + r"\s+([a-z]+)\.?,?\s+(\d{4})", re.IGNORECASE)


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text.upper() in ("Z", "UTC"):
        return dt.timezone.utc
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return dt.timezone(dt.timedelta(minutes=-minutes if text[0] == "-" else minutes))


def _parse(s: str) -> dt.date | None:
    """A date or datetime from ``s`` (ISO, ``YYYY/MM/DD``, ``March 5, 2024``, ``5 March 2024``, RFC 2822)."""
    m = _ISO.fullmatch(s)
    if m:
        y, mo, d, h, mi, sec, zone = m.groups()
        if h is None:
            return dt.date(int(y), int(mo), int(d))
        return dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0), tzinfo=_zone(zone))
    m = _SLASH.fullmatch(s)
    if m:
        return dt.date(*map(int, m.groups()))
    m = _MDY.fullmatch(s)
    if m and m.group(1).lower() in _MONTHS:
        return dt.date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    m = _DMY.fullmatch(s)
    if m and m.group(2).lower() in _MONTHS:
        return dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    if any(c.isalpha() for c in s) and any(c.isdigit() for c in s):
        return parsedate_to_datetime(s)  # RFC 2822: "Tue, 05 Mar 2024 10:00:00 GMT"
    return None


def _format(d: dt.date) -> str:
    day = f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    if not isinstance(d, dt.datetime):
        return day
    out = f"{day}T{d.hour:02d}:{d.minute:02d}:{d.second:02d}"
    offset = d.utcoffset()
    if offset is not None:
        minutes = round(offset.total_seconds() / 60)
        out += f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return out


def normalise_published(value: Any) -> tuple[str, str | None]:
    """``(ISO date or '', warning or None)`` for a ``published`` value (a string, or a date/datetime).

    Empty and missing values give ``''`` quietly; anything else that is not a real date gives ``''`` and the warning
    ``published '9999-99-99' is not a date; left empty``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "", None
    if isinstance(value, dt.date):
        try:
            return _format(value), None
        except (ValueError, TypeError, OverflowError):  # e.g. pandas NaT
            return "", None
    if isinstance(value, str):
        if len(value) > 100 and len(value.strip()) > 100:
            return "", f"published '{value.strip()[:60]}...' is not a date; left empty"
        return _normalise_str(value)
    return "", f"published {repr(value)[:60]} is not a date; left empty"


@functools.lru_cache(maxsize=4096)  # a corpus repeats its dates
def _normalise_str(value: str) -> tuple[str, str | None]:
    s = value.strip()
    if not s:
        return "", None
    try:
        parsed = _parse(s)
    except (ValueError, TypeError, OverflowError, IndexError):
        parsed = None
    if parsed is not None:
        return _format(parsed), None
    return "", f"published '{s[:60]}{'...' if len(s) > 60 else ''}' is not a date; left empty"
