"""Generic news frames from indicator questions: which of Semetko & Valkenburg's 16 yes/no questions a sentence
answers, with the words that answer it, and an article-level probability per frame.

Detectors are data: ``mediacheck/data/frame_questions.tsv`` (columns ``question frame pattern weight note``).
A ``class`` row (``class  NAME  member | member | ...``) defines a word class; every other row is one pattern
for one question (R1-R4 responsibility, H1-H3 human interest, C1-C3 conflict, M1-M3 morality, E1-E3 economic).

Pattern syntax: segments separated by gaps, ``...`` (up to 6 words) or ``..N..`` (up to N words), never across
``;``. A segment is one phrase or several separated by ``|``; a phrase is words and ``{CLASS}`` references
separated by single spaces. Words match case-insensitively and whole; ``'`` matches ' and ’; a trailing ``*``
matches any ending; the words of a phrase may be separated by any punctuation but ``;``; any word may carry a
possessive 's. Class members are phrases too, or a raw regular expression after ``re:`` (written in lowercase;
``(?-i:...)`` makes a part case-sensitive). Example: ``{GOV} ..4.. {MODAL} ..2.. {ACT}`` ("the city council
said it would fund ...").

Matching: each row is one regex (class members share a character trie), run on the lowercased sentence (a
case-sensitive compile, so sre's literal fast path applies; rows with a ``(?-i:...)`` part run on the original).
A row runs only when the sentence holds, for each of its segments, one of the segment's anchors (per alternative
its rarest word; for a ``re:`` member a leading stem, a digit or currency sign, or a quotation mark). Anchors
are necessary words, so the gate never loses a hit. An opened row is then tried (``re.match``) only where its
first segment can begin: at its first words, prefixes, digits, capitals, currency signs or after a quotation
mark (``_Starts``; a ``re:`` member of another shape makes the row scan the whole text). Same hits as
``finditer``, about half the cost. Within a question, rows are tried strongest first and a hit overlapping an
earlier hit of the question is dropped.

Kept between sentences (none changes a result): the gate bits of each whitespace-separated piece ("said,",
"$5", "officials'": its words, their prefixes, its special characters; a piece recurs far more than a sentence)
and the hits of the last ``CACHE_SENTENCES`` distinct sentences (``QuestionDetector.cache_size``; 0 turns it off),
shifted to each new offset.

Decision rules for one sentence (``find_question_hits``):
- negation flips the answer for ``NEGATION_FLIPS`` (R1-R4, H3, C1, C2: "did not blame", "no plan to", "never
  accused", "residents were not affected"): a hit is dropped when a negator (not, no, never, n't, cannot, without,
  nobody, refused/declined/failed to ...; not "not only"/"not just") stands inside the matched words or within 4
  words before them in the same clause. Rows whose own words include a negator, or noted ``keep_negated``, skip
  the rule. For the other questions a negated mention still answers them ("should not", "nothing wrong with",
  "would not cost taxpayers $1 billion");
- hypothetical and hedged mentions are kept (the article still discusses them);
- hits inside quotation marks are kept and flagged ``quoted`` ("..." and “...”, also a quote that opened in an
  earlier sentence; single quotes are not tracked).

Article level: ``article_features`` gives a flat dict of floats (see there) and ``FrameModel`` turns it into one
logistic probability per generic frame; ``default_frame_model`` loads the shipped ``data/frame_model.json`` (the
hand-set ``prior_frame_model`` Platt-scaled on the frame dev set by ``benchmarks/fit_frame_model.py``).
"""
from __future__ import annotations

import json
import math
import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from itertools import repeat
from operator import or_
from pathlib import Path

from mediacheck.textutil import STOPWORDS

__all__ = ["GENERIC_FRAMES", "NEGATION_FLIPS", "QUESTIONS", "QUESTION_FRAME", "FrameModel", "QuestionDetector",
           "QuestionHit", "article_features", "default_detector", "default_frame_model", "find_question_hits",
           "load_questions", "prior_frame_model"]

DEFAULT_FILE = "frame_questions.tsv"
MODEL_FILE = "frame_model.json"
GENERIC_FRAMES = ("conflict", "economic", "human_interest", "morality", "responsibility")
QUESTION_FRAME = {
    "R1": "responsibility", "R2": "responsibility", "R3": "responsibility", "R4": "responsibility",
    "H1": "human_interest", "H2": "human_interest", "H3": "human_interest",
    "C1": "conflict", "C2": "conflict", "C3": "conflict",
    "M1": "morality", "M2": "morality", "M3": "morality",
    "E1": "economic", "E2": "economic", "E3": "economic",
}
QUESTIONS = tuple(QUESTION_FRAME)
#: Questions whose answer a negation reverses ("did not blame" is no blame); see the module docstring.
NEGATION_FLIPS = frozenset({"R1", "R2", "R3", "R4", "H3", "C1", "C2"})
LEAD_SENTENCES = 3
#: Words whose gate bits ``QuestionDetector`` keeps (then it starts again): about 150 bytes a word.
WORD_BITS_MAX = 200_000
#: Distinct sentences whose hits ``QuestionDetector.find`` keeps (oldest out first; about 400 bytes each), and
#: the longest sentence kept.
CACHE_SENTENCES = 1 << 15
CACHE_CHARS = 1000
GAP_WORDS = 6

_SEP = r"[^\w;]+"                                # between adjacent words: spaces, punctuation, quotes; never ";"
_END = r"(?!\w)(?:['’]s?(?!\w))?"               # whole word, optional possessive
_CASED = "(?-i:"
_GAP_SPLIT = re.compile(r" (\.\.\.|\.\.\d+\.\.) ")
_NEGATORS = frozenset("not no never cannot can't nobody none nothing neither nor without".split())
_NEG_PHRASE = re.compile(r"\b(?:refus(?:ed|es|ing)|declin(?:ed|es|ing)|fail(?:ed|s)?)\s+to\b", re.IGNORECASE)
_NOT_NEGATING = frozenset({"only", "just", "least", "doubt", "surprisingly", "far"})   # "not only", "no doubt"
_CLAUSE_WORDS = frozenset("and but while although though because whereas yet so after before when since if unless "
                          "then also".split())
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[,;:()\[\]—–]")
_WORDS = re.compile(r"\w+")
_DIGIT = "#"                                     # anchor key: a digit or currency sign in the sentence
_QUOTE = '"'                                     # anchor key: a quotation mark in the sentence
_CURRENCY = "$"                                  # anchor key: a currency sign
_DIGIT_COMMA = "#,"                              # anchor key: a digit right before a comma ("Lopez, 42, said")
_HAS_DIGIT_COMMA = re.compile(r"\d,")
_SPECIAL = frozenset({_DIGIT, _QUOTE, _CURRENCY, _DIGIT_COMMA})
_QUOTE_CHARS = frozenset('"“”')
_CURRENCY_CHARS = frozenset("$£€¥₹₦")
_SPECIAL_CHARS = re.compile(r'[\d"“”$£€¥₹₦]')
_ALWAYS = None
_VERY_COMMON = frozenset("the a an to of and in for is on that with said was it as at by be are from has have he "
                         "she they his her its this not".split())


@dataclass(frozen=True)
class QuestionHit:
    """One answer: ``sentence[start - offset:end - offset]`` is ``cue``, the words that answer ``question``."""

    question: str
    frame: str
    start: int
    end: int
    cue: str
    weight: float
    quoted: bool = False


def _shifted(h: QuestionHit, offset: int) -> QuestionHit:
    return QuestionHit(h.question, h.frame, h.start + offset, h.end + offset, h.cue, h.weight, h.quoted)


@dataclass(frozen=True)
class Row:
    question: str
    frame: str
    pattern: str
    weight: float
    note: str = ""
    keep_negated: bool = False


# --- pattern compiler ---------------------------------------------------------------------------------------------

def _atoms(word: str) -> list[str]:
    """A literal word or phrase as regex atoms (one per character); space = separator, * = word ending."""
    out = []
    for i, ch in enumerate(word):
        if ch == " ":
            out.append(_SEP)
        elif ch in "'’":
            out.append("['’]")
        elif ch == "*" and i == len(word) - 1:
            out.append(r"\w*")
        else:
            out.append(re.escape(ch))
    return out


def _trie(members: Iterable[str]) -> str:
    root: dict = {}
    for m in members:
        node = root
        for a in _atoms(m):
            node = node.setdefault(a, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [a + emit(child) for a, child in sorted(node.items()) if a]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _key_cost(key: str) -> int:
    """How often a key is met, roughly: function words gate almost nothing, so any 300 other words rather;
    a digit is in about half of news sentences."""
    special = {_DIGIT: 200, _QUOTE: 100, _CURRENCY: 5, _DIGIT_COMMA: 50}
    if key in special:
        return special[key]
    if key in _VERY_COMMON:
        return 1000
    if key in STOPWORDS:
        return 300
    if len(key) < 3:
        return 50
    return 3 if key[0] == "~" else 1


def _word_anchor(word: str) -> tuple[int, str]:
    """(cost, key) of a literal word: its rarest, then longest \\w+ piece, or ``~stem`` for ``stem*``."""
    pieces = _WORDS.findall(word.lower())
    if not pieces:
        return 10**6, ""
    if word.endswith("*"):
        return 3, "~" + pieces[-1]
    best = min(pieces, key=lambda p: (_key_cost(p), -len(p)))
    return _key_cost(best), best


def _top_level_bar(rx: str) -> bool:
    """Whether ``rx`` has a ``|`` outside groups and character classes."""
    depth, i, in_class = 0, 0, False
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _regex_anchor(rx: str) -> str | None:
    """A regex member's key, only where a match must contain it: a quotation mark if it starts by looking behind
    for one; its leading letters (after look-behinds) as a prefix; a digit or currency sign if it starts with
    one (a currency sign key for a leading currency sign, a digit-comma key for ``\\d{1,3}(?=,)``); else none
    (the row is not gated)."""
    if _top_level_bar(rx):
        return _ALWAYS
    if re.match(r"\(\?<=\[?[\"“]", rx):
        return _QUOTE
    body = re.sub(r"^(?:\(\?<!(?:[^()]|\([^()]*\))*\))+", "", rx)
    m = re.match(r"[a-z]{3,}", body)
    if m:
        stem = m.group()
        if body[len(stem):len(stem) + 1] in ("?", "*", "{"):
            stem = stem[:-1]
        return "~" + stem if len(stem) >= 3 else _ALWAYS
    if re.match(r"\[[$£€¥₹₦]+\]|\\\$|[£€¥₹₦]", body):
        return _CURRENCY
    if re.match(r"\\d(?:\{1,\d\})?\(\?=,\)", body):
        return _DIGIT_COMMA
    if re.match(r"\\d|\[(?:\\d|[$£€¥₹₦])+\]", body):
        return _DIGIT
    return _ALWAYS


@dataclass(frozen=True)
class _Starts:
    """Where a match can begin: at a word of ``words``, a word starting with one of ``prefixes``, a word starting
    with a digit (``digit``) or a capital (``capital``, original text), right after a character of ``after``, or
    at a character of ``at`` (non-word characters such as currency signs)."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    digit: bool = False
    capital: bool = False
    after: str = ""
    at: str = ""

    def union(self, o: _Starts) -> _Starts:
        return _Starts(self.words | o.words, tuple(sorted(set(self.prefixes) | set(o.prefixes))),
                       self.digit or o.digit, self.capital or o.capital, "".join(sorted(set(self.after + o.after))),
                       "".join(sorted(set(self.at + o.at))))


def _word_starts(tok: str) -> _Starts | None:
    """A literal word: its first \\w+ piece, exact, or as a prefix for a one-piece ``stem*``."""
    low = tok.lower()
    if not low or not re.match(r"\w", low):
        return None
    pieces = _WORDS.findall(low)
    if low.endswith("*") and len(pieces) == 1 and re.fullmatch(r"\w+\*", low):
        return _Starts(prefixes=(pieces[0],))
    return _Starts(words=frozenset([pieces[0]]))


_LOOKBEHIND = re.compile(r"\(\?<!(?:[^()]|\([^()]*\))*\)")
_AFTER_CLASS = re.compile(r"\(\?<=\[([^\]\\]+)\]\)")
_WORD_GROUP = re.compile(r"\(\?:([a-z]+(?:\|[a-z]+)*)\)\(\?!\\w\)")


def _regex_starts(rx: str) -> _Starts | None:
    """A ``re:`` member's starts, for the shapes the TSV uses; None when unsure (the row then scans the text).
    Negative look-behinds do not move the start; ``(?<=[chars])`` means right after one of the chars;
    ``(?:a|b)(?!\\w)`` is words; leading letters a prefix; ``\\d`` a digit; ``(?-i:(?=[A-Z])`` a capital."""
    if _top_level_bar(rx):
        return None
    if rx.startswith("(?-i:(?=[A-Z])"):
        return _Starts(capital=True)
    after = ""
    m = _AFTER_CLASS.match(rx)
    if m:
        after, rx = m.group(1), rx[m.end():]
    while (m := _LOOKBEHIND.match(rx)):
        rx = rx[m.end():]
    if after:
        return _Starts(after=after)
    m = re.match(r"\[([^\]\\]+)\]", rx)
    if m and not re.search(r"\w", m.group(1)):
        return _Starts(at=m.group(1))
    m = _WORD_GROUP.match(rx)
    if m:
        return _Starts(words=frozenset(m.group(1).split("|")))
    m = re.match(r"[a-z]+", rx)
    if m:
        stem = m.group()
        if rx[len(stem):len(stem) + 1] in ("?", "*", "{"):
            stem = stem[:-1]
        return _Starts(prefixes=(stem,)) if stem else None
    if rx.startswith("\\d"):
        return _Starts(digit=True)
    return None


class _Compiler:
    def __init__(self, classes: Mapping[str, list[str]]):
        self.raw = classes
        self.done: dict[str, str] = {}
        self.anchor_memo: dict[str, frozenset[str] | None] = {}
        self.starts_memo: dict[str, _Starts | None] = {}

    def cls(self, name: str, stack: tuple[str, ...] = ()) -> str:
        if name not in self.done:
            if name not in self.raw:
                raise ValueError(f"frame_questions: unknown class {{{name}}}")
            if name in stack:
                raise ValueError(f"frame_questions: class {{{name}}} refers to itself")
            self.done[name] = self.alternatives(self.raw[name], stack + (name,))
        return self.done[name]

    def alternatives(self, members: Iterable[str], stack: tuple[str, ...] = ()) -> str:
        """Phrases (words and {CLASS} references) or ``re:`` regexes; literal phrases share one trie."""
        literal, other = [], []
        for m in members:
            m = m.strip()
            if m.startswith("re:"):
                if _CASED not in m and re.search(r"[A-Z]", re.sub(r"\\.", "", m[3:])):
                    raise ValueError(f"frame_questions: write re: members in lowercase or in (?-i:...): {m!r}")
                re.compile(m[3:])
                other.append(m[3:])
            elif "{" in m:
                other.append(self.phrase(m, stack))
            elif not m or "}" in m or "  " in m:
                raise ValueError(f"frame_questions: bad phrase {m!r}")
            else:
                literal.append(m.lower())
        alts = ([f"{_trie(literal)}{_END}"] if literal else []) + [f"(?:{o})" for o in other]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    def phrase(self, text: str, stack: tuple[str, ...]) -> str:
        parts = []
        for tok in text.split(" "):
            if tok.startswith("{") and tok.endswith("}"):
                parts.append(self.cls(tok[1:-1], stack))
            elif "{" in tok or "}" in tok or not tok:
                raise ValueError(f"frame_questions: bad token {tok!r} in {text!r}")
            else:
                parts.append(f"{_trie([tok.lower()])}{_END}")
        return _SEP.join(parts)

    def segments(self, text: str) -> list[list[str]]:
        pieces = _GAP_SPLIT.split(text)
        segs = [p.split("|") for p in pieces[::2]]
        if any(t == "..." or re.fullmatch(r"\.\.\d*\.*", t) for s in segs for a in s for t in a.split(" ")):
            raise ValueError(f"frame_questions: a gap must stand between two words: {text!r}")
        return segs

    def pattern(self, text: str) -> str:
        """Segments separated by gaps; a segment is ``|``-separated phrases."""
        pieces = _GAP_SPLIT.split(text)
        segs = self.segments(text)
        out = [self.alternatives(segs[0])]
        for gap, seg in zip(pieces[1::2], segs[1:]):
            n = GAP_WORDS if gap == "..." else int(gap[2:-2])
            out.append(rf"(?:[^\w;]++\w++){{0,{n}}}?{_SEP}" + self.alternatives(seg))
        return "".join(out)

    # anchors: words one of which any match of a segment must contain
    def _phrase_anchors(self, phrase: str) -> tuple[int, frozenset[str] | None]:
        if phrase.startswith("re:"):
            key = _regex_anchor(phrase[3:])
            return (10**6, None) if key is None else (_key_cost(key), frozenset([key]))
        best: tuple[int, frozenset[str] | None] = (10**6, None)
        for tok in phrase.split(" "):
            if tok.startswith("{"):
                keys = self.class_anchors(tok[1:-1])
                cand = (10**6, None) if keys is None else (self._cost(keys), keys)
            else:
                cost, key = _word_anchor(tok)
                cand = (cost, frozenset([key]))
            if cand[0] < best[0]:
                best = cand
        return best

    @staticmethod
    def _cost(keys: frozenset[str]) -> int:
        return sum(map(_key_cost, keys))

    def class_anchors(self, name: str) -> frozenset[str] | None:
        if name not in self.anchor_memo:
            self.anchor_memo[name] = None            # a self-reference cannot anchor
            self.cls(name)
            self.anchor_memo[name] = self.segment_anchors(self.raw[name])
        return self.anchor_memo[name]

    def segment_anchors(self, alternatives: Iterable[str]) -> frozenset[str] | None:
        keys: set[str] = set()
        for alt in alternatives:
            _, k = self._phrase_anchors(alt.strip())
            if k is None:
                return None
            keys |= k
        return frozenset(keys)

    # starts: where any match of a row can begin (the first segment's first word)
    def row_starts(self, text: str) -> _Starts | None:
        """Where a match of the row can begin, or None when that cannot be told (the row then scans the text)."""
        return self._starts_of(self.segments(text)[0])

    def _starts_of(self, alternatives: Iterable[str]) -> _Starts | None:
        out = _Starts()
        for alt in alternatives:
            alt = alt.strip()
            if alt.startswith("re:"):
                part = _regex_starts(alt[3:])
            else:
                tok = alt.split(" ")[0]
                if tok.startswith("{"):
                    part = self.class_starts(tok[1:-1])
                else:
                    part = _word_starts(tok)
            if part is None:
                return None
            out = out.union(part)
        return out

    def class_starts(self, name: str) -> _Starts | None:
        if name not in self.starts_memo:
            self.starts_memo[name] = None            # a self-reference cannot be told
            self.cls(name)
            self.starts_memo[name] = self._starts_of(self.raw[name])
        return self.starts_memo[name]

    def row_anchors(self, text: str) -> list[frozenset[str]]:
        """Per segment that can be gated, the words one of which any match of the row contains."""
        return [k for k in (self.segment_anchors(s) for s in self.segments(text)) if k is not None]


def _literal_words(pattern: str) -> set[str]:
    return {w.casefold().replace("’", "'") for w in re.split(r"[ |]", pattern) if w and not w.startswith("{")}


class QuestionDetector:
    """The compiled rows, one regex each: over the lowercased sentence (compiled case-sensitively, so the tries
    take sre's literal fast path), or over the original text for rows with a ``(?-i:...)`` part. A row runs only
    when the sentence holds an anchor of each of its gated segments; two dictionary look-ups per word decide."""

    def __init__(self, rows: Sequence[Row], classes: Mapping[str, list[str]]):
        self.rows = tuple(rows)
        self.classes = dict(classes)
        comp = _Compiler(classes)
        for name in classes:
            comp.cls(name)                      # every class compiles, used or not
        order = sorted(range(len(rows)), key=lambda i: (QUESTIONS.index(rows[i].question), -rows[i].weight, i))
        conditions: dict[frozenset[str], int] = {}          # anchor set -> its bit
        gate: dict[str, list[int]] = {}                     # key -> [anchor-set bits, row bits]
        # row, regex, on lowercase, anchor mask, source, starts
        # (row, regex or None until a sentence opens the row, on lowercase, anchor mask, source, starts): 119
        # rows take ~0.3 s to compile, most of a short run's scoring time
        self._compiled: list[tuple[Row, re.Pattern | None, bool, int, str, _Starts | None]] = []
        self._always = 0                                    # rows without anchors
        for n, i in enumerate(order):
            r = rows[i]
            rx = comp.pattern(r.pattern)
            anchors = comp.row_anchors(r.pattern)
            mask = 0
            for k in anchors:
                bit = conditions.setdefault(k, len(conditions))
                mask |= 1 << bit
                for key in k:
                    gate.setdefault(key, [0, 0])[0] |= 1 << bit
            if anchors:
                for key in min(anchors, key=comp._cost):    # the row's most selective anchor set opens it
                    gate[key][1] |= 1 << n
            else:
                self._always |= 1 << n
            lower = _CASED not in rx
            src = rf"(?:(?<!\w)|(?=\W)){rx}"            # at a word start, or at "$" in "US$5"
            self._compiled.append((r, None, lower, mask, src, comp.row_starts(r.pattern)))    # compiled on first use
        self._gate = {k: (v[0], v[1]) for k, v in gate.items()}
        self._gate_words = frozenset(k for k in self._gate if k[0] != "~" and k not in _SPECIAL)
        self._prefixes_by3: dict[str, list[str]] = {}   # first 3 letters -> "~stem" keys
        self._short_prefixes = [k for k in self._gate if k[0] == "~" and len(k) < 4]
        for k in self._gate:
            if k[0] == "~" and len(k) >= 4:
                self._prefixes_by3.setdefault(k[1:4], []).append(k)
        self._shift = len(conditions)                  # word bits: met | opened << _shift
        self._met_mask = (1 << self._shift) - 1
        self._key_bits = {k: met | opened << self._shift for k, (met, opened) in self._gate.items()}
        self._bits: dict[str, int] = {}                  # word -> gate bits
        self._piece_bits: dict[str, int] = {}             # whitespace-separated piece -> gate bits
        self._hits: OrderedDict[str, tuple[QuestionHit, ...]] = OrderedDict()
        self.cache_size = CACHE_SENTENCES
        self._fallback: dict[str, re.Pattern] = {}
        self.positional = True          # match only where a row can begin; False scans the text (same hits)

    def _compile(self, n: int) -> re.Pattern:
        """Row ``n``'s regex, compiled now and kept."""
        row, _, lower, mask, src, starts = self._compiled[n]
        rx = re.compile(src, 0 if lower else re.IGNORECASE)
        self._compiled[n] = (row, rx, lower, mask, src, starts)
        return rx

    def compile_all(self) -> QuestionDetector:
        """Compile every row now (rows otherwise compile when a sentence first opens them): checks a question
        file's regexes at load."""
        for n, entry in enumerate(self._compiled):
            if entry[1] is None:
                self._compile(n)
        return self

    def _ignorecase(self, src: str) -> re.Pattern:
        """For the rare text whose lowercase has another length ("İ"): the same regex, case-insensitive."""
        if src not in self._fallback:
            self._fallback[src] = re.compile(src, re.IGNORECASE)
        return self._fallback[src]

    def _word_bits(self, w: str) -> int:
        """The gate bits one word sets (``met | opened << _shift``): as a key word and through its prefixes."""
        key_bits = self._key_bits
        bits = key_bits.get(w, 0) if w in self._gate_words else 0
        for k in self._prefixes_by3.get(w[:3], ()):
            if w.startswith(k[1:]):
                bits |= key_bits[k]
        for k in self._short_prefixes:
            if w.startswith(k[1:]):
                bits |= key_bits[k]
        return bits

    def _piece_gate(self, piece: str) -> int:
        """The gate bits of one whitespace-separated piece: of its words (as key words and through their
        prefixes) and of its special characters (a digit, a quotation mark, a currency sign, a digit before a
        comma: no whitespace in any of them, so a sentence has one where one of its pieces has)."""
        word_bits = self._bits
        if piece.isalpha():                     # one word, no special character (most pieces)
            words: tuple[str, ...] = (piece,)
        else:
            words = tuple(set(_WORDS.findall(piece)))
        bits = 0
        for w in words:
            b = word_bits.get(w)
            if b is None:
                if len(word_bits) >= WORD_BITS_MAX:
                    word_bits.clear()
                b = word_bits[w] = self._word_bits(w)
            bits |= b
        if words and words[0] is piece:
            return bits
        chars = set(_SPECIAL_CHARS.findall(piece))
        if chars:
            keys = []
            if chars & _QUOTE_CHARS:
                keys.append(_QUOTE)
            if chars & _CURRENCY_CHARS:
                keys.append(_CURRENCY)
            if chars - _QUOTE_CHARS:
                keys.append(_DIGIT)             # a digit or a currency sign, as before
                if _HAS_DIGIT_COMMA.search(piece):
                    keys.append(_DIGIT_COMMA)
            for k in keys:
                b = self._key_bits.get(k)
                if b is not None:
                    bits |= b
        return bits

    def _gate_bits(self, low: str) -> int:
        """The gate bits of ``low``: the OR of its pieces' (``_piece_gate``), each worked out once and kept (at
        most ``WORD_BITS_MAX`` pieces; then it starts again)."""
        pieces = low.split()
        known = self._piece_bits
        bits = reduce(or_, map(known.get, pieces, repeat(-1)), 0)
        if bits < 0:                            # a piece not seen yet
            missing = [p for p in pieces if p not in known]
            if len(known) + len(missing) > WORD_BITS_MAX:
                known.clear()
                missing = pieces
            for p in missing:
                known[p] = self._piece_gate(p)
            bits = reduce(or_, map(known.__getitem__, pieces), 0)
        return bits

    def _open(self, low: str, bits: int) -> tuple[int, int]:
        """(anchor sets met, rows opened) from the gate bits of ``low`` (``_gate_bits``)."""
        return bits & self._met_mask, bits >> self._shift | self._always

    def find(self, sentence: str, offset: int = 0) -> list[QuestionHit]:
        """Every question ``sentence`` answers, in question order, with spans ``+ offset``. The hits depend on the
        sentence alone: those of the last ``cache_size`` distinct sentences (up to ``CACHE_CHARS`` characters)
        are kept and shifted to the new offset (a recurring sentence: a boilerplate line, a syndicated story)."""
        cache = self._hits
        if self.cache_size <= 0 or len(sentence) > CACHE_CHARS:
            return self._find(sentence, offset)
        hits = cache.get(sentence)
        if hits is None:
            hits = tuple(self._find(sentence, 0))
            while len(cache) >= self.cache_size:
                cache.popitem(last=False)       # the oldest
            cache[sentence] = hits
        if not hits:
            return []
        if not offset:
            return list(hits)
        return [_shifted(h, offset) for h in hits]

    def _find(self, sentence: str, offset: int) -> list[QuestionHit]:
        low = sentence.lower()
        same = len(low) == len(sentence)
        met, opened = self._open(low, self._gate_bits(low))
        if not opened:
            return []
        present = None
        quotes = None
        memo: dict = {}
        out: list[QuestionHit] = []
        while opened:
            n = (opened & -opened).bit_length() - 1
            opened &= opened - 1
            row, rx, lower, mask, src, starts = self._compiled[n]
            if met & mask != mask:
                continue
            if rx is None:
                rx = self._compile(n)
            if not same:                        # positions of ``low`` are not those of ``sentence``
                starts = None
                if lower:
                    rx, lower = self._ignorecase(src), False
            q = row.question
            text = low if lower else sentence
            if starts is None or not self.positional:
                found: Iterable[re.Match] = rx.finditer(text)
            else:                               # what finditer gives, trying only where a match can begin
                found, end = [], 0
                if present is None:
                    present = set(_WORDS.findall(low))
                for p in _start_positions(starts, text, low, present, memo):
                    if p >= end and (m := rx.match(text, p)) is not None:
                        end = m.end()
                        found.append(m)
            for m in found:
                s, e = m.span()
                if any(h.question == q and h.start < e + offset and s + offset < h.end for h in out):
                    continue                    # a stronger row of the question already covers these words
                if q in NEGATION_FLIPS and not row.keep_negated and _negated(sentence, s, e):
                    continue
                if quotes is None:
                    quotes = _quoted_spans(sentence)
                quoted = any(a <= s < b for a, b in quotes)
                out.append(QuestionHit(q, row.frame, s + offset, e + offset, sentence[s:e], row.weight, quoted))
        out.sort(key=lambda h: (QUESTIONS.index(h.question), h.start, -h.weight))
        return out


def _occurrences(low: str, piece: str, whole: bool, out: list[int]) -> list[int]:
    """Append where ``piece`` starts a word of ``low`` (and, if ``whole``, also ends it); returns ``out``."""
    n = len(piece)
    find, end = low.find, len(low)
    i = find(piece)
    while i >= 0:
        if i:
            c = low[i - 1]
            if c.isalnum() or c == "_":
                i = find(piece, i + 1)
                continue
        if whole and i + n < end:
            c = low[i + n]
            if c.isalnum() or c == "_":
                i = find(piece, i + 1)
                continue
        out.append(i)
        i = find(piece, i + 1)
    return out


_DIGIT_START = re.compile(r"(?<!\w)\d")
_CAPITAL_START = re.compile(r"(?<!\w)[A-Z]")


def _start_positions(st: _Starts, text: str, low: str, present: set[str], memo: dict | None = None) -> list[int]:
    """Sorted positions of ``text`` where a match described by ``st`` can begin. ``memo`` keeps a sentence's word
    and prefix positions for the next row that starts with them."""
    if memo is None:
        memo = {}
    pos: list[int] = []
    for w in st.words & present:
        p = memo.get(w)
        if p is None:
            p = memo[w] = _occurrences(low, w, True, [])
        pos += p
    for stem in st.prefixes:
        p = memo.get(("~", stem))
        if p is None:
            p = memo[("~", stem)] = _occurrences(low, stem, False, [])
        pos += p
    if st.digit:
        key = ("#digit", text is low)           # the sentence or its lower case, as the row reads it
        p = memo.get(key)
        if p is None:
            p = memo[key] = [m.start() for m in _DIGIT_START.finditer(text)]
        pos += p
    if st.capital:
        key = ("#capital", text is low)
        p = memo.get(key)
        if p is None:
            p = memo[key] = [m.start() for m in _CAPITAL_START.finditer(text)]
        pos += p
    for ch in st.after:
        i = text.find(ch)
        while i >= 0:
            pos.append(i + 1)
            i = text.find(ch, i + 1)
    for ch in st.at:
        i = text.find(ch)
        while i >= 0:
            pos.append(i)
            i = text.find(ch, i + 1)
    pos.sort()
    return pos


def _is_negator(tok: str, nxt: str) -> bool:
    t = tok.casefold().replace("’", "'")
    return (t in _NEGATORS or t.endswith("n't")) and nxt.casefold() not in _NOT_NEGATING


def _negated(sentence: str, start: int, end: int) -> bool:
    """A negator inside the match or within 4 words before it in the same clause."""
    toks = _TOKEN.findall(sentence[max(0, start - 80):start])
    before: list[str] = []
    for t in reversed(toks):
        if not t[0].isalnum() or t.casefold() in _CLAUSE_WORDS or len(before) == 4:
            break
        before.append(t)
    before.reverse()
    inside = _TOKEN.findall(sentence[start:end])
    words = before + inside
    nexts = words[1:] + _TOKEN.findall(sentence[end:end + 20])[:1] + [""]
    if any(_is_negator(w, n) for w, n in zip(words, nexts)):
        return True
    return bool(_NEG_PHRASE.search(" ".join(words)))


_QUOTE_MARK = re.compile(r'["“”]')


def _quoted_spans(s: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; a leading closer means the quote opened in an earlier sentence.
    A straight quote opens at the start or after a space or bracket, else it closes."""
    spans, open_at = [], None
    for m in _QUOTE_MARK.finditer(s):
        i, ch = m.start(), m.group()
        opener = ch == "“" or (ch == '"' and (i == 0 or s[i - 1].isspace() or s[i - 1] in "([—–-"))
        if opener and open_at is None:
            open_at = i
        elif not opener:
            spans.append((0 if open_at is None else open_at, i))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(s)))
    return spans


# --- loading ------------------------------------------------------------------------------------------------------

def _parse(text: str, source: str) -> tuple[list[Row], dict[str, list[str]]]:
    rows, classes = [], {}
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if cols[:4] != ["question", "frame", "pattern", "weight"]:
                raise ValueError(f"{source}:{n}: expected the header 'question frame pattern weight note'")
            header_seen = True
            continue
        if len(cols) != 5:
            raise ValueError(f"{source}:{n}: expected 5 tab-separated columns, got {len(cols)}")
        q, fr, pat, w, note = (c.strip() for c in cols)
        if q == "class":
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", fr) or fr in classes:
                raise ValueError(f"{source}:{n}: bad or repeated class name {fr!r}")
            classes[fr] = [m.strip() for m in pat.split(" | ") if m.strip()]
            continue
        if QUESTION_FRAME.get(q) != fr:
            raise ValueError(f"{source}:{n}: unknown question/frame {q!r}/{fr!r}")
        weight = float(w)
        if not 0 < weight <= 1:
            raise ValueError(f"{source}:{n}: weight must be in (0, 1]")
        keep = "keep_negated" in note or any(_is_negator(word, "") for word in _literal_words(pat))
        rows.append(Row(q, fr, pat, weight, note, keep))
    return rows, classes


def load_questions(path: str | Path | None = None) -> QuestionDetector:
    """Compile a question TSV (default: the shipped ``frame_questions.tsv``); errors name the line."""
    if path is None:
        from mediacheck.data import read_text

        text, source = read_text(DEFAULT_FILE), DEFAULT_FILE
    else:
        text, source = Path(path).read_text("utf-8"), str(path)
    rows, classes = _parse(text, source)
    detector = QuestionDetector(rows, classes)
    return detector if path is None else detector.compile_all()     # a user's file: bad regexes fail at load


@lru_cache(maxsize=1)
def default_detector() -> QuestionDetector:
    return load_questions()


def find_question_hits(sentence: str, offset: int = 0, detector: QuestionDetector | None = None) -> list[QuestionHit]:
    """Every question ``sentence`` answers, in question order, with spans ``+ offset``."""
    return (detector or default_detector()).find(sentence, offset)


# --- article level ------------------------------------------------------------------------------------------------

def article_features(hits_per_sentence: Sequence[Sequence[QuestionHit]], n_sentences: int,
                     title_hits: Iterable[QuestionHit] = ()) -> dict[str, float]:
    """Flat, ordered features of an article's question hits (all floats):

    - ``q_<id>_any``: 1 if some sentence (or the title) answers question ``id``, else 0;
    - ``q_<id>_share``: body sentences answering it / ``n_sentences`` (0 when there are none);
    - ``q_<id>_lead``: 1 if the title or one of the first 3 sentences answers it;
    - ``f_<frame>_questions``: how many of the frame's questions are answered (``q_any``);
    - ``f_<frame>_evidence``: the same, each question counted with its strongest hit's weight (1 or 0.5);
    - ``f_<frame>_share``: body sentences answering any of the frame's questions / ``n_sentences``.
    """
    title = list(title_hits)
    best: dict[str, float] = {}
    count: dict[str, int] = dict.fromkeys(QUESTIONS, 0)
    lead: set[str] = {h.question for h in title}
    frame_sents: dict[str, int] = dict.fromkeys(GENERIC_FRAMES, 0)
    for h in title:
        best[h.question] = max(best.get(h.question, 0.0), h.weight)
    for i, hits in enumerate(hits_per_sentence):
        if not hits:                            # most sentences: nothing to count
            continue
        qs = {h.question for h in hits}
        for h in hits:
            best[h.question] = max(best.get(h.question, 0.0), h.weight)
        for q in qs:
            count[q] += 1
        if i < LEAD_SENTENCES:
            lead |= qs
        for f in {QUESTION_FRAME[q] for q in qs}:
            frame_sents[f] += 1
    n = max(n_sentences, 0)
    out: dict[str, float] = {}
    for q in QUESTIONS:
        out[f"q_{q}_any"] = 1.0 if q in best else 0.0
        out[f"q_{q}_share"] = count[q] / n if n else 0.0
        out[f"q_{q}_lead"] = 1.0 if q in lead else 0.0
    for f in GENERIC_FRAMES:
        qs = [q for q in QUESTIONS if QUESTION_FRAME[q] == f]
        out[f"f_{f}_questions"] = float(sum(q in best for q in qs))
        out[f"f_{f}_evidence"] = float(sum(best.get(q, 0.0) for q in qs))
        out[f"f_{f}_share"] = frame_sents[f] / n if n else 0.0
    return out


FEATURES = tuple(article_features([], 0))


@dataclass
class FrameModel:
    """Logistic model per frame: ``p = 1 / (1 + exp(-(intercept + sum(w * feature))))``; ``thresholds[frame]``
    (default 0.5) is the probability from which the article counts as using the frame.

    JSON: ``{"header": {...}, "features": [...], "frames": {frame: {"intercept": b, "weights": {f: w},
    "threshold": t}}}`` (``threshold`` optional)."""

    header: dict
    features: tuple[str, ...]
    frames: dict[str, tuple[float, dict[str, float]]] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.features = tuple(self.features)
        known = set(self.features)
        for f, (_, w) in self.frames.items():
            if set(w) - known:
                raise ValueError(f"frame model: {f} uses features not in 'features': {sorted(set(w) - known)}")
        for f, t in self.thresholds.items():
            if f not in self.frames or not 0 < t < 1:
                raise ValueError(f"frame model: threshold {t!r} for {f!r} (need a modelled frame, 0 < t < 1)")

    def threshold(self, frame: str) -> float:
        return self.thresholds.get(frame, 0.5)

    def predict(self, features: Mapping[str, float]) -> dict[str, float]:
        """Probability per frame; a feature the model uses and ``features`` lacks is an error."""
        out = {}
        for f, (b, weights) in self.frames.items():
            z = b + sum(w * float(features[k]) for k, w in weights.items())
            out[f] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return out

    def to_dict(self) -> dict:
        frames = {f: {"intercept": b, "weights": dict(w)} for f, (b, w) in self.frames.items()}
        for f, t in self.thresholds.items():
            frames[f]["threshold"] = t
        return {"header": self.header, "features": list(self.features), "frames": frames}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> FrameModel:
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, d: dict) -> FrameModel:
        frames = {f: (float(v["intercept"]), {k: float(w) for k, w in v["weights"].items()})
                  for f, v in d["frames"].items()}
        thresholds = {f: float(v["threshold"]) for f, v in d["frames"].items() if "threshold" in v}
        return cls(header=dict(d["header"]), features=tuple(d["features"]), frames=frames, thresholds=thresholds)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> FrameModel:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


def prior_frame_model() -> FrameModel:
    """The hand-set prior (not fitted on any data), the same for every frame:
    ``z = -2.5 + 1.0 * f_<frame>_evidence + 4.0 * f_<frame>_share``. So no evidence gives 0.08; one strong
    question in 1 sentence of 20 gives 0.21; two questions over 15% of the sentences 0.52; three over 30% 0.85."""
    frames = {f: (-2.5, {f"f_{f}_evidence": 1.0, f"f_{f}_share": 4.0}) for f in GENERIC_FRAMES}
    header = {"model": "hand-set prior, not fitted", "fitted": None, "data": "none",
              "licence": "MIT (mediacheck)", "schema": 1,
              "rule": "z = -2.5 + 1.0 * f_<frame>_evidence + 4.0 * f_<frame>_share, p = sigmoid(z)"}
    return FrameModel(header, FEATURES, frames)


@lru_cache(maxsize=1)
def default_frame_model() -> FrameModel:
    """The shipped ``mediacheck/data/frame_model.json`` (fitted; an error when missing, never a silent fallback
    to ``prior_frame_model()``)."""
    from mediacheck.data import load_json

    return FrameModel.from_dict(load_json(MODEL_FILE))
