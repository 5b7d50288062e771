"""Cues on real-looking news sentences: one table per category, then every context rule of ``cues.py`` with
sentences where the word hedges and sentences where it does not."""
from __future__ import annotations

import re

import pytest

from mediacheck.model import Cue
from mediacheck.scoring.cues import find_cues
from mediacheck.scoring.lexicon import default_lexicon


def cues(sentence: str) -> list[Cue]:
    out = find_cues(sentence, default_lexicon())
    for c in out:
        assert c.text == sentence[c.start:c.end], c
        assert 0 <= c.start < c.end <= len(sentence)
    assert out == sorted(out, key=lambda c: (c.start, c.end, c.category, c.type))
    return out


def triples(sentence: str) -> set[tuple[str, str, str]]:
    return {(c.text, c.category, c.type) for c in cues(sentence)}


def hedges(sentence: str) -> set[tuple[str, str]]:
    return {(c.text, c.type) for c in cues(sentence) if c.category == "hedge"}


def has(sentence: str, cue: tuple[str, str, str]) -> None:
    got = triples(sentence)
    assert cue in got, f"{cue} not in {sorted(got)}"


# --- one table per category -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    # epistemic
    ("The minister will probably resign before the summer recess.", ("probably", "hedge", "epistemic")),
    ("Perhaps the talks will resume next week in Geneva.", ("Perhaps", "hedge", "epistemic")),
    ("The storm might reach the coast by Friday.", ("might", "hedge", "epistemic")),
    ("Prices may rise again next year, the central bank warned.", ("may", "hedge", "epistemic")),
    ("The minister appeared to be tired after the vote.", ("appeared to", "hedge", "epistemic")),
    ("It’s unclear whether the deal will survive the election.", ("It’s unclear", "hedge", "epistemic")),
    ("A deal is possible by Friday, a negotiator hinted.", ("possible", "hedge", "epistemic")),
    ("The data suggest that inflation is finally easing.", ("suggest", "hedge", "epistemic")),
    # doxastic
    ("Police believe the fire was started deliberately.", ("believe", "hedge", "doxastic")),
    ("I think the plan will fail, the senator told the hearing.", ("I think", "hedge", "doxastic")),
    ("Economists expected to see slower growth this quarter.", ("expected", "hedge", "doxastic")),
    ("Many residents feel that the council ignored them.", ("feel that", "hedge", "doxastic")),
    ("The company estimated that sales fell sharply in March.", ("estimated", "hedge", "doxastic")),
    ("Investors assumed that rates would fall this year.", ("assumed that", "hedge", "doxastic")),
    # evidential
    ("The suspect allegedly fled the scene in a stolen car.", ("allegedly", "hedge", "evidential")),
    ("The senator reportedly met the lobbyist twice last month.", ("reportedly", "hedge", "evidential")),
    ("The group claims that the vote was rigged.", ("claims", "hedge", "evidential")),
    ("The former minister is said to have fled the country.", ("is said to", "hedge", "evidential")),
    ("Critics say the law goes too far.", ("Critics say", "hedge", "evidential")),
    # approximator
    ("Prices rose roughly 4 percent last year.", ("roughly", "hedge", "approximator")),
    ("The shelter took in nearly 200 families over the winter.", ("nearly", "hedge", "approximator")),
    ("The project is largely funded by private donors.", ("largely", "hedge", "approximator")),
    ("Some 40 people were injured in the crash.", ("Some", "hedge", "approximator")),
    ("The new economy is sort of stuck, the governor admitted.", ("sort of", "hedge", "approximator")),
])
def test_hedges_of_each_type(sentence, cue):
    has(sentence, cue)


@pytest.mark.parametrize("sentence, cue", [
    ("The minister clearly misled parliament about the contract.", ("clearly", "booster", "certainty")),
    ("The evidence undoubtedly shows the company knew about the leak.", ("undoubtedly", "booster", "certainty")),
    ("The ceasefire will definitely hold, the general insisted.", ("definitely", "booster", "certainty")),
    ("There is no doubt the storm will hit the coast tonight.", ("There is no doubt", "booster", "certainty")),
    ("Without doubt the storm will hit the coast tonight.", ("Without doubt", "booster", "certainty")),
    ("It is clear that the ceasefire will hold.", ("It is clear", "booster", "certainty")),
])
def test_boosters(sentence, cue):
    has(sentence, cue)


@pytest.mark.parametrize("sentence, cue", [
    # anonymous
    ("The former official said the talks had stalled.",
     ("The former official said", "attribution", "anonymous")),
    ("The deal collapsed, according to people familiar with the matter.",
     ("according to people familiar with the matter", "attribution", "anonymous")),
    ("Critics say the law goes too far.", ("Critics say", "attribution", "anonymous")),
    ("Two senior administration officials told reporters the plan was dead.",
     ("Two senior administration officials told", "attribution", "anonymous")),
    ("Several diplomats briefed on the talks said a deal was close.",
     ("Several diplomats briefed on the talks said", "attribution", "anonymous")),
    ("Officials said the bridge would reopen in about 300 days.", ("Officials said", "attribution", "anonymous")),
    ("The officials, who spoke on condition of anonymity, said the talks had stalled.",
     ("spoke on condition of anonymity", "attribution", "anonymous")),
    # neutral verbs
    ("The mayor announced the new budget on Monday.", ("announced", "attribution", "neutral_verb")),
    ("The governor stated that the roads were safe.", ("stated", "attribution", "neutral_verb")),
    ("Senator Jane Smith said the plan was dead.", ("said", "attribution", "neutral_verb")),
    # loaded verbs
    ("The spokesman admitted the figures were wrong.", ("admitted", "attribution", "loaded_verb")),
    ("The senator slammed the proposal as reckless.", ("slammed", "attribution", "loaded_verb")),
    ("The group claims that the vote was rigged.", ("claims", "attribution", "loaded_verb")),
    ("The agency declined to say how many staff had left.", ("declined to", "attribution", "loaded_verb")),
])
def test_attribution(sentence, cue):
    has(sentence, cue)


@pytest.mark.parametrize("sentence, cue", [
    ("The results were extremely disappointing for the ruling party.", ("extremely", "loaded", "intensifier")),
    ("The ruling was a disgraceful betrayal of voters.", ("disgraceful", "loaded", "emotional")),
    ("The senator slammed the proposal as reckless.", ("reckless", "loaded", "emotional")),
    ("The senator slammed the proposal as reckless.", ("slammed", "loaded", "emotional")),
    ("The regime jailed dozens of protesters on Sunday.", ("regime", "loaded", "one_sided")),
    ("Illegal aliens crossed the border, the sheriff said.", ("Illegal aliens", "loaded", "one_sided")),
    ("The radical left wants to abolish the police.", ("radical left", "loaded", "label")),
    ("He was described as an extremist by the prosecutors.", ("extremist", "loaded", "label")),
])
def test_loaded_language(sentence, cue):
    has(sentence, cue)


FRAME_CASES = [
    ("The two parties clashed over the budget on Tuesday.", ("clashed", "frame", "conflict")),
    ("The plant will cut 500 jobs by the end of the year.", ("jobs", "frame", "economic")),
    ("The children lost their mother in the fire.", ("mother", "frame", "human_interest")),
    ("Church leaders called the decision a moral failure.", ("moral", "frame", "morality")),
    ("The inspector general said the agency failed to act.", ("failed to", "frame", "responsibility")),
    ("Troops were deployed after the terrorism threat.", ("terrorism", "frame", "security")),
    ("A federal judge blocked the law on Tuesday.", ("federal judge", "frame", "legality")),
    ("Hospitals struggled to cope with the pandemic.", ("pandemic", "frame", "health")),
    ("Democrats won the election in a landslide.", ("election", "frame", "politics")),
    ("A new poll shows protesters have broad support.", ("protesters", "frame", "public_opinion")),
]


@pytest.mark.parametrize("sentence, cue", FRAME_CASES)
def test_each_frame_type(sentence, cue):
    """Policy frames come from lexicon words; the five generic frames from the indicator-question detectors
    (their cues carry the question they answer)."""
    from mediacheck import score
    from mediacheck.scoring.scorer import GENERIC_FRAMES

    if cue[2] not in GENERIC_FRAMES:
        has(sentence, cue)
        return
    cues = [c for s in score(sentence, clean=False, tone=False).sentences for c in s.cues]
    frame = [c for c in cues if c.category == "frame" and c.type == cue[2]]
    assert frame and all(c.question and c.question[0] == cue[2][0].upper() for c in frame), cues


def test_frame_table_covers_all_ten_frames():
    from mediacheck.scoring import FRAME_TYPES

    covered = {c[2] for _, c in FRAME_CASES}
    assert covered == set(FRAME_TYPES)


@pytest.mark.parametrize("headline, cue", [
    ("You won't believe what happens next", ("You won't believe", "headline", "clickbait")),
    ("Here's why your rent keeps rising", ("Here's why", "headline", "clickbait")),
    ("The deadliest storm ever recorded hits Florida", ("deadliest", "headline", "superlative")),
    ("The worst flood in a century swamps the valley", ("worst", "headline", "superlative")),
])
def test_headline_style(headline, cue):
    has(headline, cue)


def test_longest_headline_phrase_hides_the_belief_verb():
    assert hedges("You won't believe what happens next") == set()


# --- context rules ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Officials said the bridge would reopen in about 300 days.", ("about", "approximator")),
    ("The deal is worth about $5 million, the filing shows.", ("about", "approximator")),
    ("Around a dozen homes were destroyed in the blaze.", ("Around", "approximator")),
    ("Some 40 people were injured in the crash.", ("Some", "approximator")),
    ("About half of the staff were laid off.", ("About", "approximator")),
])
def test_needs_number_with_a_number(sentence, cue):
    assert cue in hedges(sentence)


@pytest.mark.parametrize("sentence", [
    "She wrote a book about war and its aftermath.",
    "Police searched around the city for the gunman.",
    "Some residents were injured in the crash.",
    "The talks were about trade, not security.",
])
def test_needs_number_without_a_number(sentence):
    assert not any(c.type == "approximator" for c in cues(sentence) if c.category == "hedge")


@pytest.mark.parametrize("sentence", [
    "The vote is scheduled for early May.",
    "The law took effect in May after a long fight.",
    "Theresa May said the deal was fair.",
    "The report, published on May 5, found no fraud.",
    "May 5 is the deadline for applications.",
])
def test_may_month_or_name_is_no_hedge(sentence):
    assert not any(c.text.lower() == "may" for c in cues(sentence) if c.category == "hedge")


@pytest.mark.parametrize("sentence", [
    "Prices may rise again next year.",
    "May the strike spread to other ports? Analysts think so.",
    "The ban may be lifted in June.",
])
def test_modal_may_is_a_hedge(sentence):
    assert any(c.text.lower() == "may" and c.type == "epistemic" for c in cues(sentence) if c.category == "hedge")


def test_whether_they_may_is_permission():
    assert ("may", "epistemic") not in hedges("Lawyers are weighing whether they may seek damages.")
    assert ("may", "epistemic") in hedges("Lawyers said the families may seek damages.")


@pytest.mark.parametrize("sentence", [
    "He could not attend the hearing because of illness.",
    "He couldn't attend the hearing because of illness.",
    "The bomb could have been detonated remotely, police said.",
    "The plan could have worked with more money.",
    "He could never accept the verdict.",
    "He could care less about the polls.",
])
def test_could_of_ability_or_counterfactual_is_no_hedge(sentence):
    assert not any(c.text.lower().startswith("could") for c in cues(sentence) if c.category == "hedge")


def test_could_of_possibility_is_a_hedge():
    assert ("could", "epistemic") in hedges("The strike could cost the airline millions.")
    assert ("could", "epistemic") in hedges("The storm could reach the coast on Friday.")


@pytest.mark.parametrize("sentence", [
    "The company would open a plant in Ohio, the governor announced.",
    "He would walk to the office every day.",
    "If elected, she would cut taxes.",
    "The new rules would take effect next year.",
])
def test_would_is_never_a_hedge_on_its_own(sentence):
    assert not any(c.text.lower() == "would" for c in cues(sentence))


def test_appeared():
    assert hedges("The suspect appeared in court on Monday.") == set()
    assert ("appeared to", "epistemic") in hedges("The minister appeared to be tired.")
    assert any(t.lower().startswith("appear") for t, _ in hedges("The deal appears likely to pass."))


def test_might_as_a_noun():
    assert hedges("The country's military might was on display at the parade.") == set()
    assert hedges("The parade was a show of Russia's might.") == set()
    assert ("might", "epistemic") in hedges("The storm might reach the coast by Friday.")


@pytest.mark.parametrize("sentence, hedged", [
    ("The mayor suggested a plan to widen the road.", False),
    ("The minister suggested a new tax on sugary drinks.", False),
    ("The data suggest that inflation is easing.", True),
    ("The results suggest the drug works.", True),
    ("Tests suggested the water was unsafe.", True),
    ("He suggested that the report was wrong.", True),
])
def test_suggest(sentence, hedged):
    assert any(t.lower().startswith("suggest") for t, _ in hedges(sentence)) is hedged


@pytest.mark.parametrize("sentence, hedged", [
    ("She filed an insurance claim after the flood.", False),
    ("The union pressed claims for back pay.", False),
    ("The land claims were settled in court.", False),
    ("The group claims that the vote was rigged.", True),
    ("He claims the election was stolen.", True),
])
def test_claim(sentence, hedged):
    assert any(t.lower().startswith("claim") for t, _ in hedges(sentence)) is hedged


@pytest.mark.parametrize("sentence, hedged", [
    ("We expect you to pay the fine by Friday.", False),
    ("We expect them to pay the fine.", False),
    ("Economists expected to see slower growth.", True),
    ("Analysts expect that rates will fall.", True),
    ("The first new buses are expected to arrive in May.", True),
])
def test_expect(sentence, hedged):
    assert any(c.type == "doxastic" and "expect" in c.text.lower() for c in cues(sentence)
               if c.category == "hedge") is hedged


@pytest.mark.parametrize("sentence, hedged", [
    ("Voters think about the economy first.", False),
    ("Voters often think of the mayor as an outsider.", False),
    ("Some voters think the plan will fail.", True),
    ("I think the plan will fail.", True),
])
def test_think(sentence, hedged):
    assert any(c.type == "doxastic" and "think" in c.text.lower() for c in cues(sentence)
               if c.category == "hedge") is hedged


@pytest.mark.parametrize("sentence", [
    "I think about my family every day, the soldier said.",
    "We think of the victims and their families.",
])
def test_i_think_about_is_no_belief(sentence):
    assert hedges(sentence) == set()


@pytest.mark.parametrize("sentence, hedged", [
    ("Many residents feel that the council ignored them.", True),
    ("The minister felt that the rules were unfair.", True),
    ("They feel tired after the long shift.", False),
    ("Nurses felt exhausted after the night shift.", False),
])
def test_feel(sentence, hedged):
    assert any(c.type == "doxastic" and "fe" in c.text.lower() for c in cues(sentence)
               if c.category == "hedge") is hedged


def test_possible():
    assert hedges("The repairs will be done as soon as possible.") == set()
    assert hedges("The grant made it possible to hire nurses.") == set()
    assert ("possible", "epistemic") in hedges("A deal is possible by Friday.")


def test_assumed_office():
    assert hedges("He assumed office in January after a narrow win.") == set()
    assert hedges("The treasury assumed responsibility for the debt.") == set()
    assert ("assumed that", "doxastic") in hedges("Investors assumed that rates would fall.")


def test_assume_the_as_belief():
    assert ("assume", "doxastic") in hedges("Analysts assume the bank will cut rates in June.")


def test_kind_of():
    assert hedges("It was a kind of coercion, the judge said.") == set()
    assert hedges("He wrote a sort of memoir about the war.") == set()
    assert ("kind of", "approximator") in hedges("The plan is kind of risky, one adviser conceded.")


def test_doubts_as_a_noun():
    assert hedges("She raised doubts about the audit.") == set()
    assert hedges("The audit cast serious doubts on the figures.") == set()
    assert ("doubt", "doxastic") in hedges("I doubt the storm will hit.")


def test_consider_likely():
    assert ("likely", "epistemic") in hedges("Investigators consider a second attack likely.")
    assert not any(t.lower().startswith("consider") for t, _ in hedges("The panel will consider the bill today."))
    assert hedges("Voters consider the challenger a strong candidate.") == set()


@pytest.mark.parametrize("sentence, cue", [
    ("The ceasefire will not definitely hold.", "definitely"),
    ("Officials have not proven that the virus leaked.", "proven"),
    ("It was not clear that the ceasefire would hold.", "It was not clear"),
    ("It is not clear whether the ceasefire will hold.", "It is not clear"),
])
def test_negated_booster_becomes_an_epistemic_hedge(sentence, cue):
    got = triples(sentence)
    assert (cue, "hedge", "epistemic") in got
    assert not any(c == "booster" for _, c, _ in got)


def test_unnegated_booster_stays_a_booster():
    assert ("definitely", "booster", "certainty") in triples("The ceasefire will definitely hold.")


def test_no_certainty_is_a_hedge():
    assert any(c.type == "epistemic" for c in cues("There is no certainty about the outcome.")
               if c.category == "hedge")


# --- anonymous vs named attribution -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase", [
    ("The former official said the talks had stalled.", "The former official said"),
    ("The deal collapsed, according to people familiar with the matter.",
     "according to people familiar with the matter"),
    ("Critics say the law goes too far.", "Critics say"),
    ("Two senior administration officials told reporters the plan was dead.",
     "Two senior administration officials told"),
    ("OFFICIALS SAID THE DEAL WAS OFF.", "OFFICIALS SAID"),
])
def test_anonymous_attribution_is_an_evidential_hedge(sentence, phrase):
    got = triples(sentence)
    assert (phrase, "attribution", "anonymous") in got
    assert (phrase, "hedge", "evidential") in got


@pytest.mark.parametrize("sentence", [
    "Senator Jane Smith said the plan was dead.",
    "Health Minister Jane Smith told reporters the hospital would close.",
    "According to Senator Jane Smith, the talks had stalled.",
    "Smith said the talks had stalled.",
])
def test_named_attribution_is_no_anonymous_cue_and_no_hedge(sentence):
    got = cues(sentence)
    assert not any(c.type == "anonymous" for c in got)
    assert not any(c.category == "hedge" for c in got)
    assert any(c.category == "attribution" and c.type == "neutral_verb" for c in got)


def test_named_source_with_appositive_is_not_anonymous():
    got = cues("John Kirby, a White House spokesman, said the talks had stalled.")
    assert not any(c.type == "anonymous" for c in got)


def test_evidential_lexicon_hit_inside_anonymous_phrase_is_not_doubled():
    got = cues("Officials said the bridge would reopen next year.")
    assert [(c.category, c.type) for c in got if c.category in ("hedge", "attribution")] == [
        ("attribution", "anonymous"), ("hedge", "evidential")]


@pytest.mark.parametrize("text", [
    "The minister left the room. Officials said talks would resume.",
    "The vote came after a long debate.\nCritics say the plan is flawed.",
    "The council voted to build a new park near the river.\n\nOfficials said it could cost more.",
])
def test_anonymous_cue_does_not_cross_a_sentence_boundary(text):
    (anon,) = [c for c in cues(text) if c.type == "anonymous"]
    assert "." not in anon.text and "\n" not in anon.text


@pytest.mark.parametrize("sentence", [
    "Two senior administration officials told reporters the plan was dead.",
    "Some experts have warned that the dam could fail.",
])
def test_one_attribution_per_source(sentence):
    assert len([c for c in cues(sentence) if c.category == "attribution"]) == 1


# --- anonymous attribution read piece by piece -------------------------------------------------------------------

def _allsides(n: int = 1500) -> list[str]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "corpora" / "allsides" / "allsides.jsonl"
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line, _ in zip(f, range(n))]


def _spans(it) -> list[tuple[int, int, str]]:
    return [(m.span()[0], m.span()[1], m.group()) for m in it]


def test_anonymous_pieces_find_what_the_whole_text_regex_finds():
    from mediacheck.scoring.cues import _ANONYMOUS, _anonymous

    found = 0
    for text in _allsides():
        ref = _spans(_ANONYMOUS.finditer(text))
        assert _spans(_anonymous(text, 0, len(text))) == ref
        found += len(ref)
    assert found > 100


@pytest.mark.parametrize("text", [
    "Officials said. Critics say; some officials, who declined to be named, said: the U.S. officials said no.",
    "According to two senior U.S. officials familiar with the talks, the deal is off. J. Smith, an aide, said so.",
    "OFFICIALS SAID it. Some Critics Have Said it. “Officials said” it. Ofﬁcials said it.",
    "Some ſources said it, and some offıcials said it too. İnsiders said it.",      # IGNORECASE's odd letters
    "Ɐ some officials said it. ǅ critics say. 𝐒ome experts said. Some experts said\u0345 it.",
    "some officials\nsaid\n\nit.some officials said.some",
])
def test_anonymous_pieces_on_case_cuts_and_unicode(text):
    from mediacheck.scoring.cues import _ANONYMOUS, _anonymous

    for a, b in ((0, len(text)), (5, len(text)), (0, len(text) - 3), (17, 60)):
        assert _spans(_anonymous(text, a, b)) == _spans(_ANONYMOUS.finditer(text, a, b)), (a, b)


def test_anonymous_stems_are_in_every_source_word():
    from mediacheck.scoring.cues import _ANON_STEMS, _SOURCE, _SUBJECTS, _stems

    assert {"official", "aide", "advis", "spokes", "some", "people"} <= set(_ANON_STEMS)
    assert _stems("ab?|abc*|ab{2}|x(?:a|b)|y") == ["a", "ab", "x", "y"]
    words = re.compile(rf"(?:{_SOURCE}|{_SUBJECTS})\Z")
    for w in ("official", "officials", "advisor", "advisers", "spokeswoman", "aide", "allies", "some"):
        assert words.match(w) and any(s in w for s in _ANON_STEMS), w


def test_letters_read_alike_in_the_lower_case():
    """``_lowers_plainly`` characters meet the pattern's letters and classes the same way, case-insensitive in the
    original and case-sensitive in the lower case (every character of the BMP, each in the probe positions)."""
    from mediacheck.scoring.cues import _ANONYMOUS, _ANONYMOUS_LOWER, _lowers_plainly

    plain = [chr(c) for c in range(0x80, 0x10000)
             if not 0xD800 <= c < 0xE000 and _lowers_plainly(chr(c))]
    assert len(plain) > 50000 and "ı" not in plain and "ſ" not in plain and "\u0345" not in plain
    probes = ["the {} officials said", "some officials{} said", "a U.S{}. official said", "{}ome critics say",
              "according to {} people familiar with it", "one official, {}, said"]
    for ch in plain:
        for p in probes:
            s = p.format(ch)
            ref = [m.span() for m in _ANONYMOUS.finditer(s)]
            assert [m.span() for m in _ANONYMOUS_LOWER.finditer(s.lower())] == ref, (hex(ord(ch)), s)

