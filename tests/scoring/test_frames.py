"""Frame question detectors (``mediacheck.scoring.frames``) on real-looking news sentences: a positive and a
negative table for each of the 16 indicator questions, then the context rules (negation, hedging, quotes), the
TSV itself, spans, article features and the JSON frame model.

Sentences marked (demo) are from ``corpora/demo`` (scraped pages; some trimmed to the clause that matters); the
others were written for these tests in the style of wire copy."""
from __future__ import annotations

import json
import re

import pytest

from mediacheck.scoring import frames
from mediacheck.scoring.frames import (
    GENERIC_FRAMES,
    NEGATION_FLIPS,
    QUESTION_FRAME,
    QUESTIONS,
    FrameModel,
    QuestionHit,
    article_features,
    default_detector,
    default_frame_model,
    find_question_hits,
    load_questions,
    prior_frame_model,
)


def hits(sentence: str, offset: int = 0) -> list[QuestionHit]:
    out = find_question_hits(sentence, offset)
    for h in out:
        assert sentence[h.start - offset:h.end - offset] == h.cue, h
        assert h.frame == QUESTION_FRAME[h.question]
        assert h.weight in (0.5, 1.0)
    return out


def answers(sentence: str, question: str) -> list[QuestionHit]:
    return [h for h in hits(sentence) if h.question == question]


# --- one positive table and one negative table, every question --------------------------------------------------

POSITIVE = [
    # R1: government can ease or solve the problem, or is acting to
    ("R1", "The city council voted Tuesday to fund 200 new shelter beds before winter.",
     "city council voted Tuesday to fund"),
    ("R1", "Governor Hochul said the state would expand rental assistance to 30,000 more households.",
     "the state would expand"),
    ("R1", "Congress passed a $1.2 trillion infrastructure package on Friday.", "Congress passed"),
    ("R1", "Advocates urged the federal government to step in before the eviction moratorium expires.",
     "urged the federal government to"),
    ("R1", "This year, officials in Delhi banned firecrackers ahead of Diwali.", "officials in Delhi banned"),  # (demo)
    # R2: someone caused the problem or is to blame
    ("R2", "Residents blamed the utility for the blackout that left thousands without power.", "blamed"),
    ("R2", "The inspector general found the agency failed to track the missing funds.", "agency failed to"),
    ("R2", "Prosecutors say the company was responsible for the deaths of 12 workers.",
     "was responsible for the deaths"),
    ("R2", "The jail guards are accused of failing to conduct checks as required.", "accused of failing"),  # (demo)
    ("R2", "Much of the pollution can be traced to distinct policy decisions.", "traced to distinct policy"),  # (demo)
    # R3: a solution, remedy, policy or course of action
    ("R3", "The bill would require background checks for all gun sales.", "The bill would require"),
    ("R3", "Lawmakers introduced legislation to cap insulin prices at $35 a month.", "legislation to cap"),
    ("R3", "Experts say a carbon tax is the most effective way to cut emissions.", "way to cut"),
    ("R3", "The union proposed a four-day week as a solution to burnout among nurses.", "solution to"),
    ("R3", "The mayor's plan would add 5,000 units of affordable housing by 2030.", "plan would"),
    # R4: the problem needs urgent action
    ("R4", "Health officials warned that urgent action is needed to contain the outbreak.", "urgent"),
    ("R4", "The governor declared a state of emergency as floodwaters rose.", "state of emergency"),
    ("R4", "Scientists say the window to act is closing and time is running out.", "time is running out"),
    ("R4", "Congress must act immediately to prevent a default, the Treasury secretary said.", "act immediately"),
    # H1: a human face: a named private person, a family, a victim, a personal example
    ("H1", "Maria Lopez, 42, a mother of two from Queens, lost her job at the laundry in March.", "Maria Lopez, 42,"),
    ("H1", "Ahmed Ali, a 34-year-old taxi driver, said he now works 14-hour days.", "34-year-old taxi driver"),
    ("H1", "The family of Breonna Taylor called for the officers to be charged.", "family of Breonna Taylor"),
    ("H1", "Jurors deliberated for less than 10 minutes before convicting Webb, 51, of kidnapping the girl.",
     "Webb, 51,"),  # (demo)
    ("H1", "Dana Whitfield, a retired nurse, has volunteered at the food bank for nine years.",
     "Dana Whitfield, a retired nurse"),
    # H2: private lives; vignettes and words meant to stir empathy
    ("H2", "She wiped away tears as she described the night her son was killed.", "wiped away tears"),
    ("H2", "\"It was heartbreaking to watch the house burn,\" he said.", "heartbreaking"),
    ("H2", "Her husband, a retired firefighter, died of cancer in 2019.", "Her husband"),
    ("H2", "The victim's mother testified, describing her daughter's last phone call.", "her daughter"),  # (demo)
    # H3: how individuals or groups of people are affected
    ("H3", "Thousands of residents were forced to evacuate as the fire spread.", "residents were forced to"),
    ("H3", "The cuts would hit low-income families hardest.", "hit low-income"),
    ("H3", "Farmers say they can't afford the new fees.", "Farmers say they can't afford"),
    ("H3", "At least six people have died and hundreds of homes have been destroyed.", "people have died"),  # (demo)
    ("H3", "Seventy-eight percent of Americans live paycheck to paycheck.", "paycheck to paycheck"),  # (demo)
    # C1: disagreement between parties
    ("C1", "The two parties remain at odds over how to pay for the border wall.", "at odds"),
    ("C1", "Tensions between Washington and Beijing have risen since the summit.", "Tensions between Washington and"),
    ("C1", "Republicans rejected the Democratic proposal on Thursday.", "rejected"),
    ("C1", "The Pentagon rejected these accusations as patently false.", "rejected"),  # (demo)
    # C2: one party reproaches, attacks or accuses another
    ("C2", "The mayor accused the state of abandoning the city's schools.", "accused the state of"),
    ("C2", "Opposition leaders slammed the budget as a giveaway to the rich.", "slammed"),
    ("C2", "She called him a liar during Tuesday's debate.", "called him a liar"),
    ("C2", "Ukrainian President Zelenskyy has criticized Russia for trying to avoid diplomatic meetings.",
     "criticized"),  # (demo)
    # C3: two or more sides, winners and losers
    ("C3", "Supporters say the law protects children, while critics argue it limits free speech.",
     "Supporters say the law protects children, while critics"),
    ("C3", "On the other hand, some economists warn the cuts could backfire.", "On the other hand"),
    ("C3", "Big retailers have benefited from the tariffs, while small businesses have struggled.", "benefited"),
    ("C3", "Senate leaders from both parties provided a preview of the trial.", "both parties"),  # (demo)
    # M1: a moral message, actions judged right or wrong
    ("M1", "Separating children from their parents is morally wrong, the bishop said.", "morally"),
    ("M1", "Critics called the decision shameful.", "shameful"),
    ("M1", "\"It is wrong to profit from other people's suffering,\" she said.", "wrong to"),
    ("M1", "The group defends family values and traditional marriage.", "family values"),
    # M2: morality, God, religion, faith leaders
    ("M2", "The pope urged world leaders to welcome refugees.", "pope"),
    ("M2", "Worshippers gathered at the mosque for Friday prayers.", "Worshippers"),
    ("M2", "Evangelical voters remain a key part of the Republican base.", "Evangelical"),
    ("M2", "Some of the worst pollution occurred during Diwali, the Hindu festival of lights.", "Hindu"),  # (demo)
    # M3: how people or society ought to behave
    ("M3", "Parents should talk to their children about online safety.", "Parents should"),
    ("M3", "No child should go to bed hungry in a country this rich.", "No child should"),
    ("M3", "\"We have a moral duty to care for the most vulnerable,\" the archbishop said.", "have a moral duty to"),
    ("M3", "Everyone deserves to be treated with dignity, she said.", "Everyone deserves"),
    # E1: financial losses or gains
    ("E1", "The airline lost $2.1 billion in the first quarter.", "lost $2.1 billion"),
    ("E1", "Shares of the company fell 12% after the earnings report.", "Shares of the company fell"),
    ("E1", "Thousands of workers lost their jobs when the plant closed.", "lost their jobs"),
    ("E1", "Tencent profit falls as Alibaba threat and economic woes weigh.", "profit falls"),  # (demo)
    # E2: costs, prices, budgets, money amounts
    ("E2", "The new stadium will cost taxpayers $1.5 billion.", "$1.5 billion"),
    ("E2", "Rents in the city have risen 20% since 2019.", "Rents"),
    ("E2", "The council approved a €300 million budget for next year.", "€300 million"),
    ("E2", "Is an 'oxygen bar' in Delhi offering fresh air for Rs 300?", "Rs 300"),  # (demo)
    # E3: economic consequences of acting or not acting
    ("E3", "Economists warn the tariffs could cost 300,000 jobs.", "cost 300,000 jobs"),
    ("E3", "The strike is expected to hurt small businesses across the region.", "hurt small businesses"),
    ("E3", "The plan would mean higher prices for consumers.", "would mean higher prices"),
    ("E3", "WeWork is preparing to cut 4,000 jobs.", "cut 4,000 jobs"),  # (demo)
]

NEGATIVE = [
    ("C2", "President Joe Biden paid tribute to the victims of the Sep. 11 terror attacks Friday."),
    ("E2", "Mourners paid their respects to the firefighters on Saturday."),
    ("R1", "The restaurant will reopen next month under new ownership."),
    ("R1", "Officials said the fire started in a kitchen on the third floor."),
    ("R2", "The storm knocked out power to 40,000 homes on Tuesday."),
    ("R2", "She is responsible for overseeing the agency's budget."),
    ("R3", "The company plans to open a store in Denver next year."),
    ("R3", "Bill Clinton will speak at the convention on Wednesday."),
    ("R4", "The clinic offers urgent care on weekends."),
    ("R4", "The meeting was moved to Thursday afternoon."),
    ("H1", "Senator Mitch McConnell, 81, told reporters he felt fine."),
    ("H1", "President Biden, 80, said he would run again."),
    ("H1", "Apple sold 5 million phones in the quarter."),
    ("H2", "The central bank held interest rates steady on Wednesday."),
    ("H2", "A company spokesperson said in an email that \"we have received an inquiry from the office.\""),  # (demo)
    ("H3", "The company reported higher sales in Europe."),
    ("H3", "The museum reopened its east wing on Sunday."),
    ("C1", "The two leaders agreed to meet again in the spring."),
    ("C1", "The company opened its first store in Ohio."),
    ("C2", "The car slammed into a tree on Route 9."),
    ("C2", "The senator praised the new law."),
    ("C3", "The bridge will close for repairs on Monday."),
    ("C3", "Sales rose 4% in the third quarter."),
    ("M1", "Something was wrong with the engine, the pilot said."),
    ("M1", "The team won its third straight game."),
    ("M2", "The minister announced a new budget on Tuesday."),
    ("M2", "The team's home opener drew 40,000 fans."),
    ("M3", "The committee should release its report next week."),
    ("M3", "The company expects profits to rise."),
    ("E1", "The Eagles lost to the Giants on Sunday."),
    ("E1", "The senator lost her re-election bid in 2018."),
    ("E2", "\"We will win this fight at all costs,\" the coach said."),
    ("E2", "The film premieres on Friday in Los Angeles."),
    ("E3", "The storm damaged roofs across the county."),
    ("E3", "The mayor will visit the school on Monday."),
]


@pytest.mark.parametrize("question, sentence, cue", POSITIVE)
def test_question_answered(question, sentence, cue):
    got = answers(sentence, question)
    assert got, f"{question} not answered by {sentence!r}: {hits(sentence)}"
    assert any(cue in h.cue or h.cue in cue for h in got), [h.cue for h in got]


@pytest.mark.parametrize("question, sentence", NEGATIVE)
def test_question_not_answered(question, sentence):
    assert not answers(sentence, question), answers(sentence, question)


def test_every_question_has_a_positive_and_a_negative():
    assert {q for q, *_ in POSITIVE} == set(QUESTIONS)
    assert {q for q, _ in NEGATIVE} == set(QUESTIONS)


# --- context rules ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, positive, negated", [
    ("R1", "The administration will fund the program.", "The administration will not fund the program."),
    ("R2", "The mayor blamed the union for the strike.", "The mayor did not blame the union for the strike."),
    ("R2", "The group claimed responsibility for the attack.", "No group has claimed responsibility for the attack."),
    ("R2", "Police said the company caused the spill.",
     "Police said there was no evidence the company caused the spill."),
    ("R3", "Lawmakers proposed new legislation to curb rents.",
     "Lawmakers did not propose any new legislation to curb rents."),
    ("R3", "The city has a plan to reopen the pools.", "The city has no plan to reopen the pools."),
    ("R4", "Officials said the situation was urgent.", "Officials said the situation was not urgent."),
    ("H3", "Three residents were injured in the blast.", "No residents were injured in the blast."),
    ("C1", "The senator disputed the findings.", "The senator did not dispute the findings."),
    ("C2", "The coach criticized his players in public.", "The coach never criticized his players in public."),
    ("C2", "The minister accused the opposition of lying.", "The minister refused to accuse the opposition of lying."),
])
def test_negation_drops_the_questions_it_flips(question, positive, negated):
    assert question in NEGATION_FLIPS
    assert answers(positive, question)
    assert not answers(negated, question), answers(negated, question)


@pytest.mark.parametrize("question, sentence", [
    ("M3", "People should not have to choose between food and medicine."),      # a norm, negated
    ("M1", "There is nothing immoral about earning a profit, he argued."),      # still a moral judgement
    ("M2", "He said he is not religious."),                                    # still refers to religion
    ("E2", "The senator said the bill would not cost taxpayers $1 billion."),  # the article discusses the cost
])
def test_negation_keeps_the_other_questions(question, sentence):
    assert question not in NEGATION_FLIPS
    assert answers(sentence, question)


@pytest.mark.parametrize("sentence, question", [
    ("The report not only blamed the agency but also the contractor.", "R2"),       # "not only" is no negation
    ("Although he did not attend, the mayor blamed the union.", "R2"),             # negation in another clause
    ("Officials said the agency's failures may have contributed to the outbreak.", "R2"),   # hedged: kept
    ("The measure could save taxpayers $2 billion, analysts said.", "E3"),         # hypothetical: kept
])
def test_hedged_and_non_negated_mentions_are_kept(sentence, question):
    assert answers(sentence, question)


def test_quoted_hits_are_kept_and_flagged():
    quoted = answers("\"The government must act now,\" the senator said.", "R4")
    assert quoted and all(h.quoted for h in quoted)
    plain = answers("The senator said the government must act now.", "R4")
    assert plain and not any(h.quoted for h in plain)
    curly = hits("“We were terrified,” said Jones, a 29-year-old nurse.")
    assert {h.question for h in curly if h.quoted} >= {"H2"}         # “We were terrified”
    assert [h.quoted for h in curly if h.question == "H1"] == [False]  # the speaker's description
    # the sentence ends a quote opened in an earlier sentence: everything before the closing mark is quoted
    cont = answers("It will cost taxpayers billions,\" he said.", "E2")
    assert cont and all(h.quoted for h in cont)


def test_spans_are_the_words_in_the_text():
    s = "Critics said the plan would cost taxpayers $2 billion and blamed the mayor."
    out = hits(s, offset=100)
    assert out
    for h in out:
        assert s[h.start - 100:h.end - 100] == h.cue
        assert not h.cue[0].isspace() and not h.cue[-1].isspace()
    assert ("R2", "blamed") in {(h.question, h.cue) for h in out}
    assert ("E2", "$2 billion") in {(h.question, h.cue) for h in out}
    assert out == sorted(out, key=lambda h: (QUESTIONS.index(h.question), h.start, -h.weight))


def test_curly_apostrophes_and_case():
    assert answers("THE GOVERNOR’S PLAN WOULD CUT PROPERTY TAXES.", "R3")
    assert answers("Officials say the city can’t afford to wait any longer.", "R4")


def test_text_whose_lowercase_changes_length_still_matches():
    s = "İstanbul officials blamed the contractor for the collapse."    # "İ".lower() is two characters
    assert len(s.lower()) != len(s)
    got = answers(s, "R2")
    assert got and got[0].cue == "blamed" and s[got[0].start:got[0].end] == "blamed"


GATE_EXTRA = [
    "The cleanup cost millions of dollars, and a hundred dollars more for each truck.",
    "Tickets rose to US$5, or Rs 300 at the door; the fund holds €2bn.",
    "“We were scared,” she said. \"I never thought it would happen here.\"",
    "Rebels accused the army of provoking the clashes and of starting the fire.",
    "The Islamic Society said the urgently needed repairs were slammed as costly.",
    "Nonprofit groups said profits at the firm rose 5% while İstanbul residents struggled.",
    "Hernández, 27, and Ng, 31, were among 40 people hurt in the crash on Route 9.",
]


def test_gate_loses_no_hits():
    """Regexes run only when their anchor words are present; running every row must give the same hits."""
    det = default_detector()
    sentences = [s for _, s, _ in POSITIVE] + [s for _, s in NEGATIVE] + GATE_EXTRA
    gated = [det.find(s) for s in sentences]
    n = len(det._compiled)
    ungated = []
    original, size = det._open, det.cache_size
    try:
        det._open = lambda low, words: (-1, (1 << n) - 1)
        det.cache_size = 0                  # not the hits kept from the gated run
        ungated = [det.find(s) for s in sentences]
    finally:
        det._open, det.cache_size = original, size
    assert gated == ungated
    assert sum(map(len, gated)) > 40


def test_matching_only_where_a_row_can_begin_equals_scanning_the_text():
    """``positional`` tries each row only at the words that can begin it; scanning every position gives the same."""
    det = default_detector()
    sentences = [s for _, s, _ in POSITIVE] + [s for _, s in NEGATIVE] + GATE_EXTRA
    assert all(c[5] is not None for c in det._compiled)          # every shipped row knows its starts
    positional = [det.find(s) for s in sentences]
    size = det.cache_size
    try:
        det.positional, det.cache_size = False, 0
        scanned = [det.find(s) for s in sentences]
    finally:
        det.positional, det.cache_size = True, size
    assert positional == scanned
    assert sum(map(len, positional)) > 40


def _allsides_sentences(n: int = 400) -> list[str]:
    from pathlib import Path

    from mediacheck.scoring.sentences import split_sentences

    path = Path(__file__).resolve().parents[2] / "corpora" / "allsides" / "allsides.jsonl"
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line, _ in zip(f, range(n))]
    return [t[s.start:s.end] for t in texts for s in split_sentences(t)]


def test_kept_hits_are_the_hits_at_the_new_offset(monkeypatch):
    """The per-sentence cache gives what finding the hits again gives, at any offset; it holds at most
    ``cache_size`` sentences (the oldest go first) and none longer than ``CACHE_CHARS``."""
    det = load_questions()                  # a detector of its own: an empty cache
    sentences = _allsides_sentences() + GATE_EXTRA + ["x " * 600 + "blamed the government"]
    monkeypatch.setattr(det, "cache_size", 500)
    first = [det.find(s, i) for i, s in enumerate(sentences)]
    again = [det.find(s, 3 * i + 7) for i, s in enumerate(sentences)]
    monkeypatch.setattr(det, "cache_size", 0)
    fresh = [det.find(s, 3 * i + 7) for i, s in enumerate(sentences)]
    assert again == fresh and [[h.__dict__ for h in x] for x in again] == [[h.__dict__ for h in x] for x in fresh]
    assert first == [det.find(s, i) for i, s in enumerate(sentences)]
    assert sum(map(len, fresh)) > 200
    assert len(det._hits) == 500 and sentences[-2] in det._hits and sentences[-1] not in det._hits


def test_word_gate_cache_starts_again_when_full(monkeypatch):
    det = load_questions()
    sentences = _allsides_sentences(100)
    monkeypatch.setattr(det, "cache_size", 0)
    expected = [det.find(s) for s in sentences]
    det._bits.clear()
    monkeypatch.setattr(frames, "WORD_BITS_MAX", 50)
    assert [det.find(s) for s in sentences] == expected
    assert len(det._bits) < 200             # one sentence may bring more than 50 new words


# --- the TSV ------------------------------------------------------------------------------------------------------

def _tsv_rows() -> tuple[list[list[str]], str]:
    from importlib import resources
    text = resources.files("mediacheck.data").joinpath("frame_questions.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows, text


def test_tsv_rows_name_known_questions_frames_and_classes():
    rows, text = _tsv_rows()
    assert rows[0] == ["question", "frame", "pattern", "weight", "note"]
    assert "MIT" in text.split("question\tframe")[0]                 # licence in the header comment
    classes = {r[1] for r in rows[1:] if r[0] == "class"}
    used = set()
    for r in rows[1:]:
        assert len(r) == 5, r
        if r[0] == "class":
            assert r[3] == "-" and r[2].strip(), r
        else:
            assert r[0] in QUESTIONS and QUESTION_FRAME[r[0]] == r[1], r
            assert float(r[3]) in (0.5, 1.0), r
            assert r[4].strip(), f"row without a note: {r}"
        used |= set(re.findall(r"\{([A-Z][A-Z0-9_]*)\}", r[2].replace("{1,", "").replace("{0,", "")))
    assert used <= classes, used - classes
    per_question = {q: sum(r[0] == q for r in rows[1:]) for q in QUESTIONS}
    assert all(n >= 2 for n in per_question.values()), per_question
    det = default_detector()
    assert len(det.rows) == sum(per_question.values())


@pytest.mark.parametrize("row, message", [
    ("R9\tresponsibility\tblamed\t1\tx", "unknown question"),
    ("R2\tconflict\tblamed\t1\tx", "unknown question"),
    ("R2\tresponsibility\t{NOPE} ... blamed\t1\tx", "unknown class"),
    ("R2\tresponsibility\tblamed\t2\tx", "weight"),
    ("R2\tresponsibility\t... blamed\t1\tx", "gap"),
    ("R2\tresponsibility\tblamed\t1", "5 tab-separated"),
])
def test_bad_rows_fail_loudly(tmp_path, row, message):
    p = tmp_path / "q.tsv"
    p.write_text("# test\nquestion\tframe\tpattern\tweight\tnote\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_questions(p)


def test_shipped_rows_compile_when_first_opened_and_all_compile(tmp_path):
    det = load_questions()
    assert all(c[1] is None for c in det._compiled)               # nothing compiled at load (start-up)
    hits = det.find("Critics blamed the mayor for the crisis, and the city council voted to cut taxes.")
    compiled = sum(c[1] is not None for c in det._compiled)
    assert hits and 0 < compiled < len(det._compiled) // 2           # only the rows the sentence opened
    assert all(c[1] is not None for c in det.compile_all()._compiled)
    assert det.find("Critics blamed the mayor for the crisis, and the city council voted to cut taxes.") == hits
    custom = _custom(tmp_path, "R2\tresponsibility\tblamed\t1\tx")
    assert all(c[1] is not None for c in custom._compiled)           # a user's file compiles (and fails) at load
    with pytest.raises(re.error):
        _custom(tmp_path, "R2\tresponsibility\tre:blam(ed\t1\tx")


def test_missing_file_fails_loudly(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_questions(tmp_path / "missing.tsv")


def _custom(tmp_path, *rows: str):
    """A detector compiled from a question TSV holding ``rows`` (tab-separated) under the header."""
    p = tmp_path / "q.tsv"
    p.write_text("question\tframe\tpattern\tweight\tnote\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return load_questions(p)


def test_a_small_custom_file(tmp_path):
    det = _custom(tmp_path, "class\tWHO\tthe mayor | {BODY}\t-\twho",
                  "class\tBODY\tcity council | re:board(?!\\w)\t-\tbodies",
                  "R1\tresponsibility\t{WHO} ..2.. fix|repair\t1\tacts")
    got = find_question_hits("The city council will repair the bridge.", detector=det)
    assert [(h.question, h.cue) for h in got] == [("R1", "city council will repair")]
    assert [h.cue for h in find_question_hits("The board will fix it.", detector=det)] == ["board will fix"]
    assert not find_question_hits("The board said it would fix it.", detector=det)     # 3 words between


def test_a_row_whose_start_cannot_be_told_scans_the_text(tmp_path):
    """A ``re:`` member of an unusual shape has no known starts; the row still finds its hits, by scanning."""
    det = _custom(tmp_path, "class\tFEUD\tre:(?:x|y)?feud(?!\\w)\t-\tcustom",
                  "C1\tconflict\t{FEUD} ..2.. over\t1\tcustom",
                  "C1\tconflict\tre:(?<=[\"])row ..2.. over\t0.5\tafter a quote")
    assert [c[5] for c in det._compiled][0] is None
    assert det._compiled[1][5].after == '"'
    got = find_question_hits("A yfeud broke out over water.", detector=det)
    assert [h.cue for h in got] == ["yfeud broke out over"]
    assert [h.cue for h in find_question_hits('He said "row over land" today.', detector=det)] == ["row over"]
    assert not find_question_hits("He said a row over land today.", detector=det)


# --- article features and the model -------------------------------------------------------------------------------

def test_article_features():
    sents = ["The mayor blamed the union for the strike.", "Shares fell 5% on Monday.",
             "The weather was mild.", "The weather was mild again.", "Critics said the plan would cost $2 billion."]
    per = [hits(s) for s in sents]
    title = hits("City council votes to fund new shelters")
    f = article_features(per, len(sents), title)
    assert tuple(f) == frames.FEATURES
    assert all(isinstance(v, float) for v in f.values())
    assert f["q_R2_any"] == 1.0 and f["q_R2_share"] == pytest.approx(1 / 5) and f["q_R2_lead"] == 1.0
    assert f["q_E2_share"] == pytest.approx(1 / 5) and f["q_E2_lead"] == 0.0       # only in the fifth sentence
    assert f["q_R1_any"] == 1.0 and f["q_R1_lead"] == 1.0 and f["q_R1_share"] == 0.0   # title only
    assert f["q_M2_any"] == 0.0 and f["q_M2_share"] == 0.0
    assert f["f_responsibility_questions"] == float(sum(f[f"q_{q}_any"] for q in ("R1", "R2", "R3", "R4")))
    assert f["f_economic_share"] == pytest.approx(2 / 5)
    assert 0 < f["f_conflict_evidence"] <= f["f_conflict_questions"]
    assert article_features([], 0) == dict.fromkeys(frames.FEATURES, 0.0)
    assert article_features(per, len(sents), title) == f                                  # deterministic


def test_frame_model_json_round_trip(tmp_path):
    m = FrameModel(header={"data": "test", "licence": "MIT", "fitted": "2026-11-27", "schema": 1},
                   features=("f_conflict_share", "q_C2_any"),
                   frames={"conflict": (-1.0, {"f_conflict_share": 2.0, "q_C2_any": 1.5})})
    p = tmp_path / "m.json"
    m.save(p)
    d = json.loads(p.read_text(encoding="utf-8"))
    assert set(d) == {"header", "features", "frames"}
    assert d["frames"]["conflict"] == {"intercept": -1.0, "weights": {"f_conflict_share": 2.0, "q_C2_any": 1.5}}
    back = FrameModel.load(p)
    assert back == m
    x = {"f_conflict_share": 0.5, "q_C2_any": 1.0}
    assert back.predict(x) == m.predict(x)
    assert back.predict(x)["conflict"] == pytest.approx(1 / (1 + 2.718281828459045 ** -1.5))
    with pytest.raises(KeyError):
        m.predict({"q_C2_any": 1.0})
    with pytest.raises(ValueError, match="features not in"):
        FrameModel({}, ("a",), {"conflict": (0.0, {"b": 1.0})})


def test_prior_model_is_labelled_and_monotone():
    prior = prior_frame_model()
    assert "hand-set prior" in prior.header["model"] and prior.header["fitted"] is None
    assert set(prior.frames) == set(GENERIC_FRAMES)
    assert FrameModel.from_json(prior.to_json()) == prior
    none = prior.predict(article_features([], 10))
    some = article_features([hits("The mayor blamed the union for the strike.")], 10)
    assert prior.predict(some)["responsibility"] > none["responsibility"]
    assert prior.predict(some)["morality"] == none["morality"]
    assert all(0.0 < p < 0.2 for p in none.values())
    model = default_frame_model()
    assert set(model.frames) == set(GENERIC_FRAMES)
    assert set(model.features) <= set(frames.FEATURES)
