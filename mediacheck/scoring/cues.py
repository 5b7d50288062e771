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
say") is an evidential hedge and an ``attribution/anonymous`` cue.
"""
from __future__ import annotations

import bisect
import re

from mediacheck.model import Cue
from mediacheck.scoring.lexicon import Entry, Lexicon, Match

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
_DET = r"a|an|the|one|two|three|four|several|some|many|other|multiple|unnamed|anonymous|various|few"
# Up to four modifier words on one line; a dot only inside an abbreviation ("U.S."), never a sentence end.
_MOD = r"(?:[\w'’-]+(?:\.\w+)*(?:(?<=\b\w)\.)?[ \t]+){0,4}?"
_ANONYMOUS = re.compile(
    rf"\baccording\s+to\s+(?:(?:{_DET})\s+)?{_MOD}(?:{_SOURCE})\b(?:\s+(?:familiar|close|briefed|with|who)"
    rf"\b[^,.;:]{{0,50}})?"
    rf"|\b(?:{_DET})\s+{_MOD}(?:{_SOURCE})\b(?:\s+(?:familiar|close|briefed|with|who)\b[^,.;:]{{0,50}}?)?"
    rf"\s*,?\s+(?:{_SAY})\b"
    rf"|\b(?:critics|some|observers|analysts|experts|sources|officials|insiders|skeptics|opponents|detractors)"
    rf"\s+(?:have\s+|had\s+)?(?:{_SAY})\b",
    re.IGNORECASE)


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


def find_cues(text: str, lexicon: Lexicon, start: int = 0, end: int | None = None) -> list[Cue]:
    """All cues in ``text[start:end]`` (offsets into ``text``), sorted by position. Equal cue texts share one
    string ("may", "said" recur thousands of times in a long article)."""
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = []
    shared: dict[str, str] = {}
    for m in _ANONYMOUS.finditer(text, start, len(text) if end is None else end):
        s, e = m.span()
        if _APPOSITIVE_DET.match(m.group()) and text[max(0, s - 3):s].rstrip().endswith(","):
            continue                # "John Kirby, a White House spokesman, said": a named source
        t = shared.setdefault(m.group(), m.group())
        cues.append(Cue(t, s, e, "hedge", "evidential"))
        cues.append(Cue(t, s, e, "attribution", "anonymous"))
        taken.append((s, e))
    ends = [e for _, e in taken]
    for m in lexicon.finditer(text, start, end):
        k = bisect.bisect_right(ends, m.start)       # the first anonymous span ending after the match starts
        inside = k < len(taken) and taken[k][0] < m.end  # overlaps it
        t = shared.setdefault(m.text, m.text)
        for entry in m.entries:
            cat, typ = entry.category, entry.type
            if cat == "hedge":
                if inside and typ == "evidential" or not keep_hedge(entry, text, m):
                    continue
            elif cat == "booster" and _negated(text, m.start) and _key_word(m.text) in _NEGATABLE:
                cat, typ = "hedge", "epistemic"          # "not clear", "no certainty"
            elif cat == "attribution" and inside:
                continue            # the report verb of an anonymous attribution is not a second source
            cues.append(Cue(t, m.start, m.end, cat, typ))
    cues.sort(key=lambda c: (c.start, c.end, c.category, c.type))
    return cues
