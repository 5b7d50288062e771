"""The lexicon: TSV parsing, the matcher's rules (whitespace, apostrophes, possessives, longest match, wildcards,
case), checks on the shipped ``lexicon.tsv`` against the rules of ``LEXICON.md``, and the one-regex matcher against
the token index it replaces (same hits on real articles, generated texts and odd shapes)."""
from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from mediacheck.scoring.lexicon import Entry, Lexicon, default_lexicon, load_lexicon, read_entries

# The category -> types table of LEXICON.md ("`type` must be one of the names below. No other names are allowed.")
DOCUMENTED = {
    "hedge": {"epistemic", "doxastic", "evidential", "approximator"},
    "booster": {"certainty"},
    "attribution": {"anonymous", "neutral_verb", "loaded_verb"},
    "loaded": {"intensifier", "emotional", "one_sided", "label"},
    # the five generic frames are found by the indicator-question detectors (frame_questions.tsv), not words
    "frame": {"security", "legality", "health", "politics", "public_opinion"},
    "headline": {"clickbait", "superlative"},
}
FLAGS = {"needs_number", "context_rule", "weak", "prefix"}


def hits(lex: Lexicon, text: str) -> list[tuple[str, int, int]]:
    out = [(m.text, m.start, m.end) for m in lex.finditer(text)]
    for t, s, e in out:
        assert text[s:e] == t
    return out


def texts(lex: Lexicon, text: str) -> list[str]:
    return [t for t, _, _ in hits(lex, text)]


@pytest.fixture(scope="module")
def small() -> Lexicon:
    return Lexicon([
        Entry("officials said", "attribution", "anonymous"),
        Entry("said", "attribution", "neutral_verb"),
        Entry("according to", "attribution", "neutral_verb"),
        Entry("is said to", "hedge", "evidential"),
        Entry("regime", "loaded", "one_sided"),
        Entry("war of words", "frame", "conflict"),
        Entry("it's unclear", "hedge", "epistemic"),
        Entry("fearmonger*", "loaded", "emotional", "prefix"),
        Entry("weaponiz*", "loaded", "emotional", "prefix"),
        Entry("radical left", "loaded", "label"),
    ])


# --- TSV parsing ------------------------------------------------------------------------------------------------

def test_read_entries_skips_comments_blank_lines_and_the_header():
    lines = [
        "# newsroom additions\n",
        "\n",
        "term\tcategory\ttype\tnote\n",
        "  # an indented comment\n",
        "rebutted\tattribution\tloaded_verb\t\n",
        "In The  Ballpark Of\thedge\tapproximator\tneeds_number; weak\n",
        "per sources\thedge\tevidential\n",
    ]
    entries = list(read_entries(lines, "mine.tsv"))
    assert entries == [
        Entry("rebutted", "attribution", "loaded_verb", ""),
        Entry("in the ballpark of", "hedge", "approximator", "needs_number; weak"),
        Entry("per sources", "hedge", "evidential", ""),
    ]
    assert entries[1].flags == {"needs_number", "weak"}


def test_read_entries_normalises_typographic_apostrophes_in_terms():
    (e,) = read_entries(["Won’t Say\thedge\tepistemic\t\n"])
    assert e.term == "won't say"


def test_bad_row_raises_with_file_and_line(tmp_path):
    p = tmp_path / "extra.tsv"
    p.write_text("# comment\nterm\tcategory\ttype\tnote\nrebutted\tattribution\tloaded_verb\t\nslammed loaded\n",
                 encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"{p}:4:")):
        load_lexicon(extra=[p])


def test_bad_row_in_a_replacement_lexicon_names_the_file(tmp_path):
    p = tmp_path / "only.tsv"
    p.write_text("regime\tloaded\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"{p}:1:")):
        load_lexicon(p)


def test_user_extra_lexicon_is_merged_with_the_shipped_one(tmp_path):
    extra = tmp_path / "my_terms.tsv"
    extra.write_text("term\tcategory\ttype\tnote\npetrodollars\tframe\teconomic\tweak\n"
                     "rebutted\tattribution\tloaded_verb\t\n", encoding="utf-8")
    base = default_lexicon()
    merged = load_lexicon(extra=[extra])
    assert len(merged) == len(base) + 2
    text = "The minister rebutted claims that petrodollars funded the campaign."
    assert "petrodollars" not in texts(base, text)
    found = {(m.text, e.category, e.type) for m in merged.finditer(text) for e in m.entries}
    assert ("petrodollars", "frame", "economic") in found
    assert ("rebutted", "attribution", "loaded_verb") in found
    assert ("claims", "hedge", "evidential") in found          # shipped entries are still there


def test_extra_row_already_shipped_adds_no_new_entry(tmp_path):
    from mediacheck.scoring.cues import find_cues

    extra = tmp_path / "dup.tsv"
    extra.write_text("said\tattribution\tneutral_verb\t\n", encoding="utf-8")
    lex = load_lexicon(extra=[extra])
    cues = find_cues("The mayor said no.", lex)
    assert [(c.text, c.category) for c in cues] == [("said", "attribution")]
    assert len(lex) == len(default_lexicon())


def test_load_lexicon_from_a_path_replaces_the_shipped_one(tmp_path):
    p = tmp_path / "own.tsv"
    p.write_text("term\tcategory\ttype\tnote\nstonewalled\tattribution\tloaded_verb\t\n", encoding="utf-8")
    lex = load_lexicon(p)
    assert len(lex) == 1
    assert texts(lex, "The agency stonewalled reporters and said nothing.") == ["stonewalled"]


def test_short_wildcard_is_rejected():
    with pytest.raises(ValueError, match="at least 4 letters"):
        Lexicon([Entry("al*", "hedge", "evidential")])


# --- matching ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The minister is said to have resigned.", "is said to"),
    ("The minister is said\nto have resigned.", "is said\nto"),
    ("The minister is  said \t to have resigned.", "is  said \t to"),
    ("Relations froze after a war of\nwords over the border.", "war of\nwords"),
])
def test_multi_word_terms_match_across_any_whitespace(small, text, expected):
    assert expected in texts(small, text)


@pytest.mark.parametrize("text", [
    "It’s unclear whether the ceasefire will hold.",
    "It's unclear whether the ceasefire will hold.",
])
def test_both_apostrophes_match(small, text):
    assert texts(small, text) == [text[:12]]


@pytest.mark.parametrize("text, after", [
    ("The regime's security forces opened fire.", "'s"),
    ("The regime’s security forces opened fire.", "’s"),
    ("Officials said the regime had fallen.", " h"),
])
def test_possessive_is_allowed_and_excluded_from_the_span(small, text, after):
    (m,) = [m for m in small.finditer(text) if m.entries[0].term == "regime"]
    assert m.text == text[m.start:m.end] == "regime"
    assert text[m.end:m.end + 2] == after


def test_possessive_on_a_three_word_term(small):
    assert texts(small, "The war of words's latest round began.") == ["war of words"]


def test_possessive_on_a_two_word_term(small):
    assert texts(small, "The radical left's agenda dominated the convention.") == ["radical left"]


def test_longest_match_wins(small):
    assert hits(small, "Officials said the talks had stalled.") == [("Officials said", 0, 14)]
    assert hits(small, "The mayor said the talks had stalled.") == [("said", 10, 14)]


def test_longest_match_in_the_shipped_lexicon():
    lex = default_lexicon()
    got = {(m.text, e.category, e.type) for m in lex.finditer("Officials said the bridge would close.")
           for e in m.entries}
    assert ("Officials said", "attribution", "anonymous") in got
    assert not any(t == "said" for t, _, _ in got)


@pytest.mark.parametrize("text, expected", [
    ("The spokesman said, according to the memo, the plan was dead.", ["said", "according to"]),
    ("The officials, said to be furious, left.", ["said"]),
    ("The officials. Said the mayor: no.", ["Said"]),
    ("The minister is said; to be fair, he left.", ["said"]),
])
def test_punctuation_between_words_breaks_a_phrase(small, text, expected):
    assert texts(small, text) == expected


@pytest.mark.parametrize("text, cue", [
    ("The senator accused her rivals of fearmongering over the border.", "fearmongering"),
    ("Fearmongers on both sides made the debate worse.", "Fearmongers"),
    ("Critics said the party had weaponized the courts.", "weaponized"),
    ("The plan to weaponize the budget drew protests.", "weaponize"),
])
def test_wildcard_terms_match_any_ending(small, text, cue):
    assert cue in texts(small, text)


def test_wildcard_does_not_match_a_shorter_word(small):
    assert texts(small, "The weapon was found in a river.") == []


@pytest.mark.parametrize("text", [
    "The REGIME fell.", "The Regime fell.", "The rEgImE fell.",
])
def test_matching_is_case_insensitive(small, text):
    assert texts(small, text) == [text[4:10]]


def test_whole_words_only(small):
    assert texts(small, "The regimen and the unsaid parts of the regimes.") == []


def test_offsets_slice_back_with_unicode_before_the_hit(small):
    text = "İstanbul’s 😀 officials said the Straße was closed."
    (m,) = list(small.finditer(text))
    assert (m.text, text[m.start:m.end]) == ("officials said", "officials said")


def test_finditer_pos_and_endpos(small):
    text = "Officials said no. The regime said yes."
    assert [m.text for m in small.finditer(text, 19)] == ["regime", "said"]
    assert [m.text for m in small.finditer(text, 0, 18)] == ["Officials said"]


def test_one_term_in_several_categories_is_one_match():
    lex = default_lexicon()
    (m,) = [m for m in lex.finditer("The group claims that the vote was rigged.") if m.text == "claims"]
    assert {(e.category, e.type) for e in m.entries} >= {("hedge", "evidential"), ("attribution", "loaded_verb")}


# --- the shipped file -------------------------------------------------------------------------------------------

def _shipped_rows() -> list[tuple[int, list[str]]]:
    text = resources.files("mediacheck.data").joinpath("lexicon.tsv").read_text("utf-8")
    return [(n, line.split("\t")) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]


def test_documented_set_matches_the_scorers_types():
    from mediacheck.scoring import FRAME_TYPES, HEDGE_TYPES

    assert DOCUMENTED["hedge"] == set(HEDGE_TYPES)
    from mediacheck.scoring.scorer import GENERIC_FRAMES

    assert DOCUMENTED["frame"] | set(GENERIC_FRAMES) == set(FRAME_TYPES)


def test_every_shipped_entry_has_a_documented_category_and_type():
    bad = [(e.term, e.category, e.type) for e in default_lexicon().entries
           if e.type not in DOCUMENTED.get(e.category, ())]
    assert bad == []
    assert default_lexicon().categories() == DOCUMENTED


def test_shipped_file_format():
    rows = _shipped_rows()
    assert rows[0][1] == ["term", "category", "type", "note"]
    problems = []
    for n, cols in rows[1:]:
        term = cols[0]
        if len(cols) != 4:
            problems.append((n, "columns", cols))
        elif term != term.lower() or term != " ".join(term.split()) or any(c != c.strip() for c in cols):
            problems.append((n, "format", cols))
        elif "’" in term:
            problems.append((n, "apostrophe", cols))
        elif term.endswith("*") != ("prefix" in Entry(*cols).flags):
            problems.append((n, "prefix", cols))
    assert problems == []


def test_no_duplicate_term_category_type():
    keys = Counter(tuple(cols[:3]) for _, cols in _shipped_rows()[1:])
    assert [k for k, v in keys.items() if v > 1] == []
    assert len(default_lexicon()) == len(keys)


def test_shipped_flags_are_documented():
    flags = {f for e in default_lexicon().entries for f in e.flags if re.fullmatch(r"[a-z_]+", f)}
    assert {"needs_number", "context_rule", "weak", "prefix"} <= flags
    assert not any(f.startswith("case_sensitive=") for e in default_lexicon().entries for f in e.flags)


def _unmatched_shipped_terms(select) -> list[str]:
    lex = default_lexicon()
    missing = []
    for e in lex.entries:
        if not select(e.term):
            continue
        term = e.term[:-1] + "ing" if e.term.endswith("*") else e.term
        sentence = f"Reporters wrote {term} yesterday."
        at = sentence.index(term)
        # the entry itself, or a longer shipped term covering the same words, must match
        if not any(e in m.entries or m.start <= at < m.end for m in lex.finditer(sentence)):
            missing.append(e.term)
    return missing


def test_every_shipped_term_without_dots_matches_itself():
    assert _unmatched_shipped_terms(lambda t: "." not in t.rstrip(".")) == []


def test_shipped_terms_with_dots_match():
    assert _unmatched_shipped_terms(lambda t: "." in t.rstrip(".")) == []


def test_no_1_is_a_superlative_headline_cue():
    from mediacheck.scoring.cues import find_cues

    cues = find_cues("Why this is the No. 1 threat to your savings", default_lexicon())
    assert ("headline", "superlative") in {(c.category, c.type) for c in cues}


# --- windows -------------------------------------------------------------------------------------------------

def _window_texts():
    from hypothesis import strategies as st

    terms = sorted({e.term.replace("*", "ing") for e in default_lexicon().entries})
    pieces = st.one_of(st.sampled_from(terms), st.sampled_from(["The", "’s", "'s", "No.", "U.S.", "-", "x_y", "İ"]),
                       st.text(max_size=3))
    seps = st.sampled_from([" ", "  ", "\n", ", ", "", "\t"])
    return st.lists(st.tuples(pieces, seps), max_size=80).map(lambda ps: "".join(a + b for a, b in ps))


def test_windowed_matching_equals_one_pass():
    """``finditer`` lower-cases and tokenises a window at a time; terms running across a window's end (multi-word
    terms, "according to people familiar with the matter") are still found, and found once."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from mediacheck.scoring import lexicon as mod

    lex = default_lexicon()

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_window_texts(), st.integers(1, 40), st.data())
    def check(text, window, data):
        pos = data.draw(st.integers(0, len(text)))
        end = data.draw(st.one_of(st.none(), st.integers(pos, len(text))))
        whole = [(m.start, m.end, m.text, m.entries) for m in lex.finditer(text, pos, end)]
        old = mod.WINDOW_CHARS
        mod.WINDOW_CHARS = window
        try:
            windowed = [(m.start, m.end, m.text, m.entries) for m in lex.finditer(text, pos, end)]
        finally:
            mod.WINDOW_CHARS = old
        assert windowed == whole

    check()


def test_long_text_matches_like_its_pieces():
    text = "Officials said the plan may cost about 300 dollars, according to people familiar with the matter. " * 3000
    found = list(default_lexicon().finditer(text))
    one = list(default_lexicon().finditer(text[:text.index(" Officials")]))
    assert len(found) == 3000 * len(one)
    assert all(text[m.start:m.end] == m.text for m in found)


# --- the one-regex matcher against the token index ------------------------------------------------------------

ALLSIDES = Path(__file__).resolve().parents[2] / "corpora" / "allsides" / "allsides.jsonl"


def _real_texts(n: int = 1500) -> list[str]:
    """Article bodies of ``corpora/allsides`` (real news, curly quotes and all)."""
    with ALLSIDES.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line, _ in zip(f, range(n))]


def _both(lex: Lexicon, text: str, pos: int = 0, end: int | None = None):
    fast = [(m.start, m.end, m.text, m.entries) for m in lex.finditer(text, pos, end)]
    ref = [(m.start, m.end, m.text, m.entries) for m in lex._finditer_tokens(text, pos, end)]
    return fast, ref


def test_shipped_lexicon_compiles_to_one_regex():
    assert default_lexicon().compiled is not None


def test_compiled_matcher_finds_what_the_token_index_finds_in_real_articles():
    lex = default_lexicon()
    n = 0
    for text in _real_texts():
        fast, ref = _both(lex, text)
        assert fast == ref
        n += len(ref)
    assert n > 10000                    # a real test: thousands of hits, every category


def test_compiled_matcher_reads_long_texts_a_chunk_at_a_time(monkeypatch):
    """Chunks of a few windows, terms running across a chunk's end, a text cut at ``pos`` / ``endpos``."""
    from mediacheck.scoring import lexicon as mod

    lex = default_lexicon()
    text = "\n\n".join(_real_texts(40))
    whole = _both(lex, text)[1]
    for chunk, window in ((200, 50), (64, 7), (1, 1)):
        monkeypatch.setattr(mod, "CHUNK_CHARS", chunk)
        monkeypatch.setattr(mod, "WINDOW_CHARS", window)
        assert _both(lex, text)[0] == whole
        assert _both(lex, text, 1234, 9876)[0] == _both(lex, text, 1234, 9876)[1]


def test_compiled_matcher_equals_the_token_index_on_generated_texts():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    lex = default_lexicon()

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_window_texts(), st.data())
    def check(text, data):
        pos = data.draw(st.integers(0, len(text)))
        end = data.draw(st.one_of(st.none(), st.integers(pos, len(text))))
        fast, ref = _both(lex, text, pos, end)
        assert fast == ref

    check()


@pytest.mark.parametrize("text", [
    "It's unclear. it’s unclear whether it's said. Its regime's fall.",      # "it's" is a term of its own
    "The regime's army; the regimes; regime’s; REGIME'S.",
    "Weaponized, weaponizing, weaponiz, fearmongers' fear-mongering.",
    "No. 1 and no 1 and No.1 and no . 1, and no.-1.",
    "officials  said\n\nofficials\tsaid; officials, said. Officials said-",
    "x_officials said, 'officials said', officials-said, İ officials said.",
])
def test_compiled_matcher_on_possessives_wildcards_dots_and_odd_separators(text):
    fast, ref = _both(default_lexicon(), text)
    assert fast == ref


@pytest.mark.parametrize("entries", [
    [Entry("x", "hedge", "epistemic"), Entry("x 's y", "hedge", "epistemic")],           # gap with an apostrophe
    [Entry("it", "hedge", "epistemic"), Entry("it's*", "hedge", "epistemic")],          # prefix in a possessive
    [Entry("a b", "hedge", "epistemic"), Entry("a b's c", "hedge", "epistemic")],       # "b" ends, "b's" goes on
])
def test_shapes_the_regex_cannot_keep_use_the_token_index(entries):
    lex = Lexicon(entries)
    assert lex.compiled is None
    text = "x 's y; it's it’s itself; a b's c, a b's d"
    assert [(m.start, m.end, m.entries) for m in lex.finditer(text)] == \
        [(m.start, m.end, m.entries) for m in lex._finditer_tokens(text)]


def test_small_lexicon_priorities_match_the_token_index(small):
    assert small.compiled is not None
    text = ("Officials said the regime's war of words is said to be fearmongering; it's unclear. "
            "The radical left's weaponized, weaponizing rhetoric, according to officials' aides.")
    fast, ref = _both(small, text)
    assert fast == ref
    assert [t for _, _, t, _ in fast] == ["Officials said", "regime", "war of words", "is said to",
                                          "fearmongering", "it's unclear", "radical left", "weaponized",
                                          "weaponizing", "according to"]
