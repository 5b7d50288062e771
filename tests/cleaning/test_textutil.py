"""The long-text helpers that keep memory per article bounded: same results as the plain string methods, done a
window at a time, and caches that never keep a huge line."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediacheck import textutil
from mediacheck.cleaning import clean
from mediacheck.cleaning.lines import LineSet
from mediacheck.cleaning.rules import normalise_line
from mediacheck.textutil import (
    WORD_RE,
    casefold,
    collapse_spaces,
    cut_after_space,
    fold_headline,
    headline_shape,
    leading_words,
    space_windows,
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# whitespace that str.split() splits on (ASCII, Unicode, separators) and characters that look like it but are not
PIECES = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", "\x0b", "\x1c", "\x85", "\xa0", "\u2028", "\u3000",
                          "\u200b", "\ufeff", "a", "bc", "ß", "İ", "Σ", "ﬁ", "é", "word", ".", "’"])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=60).map("".join)


@SETTINGS
@given(TEXTS, st.integers(1, 9))
def test_windowed_collapse_and_casefold_equal_the_string_methods(text, window):
    old = textutil._COLLAPSE_WINDOW
    textutil._COLLAPSE_WINDOW = window
    try:
        assert collapse_spaces(text) == " ".join(text.split())
        assert casefold(text) == text.casefold()
    finally:
        textutil._COLLAPSE_WINDOW = old


@SETTINGS
@given(TEXTS, st.integers(0, 70), st.integers(0, 70))
def test_cut_after_space_never_cuts_a_word(text, at, end):
    end = min(end, len(text))
    cut = cut_after_space(text, at, end)
    assert cut == end or (at < cut <= end and text[cut - 1].isspace())
    assert not any(c.isspace() for c in text[at:cut - 1]) or cut == end


def test_an_already_collapsed_long_line_is_not_copied():
    line = "The council voted on Tuesday to approve the budget, officials said. " * 2000
    line = line.strip()
    assert collapse_spaces(line) is line
    lines = LineSet.of(line)
    assert lines.text[0] is line


@pytest.mark.parametrize("fn", [normalise_line, fold_headline, headline_shape])
def test_caches_keep_short_lines_only(fn):
    fn.cache_clear()
    fn("Share this article")
    fn("x " * 100_000)
    assert fn.cache_info().currsize == 1


def test_a_huge_line_is_not_kept_after_its_article():
    """The per-line caches used to keep a 50 MB line (and its normalised copy) until 65,536 other lines came."""
    import gc
    import tracemalloc

    text = "A headline about the summit\n\n" + "The summit opened today, officials said. " * 50_000
    clean("A headline about the summit\n\n" + "The summit opened today, officials said. " * 50)   # imports
    gc.collect()
    tracemalloc.start()
    try:
        r = clean(text)
        assert r.status == "ok"
        del r
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert kept < 0.2 * len(text), kept


def test_composed_gives_nfc_without_soft_hyphens_and_leaves_clean_text_alone() -> None:
    import unicodedata

    from mediacheck.textutil import composed

    nfd = unicodedata.normalize("NFD", "Grüße aus Zürich")
    assert composed(nfd) == "Grüße aus Zürich"
    assert composed("Bundes\u00adverfassungs\u00adgericht") == "Bundesverfassungsgericht"
    ascii_text = "plain text"
    assert composed(ascii_text) is ascii_text


def test_the_cleaner_reads_decomposed_text_as_composed_words() -> None:
    import unicodedata

    from mediacheck.cleaning import clean

    para = ("Die Bürgermeisterin von Köln hat am Montag die Pläne für die neue Brücke über den Rhein "
            "vorgestellt, die im Frühjahr gebaut werden soll.")
    r = clean(unicodedata.normalize("NFD", f"Startseite\n\n{para}\n\n{para.replace('Montag', 'Dienstag')}"))
    assert para in r.text and "u\u0308" not in r.text


def _corpus_words(limit: int = 6000) -> list[str]:
    """Distinct lower-case words of the demo corpus and the seed (real news vocabulary), most frequent first."""
    from collections import Counter

    root = Path(__file__).resolve().parents[2]
    counts: Counter[str] = Counter()
    for path in [*sorted((root / "corpora" / "demo").rglob("*.txt")), *sorted((root / "seeds").glob("*.txt"))]:
        counts.update(w.casefold() for w in WORD_RE.findall(path.read_text(encoding="utf-8")))
    return [w for w, _ in counts.most_common(limit)]


def test_porter_loaded_without_nltk_root_stems_like_nltk():
    """The stemmer read from nltk's porter.py on its own (no nltk/__init__, no scipy) is nltk's PorterStemmer:
    the same stem for every word of the demo corpus, irregular forms and edge cases included."""
    from nltk.stem.porter import PorterStemmer

    from mediacheck.textutil import porter_stemmer_class

    ours, theirs = porter_stemmer_class()(), PorterStemmer()
    assert type(ours).__module__ == "mediacheck._nltk_porter"
    words = _corpus_words() + ["dying", "lying", "skies", "news", "generalizations", "a", "", "ab", "ﬁnance",
                               "oed", "feed", "hopping", "conditional", "rationalism", "ü"]
    assert len(words) > 3000
    assert [ours.stem(w) for w in words] == [theirs.stem(w) for w in words]


def test_stemming_does_not_import_nltk_package_root():
    import subprocess
    import sys

    probe = ("import sys\nfrom mediacheck.textutil import content_stems\n"
             "assert content_stems('Officials were running the elections') == {'offici', 'run', 'elect'}\n"
             "print(sorted(m for m in ('nltk', 'scipy', 'nltk.stem') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


@SETTINGS
@given(st.lists(st.one_of(PIECES, st.sampled_from(["\n", "\n\n", " \n", "x  y"]), st.text(max_size=5)), max_size=40)
       .map("".join))
def test_lineset_fast_path_keeps_collapse_spaces_semantics(text):
    """LineSet.of skips collapse_spaces for tidy lines: the lines are exactly the non-empty collapsed ones."""
    expected = [s for s in (collapse_spaces(raw) for raw in text.split("\n")) if s]
    assert list(LineSet.of(text, "en").text) == expected


_LINE_PIECES = st.sampled_from(["a", "b", "Z", "A", "À", "Ø", "Þ", "é", "É", "_", "'", "’", ".", "?", "!", " ", "3",
                                "iPhone", "McDonald", "aB", "a.Bc", "x?Yz", "O'Neil", "don’T", "ÀB", "Σ", "ß"])


@SETTINGS
@given(st.lists(st.one_of(_LINE_PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_fast_capital_and_glued_patterns_count_like_the_plain_ones(line):
    """features._CAP_WORD (capital first, then a look-behind) and the _GLUED_HINT pre-check give the counts of the
    plain patterns: a capital not after a word character or apostrophe; [a-z][.?!]?[A-Z][a-z] runs."""
    import re

    from mediacheck.cleaning import features

    assert len(features._CAP_WORD.findall(line)) == len(re.findall(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ]", line))
    glued = len(re.findall(r"[a-z][.?!]?[A-Z][a-z]", line))
    assert (glued > 0) <= (features._GLUED_HINT.search(line) is not None)


@given(st.text(alphabet=st.sampled_from("ab \t\n\u00a0\u2003\x1c\u3000é"), max_size=60), st.integers(-1, 12))
def test_leading_words_equals_joining_the_first_n_words(text, n):
    assert leading_words(text, n) == " ".join(text.split()[:max(n, 0)])


def test_leading_words_of_a_long_line_stops_after_n_words():
    text = "  Voters  went to\tthe polls " + "word " * 100_000
    assert leading_words(text, 5) == "Voters went to the polls"
    assert leading_words(text, 6) == "Voters went to the polls word"


@given(st.text(alphabet=st.sampled_from("ab \t\n\u00a0\u3000é"), max_size=80), st.integers(1, 9))
def test_space_windows_cover_the_text_and_end_after_whitespace(text, size):
    parts = list(space_windows(text, size))
    assert "".join(parts) == text
    assert all(p for p in parts) and all(p[-1].isspace() for p in parts[:-1])
    assert all(len(p) >= size or p is parts[-1] for p in parts)
