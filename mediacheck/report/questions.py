"""Short wording of the 16 indicator questions of the generic news frames, for the evidence table and the HTML.

The ids (R1-R4 responsibility, H1-H3 human interest, C1-C3 conflict, M1-M3 morality, E1-E3 economic) are those
of ``mediacheck.scoring.frames`` (after Semetko & Valkenburg 2000); the full questions coders answer are in
``benchmarks/data/frames_dev/GUIDELINE.md``. The texts here are our own short paraphrases of what a sentence
that answers "yes" does. They never contain ";", which separates several questions in one cell.
"""
from __future__ import annotations

from collections.abc import Iterable

from mediacheck.scoring.frames import QUESTION_FRAME, QUESTIONS

#: Question id -> what a sentence answering it does, in a few words.
QUESTION_TEXT = {
    "R1": "says a level of government can act on the problem, or is acting",
    "R2": "blames a government, person or group for causing the problem",
    "R3": "proposes or discusses a solution, policy or course of action",
    "R4": "says the problem needs urgent action",
    "H1": "puts a human face on the issue (a named private person, a family, a victim)",
    "H2": "goes into private lives, or tells it to stir empathy or outrage",
    "H3": "stresses how individuals or groups of people are affected",
    "C1": "shows disagreement between parties, people, groups or countries",
    "C2": "has one side reproach, attack or accuse another",
    "C3": "presents two or more sides, or winners and losers",
    "M1": "carries a moral message, or judges actions right or wrong",
    "M2": "refers to morality, God, religion or faith",
    "M3": "prescribes how people or society ought to behave",
    "E1": "mentions financial losses or gains",
    "E2": "mentions costs, prices, budgets or sums of money",
    "E3": "discusses the economic consequences of acting or not acting",
}


def question_label(qid: str) -> str:
    """``"R1: says a level of government ..."``; an unknown id is returned as given."""
    return f"{qid}: {QUESTION_TEXT[qid]}" if qid in QUESTION_TEXT else qid


def questions_cell(qids: Iterable[str]) -> str:
    """Several question ids as one cell: known ids in question order, each labelled, joined by "; "."""
    order = {q: i for i, q in enumerate(QUESTIONS)}
    ids = sorted({q for q in qids if q}, key=lambda q: (order.get(q, len(order)), q))
    return "; ".join(question_label(q) for q in ids)


def frame_of(qid: str) -> str:
    """The generic frame a question id belongs to ("" when unknown)."""
    return QUESTION_FRAME.get(qid, "")
