"""Make every string of an Article writable: lone surrogates become U+FFFD, C0 controls (but tab and newline) and
DEL are removed, CR/CRLF become newlines. Each repair is counted per field and reported as one warning."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..model import Article
from .decode import normalise_newlines

__all__ = ["BIDI_CONTROLS", "MAX_DEPTH", "repair_article", "repair_str", "replace_surrogates"]

#: Bidirectional formatting characters: LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM, ALM. Kept in the data;
#: displays (report.html, terminal messages) show them instead of obeying them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
MAX_DEPTH = 100  #: meta values nested deeper than this are dropped (deeper ones break recursive writers)
_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL_BYTES = bytes(range(9)) + bytes(range(11, 32)) + b"\x7f"  # CR too: it is normalised to a newline
_FIELDS = ("id", "text", "html", "title", "outlet", "url", "published", "lang", "source")


def replace_surrogates(s: str) -> str:
    """``s`` with each lone surrogate replaced by U+FFFD (the writers' last line of defence)."""
    return s if s.isascii() or not _SURROGATE.search(s) else _SURROGATE.sub("\ufffd", s)


def repair_str(s: str) -> tuple[str, int, int]:
    """``(repaired s, lone surrogates replaced, control characters removed)``; newlines normalised first."""
    s = normalise_newlines(s)
    if not _BAD.search(s):
        return s, 0, 0
    surrogates = 0
    if not s.isascii():
        s, surrogates = _SURROGATE.subn("\ufffd", s)
    s, controls = _CONTROL.subn("", s)
    return s, surrogates, controls


class _TooDeep(Exception):
    pass


class _Tally:
    """Repairs strings and counts what it changed per field name."""

    def __init__(self) -> None:
        self.surrogates: dict[str, int] = {}
        self.controls: dict[str, int] = {}

    def str(self, s: str, name: str) -> str:
        s, surrogates, controls = repair_str(s)
        if surrogates:
            self.surrogates[name] = self.surrogates.get(name, 0) + surrogates
        if controls:
            self.controls[name] = self.controls.get(name, 0) + controls
        return s

    def value(self, v: Any, name: str, depth: int = 0) -> Any:
        if isinstance(v, str):
            return self.str(v, name)
        if depth >= MAX_DEPTH:
            raise _TooDeep
        if isinstance(v, Mapping):
            return {self.str(k, name) if isinstance(k, str) else k: self.value(x, name, depth + 1)
                    for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            items = [self.value(x, name, depth + 1) for x in v]
            return items if isinstance(v, list) else tuple(items)
        return v

    def warnings(self) -> list[str]:
        out = []
        for counts, what in ((self.surrogates, "replaced {n} invalid character{s} (lone surrogate{s}) in {where}"),
                             (self.controls, "removed {n} control character{s} in {where}")):
            if counts:
                n = sum(counts.values())
                where = (f"'{next(iter(counts))}'" if len(counts) == 1
                         else ", ".join(f"'{name}' ({k})" for name, k in counts.items()))
                out.append(what.format(n=n, s="s" if n != 1 else "", where=where))
        return out


def _quiet(s: str) -> str:
    return repair_str(s)[0]


def _meta_strings(value: Any, out: list[str], depth: int = 0) -> bool:
    """Collect the strings in ``value`` into ``out``; False when it nests too deep (the slow path handles it)."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, Mapping):
        if depth >= MAX_DEPTH:
            return False
        for k, v in value.items():
            if isinstance(k, str):
                out.append(k)
            if not isinstance(v, (int, float, type(None))) and not _meta_strings(v, out, depth + 1):
                return False
    elif isinstance(value, (list, tuple)):
        if depth >= MAX_DEPTH:
            return False
        return all(_meta_strings(v, out, depth + 1) for v in value)
    return True


def _clean(article: Article) -> bool:
    """True when no string of ``article`` needs a repair (one pass over all of them, for the common case)."""
    strings = [getattr(article, name) for name in _FIELDS]
    strings += (article.input_id, article.error, *article.warnings)
    if article.meta and not _meta_strings(article.meta, strings):
        return False
    try:  # faster than a regex: UTF-8 refuses lone surrogates, and control bytes only stand for themselves
        data = "\n".join(strings).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return len(data.translate(None, _CONTROL_BYTES)) == len(data)


def repair_article(article: Article) -> Article:
    """``article`` with every string (``meta`` keys and values too) writable as UTF-8 and free of C0 controls.

    One warning per kind of repair names the fields and counts, e.g. ``replaced 1 invalid character (lone
    surrogate) in 'text'``; meta values nested deeper than ``MAX_DEPTH`` are dropped with a warning.
    """
    if _clean(article):
        return article
    tally = _Tally()
    changes: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(article, name)
        fixed = tally.str(value, name)
        if fixed != value:
            changes[name] = fixed
    if article.input_id == article.id:  # the usual case: counted once, as 'id'
        if "id" in changes:
            changes["input_id"] = changes["id"]
    else:
        fixed = tally.str(article.input_id, "input_id")
        if fixed != article.input_id:
            changes["input_id"] = fixed
    extra: list[str] = []
    if article.meta:
        meta = {}
        for key, value in article.meta.items():
            name = f"meta.{_quiet(key) if isinstance(key, str) else key}"
            fixed_key = tally.str(key, name) if isinstance(key, str) else key
            try:
                meta[fixed_key] = tally.value(value, name)
            except _TooDeep:
                extra.append(f"dropped {name!r}: nested more than {MAX_DEPTH} levels deep")
        if meta != article.meta or extra:
            changes["meta"] = meta
    warnings = [_quiet(w) for w in article.warnings] + tally.warnings() + extra
    if tuple(warnings) != article.warnings:
        changes["warnings"] = tuple(warnings)
    if article.error:
        error = _quiet(article.error)
        if error != article.error:
            changes["error"] = error
    return replace(article, **changes) if changes else article
