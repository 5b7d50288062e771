"""VADER sentence sentiment (Hutto & Gilbert 2014) without NLTK: the ``compound`` score of
``nltk.sentiment.vader.SentimentIntensityAnalyzer.polarity_scores`` (NLTK 3.9-3.10), to the last bit.

Credits: VADER is by C.J. Hutto and Eric Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
Social Media Text", ICWSM 2014 (MIT licence; its lexicon ships as ``mediacheck/data/vader_lexicon.txt``, see
``VADER_LICENSE.txt``). The behaviour reproduced here is that of NLTK's port (``nltk/sentiment/vader.py``, Apache
2.0, by C.J. Hutto, Ewan Klein, Pierpaolo Pantone, George Berry, Malavika Suresh), which this module was checked
against; the code is a re-implementation written for mediacheck, not a copy.

What is reproduced, quirks included (NLTK's port differs from the ``vaderSentiment`` package here: no special rule
for "no", no emoji descriptions):

* tokens: the text split on whitespace, one-character pieces dropped; a leading or trailing run of punctuation is
  stripped when it is one of ``PUNC_LIST`` and what remains is a word of two or more characters without ASCII
  punctuation (a trailing run wins over a leading one). Emoticons such as ``:)`` stay tokens.
* a token is scored where it *first* occurs: NLTK looks its position up with ``list.index``, so a repeated token
  gets the context (boosters, negations, idioms) of its first occurrence.
* valence from the lexicon (looked up lowercased); +/- ``C_INCR`` when the word is ALL CAPS and some but not all
  tokens are; booster words and "kind" before "of" score 0.
* the three preceding tokens, each only when it is not itself a lexicon word: a booster adds its scalar (damped by
  0.95 and 0.9 at distance 2 and 3, with its own caps emphasis), a negation multiplies by ``N_SCALAR``, "never so /
  never this" multiplies by 1.5 (distance 2) and "never so _ / so _ / this _" by 1.25 (distance 3, where the
  comparisons are case-sensitive); at distance 3 the special idioms (case-sensitive) replace the valence and the
  bigrams "kind of", "sort of", "just enough" before the word add ``B_DECR``.
* "least" before a word (not "at least", "very least") negates it.
* the first "but" halves the scores before it and multiplies those after it by 1.5.
* the sum gets +/- the emphasis of "!" (0.292 each, up to 4) and "?" (0.18 each for 2 or 3, 0.96 for more), counted
  in the whole text, and is normalised by ``x / sqrt(x * x + ALPHA)``, then rounded to 4 decimals.

Speed (vs NLTK with a fast tokeniser, same numbers): each whitespace piece is classified once per process (token,
lowercase, lexicon value, booster scalar, negation, caps) and cached; a sentence is then one ``split`` and a list of
cache hits; only lexicon words look at their context; each repeated token is scored once; the idiom strings are
only built when a neighbouring token can be part of an idiom.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache
from itertools import compress
from math import sqrt
from operator import itemgetter

__all__ = ["ALPHA", "BOOSTERS", "IDIOMS", "NEGATIONS", "PUNC_LIST", "compound", "lexicon", "tokens"]

LEXICON_FILE = "vader_lexicon.txt"

#: Scalar a booster ("very") adds to the next words' valence; a dampener ("barely") subtracts it.
B_INCR = 0.293
B_DECR = -0.293
#: Added to (subtracted from) a positive (negative) valence for an ALL CAPS word among mixed-case words.
C_INCR = 0.733
#: Multiplier of a negated valence.
N_SCALAR = -0.74
#: Damping of a booster's scalar two and three tokens before the word.
DAMP_2 = 0.95
DAMP_3 = 0.9
#: "never so good" (x1.5, two tokens before) and "never so _ good" / "so _ good" (x1.25, three tokens before).
NEVER_SO_2 = 1.5
NEVER_SO_3 = 1.25
SO_THIS = ("so", "this")
#: The first "but": scores before it x0.5, after it x1.5.
BUT_BEFORE = 0.5
BUT_AFTER = 1.5
#: Emphasis per "!" (at most ``EP_MAX`` count) and per "?" (when 2 or 3; ``QM_MANY`` for more).
EP_WEIGHT = 0.292
EP_MAX = 4
QM_WEIGHT = 0.18
QM_MANY = 0.96
#: Normalisation x / sqrt(x * x + ALPHA).
ALPHA = 15

NEGATIONS = frozenset("""
aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't dont hadnt
hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't neednt needn't never
none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't
weren't without wont wouldnt won't wouldn't rarely seldom despite
""".split())

_UP = """absolutely amazingly awfully completely considerably decidedly deeply effing enormously entirely especially
exceptionally extremely fabulously flipping flippin fricking frickin frigging friggin fully fucking greatly hella
highly hugely incredibly intensely majorly more most particularly purely quite really remarkably so substantially
thoroughly totally tremendously uber unbelievably unusually utterly very""".split()
_DOWN = """almost barely hardly just_enough kind_of kinda kindof kind-of less little marginally occasionally partly
scarcely slightly somewhat sort_of sorta sortof sort-of""".split()
#: Booster and dampener words (two-word entries only match as the bigram before a word, see ``_idioms``).
BOOSTERS: dict[str, float] = {**{w: B_INCR for w in _UP}, **{w.replace("_", " "): B_DECR for w in _DOWN}}

#: Special idioms (matched case-sensitively around a lexicon word); the value replaces the word's valence.
IDIOMS: dict[str, float] = {"the shit": 3, "the bomb": 3, "bad ass": 1.5, "yeah right": -2, "cut the mustard": 2,
                            "kiss of death": -1.5, "hand to mouth": -2}

#: Punctuation runs stripped from the start or end of a token.
PUNC_LIST = (".", "!", "?", ",", ";", ":", "-", "'", '"', "!!", "!!!", "??", "???", "?!?", "!?!", "?!?!", "!?!?")
_PUNC_RUNS = frozenset(PUNC_LIST)
_ASCII_PUNCT = string.punctuation
_HAS_PUNCT = re.compile(f"[{re.escape(_ASCII_PUNCT)}]").search
#: Tokens that can be part of an idiom or a two-word booster (the gate before building the idiom strings).
_IDIOM_WORDS = frozenset(w for k in (*IDIOMS, *BOOSTERS) if " " in k for w in k.split(" "))
_MULTI_BOOSTERS = frozenset(k for k in BOOSTERS if " " in k)

_CACHE_MAX = 500_000       # distinct whitespace pieces kept classified (then the cache starts again)

# a classified piece: (token, lowercase, valence or None, in lexicon, ALL CAPS, booster scalar, negation, scored)
_TOK, _LOW, _VAL, _INLEX, _UPPER, _BOOST, _NEG, _SCORED = range(8)
_DROP = ()
_scored = itemgetter(_SCORED)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """VADER's lexicon (word -> mean valence) from ``mediacheck/data/vader_lexicon.txt``, read on first use."""
    from mediacheck.data import read_text

    lex: dict[str, float] = {}
    for line in read_text(LEXICON_FILE).strip().split("\n"):
        word, measure = line.strip().split("\t")[0:2]
        lex[word] = float(measure)
    return lex


_pieces: dict[str, tuple] = {}


def _token(piece: str) -> str | None:
    """The VADER token of one whitespace piece (None when dropped)."""
    if len(piece) <= 1:
        return None
    if piece[-1] in _ASCII_PUNCT:
        core = piece.rstrip(_ASCII_PUNCT)
        if len(core) > 1 and piece[len(core):] in _PUNC_RUNS and not _HAS_PUNCT(core):
            return core
    if piece[0] in _ASCII_PUNCT:
        core = piece.lstrip(_ASCII_PUNCT)
        if len(core) > 1 and piece[:len(piece) - len(core)] in _PUNC_RUNS and not _HAS_PUNCT(core):
            return core
    return piece


def _classify(piece: str) -> tuple:
    tok = _token(piece)
    if tok is None:
        info = _DROP
    else:
        lex = lexicon()
        low = tok.lower()
        in_lex = low in lex
        boost = BOOSTERS.get(low, 0.0)
        val = lex[low] if in_lex and low not in BOOSTERS else None
        info = (tok, low, val, in_lex, tok.isupper(), boost, low in NEGATIONS or "n't" in low, val is not None)
    if len(_pieces) >= _CACHE_MAX:
        _pieces.clear()
    _pieces[piece] = info
    return info


def tokens(text: str) -> list[str]:
    """VADER's tokens of ``text`` (NLTK's ``SentiText.words_and_emoticons``)."""
    return [t for t in map(_token, text.split()) if t is not None]


def _idioms(v, infos: list[tuple], i: int, n: int):
    """NLTK's ``_idioms_check`` for the word at ``i`` (``i > 2``), case-sensitive on the original tokens."""
    w0, w1, w2, w3 = infos[i][_TOK], infos[i - 1][_TOK], infos[i - 2][_TOK], infos[i - 3][_TOK]
    if w0 not in _IDIOM_WORDS and w1 not in _IDIOM_WORDS and w2 not in _IDIOM_WORDS:
        return v                                  # every sequence below contains w0, w1 or w2
    twoone, threetwo = f"{w2} {w1}", f"{w3} {w2}"
    for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", twoone, f"{w3} {w2} {w1}", threetwo):
        if seq in IDIOMS:
            v = IDIOMS[seq]
            break
    if n - 1 > i:
        seq = f"{w0} {infos[i + 1][_TOK]}"
        if seq in IDIOMS:
            v = IDIOMS[seq]
        if n - 1 > i + 1:
            seq = f"{w0} {infos[i + 1][_TOK]} {infos[i + 2][_TOK]}"
            if seq in IDIOMS:
                v = IDIOMS[seq]
    if threetwo in _MULTI_BOOSTERS or twoone in _MULTI_BOOSTERS:
        v = v + B_DECR
    return v


def _booster(prev: tuple, v, infos: list[tuple], cap_diff: list):
    """The scalar a booster token ``prev`` adds to valence ``v`` (sign of ``v``; caps emphasis when some but not all
    tokens are upper case), before damping by distance; None when ``prev`` is no booster."""
    s = prev[_BOOST]
    if not s:
        return None
    if v < 0:
        s = -s
    if prev[_UPPER] and _cap_diff(infos, cap_diff):
        s = s + C_INCR if v > 0 else s - C_INCR
    return s


def _valence(v, infos: list[tuple], i: int, n: int, cap_diff: list):
    """The valence of the lexicon word at ``i`` (its lexicon value ``v``) after NLTK's context rules."""
    if infos[i][_UPPER] and _cap_diff(infos, cap_diff):
        v = v + C_INCR if v > 0 else v - C_INCR
    if i > 0:
        p1 = infos[i - 1]
        if not p1[_INLEX]:
            s = _booster(p1, v, infos, cap_diff)
            if s is not None:
                v = v + s
            if p1[_NEG]:
                v = v * N_SCALAR
        if i > 1:
            p2 = infos[i - 2]
            if not p2[_INLEX]:
                s = _booster(p2, v, infos, cap_diff)
                if s is not None:
                    v = v + s * DAMP_2
                if p2[_TOK] == "never" and p1[_TOK] in SO_THIS:
                    v = v * NEVER_SO_2
                elif p2[_NEG]:
                    v = v * N_SCALAR
            if i > 2:
                p3 = infos[i - 3]
                if not p3[_INLEX]:
                    s = _booster(p3, v, infos, cap_diff)
                    if s is not None:
                        v = v + s * DAMP_3
                    if (p3[_TOK] == "never" and p2[_TOK] in SO_THIS) or p1[_TOK] in SO_THIS:
                        v = v * NEVER_SO_3
                    elif p3[_NEG]:
                        v = v * N_SCALAR
                    v = _idioms(v, infos, i, n)
            if not p1[_INLEX] and p1[_LOW] == "least":
                if infos[i - 2][_LOW] != "at" and infos[i - 2][_LOW] != "very":
                    v = v * N_SCALAR
        elif not p1[_INLEX] and p1[_LOW] == "least":
            v = v * N_SCALAR
    return v


def _cap_diff(infos: list[tuple], memo: list) -> bool:
    """Whether some but not all tokens are ALL CAPS (computed once per sentence, when first needed)."""
    if not memo:
        caps = sum(1 for c in infos if c[_UPPER])
        memo.append(0 < caps < len(infos))
    return memo[0]


def compound(text: str) -> float:
    """VADER's compound score of ``text`` in [-1, 1]: NLTK's ``polarity_scores(text)["compound"]`` (0 when no
    token carries sentiment)."""
    pieces = text.split()
    try:
        infos = list(filter(None, map(_pieces.__getitem__, pieces)))    # dropped pieces are () (false)
    except KeyError:                              # a piece not classified yet
        get = _pieces.get
        infos = [c for c in (get(p) if p in _pieces else _classify(p) for p in pieces) if c]
    n = len(infos)
    vals: list = []
    where: list[int] = []
    seen: dict[str, object] = {}
    cap_diff: list = []
    for i in compress(range(n), map(_scored, infos)):       # the lexicon words (not boosters)
        c = infos[i]
        tok = c[0]                                # c[0], c[1], c[2]: _TOK, _LOW, _VAL (literals: the hot loop)
        if tok in seen:                           # NLTK scores a repeated token at its first position
            v = seen[tok]
        else:
            if c[1] == "kind" and i < n - 1 and infos[i + 1][1] == "of":
                v = 0
            else:
                v = _valence(c[2], infos, i, n, cap_diff)
            seen[tok] = v
        if v:
            vals.append(v)
            where.append(i)
    if not vals:
        return 0.0
    if "but" in text.lower():                     # a token lowercasing to "but" is in the lowercased text
        bi = next((i for i, c in enumerate(infos) if c[_LOW] == "but"), -1)
        if bi >= 0:
            vals = [v * BUT_BEFORE if i < bi else v * BUT_AFTER if i > bi else v for i, v in zip(where, vals)]
    total = float(sum(vals))
    if total:
        ep = text.count("!")
        qm = text.count("?")
        emphasis = (ep if ep < EP_MAX else EP_MAX) * EP_WEIGHT + (
            0 if qm <= 1 else qm * QM_WEIGHT if qm <= 3 else QM_MANY)
        if total > 0:
            total += emphasis
        else:
            total -= emphasis
    return round(total / sqrt(total * total + ALPHA), 4)
