"""Lexicons as data: a TSV of (term, category, type, note), matched with one compiled regex.

Terms are lowercase; a space matches any run of whitespace, an apostrophe matches ' or ’, a trailing ``*``
matches any word ending (``alleg*``), and a possessive 's is allowed on a term's last word ("regime's").
Matching is case-insensitive and whole-word; at each position the longest term wins, so "officials said" is
one cue, not "said" alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mediacheck.textutil import cut_after_space

DEFAULT_FILE = "lexicon.tsv"
#: ``Lexicon.finditer`` lower-cases and tokenises a text this many characters at a time (bounded memory).
WINDOW_CHARS = 1 << 16


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


_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _tokens(text: str) -> list[str]:
    return [t.casefold().replace("’", "'") for t in _TOKEN.findall(text)]


def _gaps(term: str) -> tuple[str, ...]:
    """What stands between a term's words besides whitespace ("no. 1" -> (".",); "far left" -> ("",))."""
    spans = [m.span() for m in _TOKEN.finditer(term)]
    return tuple(term[a[1]:b[0]].strip() for a, b in zip(spans, spans[1:]))


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


class Lexicon:
    """A set of entries and its matcher: a token index (first word -> candidate terms), so matching costs a
    dictionary lookup per word whatever the size of the lexicon. At each word the longest term wins, and the
    words of a multi-word term must be separated by whitespace only."""

    def __init__(self, entries: Iterable[Entry]):
        by_term: dict[str, list[Entry]] = {}
        seen: set[tuple[str, str, str]] = set()
        for e in entries:
            if (e.term, e.category, e.type) not in seen:      # a repeated row adds nothing
                seen.add((e.term, e.category, e.type))
                by_term.setdefault(e.term, []).append(e)
        self.entries = tuple(e for es in by_term.values() for e in es)
        self._index: dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = {}
        self._gaps: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._wild: dict[str, list[tuple[str, tuple[Entry, ...]]]] = {}   # by the prefix's first 4 letters
        for term, es in by_term.items():
            if term.endswith("*"):
                prefix = term[:-1].casefold()
                if len(prefix) < 4:
                    raise ValueError(f"wildcard term {term!r}: give at least 4 letters before the *")
                self._wild.setdefault(prefix[:4], []).append((prefix, tuple(es)))
                continue
            toks = tuple(_tokens(term))
            if toks:
                self._index.setdefault(toks[0], []).append((toks, tuple(es)))
                self._gaps[toks] = _gaps(term)
        for cands in self._index.values():
            cands.sort(key=lambda c: -len(c[0]))
        for group in self._wild.values():
            group.sort(key=lambda w: -len(w[0]))
        self._longest = max((len(t) for cands in self._index.values() for t, _ in cands), default=1)

    def __len__(self) -> int:
        return len(self.entries)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        """Lexicon hits in ``text[pos:endpos]``, left to right. The text is lower-cased and tokenised a window of
        about ``WINDOW_CHARS`` at a time (cut after whitespace, so no word is cut), keeping the last few words of
        a window for terms that run on into the next: memory stays bounded on a 50 MB text, results are those
        of one pass over the whole text."""
        end = len(text) if endpos is None else endpos
        index, wild, look = self._index, self._wild, self._longest - 1
        spans: list[tuple[int, int]] = []
        words: list[str] = []
        next_free = 0
        a = pos
        while True:
            b = cut_after_space(text, a + WINDOW_CHARS, end)
            chunk = text[a:b]
            low = chunk.lower().replace("’", "'")
            if len(low) != len(chunk):      # a character whose lower case is longer: fall back per character
                low = "".join(ch.lower()[:1] for ch in chunk).replace("’", "'")
            for m in _TOKEN.finditer(low):
                s, e = m.span()
                spans.append((s + a, e + a))
                words.append(m.group())
            del chunk, low
            last = b >= end
            n = len(words)
            limit = n if last else max(0, n - look)     # later words may start a term that runs on past b
            # Only words that can start a term are looked at (a set lookup per word, no Python work otherwise).
            starts = [i for i, w in enumerate(words[next_free:limit], next_free)
                      if w in index or w[:4] in wild or w[-2:] == "'s"]
            for i in starts:
                if i < next_free:
                    continue
                w = words[i]
                cands = index.get(w) or (index.get(w[:-2]) if w.endswith("'s") else None)
                hit = None
                if cands:
                    for toks, es in cands:
                        k = len(toks)
                        if k == 1 or (i + k <= n and words[i + 1].startswith(toks[1])
                                      and self._same(words, spans, text, i, toks)):
                            hit = (k, es, toks[-1])
                            break
                if hit is None:
                    group = wild.get(w[:4])
                    if group:
                        hit = next(((1, es, w) for prefix, es in group if w.startswith(prefix)), None)
                if hit is None:
                    continue
                k, es, last_tok = hit
                s, e = spans[i][0], spans[i + k - 1][1]
                if words[i + k - 1] != last_tok:
                    e -= 2                  # a possessive 's is not part of the cue
                next_free = i + k
                yield Match(s, e, text[s:e], es)
            if last:
                return
            if limit > 0:                   # forget the words already looked at
                del spans[:limit], words[:limit]
                next_free = max(0, next_free - limit)
            a = b

    def _same(self, words: list[str], spans: list[tuple[int, int]], text: str, i: int, toks: tuple[str, ...]) -> bool:
        gaps = self._gaps[toks]
        for j, t in enumerate(toks):
            w = words[i + j]
            if w != t and not (j == len(toks) - 1 and w == t + "'s"):
                return False
            if j and text[spans[i + j - 1][1]:spans[i + j][0]].strip() != gaps[j - 1]:
                return False            # between the words: whitespace, or the term's own dot ("No. 1")
        return True

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
        from mediacheck.data import read_text

        text = read_text(DEFAULT_FILE)
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
