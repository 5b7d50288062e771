"""Lexicons as data: a TSV of (term, category, type, note), matched with one compiled regex.

Terms are lowercase; a space matches any run of whitespace, an apostrophe matches ' or ’, a trailing ``*``
matches any word ending (``alleg*``). Matching is case-insensitive and whole-word; at each position the
longest term wins, so "officials said" is one cue, not "said" alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

DEFAULT_FILE = "lexicon.tsv"
_WORD_EDGE_L = r"(?<![\w'’-])"
_WORD_EDGE_R = r"(?!\w)(?!-\w)(?!['’](?![sS]\b))"    # "regime's" matches "regime"; "regimes" does not


@dataclass(frozen=True)
class Entry:
    term: str
    category: str
    type: str
    note: str = ""

    @property
    def flags(self) -> frozenset[str]:
        return frozenset(f.strip() for f in self.note.replace(",", ";").split(";") if f.strip())


@dataclass(frozen=True)
class Match:
    """One lexicon hit: ``text[start:end]`` and every entry its term has (a term may be in several categories)."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


def _term_pattern(term: str) -> str:
    wild = term.endswith("*")
    body = term[:-1] if wild else term
    p = "".join(r"['’]" if ch in "'’" else r"\s+" if ch == " " else re.escape(ch) for ch in body)
    return p + (r"[\w'’-]*" if wild else "")


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


class Lexicon:
    """A set of entries and its compiled matcher."""

    def __init__(self, entries: Iterable[Entry]):
        by_term: dict[str, list[Entry]] = {}
        for e in entries:
            by_term.setdefault(e.term, []).append(e)
        self.entries = tuple(e for es in by_term.values() for e in es)
        self._exact = {t: tuple(es) for t, es in by_term.items() if not t.endswith("*")}
        self._wild = [(t[:-1], tuple(es)) for t, es in by_term.items() if t.endswith("*")]
        terms = sorted(by_term, key=lambda t: (-len(t.rstrip("*")), t))
        alternation = "|".join(_term_pattern(t) for t in terms) or r"(?!x)x"
        self._rx = re.compile(f"{_WORD_EDGE_L}(?:{alternation}){_WORD_EDGE_R}", re.IGNORECASE)

    def __len__(self) -> int:
        return len(self.entries)

    def _lookup(self, matched: str) -> tuple[Entry, ...]:
        key = _key(matched)
        hit = self._exact.get(key)
        if hit:
            return hit
        for prefix, es in self._wild:
            if key.startswith(prefix):
                return es
        return ()

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        for m in self._rx.finditer(text, pos, len(text) if endpos is None else endpos):
            entries = self._lookup(m.group())
            if entries:
                yield Match(m.start(), m.end(), m.group(), entries)

    def categories(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for e in self.entries:
            out.setdefault(e.category, set()).add(e.type)
        return out


def read_entries(lines: Iterable[str], source: str = "lexicon") -> Iterator[Entry]:
    """Parse TSV lines (``#`` comments, a header row ``term category type note``)."""
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if cols[:3] == ["term", "category", "type"]:
            continue
        if len(cols) < 3:
            raise ValueError(f"{source}:{n}: expected term<TAB>category<TAB>type[<TAB>note], got {line!r}")
        term = " ".join(cols[0].strip().casefold().replace("’", "'").split())
        if term:
            yield Entry(term, cols[1].strip(), cols[2].strip(), cols[3].strip() if len(cols) > 3 else "")


def load_lexicon(path: str | Path | None = None, *, extra: Iterable[str | Path] = ()) -> Lexicon:
    """The shipped lexicon (or ``path``) merged with the user's ``extra`` TSV files."""
    if path is None:
        text = resources.files("mediacheck.data").joinpath(DEFAULT_FILE).read_text("utf-8")
        entries = list(read_entries(text.splitlines(), DEFAULT_FILE))
    else:
        with open(path, encoding="utf-8") as f:
            entries = list(read_entries(f, str(path)))
    for p in extra:
        with open(p, encoding="utf-8") as f:
            entries += list(read_entries(f, str(p)))
    return Lexicon(entries)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
