"""Small offline text helpers shared by the stages: words, stopwords, stems, headline shape, and the helpers that
keep memory per article bounded on huge texts (``collapse_spaces``, ``short_cache``, ``cut_after_space``)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache, wraps

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
TERMINAL = frozenset(".!?\"'”’»)…。！？」』")

# English function words (the project's own list; NLTK's corpus needs a download).
STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few
for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves then there there's
these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll
we're we've were weren't what what's when when's where where's which while who who's whom why why's will with
won't would wouldn't you you'd you'll you're you've your yours yourself yourselves its said says say will just
now new may might must shall than into onto upon via per within without toward towards is it's
""".split())

# Frequent function words of other languages: only a signal of running prose for the line classifier.
FUNCTION_WORDS = STOPWORDS | frozenset("""
de la el los las del en y que un una por con para es se al lo como mas pero sus le les des et est une du dans
pour qui pas sur au avec ce il sont ont der die das und ist nicht mit den von zu ein eine auf sich dem auch im
als wird bei il di che non si per una gli della sono da nel alla dei le ha em os um uma não com na no ao das
dos mais foi seu sua é ou ser há het een van ik je zijn niet op dat voor ze
""".split())

_SPACE = re.compile(r"\s")
#: Strings longer than this are never kept in the ``short_cache`` caches (one huge line must not stay in memory).
CACHE_MAX_CHARS = 1000


_COLLAPSE_WINDOW = 1 << 16


def collapse_spaces(text: str) -> str:
    """``" ".join(text.split())`` without a list of every word of a long text (about 60 bytes a word: 500 MB for
    a 50 MB line): the same, a window of 64 K characters at a time, each window cut after whitespace."""
    n = len(text)
    if n <= _COLLAPSE_WINDOW:
        return " ".join(text.split())
    out = " ".join(filter(None, (" ".join(w.split()) for w in space_windows(text))))
    return text if out == text else out      # already collapsed: keep one copy of a huge line, not two


def leading_words(text: str, n: int) -> str:
    """``" ".join(text.split()[:n])`` without splitting the rest of a long text (a list of every word of a 50 MB
    line is about 500 MB): at most ``n`` splits, the unsplit remainder dropped."""
    return " ".join(text.split(None, n)[:n]) if n > 0 else ""


def composed(text: str) -> str:
    """``text`` in Unicode NFC without soft hyphens (U+00AD): "u" + combining diaeresis becomes "ü", and the
    hyphenation hints of German sites ("Bundes\u00adverfassungs\u00adgericht") go, so words are one token for
    every tokeniser downstream. ASCII and already composed text is returned as it is (no copy)."""
    if text.isascii():
        return text
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def casefold(text: str) -> str:
    """``text.casefold()``, 64 K characters at a time for a long text (CPython's casefold of a non-ASCII string
    takes a 12-bytes-a-character buffer: 600 MB for a 50 MB line). Case folding is per character: same result."""
    n = len(text)
    if n <= _COLLAPSE_WINDOW:
        return text.casefold()
    return "".join([text[i:i + _COLLAPSE_WINDOW].casefold() for i in range(0, n, _COLLAPSE_WINDOW)])


def space_windows(text: str, size: int = _COLLAPSE_WINDOW) -> Iterator[str]:
    """``text`` in consecutive slices of about ``size`` characters, each but the last ending right after
    whitespace: a long text read a window at a time without cutting a token."""
    a, n = 0, len(text)
    while a < n:
        b = cut_after_space(text, a + size, n)
        yield text[a:b]
        a = b


def cut_after_space(text: str, at: int, end: int) -> int:
    """The first position in ``[at, end]`` right after a whitespace character, or ``end``: where a text can be cut
    into windows without cutting a token (no token holds whitespace)."""
    if at >= end:
        return end
    m = _SPACE.search(text, at, end)
    return m.end() if m else end


#: Texts longer than this (characters) are "huge": after one is cleaned, freed memory is handed back to the system.
LARGE_TEXT = 4 * 2**20


def release_memory() -> None:
    """Give freed heap memory back to the system (glibc keeps it for reuse otherwise, so the peak of the next
    stage stacks on top of the last one's). A no-op where the C library is not glibc."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim():
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def short_cache(maxsize: int, max_chars: int = CACHE_MAX_CHARS) -> Callable:
    """``lru_cache`` for a function of one string that caches only strings of at most ``max_chars`` characters:
    short lines (menus, footers, words) recur across a batch, a 50 MB line must not be kept after its article."""
    def deco(fn: Callable[[str], object]) -> Callable[[str], object]:
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def wrapper(s: str):
            return cached(s) if len(s) <= max_chars else fn(s)

        wrapper.cache_clear = cached.cache_clear       # type: ignore[attr-defined]
        wrapper.cache_info = cached.cache_info         # type: ignore[attr-defined]
        return wrapper
    return deco


#: The names NLTK's ``stem/porter.py`` imports from the rest of nltk, and what stands in for them when the module is
#: loaded on its own: the stemmer only subclasses ``StemmerI`` (an interface); the others serve its ``demo()``.
_PORTER_STAND_INS = {"StemmerI": object, "redos": re, "safe_print": print}
_NLTK_IMPORT = re.compile(r"^from nltk(?:\.[\w.]+)? import (\w+(?:, *\w+)*)[ \t]*$", re.M)


def porter_stemmer_class() -> type:
    """NLTK's ``PorterStemmer`` class, read from nltk's own ``stem/porter.py`` without running ``nltk/__init__``,
    which imports scipy and most of nltk (1.5 s; the cleaner needs 0.01 s of it). Falls back to the normal
    import when that file imports anything but the known interface and demo helpers (another nltk version)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("nltk")          # finds the package; does not import it
    try:
        path = Path(spec.origin).with_name("stem") / "porter.py"
        source = path.read_text(encoding="utf-8")
    except (AttributeError, TypeError, OSError):
        path, source = None, ""
    names = [n.strip() for m in _NLTK_IMPORT.finditer(source) for n in m.group(1).split(",")]
    if source and "import nltk" not in source and all(n in _PORTER_STAND_INS for n in names):
        namespace = {"__name__": "mediacheck._nltk_porter", **{n: _PORTER_STAND_INS[n] for n in names}}
        exec(compile(_NLTK_IMPORT.sub("", source), str(path), "exec"), namespace)  # noqa: S102 - nltk's own file
        cls = namespace.get("PorterStemmer")
        if isinstance(cls, type):
            return cls
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer


@lru_cache(maxsize=1)
def _stemmer():
    """NLTK's Porter stemmer (pure Python, needs no data download), loaded on first use without nltk's package
    root (``porter_stemmer_class``)."""
    return porter_stemmer_class()()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word (cached: news vocabularies repeat)."""
    return _stemmer().stem(word)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


@short_cache(maxsize=1 << 15)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words (no stopwords, no single letters) of ``text`` (cached for short texts: the
    headline stage asks for the same header lines several times)."""
    out = set()
    for w in WORD_RE.findall(text.casefold().replace("’", "'")):
        if w in STOPWORDS or len(w) < 2:
            continue
        if w.endswith("'s"):
            w = w[:-2]
        out.add(stem(w))
    return frozenset(out)


@short_cache(maxsize=1 << 16)
def fold_headline(text: str) -> str:
    """A headline's folded form, to compare headlines within an article: casefold, unify quotes and dashes,
    collapse spaces, drop trailing punctuation. (Across articles, dedup compares ``dedup.headline_key``, which
    also drops outlet labels and suffixes.)"""
    s = text.casefold().translate(_QUOTES)
    s = collapse_spaces(s)
    return s.strip(" .:;,!-–—|")


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"})


@short_cache(maxsize=1 << 16)
def headline_shape(line: str) -> float:
    """How much a line looks like a headline, in [0, 1]: 4-30 words, no sentence-final full stop, capitals."""
    s = line.strip()
    if len(s) > 260 or s.count(" ") > 40:
        return 0.0
    ws = WORD_RE.findall(s)
    n = len(ws)
    if n < 3 or n > 35 or len(s) > 260:
        return 0.0
    score = 1.0
    if s[-1] == "." and not s.endswith(".."):
        score -= 0.5
    if n < 4:
        score -= 0.3
    if n > 25:
        score -= 0.3
    if s.count(". ") >= 1:          # more than one sentence
        score -= 0.3
    if not ws[0][:1].isupper() and not ws[0][:1].isdigit():
        score -= 0.3
    return max(score, 0.0)
