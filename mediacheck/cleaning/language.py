"""Which language a page is written in, from its function words (``detect_language``).

Each language with a stop list in ``mediacheck/data/stopwords.tsv`` (the project's own lists: articles, pronouns,
prepositions, conjunctions, auxiliaries) is scored by how many of the page's words are on its list. A word on the
lists of k languages counts 1/k for each, so the words that languages share ("de", "in", "la") weigh little and
the distinctive ones decide (Danish "af", "efter", "hvad" against Norwegian "av", "etter", "hva"). The answer is
"und" (undetermined) when the page has too few words, when too few of them are function words of the best
language (not running prose, or a language without a list) or when the best language does not win clearly: its
lead is small, or another language has a good share of words found on its list only (a mixed page). Scripts
without a stop list are named by script: Chinese, Japanese, Korean, Arabic, Greek, Hebrew. Only the longest prose
lines are read (``SAMPLE_CHARS`` of them): the article, not the menus, and a bounded cost per page.

>>> detect_language("Die Regierung will die Steuern senken, sagte der Minister am Montag in Berlin. "
...                 "Die Opposition ist dagegen und hat eine Abstimmung im Bundestag gefordert.")
'de'
>>> detect_language("Home | News | Login")
'und'
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

__all__ = ["LANGUAGES", "base_code", "canonical", "detect_language", "stopwords"]

#: Fewer words than this: "und".
MIN_WORDS = 8
#: The best language's function words must be at least this share of the words (running prose).
MIN_COVERAGE = 0.15
#: ... and its score must beat the runner-up's by this share of its own score, and by at least MIN_MARGIN.
MIN_LEAD = 0.2
MIN_MARGIN = 1.5
#: A mixed text: another language has at least this share (and 2) of the best one's exclusive words (distinct
#: words on no other list). In one-language prose the runner-up has at most one, whatever the pair (da/no, es/pt);
#: distinct words, so that one word repeated ("sale", "car") does not make a page mixed.
MIXED_SHARE = 1 / 3

#: Characters of prose read (the longest lines of the first ``max_chars``): enough for a clear verdict.
SAMPLE_CHARS = 4000

_WORD = re.compile(r"[^\W\d_]+")
_NON_LETTERS = re.compile(r"[\W\d_]+")
#: Script fallback (only when no stop list wins): the first characters of the text are counted per script.
_SCRIPT_CHARS = 2000
_SCRIPTS: tuple[tuple[str, re.Pattern], ...] = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),                          # kana: Japanese even among kanji
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
)
_ALIASES = {"nb": "no", "nn": "no"}


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    """lang -> its stop words, parsed once from ``stopwords.tsv`` (a missing or broken file is an error)."""
    from mediacheck.data import read_text

    words: dict[str, set[str]] = {}
    header_seen = False
    for n, raw in enumerate(read_text("stopwords.tsv").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if cols != ["lang", "word"]:
                raise ValueError(f"stopwords.tsv line {n}: expected the header 'lang<TAB>word', got {raw!r}")
            header_seen = True
            continue
        if len(cols) != 2 or not re.fullmatch(r"[a-z]{2}", cols[0]) or not cols[1] or cols[1] != cols[1].lower():
            raise ValueError(f"stopwords.tsv line {n}: expected 'lang<TAB>lower-case word', got {raw!r}")
        words.setdefault(cols[0], set()).add(cols[1])
    if not words:
        raise ValueError("stopwords.tsv holds no stop words")
    return {lang: frozenset(ws) for lang, ws in sorted(words.items())}


@lru_cache(maxsize=1)
def _weights() -> tuple[tuple[str, ...], dict[str, tuple[tuple[int, float], ...]], frozenset[str]]:
    """(languages, word -> ((language index, weight), ...), every stop word): a word shared by k lists weighs 1/k."""
    profiles = _profiles()
    langs = tuple(profiles)
    owners: dict[str, list[int]] = {}
    for i, lang in enumerate(langs):
        for w in profiles[lang]:
            owners.setdefault(w, []).append(i)
    table = {w: tuple((i, 1.0 / len(idx)) for i in idx) for w, idx in owners.items()}
    return langs, table, frozenset(table)


LANGUAGES: tuple[str, ...] = tuple(_profiles())


def base_code(lang: str) -> str:
    """The language part of a tag, lower-cased: "de-AT" / "de_AT" / " DE " -> "de"."""
    return str(lang).strip().lower().replace("_", "-").split("-")[0]


def canonical(lang: str) -> str:
    """``base_code`` with the aliases of the stop lists and phrase tables applied ("nb" and "nn" -> "no")."""
    code = base_code(lang)
    return _ALIASES.get(code, code)


def stopwords(lang: str) -> frozenset[str]:
    """The stop words of ``lang`` (an ISO 639-1 code, "de-AT" and "nb" work too); English for "und" or a language
    without a list."""
    profiles = _profiles()
    return profiles.get(canonical(lang)) or profiles["en"]


def detect_language(text: str, *, max_chars: int = 20000) -> str:
    """The ISO 639-1 code of the language of ``text`` (its first ``max_chars`` characters), or "und" when unsure.

    Deterministic and cheap (one tokenisation, set lookups); never raises."""
    try:
        return _detect(text, max_chars)
    except Exception:       # a detector must not stop a batch: "und" is the honest answer
        return "und"


def _detect(text: str, max_chars: int) -> str:
    if not isinstance(text, str) or not text or max_chars <= 0:
        return "und"
    head = text[:max_chars]
    words = _WORD.findall(_prose_sample(head).lower())
    n = len(words)
    if n >= MIN_WORDS:
        langs, table, vocab = _weights()
        counts = Counter(words)
        score = [0.0] * len(langs)
        hits = [0] * len(langs)
        own = [0] * len(langs)                  # distinct words found on this language's list only
        for w in counts.keys() & vocab:
            c = counts[w]
            for i, wt in table[w]:
                score[i] += c * wt
                hits[i] += c
                if wt == 1.0:
                    own[i] += 1
        order = sorted(range(len(langs)), key=lambda i: (-score[i], langs[i]))
        best, second = order[0], order[1]
        lead = score[best] - score[second]
        other = max(own[i] for i in order[1:])
        mixed = other >= 2 and other >= MIXED_SHARE * own[best]
        if hits[best] >= MIN_COVERAGE * n and lead >= MIN_MARGIN and lead >= MIN_LEAD * score[best] and not mixed:
            return langs[best]
    return _by_script(head)


def _prose_sample(head: str) -> str:
    """The longest lines of ``head`` that look like prose (a space at least every 25 characters), up to
    ``SAMPLE_CHARS`` characters: the article text rather than menus, and a bounded cost on a huge page. ``head``
    itself (cut to the budget) when no line qualifies (one line, or a script without spaces)."""
    if len(head) <= SAMPLE_CHARS:
        return head
    picked: list[str] = []
    total = 0
    for line in sorted(head.split("\n"), key=len, reverse=True):
        if len(line) < 40:
            break
        if line.count(" ") * 25 < len(line):
            continue
        picked.append(line[:SAMPLE_CHARS - total])
        total += len(picked[-1]) + 1
        if total >= SAMPLE_CHARS:
            break
    return "\n".join(picked) if total >= 400 else head[:SAMPLE_CHARS]


def _by_script(text: str) -> str:
    """The language named by a script without a stop list, when its letters dominate the text; else "und"."""
    head = text[:_SCRIPT_CHARS]
    letters = len(_NON_LETTERS.sub("", head))
    if not letters:
        return "und"
    counts = {code: len(rx.findall(head)) for code, rx in _SCRIPTS}
    if counts["ja"] and counts["ja"] + counts["zh"] >= 0.5 * letters:
        return "ja"
    code, k = max(counts.items(), key=lambda kv: kv[1])
    return code if k >= 0.5 * letters else "und"
