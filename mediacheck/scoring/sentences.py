"""Offline, rule-based sentence splitter and word tokenizer for English news text, keeping character offsets.

No NLTK data, no models: one regex finds candidate boundaries (terminal punctuation + whitespace, or a line break),
then a few set look-ups on the token before decide. Rules, in order:

* End of text and blank lines always end a sentence.
* ``?``, ``!`` and ellipses (``...``, ``…``) end a sentence unless the next character is lowercase on the same line
  (``"Why?" he asked``; ``we will … fight``). Closing quotes/brackets after the punctuation stay with the sentence.
* ``.`` after a title (Mr., Dr., Sen., e.g., vs. ...) never ends a sentence (except at a blank line).
* ``.`` after an ambiguous abbreviation (Inc., Jr., etc., U.S., a.m., Sept., initials "F." or "J.K.") ends a
  sentence only before a line break or a common sentence-starting word (The, He, It, But ...). Trade-off:
  "He left at 9 p.m. Police arrived later" stays one sentence; "... at 9 p.m. The police ..." is split.
* Any other ``.`` ends a sentence unless the next character is lowercase (or a digit after an abbreviation).
* A line break ends a line without terminal punctuation (headline, list item) unless the next line starts in
  lowercase or the line ends with ``,`` or ``;`` (a wrapped sentence).

Decimals, URLs and e-mails never split: a candidate needs whitespace after the punctuation. Only ``\n`` counts as a
line break (``\r\n`` works; a lone ``\r`` or U+2028 is plain whitespace).

Length cap: no sentence is longer than ``MAX_SENTENCE_CHARS`` (2,000 characters; news sentences rarely pass 600).
A longer run without a sentence end (a page without punctuation, a glued list) is split at its last clause
boundary (``,`` ``;`` ``:`` or a dash before whitespace) in the second half of each 2,000 characters, else at
the last whitespace there, else (no whitespace at all) at 2,000 characters. So per-sentence work and memory
(loaded-language model, VADER, cue evidence) stay bounded: a 50 MB "sentence" used to take gigabytes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import filterfalse

from mediacheck.textutil import cut_after_space

__all__ = ["MAX_SENTENCE_CHARS", "Span", "Token", "count_words", "is_word", "split_sentences", "tokenize", "words"]


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` of the original text: one sentence, without surrounding whitespace."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation token; ``text == source[start:end]``."""

    text: str
    start: int
    end: int


_CLOSERS = "\"'”’»›)]}"
_OPENERS = "\"'“‘«‹([{"
# Candidate: terminal punctuation (+ closing quotes/brackets) followed by whitespace or the end; or a line break.
# Possessive quantifiers and the look-behind keep it linear on runs like "?????" (no re-scan from inside a run).
_CAND = re.compile(r"([.!?…](?<![.!?…].)[.!?…]*+[\"'”’»›)\]}]*+)(\s++|\Z)|\n\s*+")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*([^\W\d_]+)")
# "?" or "!" + closing quote, then a speaker and a speech verb: '"Why?" Mr. Smith asked.' is one sentence.
_SPEAKER = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,5}(?:said|says|asked|asks|replied|added|continued|wrote|tweeted|told|"
                      r"recalled|responded|countered|insisted|explained|noted|shouted|yelled|exclaimed|declared)\b")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")    # "F", "J.K", "U.S", "a.m", "e.g" (final dot excluded)

# Never end a sentence (case-sensitive: titles are capitalised; "sales rep." is an ordinary word).
_STRICT = frozenset("""
Mr Mrs Ms Messrs Mmes Dr Drs Prof Sen Sens Rep Reps Gov Govs Gen Lt Col Sgt Capt Cmdr Cdr Adm Maj Cpl Pvt Rev Hon
Pres Supt Det Insp Atty Amb Fr Mt Ft Cong Sec Secs Gens vs v e.g i.e cf viz
""".split())
# End a sentence only before a line break or a sentence-starting word. Matched lower-cased.
_AMBIG = frozenset("""
inc corp co cos ltd llc plc bros jr sr etc st ave blvd rd dept univ assn est approx fig vol pp ed eds
a.m p.m
""".split())
# Capitalised only (as lower-case words these are ordinary: "ill.", "mass.").
_AMBIG_CASED = frozenset("""
No Nos Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa
Tenn Tex Va Vt Wash Wis Wyo Me
""".split())
# Capitalised words that usually begin a sentence in news prose (not names): ambiguous abbreviations split before them.
_STARTERS = frozenset("""
The A An He She It They We I You This That These Those There Here His Her Its Their Our My Your In On At But And
Or So If When While After Before As For Since Although Though However Still Yet Meanwhile Now Then Also Some Many
Most What Why How Who Where Which No Not One Both Each All Other Such Instead Despite According Under With By
From Because Only Even Just Last Earlier Later Today Yesterday Asked Nor Once Until Unlike Like Among During
""".split())


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """Decide one candidate from ``_CAND``."""
    ws = m.group(2)
    if ws is None:                                   # a line break after a line without terminal punctuation
        after = m.end()
        if after == len(text) or m.group().count("\n") > 1:
            return True
        prev = text[max(0, m.start() - 8):m.start()].rstrip()[-1:]
        return not (text[after].islower() or (prev != "" and prev in ",;"))
    after = m.end()
    if after == len(text) or ws.count("\n") > 1:
        return True
    nl = "\n" in ws
    c = text[after]
    run = m.group(1).rstrip(_CLOSERS)
    s = m.start()
    if run != ".":                                   # ? ! … ... and mixtures
        if nl:
            return True
        if c in ".…" or c.islower():
            return False
        if text[s - 1:s].isspace() and text[max(0, s - 8):s].rstrip()[-1:] in ".!?…" + _CLOSERS:
            return False                             # "... terror. ... And": a leading ellipsis starts a sentence
        return not (run[-1] in "?!" and m.group(1)[-1] in "\"'”’" and _SPEAKER.match(text, after))
    if s == 0 or text[s - 1].isspace():              # a lone "." (spaced ellipsis ". . .")
        return c not in ".…" and (nl or not c.islower())
    window = text[max(0, s - 24):s]
    tok = window.split()[-1].lstrip(_OPENERS).rpartition("-")[2] if window.strip() else ""  # "post-Sept", "then-Rep"
    if tok in _STRICT:
        return False
    if tok.lower() in _AMBIG or tok in _AMBIG_CASED or _DOTTED.fullmatch(tok):
        if c.islower() or c.isdigit():
            return False
        if nl:
            return True
        w = _NEXT_WORD.match(text, after)
        return w is not None and w.group(1) in _STARTERS and text[w.end():w.end() + 1] != "."  # not "C. A. Dutch"
    if tok.isdigit() and len(tok) <= 3:              # "1. Buy eggs": a list number at the start of a line
        lo = max(0, s - len(tok) - 16)
        line_start = text.rfind("\n", lo, s) + 1
        if (line_start or not lo) and not text[line_start:s - len(tok)].strip():
            return False
    return nl or not c.islower()


#: Longest sentence span in characters; longer runs are split (see the module docstring).
MAX_SENTENCE_CHARS = 2000
_CLAUSE_END = re.compile(r"(?:[,;:—–]|(?<=\s)-)(?=\s)")     # "a, b" "a; b" "a: b" "a — b" "a - b"
_SPACE_RUN = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S")


def _add_capped(spans: list[Span], text: str, start: int, end: int, limit: int) -> None:
    """Append ``Span(start, end)`` to ``spans``, split into pieces of at most ``limit`` characters."""
    while end - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = None
        for m in _CLAUSE_END.finditer(text, lo, hi + 1):      # the last clause end in the second half
            if m.end() <= hi:
                cut = m.end()
        if cut is None:
            for m in _SPACE_RUN.finditer(text, lo, hi + 1):   # else the last whitespace there
                cut = m.start()
            if cut is not None:
                cut = start + len(text[start:cut].rstrip())
        if cut is None or cut <= start:                       # no whitespace at all: cut at the limit
            cut = hi
        spans.append(Span(start, cut))
        start = _NON_SPACE.search(text, cut, end).start()
    spans.append(Span(start, end))


def split_sentences(text: str, *, max_chars: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """Sentence spans of ``text``: sorted, non-overlapping, non-empty, stripped, covering all non-space characters;
    none longer than ``max_chars`` (longer sentences are split at clause boundaries, see above)."""
    spans: list[Span] = []
    start = len(text) - len(text.lstrip())
    for m in _CAND.finditer(text, start):
        if not _is_boundary(text, m):
            continue
        end = m.end(1) if m.group(2) is not None else len(text[start:m.start()].rstrip()) + start
        if end - start > max_chars:
            _add_capped(spans, text, start, end, max_chars)
        elif end > start:
            spans.append(Span(start, end))
        start = m.end()
    end = len(text.rstrip())
    if end - start > max_chars:
        _add_capped(spans, text, start, end, max_chars)
    elif end > start:
        spans.append(Span(start, end))
    return spans


_URL = r"(?:https?://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]'’]"
# Bounded repeats keep tokenizing linear on long no-space runs ("ab.ab.ab...", minified code).
_EMAIL = r"[^\W_][\w.+-]{0,63}+@[^\W_][\w-]{0,62}+(?:\.[\w-]{1,63}+){1,6}"
_TLD = r"(?:com|org|net|gov|edu|int|info|io|co|uk|us|eu|de|fr|ca|au)\b"
_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]{0,62}+(?:\.[A-Za-z0-9-]{1,63}+){0,6}\." + _TLD  # example.com
_ACRONYM = r"(?:[A-Za-z]\.){2,}"                                 # U.S., a.m., e.g., J.K.
_NUMBER = r"[$€£¥]?\d+(?:[.,:]\d+)*(?:%|(?:[^\W_]|['’\-‐](?=[^\W_]))*)"   # $1.5, 3.5%, 1,000, 9:30, 10-year, 3rd
_WORD = r"[^\W_]+(?:['’\-‐][^\W_]+)*"                            # don't, well-known, O'Brien
# Fast path (speed only): a word starting with a letter and not followed by ".x", "@x", "+x", "_x" can be nothing else.
_PLAIN = r"[^\W\d_][^\W_]*+(?:['’\-‐][^\W_]++)*+(?![.@+_][^\W_])"
_WORDS = (_URL, _PLAIN, _EMAIL, _DOMAIN, _ACRONYM, _NUMBER, _WORD)
_WORD_RE = re.compile("|".join(_WORDS))
_TOKEN_RE = re.compile("|".join((*_WORDS, r"\.{2,}|-{2,}|[^\w\s]|_")))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word and punctuation tokens of ``text``, offsets shifted by ``offset`` (pass a sentence's ``Span.start``)."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN_RE.finditer(text)]


def is_word(token: str) -> bool:
    """True for a word/number/URL token, False for punctuation."""
    return token[:1].isalnum() or (len(token) > 1 and token[1:2].isdigit())


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (same as ``tokenize`` without punctuation), as strings."""
    return _WORD_RE.findall(text)


# Never part of a word token and never the start of one: stripped from a whitespace-separated piece, they leave
# its word count alone when what remains is letters only (see ``count_words``).
_EDGE_PUNCT = "\"'“”‘’«»()[]{},.;:!?"
_WORD_COUNTS: dict[str, int] = {}           # word count of a recurring piece that is not letters only
_WORD_COUNTS_MAX = 1 << 16
_COUNT_WINDOW = 1 << 16


def count_words(text: str) -> int:
    """``len(words(text))`` without the list (about 60 bytes a word: 450 MB for a 50 MB text).

    No word token holds whitespace, and what the word regex decides at a piece's end is the same before
    whitespace as at the end of the text, so the count is the sum over the whitespace-separated pieces (64 K
    characters of text at a time). A piece of letters, possibly between quotes, brackets or ``,.;:!?``, is one
    word; other pieces ("U.S.", "$1.5bn", "e-mail@example.com") go through the regex, their counts kept."""
    n = 0
    a, end = 0, len(text)
    cache, finditer = _WORD_COUNTS, _WORD_RE.finditer
    while a < end:
        b = cut_after_space(text, a + _COUNT_WINDOW, end)
        pieces = text[a:b].split()
        a = b
        n += sum(map(str.isalpha, pieces))
        for p in filterfalse(str.isalpha, pieces):
            k = cache.get(p)
            if k is None:
                core = p.strip(_EDGE_PUNCT)
                k = 1 if core.isalpha() else sum(1 for _ in finditer(p)) if core else 0
                if len(cache) >= _WORD_COUNTS_MAX:
                    cache.clear()
                if len(p) <= 64:
                    cache[p] = k
            n += k
    return n

