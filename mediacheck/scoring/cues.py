"""Cues in a text: lexicon hits kept or dropped by context rules, plus anonymous-attribution phrases.

A word hedges only in context. The rules here, each tested with real sentences:
- ``needs_number`` entries (about, around, some, up to, more than ...) count only before a number;
- "May" the month or a name is not "may"; "whether ... may" is permission;
- "could" of ability or counterfactual ("could not", "couldn't", "could have been", "could care less") is no hedge;
- "would" is never a hedge on its own (plan descriptions, reported intentions, conditionals);
- "appeared in court" is no hedge, "appeared to" is; "might" after a determiner is a noun (military might);
- "suggested" is a hedge only when evidence suggests ("data suggest", "suggesting that"), not a proposal;
- "claim" as a legal or insurance noun is no hedge;
- "expect" only with "to"/"that" (not "expect you to"); "think about/of" and "feel" without "that" are no belief;
- a negated booster ("not clear", "no certainty") becomes an epistemic hedge.
Anonymous attribution ("the former official said", "according to people familiar with the matter", "critics
say") is an evidential hedge and an ``attribution/anonymous`` cue. Its regex reads only the stretches of text
that hold a source word (``_anonymous``: same matches as reading the whole text, about a third of the time).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from mediacheck.model import Cue
from mediacheck.scoring.lexicon import Entry, Lexicon, Match
from mediacheck.textutil import cut_after_space

_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                 r"fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|"
                 r"billions|trillion|dozen|dozens|half|a\s+third|a\s+quarter|a\s+half|a\s+dozen|a\s+hundred|"
                 r"a\s+thousand|a\s+million|a\s+billion|a\s+fifth|a\s+tenth|twice|double|triple")
_NUMBER_NEXT = re.compile(rf"\s*(?:[$€£¥]\s*)?(?:\d|(?:{_NUMBER_WORDS})\b)", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*([\w'’]+)")
_PREV_WORDS = re.compile(r"([\w'’.]+)\W*$")

_MONTH_PREV = frozenset("in on since by until last next early late mid of this during from through before after"
                        " till between and".split())
_NOUN_PREV = frozenset("its their his her the our military economic full all with russia's china's america's"
                       " american russian chinese".split())
_EVIDENCE = frozenset("data evidence study studies research results findings poll polls survey surveys analysis "
                      "report reports records documents figures numbers estimates tests signs it this that".split())
_LEGAL_CLAIM_PREV = frozenset("insurance legal injury damage damages land territorial patent tax disability "
                              "unemployment benefit benefits compensation warranty medicare medicaid asylum "
                              "filed file settle settled press pressed pressing".split())
_DETERMINERS = frozenset("a an the that this these those what some any every no his her their our its my your "
                         "which another".split())
# Certainty words whose negation expresses uncertainty ("not clear", "not certain"); "never really" does not.
_NEGATABLE = frozenset("clear clearly certain certainly certainty sure surely obvious obviously definite definitely "
                       "evident evidently proven proved convinced confident known".split())
_PRONOUN_OBJ = frozenset("you him her them us me it".split())
_NEGATORS = frozenset("not no never hardly nor n't without".split())

_SOURCE = (r"officials?|sources?|aides?|persons?|people|analysts?|experts?|critics?|observers?|insiders?|"
           r"diplomats?|advis[eo]rs?|staffers?|spokes(?:man|woman|person)|lawmakers?|witnesses|residents|"
           r"scientists|economists|investigators|authorities|individuals?|associates?|allies|confidants?|"
           r"operatives?|strategists?|executives?|employees?|members?")
_APPOSITIVE_DET = re.compile(r"(?:a|an|the|one)\s", re.IGNORECASE)
_SAY = (r"said|say|says|told|tell|believe[sd]?|warn(?:ed|s)?|contend(?:ed|s)?|argue[sd]?|predicted|suggested|"
        r"claim(?:ed|s)?|insist(?:ed|s)?|speculated?|fear(?:ed|s)?|expect(?:ed|s)?")
_SUBJECTS = r"critics|some|observers|analysts|experts|sources|officials|insiders|skeptics|opponents|detractors"
_DET = r"a|an|the|one|two|three|four|several|some|many|other|multiple|unnamed|anonymous|various|few"
# Up to four modifier words on one line; a dot only inside an abbreviation ("U.S."), never a sentence end.
_MOD = r"(?:[\w'’-]+(?:\.\w+)*(?:(?<=\b\w)\.)?[ \t]+){0,4}?"
_ANONYMOUS = re.compile(
    rf"\baccording\s+to\s+(?:(?:{_DET})\s+)?{_MOD}(?:{_SOURCE})\b(?:\s+(?:familiar|close|briefed|with|who)"
    rf"\b[^,.;:]{{0,50}})?"
    rf"|\b(?:{_DET})\s+{_MOD}(?:{_SOURCE})\b(?:\s+(?:familiar|close|briefed|with|who)\b[^,.;:]{{0,50}}?)?"
    rf"\s*,?\s+(?:{_SAY})\b"
    rf"|\b(?:{_SUBJECTS})\s+(?:have\s+|had\s+)?(?:{_SAY})\b",
    re.IGNORECASE)


# --- anonymous attribution, read only where it can be --------------------------------------------------------
# Every match of ``_ANONYMOUS`` holds a source word or a subject: one of the letters each of their alternatives
# starts with (``_ANON_STEMS``, in any case), and no match holds ";", ":" or a "." that ends a word of two or
# more letters and is not followed by a word character (``_barrier``: ``_MOD`` takes a dot only inside "U.S.";
# everything else excludes all three). So the text splits at those characters into pieces that are matched
# independently (same look-arounds at a cut: a non-word character either way), and only pieces holding a stem
# need the regex: a trie of the stems over the lower-cased text finds them.


def _top_level(alternation: str) -> list[str]:
    out, depth, last = [], 0, 0
    for i, ch in enumerate(alternation):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            out.append(alternation[last:i])
            last = i + 1
    return out + [alternation[last:]]


def _stems(*alternations: str) -> list[str]:
    out = set()
    for alt in (a for x in alternations for a in _top_level(x)):
        m = re.match(r"[a-z]+(?![?*{])|[a-z]+(?=[a-z][?*{])", alt)     # "aides?": "aide"
        if not m:
            raise ValueError(f"anonymous attribution: {alt!r} does not start with a letter")
        out.add(m.group())
    return sorted(out)


def _trie_regex(words: list[str]) -> str:
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        if "" in node:                  # a stem ends here: longer ones are no more needed
            return ""
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


_ANON_STEMS = _stems(_SOURCE, _SUBJECTS)
# The same pattern, case-sensitive, for lower-cased ASCII (its letters are all lower case): for ASCII text it
# matches what the case-insensitive one matches in the original, about 2.5 times as fast.
_ANONYMOUS_LOWER = re.compile(_ANONYMOUS.pattern)
_ANON_KEYS = re.compile(_trie_regex(_ANON_STEMS))     # over the lower case: a trie of literals, scanned in C
# ``re.IGNORECASE`` also matches "ı" to i and "ſ" to s, which stay themselves in the lower case ("İ" and the
# Kelvin sign become i and k): a text with either is read whole.
_CASE_ODD = re.compile("[ıſ]")
_BARRIER_CHARS = re.compile("[.;:]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ANON_WINDOW = 1 << 16


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _barrier(text: str, i: int) -> bool:
    """Whether ``text[i]`` (";", ":" or ".") can be part of no ``_ANONYMOUS`` match."""
    if text[i] != ".":
        return True
    if i + 1 < len(text) and _is_word(text[i + 1]):
        return False                    # "U.S": a dot inside a word
    return not (i and _is_word(text[i - 1]) and (i == 1 or not _is_word(text[i - 2])))   # not "J. Smith"


def _piece_start(text: str, q: int, start: int) -> int:
    """Start of the piece holding ``text[q]``: after the last barrier in ``[start, q)``, else ``start`` (a piece
    start itself)."""
    hi, step = q, 256
    while hi > start:
        lo = max(start, hi - step)
        i = max(text.rfind(ch, lo, hi) for ch in ".;:")
        while i >= lo:
            if _barrier(text, i):
                return i + 1
            i = max(text.rfind(ch, lo, i) for ch in ".;:")
        hi, step = lo, step * 4
    return start


def _piece_end(text: str, q: int, end: int) -> int:
    """End of the piece holding ``text[q]``: the first barrier at or after ``q`` (or ``end``)."""
    while True:
        m = _BARRIER_CHARS.search(text, q, end)
        if m is None:
            return end
        if _barrier(text, m.start()):
            return m.start()
        q = m.end()


@lru_cache(maxsize=4096)
def _lowers_plainly(ch: str) -> bool:
    """Whether ``ch`` is read alike by ``_ANONYMOUS`` (case-insensitive) and by ``_ANONYMOUS_LOWER`` in the lower
    case: it has no case (a quote, a dash, CJK), or it is a letter or digit whose lower and upper case are one
    letter or digit each (so every class and literal of the pattern, all ASCII or case-free, treats the three
    alike, and ``\\b`` sees a word character either way). Not "ı" or "ſ" (IGNORECASE matches them to i and s)."""
    low, up = ch.lower(), ch.upper()
    if low == ch == up:
        return True
    return (len(low) == len(up) == 1 and ch not in "ıſ" and ch.isalnum() and low.isalnum() and up.isalnum())


class _Span(NamedTuple):
    """A match of ``_ANONYMOUS`` found in a lower-cased piece: what ``find_cues`` reads of an ``re.Match``."""

    s: int
    e: int
    text: str

    def span(self) -> tuple[int, int]:
        return self.s, self.e

    def group(self) -> str:
        return self.text[self.s:self.e]


def _anonymous(text: str, start: int, end: int):
    """What ``_ANONYMOUS.finditer(text, start, end)`` gives, reading only the pieces that hold a stem."""
    finditer, cased = _ANONYMOUS.finditer, _ANONYMOUS_LOWER.finditer
    if _CASE_ODD.search(text, start, end):
        yield from finditer(text, start, end)
        return
    covered = start                     # pieces before this are done
    a = start
    while a < end:
        b = cut_after_space(text, a + _ANON_WINDOW, end)
        low = text[a:b].lower()
        if len(low) != b - a:           # a character whose lower case is longer: one at a time
            low = "".join(ch.lower()[:1] for ch in text[a:b])
        for m in _ANON_KEYS.finditer(low):
            q = a + m.start()
            if q < covered:
                continue
            lo = _piece_start(text, q, covered)
            hi = _piece_end(text, q, end)
            piece = text[lo:hi]
            if (lo == 0 or text[lo - 1] in ".;:") and (piece.isascii() or all(
                    map(_lowers_plainly, set(_NON_ASCII.findall(piece))))):
                # after a cut: the pattern without IGNORECASE over the lower case finds the same spans
                for m in cased(piece.lower()):
                    yield _Span(lo + m.start(), lo + m.end(), text)
            else:
                yield from finditer(text, lo, hi)
            covered = hi + 1 if hi < end else end
        a = b


def _next_words(text: str, end: int, k: int) -> list[str]:
    return [w.casefold().replace("’", "'") for w in re.findall(r"[\w'’]+", text[end:end + 15 * k])][:k]


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    return m.group(1).casefold().replace("’", "'") if m else ""


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORDS.search(text, max(0, start - 40), start)
    return m.group(1).casefold().replace("’", "'") if m else ""


def _prev_words(text: str, start: int, k: int) -> list[str]:
    return [w.casefold() for w in re.findall(r"[\w'’]+", text[max(0, start - 12 * k):start])][-k:]


def keep_hedge(entry: Entry, text: str, m: Match) -> bool:
    """Apply the context rules to one hedge hit."""
    word = m.text.casefold().replace("’", "'")
    last = word.split()[-1] if word.strip() else word
    if "needs_number" in entry.flags and not _NUMBER_NEXT.match(text, m.end):
        return False
    nxt = _next_word(text, m.end)
    if word == "may":
        if m.text[0] == "M":
            before = text[max(0, m.start - 3):m.start].strip()
            if (before and before[-1] not in '.!?"“”\'') or nxt[:1].isdigit():
                return False        # mid-sentence "May" is the month or a name; "May 5"
        if "whether" in _prev_words(text, m.start, 4):
            return False            # "whether they may seek damages": permission
    elif word == "might":
        if _prev_word(text, m.start) in _NOUN_PREV:
            return False
    elif word in ("could", "couldn't", "could not"):
        if word != "could" or nxt in ("not", "n't", "never", "care", "hardly"):
            return False
        if nxt == "have" and re.match(r"\s*have\s+(?:been|\w+(?:ed|en))\b", text[m.end:m.end + 40]):
            return False            # counterfactual: "could have been used"
    elif word == "would":
        return False
    elif word.startswith("appear"):
        if " " not in word and nxt not in ("to", "that", "likely", "unlikely", "as"):
            return False            # "appeared in court": physical appearance
    elif word.startswith("suggest"):
        before = set(_prev_words(text, m.start, 4))
        if not (before & _EVIDENCE or nxt == "that"):
            return False            # "suggested a plan": a proposal
    elif word.startswith("claim"):
        if _prev_word(text, m.start) in _LEGAL_CLAIM_PREV or set(_prev_words(text, m.start, 3)) & {"filed", "file"}:
            return False
    elif word.startswith("expect"):
        following = _next_words(text, m.end, 2)
        if not following or following[0] not in ("to", "that") or following[1:2] and following[1] in _PRONOUN_OBJ:
            return False            # "expect you to pay": a demand, not a belief
    elif word == "possible":
        if _prev_word(text, m.start) == "as" or nxt in ("to", "for"):
            return False            # "as soon as possible", "made it possible to"
    elif last in ("assume", "assumed", "assumes", "assuming"):
        following = _next_words(text, m.end, 2)
        taken_up = {"office", "power", "control", "command", "responsibility", "presidency", "role", "post", "helm",
                    "leadership", "throne", "duties", "mantle", "debt", "risk", "name", "identity"}
        if following and (following[0] in taken_up or following[0] in _DETERMINERS and following[1:2]
                          and following[1] in taken_up):
            return False            # "assumed office", "assumed the presidency": took up
    elif word in ("kind of", "sort of", "type of"):
        if _prev_word(text, m.start) in _DETERMINERS:
            return False            # "a kind of coercion": a noun phrase, not a softener
    elif word in ("doubt", "doubts"):
        if _prev_word(text, m.start) in _DETERMINERS | {"nagging", "serious", "raised", "raise", "raises", "cast",
                                                         "casts", "without", "beyond"}:
            return False
    elif word.startswith("consider"):
        if not set(_next_words(text, m.end, 3)) & {"likely", "unlikely", "possible", "probable", "plausible"}:
            return False
    elif last in ("think", "thinks", "thought", "thinking"):
        if nxt in ("about", "of", "tank"):
            return False
    elif last in ("feel", "feels", "felt"):
        if nxt not in ("that", "like"):
            return False
    return True


def _key_word(text: str) -> str:
    return text.casefold().split()[-1] if text.strip() else ""


def _negated(text: str, start: int) -> bool:
    return any(w in _NEGATORS or w.endswith("n't") for w in _prev_words(text, start, 2))


class _Hit(NamedTuple):
    """What ``keep_hedge`` reads of a lexicon ``Match``."""

    start: int
    end: int
    text: str


def find_cues(text: str, lexicon: Lexicon, start: int = 0, end: int | None = None) -> list[Cue]:
    """All cues in ``text[start:end]`` (offsets into ``text``), sorted by position. Equal cue texts share one
    string ("may", "said" recur thousands of times in a long article)."""
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = []
    shared: dict[str, str] = {}
    for m in _anonymous(text, start, len(text) if end is None else end):
        s, e = m.span()
        if _APPOSITIVE_DET.match(m.group()) and text[max(0, s - 3):s].rstrip().endswith(","):
            continue                # "John Kirby, a White House spokesman, said": a named source
        t = shared.setdefault(m.group(), m.group())
        cues.append(Cue(t, s, e, "hedge", "evidential"))
        cues.append(Cue(t, s, e, "attribution", "anonymous"))
        taken.append((s, e))
    ends = [e for _, e in taken]
    compiled = lexicon.compiled
    hits = compiled.spans(text, start, end) if compiled is not None else (
        (m.start, m.end, m.entries) for m in lexicon.finditer(text, start, end))
    for ms, me, entries in hits:
        if taken:
            k = bisect.bisect_right(ends, ms)       # the first anonymous span ending after the match starts
            inside = k < len(taken) and taken[k][0] < me  # overlaps it
        else:
            inside = False
        mt = text[ms:me]
        t = shared.setdefault(mt, mt)
        m = None
        for entry in entries:
            cat, typ = entry.category, entry.type
            if cat == "hedge":
                if inside and typ == "evidential":
                    continue
                if m is None:
                    m = _Hit(ms, me, t)
                if not keep_hedge(entry, text, m):
                    continue
            elif cat == "booster" and _negated(text, ms) and _key_word(t) in _NEGATABLE:
                cat, typ = "hedge", "epistemic"          # "not clear", "no certainty"
            elif cat == "attribution" and inside:
                continue            # the report verb of an anonymous attribution is not a second source
            cues.append(Cue(t, ms, me, cat, typ))
    cues.sort(key=_cue_key)
    return cues


def _cue_key(c: Cue) -> tuple:
    return c.start, c.end, c.category, c.type
