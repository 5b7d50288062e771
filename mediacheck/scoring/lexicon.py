"""Lexicons as data: a TSV of (term, category, type, note), matched with one compiled regex.

Terms are lowercase; a space matches any run of whitespace, an apostrophe matches ' or ’, a trailing ``*``
matches any word ending (``alleg*``), and a possessive 's is allowed on a term's last word ("regime's").
Matching is case-insensitive and whole-word; at each position the longest term wins, so "officials said" is
one cue, not "said" alone.

Two matchers give the same hits: the token index (``Lexicon._finditer_tokens``: tokenise, then a dictionary
look-up per word; the reference) and one compiled regex over the lower-cased text (``_Compiled``: every term and
wildcard prefix in one character trie, with token-boundary look-arounds, so the scan runs in C and Python sees
only the hits; 3-4 times as fast). ``finditer`` uses the regex unless the lexicon has a shape it does not cover (a
gap between a term's words other than whitespace or ASCII punctuation, a wildcard prefix reaching into a
possessive), where it falls back to the token index.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
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

    @cached_property
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
        self._compiled = _Compiled.build(self)

    def __len__(self) -> int:
        return len(self.entries)

    def __reduce__(self):
        """Pickled as its entries (for a pool worker): the index and the matcher are rebuilt from them."""
        return Lexicon, (self.entries,)

    @property
    def compiled(self) -> _Compiled | None:
        """The one-regex matcher of this lexicon, or None when the lexicon has a shape it does not cover (then
        ``finditer`` uses the token index)."""
        return self._compiled or None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        """Lexicon hits in ``text[pos:endpos]``, left to right. The text is lower-cased a window of about
        ``WINDOW_CHARS`` at a time (cut after whitespace, so no word is cut) and matched a chunk of windows at a
        time, keeping the last few words for terms that run on into the next: memory stays bounded on a 50 MB
        text, results are those of one pass over the whole text."""
        c = self.compiled
        if c is None:
            yield from self._finditer_tokens(text, pos, endpos)
            return
        for s, e, es in c.spans(text, pos, endpos):
            yield Match(s, e, text[s:e], es)

    def _finditer_tokens(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        """``finditer`` with the token index: tokenise each window, look every word up (the reference matcher)."""
        end = len(text) if endpos is None else endpos
        index, wild, look = self._index, self._wild, self._longest - 1
        spans: list[tuple[int, int]] = []
        words: list[str] = []
        next_free = 0
        a = pos
        while True:
            b = cut_after_space(text, a + WINDOW_CHARS, end)
            low = _lowered(text, a, b)
            for m in _TOKEN.finditer(low):
                s, e = m.span()
                spans.append((s + a, e + a))
                words.append(m.group())
            del low
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


def _lowered(text: str, a: int, b: int) -> str:
    """``text[a:b]`` lower-cased, ’ as ', one character per character (a character whose lower case is longer,
    such as "İ", makes the window fall back to each character's first)."""
    chunk = text[a:b]
    low = chunk.lower().replace("’", "'")
    if len(low) != len(chunk):
        low = "".join(ch.lower()[:1] for ch in chunk).replace("’", "'")
    return low


# --- the one-regex matcher ------------------------------------------------------------------------------------
# Over the lower-cased text (``_lowered``, windows as in ``_finditer_tokens``): a token starts where a token
# character is not preceded by one (nor by ' or - after one), and ends where none follows (nor ' or - before one).
# Between a term's words the gap (whitespace, or its own punctuation) already keeps the next word a token start.
_TS = r"(?<![^\W_])(?<![^\W_]['-])"
_TE = r"(?!['-]?[^\W_])"
_PREFIX_SHAPE = re.compile(r"[^\W_]+(?:['-][^\W_]+)*['-]?")
_TOKEN_SHAPE = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_GAP_SHAPE = re.compile(r"[!-&(-/:-@\[-`{-~]*")            # ASCII punctuation but ': the same in the lower case
#: The fast matcher reads the text this many characters at a time (whole windows; bounded memory).
CHUNK_CHARS = 1 << 20


class _Compiled:
    """All terms and wildcard prefixes of a lexicon as one regex: a character trie whose leaves check the rest of
    the token and the term's further words, tried in the token index's order (a term's longer candidates first,
    then the word alone or with a possessive 's, then the longest wildcard prefix). A hit's entries are looked up
    from its (lower-cased) words. ``spans`` yields what ``Lexicon._finditer_tokens`` yields, as tuples."""

    def __init__(self, rx: re.Pattern, single: dict, multi: dict, wild: dict, longest: int):
        self.rx, self._single, self._multi, self._wild, self._longest = rx, single, multi, wild, longest

    @classmethod
    def build(cls, lex: Lexicon) -> _Compiled | bool:
        """The matcher, or False when the lexicon has a shape the regex does not reproduce exactly."""
        index, gaps = lex._index, lex._gaps
        root: dict = {}
        single: dict[str, tuple[tuple[Entry, ...], int]] = {}
        multi: dict[tuple[str, ...], tuple[tuple[Entry, ...], int]] = {}
        for key, cands in index.items():
            rests, one = [], None
            for toks, es in cands:
                if not all(map(_TOKEN_SHAPE.fullmatch, toks)):
                    return False
                if len(toks) == 1:
                    one = es if one is None else one
                    continue
                g = gaps[toks]
                if not all(map(_GAP_SHAPE.fullmatch, g)):
                    return False
                rests.append(tuple(zip(g, toks[1:])))
                multi.setdefault(toks, (es, 0))
                multi.setdefault(toks[:-1] + (toks[-1] + "'s",), (es, 2))
            alts = []
            if rests:
                cont = _continuations(rests)
                if cont is None:
                    return False
                alts.append(_TE + cont)
            possessive = one is not None and key + "'s" not in index
            if one is not None:
                single.setdefault(key, (one, 0))
                alts.append(_TE)
                if possessive:
                    single.setdefault(key + "'s", (one, 2))
                    alts.append("'s" + _TE)
            _trie_node(root, key)["<word>"] = _alternation(alts)
        wild: dict[str, list[tuple[str, tuple[Entry, ...]]]] = {}
        for group in lex._wild.values():
            for prefix, es in group:
                if not _PREFIX_SHAPE.fullmatch(prefix):
                    continue                    # no token starts with it: it never matches
                wild.setdefault(prefix[:4], []).append((prefix, es))
                n = _trie_node(root, prefix)
                if "<prefix>" not in n:
                    more = "+" if prefix[-1] in "'-" else "*"
                    n["<prefix>"] = rf"[^\W_]{more}(?:['-][^\W_]+)*{_TE}"
        # a wildcard prefix inside a possessive ("it's*" beside "it") would be tried before the possessive
        for key, (_, cut) in single.items():
            if cut and any(key.startswith(p) and len(p) > len(key) - 2 for g in wild.values() for p, _ in g):
                return False
        return cls(re.compile(_TS + _emit_trie(root)), single, multi, wild, lex._longest)

    def entries_of(self, low: str) -> tuple[tuple[Entry, ...], int]:
        """(entries, characters to drop from the end) of a hit whose lower-cased text is ``low``."""
        hit = self._single.get(low)
        if hit is not None:
            return hit
        toks = tuple(_TOKEN.findall(low))
        if len(toks) > 1:
            return self._multi[toks]
        w = toks[0]
        return next(es for prefix, es in self._wild[w[:4]] if w.startswith(prefix)), 0

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, tuple]]:
        """(start, end, entries) of every hit in ``text[pos:endpos]``, left to right."""
        end = len(text) if endpos is None else endpos
        finditer, entries_of = self.rx.finditer, self.entries_of
        buf, off, scan, a = "", pos, 0, pos      # buf: lower case of text[off:a]; search from buf[scan]
        while True:
            parts, n = [buf] if buf else [], len(buf)
            while True:                         # at least one more window
                b = cut_after_space(text, a + WINDOW_CHARS, end)
                parts.append(_lowered(text, a, b))
                n += b - a
                a = b
                if a >= end or n >= CHUNK_CHARS:
                    break
            buf = parts[0] if len(parts) == 1 else "".join(parts)
            del parts
            last = a >= end
            lim = len(buf) if last else self._safe_limit(buf, scan)
            if lim > scan:
                for m in finditer(buf, scan):
                    s = m.start()
                    if s >= lim:
                        break
                    e = m.end()
                    es, cut = entries_of(m.group())
                    scan = e
                    yield s + off, e - cut + off, es
                scan = max(scan, lim)
            if last:
                return
            keep = max(0, scan - 4)             # the look-behinds read up to 2 characters back
            buf, off, scan = buf[keep:], off + keep, scan - keep

    def _safe_limit(self, buf: str, scan: int) -> int:
        """Where a hit may start and still be decided inside ``buf`` (which ends after whitespace): before the
        start of its ``longest``-th last token (a term has at most ``longest`` words)."""
        k = self._longest
        back = 4096
        while True:
            lo = max(scan, len(buf) - back)
            starts = [m.start() for m in _TOKEN.finditer(buf, lo)]
            if lo == scan or len(starts) > k:
                return starts[-k] if len(starts) >= k else scan
            back *= 4


def _trie_node(root: dict, word: str) -> dict:
    n = root
    for ch in word:
        n = n.setdefault(ch, {})
    return n


def _alternation(alts: list[str]) -> str:
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _emit_trie(n: dict) -> str:
    """A character trie as a regex: at each node the longer words first, then the node's own word
    (``"<word>"``: the regex after it), then a wildcard prefix ending there (``"<prefix>"``)."""
    alts = [re.escape(ch) + _emit_trie(child) for ch, child in sorted(n.items()) if len(ch) == 1]
    alts += [n[k] for k in ("<word>", "<prefix>") if k in n]
    return _alternation(alts) if alts else ""


def _continuations(rests: list[tuple[tuple[str, str], ...]]) -> str | None:
    """The words after a term's first word, for all of the first word's multi-word terms (``rests``: per term,
    (gap, word) pairs; in the token index's order): a trie of words, longer terms first, the last word with an
    optional possessive 's. None when two terms could match the same words in an order the trie cannot keep
    (a term ending in "x" beside one going on with "x's")."""
    groups: dict[str, dict[str, list]] = {}      # gap -> word -> the rests after it (() where a term ends)
    for r in rests:
        (gap, word), more = r[0], r[1:]
        groups.setdefault(gap, {}).setdefault(word, []).append(more)
    alts = []
    for gap, words in groups.items():
        root: dict = {}
        for word, mores in words.items():
            ends = any(not m for m in mores)
            if ends and word + "'s" in words:
                return None
            longer = [m for m in mores if m]
            leaf = []
            if longer:
                sub = _continuations(longer)
                if sub is None:
                    return None
                leaf.append(_TE + sub)
            if ends:
                leaf.append("(?:'s)?" + _TE)
            _trie_node(root, word)["<word>"] = _alternation(leaf)
        sep = r"\s+" if not gap else r"\s*" + re.escape(gap) + r"\s*"
        if gap.endswith("-"):                   # else what precedes the next word cannot continue a token
            sep += _TS
        alts.append(sep + _emit_trie(root))
    return _alternation(alts)


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
