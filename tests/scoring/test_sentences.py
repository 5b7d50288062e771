"""Sentence splitter and tokenizer: one test per splitting rule (on made-up news sentences) plus properties."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediacheck.scoring.sentences import (
    MAX_SENTENCE_CHARS,
    Span,
    Token,
    count_words,
    is_word,
    split_sentences,
    tokenize,
    words,
)
from tests.workcount import count_calls as _work

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def sents(text: str, **kw) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, **kw)]


# --- abbreviations, titles, initials ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mr. Smith and Mrs. Lopez met Ms. Chen at the hearing.",
    "Dr. Anthony Fauci spoke after Prof. Alan Kurz of Yale.",
    "Sen. Elizabeth Warren, Rep. Jim Jordan and Gov. Gavin Newsom declined to comment.",
    "Gen. Mark Milley praised Lt. Col. Anne Ruiz and Sgt. Tom Black.",
    "The parade ended near St. Patrick's Cathedral.",
    "Martin Luther King Jr. Day falls on a Monday.",
    "Ken Griffey Sr. attended the ceremony.",
    "Apple Inc. said sales of the iPhone rose.",
    "Ford Motor Co. reported a loss, as did General Electric Corp. and Acme Ltd. last year.",
    "It was Trump vs. Biden again, with taxes, trade, etc. on the agenda.",
    "Several states (e.g. Ohio and Texas) sued, i.e. they asked a judge to intervene.",
    "The bill, passed on Jan. 6, was signed in Sept. 2019 and revised on Dec. 1.",
    "U.S. officials met U.K. and E.U. diplomats at the U.N. Security Council.",
    "The march in Washington, D.C., drew thousands.",
    "President John F. Kennedy was killed in Dallas.",
    "J.K. Rowling and George R.R. Martin signed the letter.",
    "The vote was set for 10 a.m. on Tuesday.",
    "Texas Gov. Greg Abbott and post-Sept. 11 security rules were discussed.",
])
def test_abbreviations_titles_and_initials_do_not_split(text):
    assert sents(text) == [text]


def test_ambiguous_abbreviation_splits_before_a_sentence_starter():
    text = "The company is Acme Corp. The shares fell 4 percent. It was founded in the U.S. But it moved to the U.K."
    assert sents(text) == [
        "The company is Acme Corp.", "The shares fell 4 percent.", "It was founded in the U.S.",
        "But it moved to the U.K.",
    ]


def test_am_pm_trade_off_is_documented_behaviour():
    # "p.m." followed by a capitalised non-starter word is not a boundary (it may be "9 p.m. Monday").
    assert sents("He left at 9 p.m. Police arrived later.") == ["He left at 9 p.m. Police arrived later."]
    assert sents("The meeting ended at 9 p.m. The police arrived later.") == [
        "The meeting ended at 9 p.m.", "The police arrived later."]
    assert sents("He left at 9 p.m.\nPolice arrived later.") == ["He left at 9 p.m.", "Police arrived later."]


def test_plain_words_that_look_like_abbreviations_still_end_sentences():
    assert sents("He said no. Officials then left the room.") == ["He said no.", "Officials then left the room."]
    assert sents("World War II. Historians disagree.") == ["World War II.", "Historians disagree."]


# --- numbers ---------------------------------------------------------------------------------------------------

def test_decimals_money_and_numbers_do_not_split():
    text = "Inflation rose 3.5 percent to a $1.2 billion gap, and the team stayed No. 3 in the rankings."
    assert sents(text) == [text]
    assert sents("Unemployment fell to 3.9 percent. 200,000 jobs were added.") == [
        "Unemployment fell to 3.9 percent.", "200,000 jobs were added."]


# --- ellipsis ----------------------------------------------------------------------------------------------------

def test_ellipsis_inside_a_sentence_does_not_split_but_at_the_end_does():
    assert sents("We will fight ... and we will win, he said.") == ["We will fight ... and we will win, he said."]
    assert sents("We will fight … and we will win.") == ["We will fight … and we will win."]
    assert sents("The vote was close... The senator left early.") == [
        "The vote was close...", "The senator left early."]
    assert sents("It was over… Nobody spoke.") == ["It was over…", "Nobody spoke."]


def test_leading_ellipsis_starts_the_next_sentence():
    assert sents("We must win the war. ... And we will.") == ["We must win the war.", "... And we will."]


# --- quotes and brackets ---------------------------------------------------------------------------------------

def test_closing_quotes_and_brackets_belong_to_the_sentence():
    text = 'He said, "We will win." Then he left.'
    assert sents(text) == ['He said, "We will win."', "Then he left."]
    assert split_sentences(text)[0] == Span(0, text.index("Then") - 1)
    assert sents("She said: “It’s over.” Then the room went silent.") == [
        "She said: “It’s over.”", "Then the room went silent."]
    assert sents("The sign read ‘Closed.’ Shoppers went home.") == ["The sign read ‘Closed.’", "Shoppers went home."]
    assert sents("(The senator later apologized.) The vote went ahead.") == [
        "(The senator later apologized.)", "The vote went ahead."]


def test_question_and_exclamation_marks():
    assert sents("Will the bill pass? Nobody knows! The vote is Friday.") == [
        "Will the bill pass?", "Nobody knows!", "The vote is Friday."]
    assert sents('"Why now?" he asked reporters.') == ['"Why now?" he asked reporters.']
    assert sents("“Who pays for it?” Mr. Trump asked the crowd.") == ["“Who pays for it?” Mr. Trump asked the crowd."]
    assert sents("Yahoo! reported earnings.") == ["Yahoo! reported earnings."]


# --- line breaks ---------------------------------------------------------------------------------------------------

def test_headline_and_list_items_are_own_sentences():
    text = "Senate Passes Budget Deal\nThe Senate voted 68-31 on Friday.\n- Tax cuts extended\n- Spending capped"
    assert sents(text) == [
        "Senate Passes Budget Deal", "The Senate voted 68-31 on Friday.", "- Tax cuts extended", "- Spending capped"]
    assert sents("1. Buy eggs\n2. Call the mayor's office") == ["1. Buy eggs", "2. Call the mayor's office"]


def test_blank_line_always_ends_a_sentence():
    assert sents("The talks continued with Sen.\n\nWarren absent") == ["The talks continued with Sen.", "Warren absent"]
    assert sents("officials said the\n\nplan failed") == ["officials said the", "plan failed"]


def test_single_newline_rules():
    # a wrapped line (next line lowercase, or line ends with a comma) continues the sentence
    wrapped = "The mayor said the\nplan would cost $4 million."
    assert sents(wrapped) == [wrapped]
    assert sents("The mayor, a Democrat,\nSaid no.") == ["The mayor, a Democrat,\nSaid no."]
    # terminal punctuation + newline ends the sentence, even after an abbreviation
    assert sents("Shares of Acme Inc.\nInvestors were unmoved.") == ["Shares of Acme Inc.", "Investors were unmoved."]
    # but a title never ends a sentence
    assert sents("A statement from Mr.\nSmith followed.") == ["A statement from Mr.\nSmith followed."]
    assert sents("Line one\r\nLine two") == ["Line one", "Line two"]


# --- URLs, e-mails, whitespace ---------------------------------------------------------------------------------------

def test_urls_and_emails_do_not_split():
    text = "Read more at www.bbc.co.uk/news or example.com and email tips@example.com for details."
    assert sents(text) == [text]
    assert sents("Details are at https://example.org/a.b?x=1. The site is free.") == [
        "Details are at https://example.org/a.b?x=1.", "The site is free."]


def test_empty_and_whitespace_and_offsets():
    assert split_sentences("") == []
    assert split_sentences(" \n\t \n") == []
    text = "  \n Storm hits coast.  Thousands flee.\n\n"
    assert split_sentences(text) == [Span(4, 21), Span(23, 38)]
    assert sents(text) == ["Storm hits coast.", "Thousands flee."]


# --- tokenizer ----------------------------------------------------------------------------------------------------

def test_tokenize_words_numbers_and_punctuation():
    text = "The U.S. economy grew 3.5% ($1.5 billion), O’Brien's well-known 10-year plan... don't panic."
    assert [t.text for t in tokenize(text)] == [
        "The", "U.S.", "economy", "grew", "3.5%", "(", "$1.5", "billion", ")", ",", "O’Brien's", "well-known",
        "10-year", "plan", "...", "don't", "panic", "."]
    assert words(text) == ["The", "U.S.", "economy", "grew", "3.5%", "$1.5", "billion", "O’Brien's", "well-known",
                           "10-year", "plan", "don't", "panic"]


def test_tokenize_urls_emails_and_times():
    assert words("Call 9:30 a.m. or see www.bbc.co.uk/news, example.com and tips@example.com.") == [
        "Call", "9:30", "a.m.", "or", "see", "www.bbc.co.uk/news", "example.com", "and", "tips@example.com"]


def test_tokenize_offsets_shift():
    text = 'Intro. He said, "No."'
    span = split_sentences(text)[1]
    toks = tokenize(text[span.start:span.end], span.start)
    assert toks[0] == Token("He", 7, 9)
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert [t.text for t in toks] == ["He", "said", ",", '"', "No", ".", '"']




RUNS = [("." * 50_000, "x"), ("?!" * 25_000, "x"), ("ab." * 17_000, ""), ("ab+" * 17_000, ""), ("a_" * 25_000, ""),
        ('."' * 25_000, ""), ("word " * 10_000, "")]


@pytest.mark.parametrize("unit, end", RUNS, ids=["dots", "marks", "ab.", "ab+", "a_", "quotes", "words"])
def test_long_runs_take_linear_work(unit, end, monkeypatch):
    """Runs of punctuation or of glued words are read once: the splitter decides O(1) candidates per run (the
    possessive quantifiers and the look-behind in ``_CAND`` never restart inside a run) and a 4x longer text
    costs at most about 4x the work, counted in function calls rather than seconds."""
    from mediacheck.scoring import sentences as mod

    decided = []
    decide = mod._is_boundary
    monkeypatch.setattr(mod, "_is_boundary", lambda text, m: decided.append(m.start()) or decide(text, m))
    small, large = unit + end, unit * 4 + end
    split_sentences(large)
    assert len(decided) <= 1 or unit.startswith("word")        # at most the end of the text
    decided.clear()
    w1 = _work(lambda: (split_sentences(small), tokenize(small)))
    w4 = _work(lambda: (split_sentences(large), tokenize(large)))
    assert w4 <= 4.5 * w1 + 100, (w1, w4)


# --- length cap -----------------------------------------------------------------------------------------------

def test_a_run_on_sentence_is_split_at_its_last_clause_boundary():
    clause = "the council met again on Tuesday, "
    text = clause * 200 + "and nothing changed."
    spans = split_sentences(text)
    assert len(spans) > 1 and all(s.end - s.start <= MAX_SENTENCE_CHARS for s in spans)
    pieces = [text[s.start:s.end] for s in spans]
    assert all(p.endswith("Tuesday,") for p in pieces[:-1]) and pieces[-1].endswith("and nothing changed.")
    assert all(MAX_SENTENCE_CHARS - len(clause) < len(p) for p in pieces[:-1])   # the last boundary, not the first


def test_long_sentence_split_prefers_clauses_then_spaces_then_the_limit():
    assert sents("alpha beta, gamma delta epsilon", max_chars=20) == ["alpha beta,", "gamma delta epsilon"]
    assert sents("alpha beta gamma; delta", max_chars=20) == ["alpha beta gamma;", "delta"]
    assert sents("alpha beta — gamma delta", max_chars=20) == ["alpha beta —", "gamma delta"]
    assert sents("alpha beta gamma delta epsilon", max_chars=20) == ["alpha beta gamma", "delta epsilon"]
    assert sents("x" * 45, max_chars=20) == ["x" * 20, "x" * 20, "x" * 5]
    assert sents("a, " + "x" * 30, max_chars=20) == ["a, " + "x" * 17, "x" * 13]    # the comma is too early
    assert sents("Short one. Then " + "y " * 30 + "end.", max_chars=20)[0] == "Short one."


def test_normal_sentences_are_not_capped():
    text = "The council approved the budget on Tuesday, officials said. " * 50
    assert split_sentences(text) == split_sentences(text, max_chars=10**9)


# --- properties -------------------------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from([
    "Mr.", "Dr.", "U.S.", "a.m.", "p.m.", "Inc.", "No.", "3.5", "$1.2", "e.g.", "J.K.", "F.", "The", "he", "said",
    "Police", "...", "…", ".", "?", "!", '"', "“", "”", "’", "'", "(", ")", ",", ";", "\n", "\n\n", " ", "  ", "\t",
    "\r\n", "example.com", "a@b.org", "1.", "-", "—", "é", "\u2028", "\xa0",
])
NEWSY = st.lists(FRAGMENTS, max_size=40).map("".join)
TEXTS = st.one_of(st.text(max_size=200), NEWSY, st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=30)
                  .map(" ".join))


@SETTINGS
@given(TEXTS)
def test_spans_cover_every_non_space_character_once(text):
    spans = split_sentences(text)
    pos = 0
    for span in spans:
        assert pos <= span.start < span.end <= len(text)          # sorted, non-overlapping, non-empty
        assert not text[pos:span.start].strip()                   # only whitespace between sentences
        assert text[span.start:span.end] == text[span.start:span.end].strip()
        pos = span.end
    assert not text[pos:].strip()


@SETTINGS
@given(TEXTS, st.integers(0, 1000))
def test_tokens_slice_back_and_words_match(text, offset):
    toks = tokenize(text, offset)
    pos = offset
    for t in toks:
        assert t.text and pos <= t.start and t.end - t.start == len(t.text)
        assert text[t.start - offset:t.end - offset] == t.text
        assert not text[pos - offset:t.start - offset].strip()    # only whitespace is skipped
        pos = t.end
    assert not text[pos - offset:].strip()
    assert words(text) == [t.text for t in toks if is_word(t.text)]


@SETTINGS
@given(TEXTS, st.integers(1, 30))
def test_capped_spans_keep_every_invariant(text, limit):
    spans = split_sentences(text, max_chars=limit)
    pos = 0
    for span in spans:
        assert pos <= span.start < span.end <= len(text) and span.end - span.start <= limit
        assert not text[pos:span.start].strip()
        assert text[span.start:span.end] == text[span.start:span.end].strip()
        pos = span.end
    assert not text[pos:].strip()
    uncapped = split_sentences(text)
    if all(s.end - s.start <= limit for s in uncapped):
        assert spans == uncapped                                  # the cap changes only long sentences


@SETTINGS
@given(TEXTS)
def test_count_words_counts_words(text):
    assert count_words(text) == len(words(text))
