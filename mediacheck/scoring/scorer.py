"""Score a text: one row per sentence (cues with spans, hedged, loaded probability, frames) and one summary.

Units and definitions (also in docs/columns.md):
- ``*_per_1k``: cues per 1,000 words of the scored text (words = word tokens of the body);
- ``hedged_sentence_share``: sentences with at least one hedge cue / sentences;
- ``anonymous_attribution_share``: anonymous attributions / all attributions (anonymous phrases + report verbs
  outside them); empty (NaN) when the text attributes nothing;
- ``loaded_sentence_rate``: sentences with loaded probability >= the model threshold / sentences;
  ``loaded_mean_prob``: mean of the sentence probabilities;
- ``frame_<type>_share``: sentences evoking that frame / sentences; for the five generic frames a sentence evokes
  a frame when it answers one of the frame's indicator questions (``frames.py``, cues carry the question id),
  for the policy frames when it holds a lexicon word of the frame;
- ``frame_<type>_prob`` (generic frames): probability that a coder would mark the frame present in the article,
  from the questions answered and how much of the article answers them (``FrameModel``, calibrated on the
  project's frame dev set; ``frame_model.json``);
- ``dominant_frame``: of the generic frames the article uses (probability at or above the frame's threshold in
  ``frame_model.json``), the one with the largest sentence share; when none, the frame with the largest share;
- ``question_headline`` / ``clickbait_headline`` / ``superlative_headline``: from the title;
- ``tone``: mean VADER compound over sentences, in [-1, 1].
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from mediacheck.model import Cue, SentenceScore
from mediacheck.scoring.cues import find_cues
from mediacheck.scoring.frames import (
    GENERIC_FRAMES,
    article_features,
    default_detector,
    default_frame_model,
    find_question_hits,
)
from mediacheck.scoring.lexicon import Lexicon
from mediacheck.scoring.loaded import LoadedModel
from mediacheck.scoring.sentences import count_words, split_sentences
from mediacheck.scoring.tone import compound
from mediacheck.textutil import STOPWORDS

HEDGE_TYPES = ("epistemic", "doxastic", "evidential", "approximator")
FRAME_TYPES = ("conflict", "economic", "human_interest", "morality", "responsibility",
               "security", "legality", "health", "politics", "public_opinion")
MODEL_CUE_MIN = 0.08      # a token counts as a loaded-language cue above this share of the sentence logit

ARTICLE_COLUMNS = (
    "id", "outlet", "title", "words", "sentences", "hedges_per_1k",
    *(f"hedges_{t}_per_1k" for t in HEDGE_TYPES), "hedged_sentence_share", "boosters_per_1k",
    "attributions", "anonymous_attribution_share", "loaded_sentence_rate", "loaded_mean_prob", "loaded_cues_per_1k",
    *(f"frame_{t}_share" for t in FRAME_TYPES), *(f"frame_{t}_prob" for t in GENERIC_FRAMES), "dominant_frame",
    "question_headline", "clickbait_headline",
    "superlative_headline", "tone",
)


class _Answer(NamedTuple):
    """A question a sentence answers and its evidence weight (what ``frames.article_features`` reads)."""

    question: str
    weight: float


@dataclass(frozen=True)
class TextScore:
    sentences: tuple[SentenceScore, ...]
    summary: dict


def _model_cues(model: LoadedModel, sentence: str, offset: int, logit: float) -> list[Cue]:
    """Tokens that push the sentence towards 'loaded' (names and function words only as a last resort)."""
    parts = model.explain(sentence)
    total = sum(p[3] for p in parts) or 1.0
    out = []
    for start, _end, tok, c in parts:
        core = tok.strip("\"'“”‘’.,;:!?()[]—–-")
        if not core or c < MODEL_CUE_MIN * total:
            continue
        lead = tok.find(core)
        s, e = start + lead, start + lead + len(core)
        if core.casefold() in STOPWORDS or (core[0].isupper() and start > 0):
            continue
        out.append(Cue(core, offset + s, offset + e, "loaded", "model"))
    if not out and parts and logit >= 0:
        start, end, tok, _ = parts[0]
        out.append(Cue(tok, offset + start, offset + end, "loaded", "model"))
    return out


def score_text(text: str, *, id: str = "", title: str = "", lexicon: Lexicon, model: LoadedModel,
               tone: bool = True) -> TextScore:
    """Score ``text`` (a cleaned article body); offsets in the result index ``text``. ``tone=False`` skips VADER
    (about half the time) and leaves ``tone`` empty (NaN).

    Memory is bounded per article: sentences are at most ``MAX_SENTENCE_CHARS`` (run-ons are split, see
    ``sentences.py``), the lexicon reads the lower case of at most about 1 M characters at a time
    (``lexicon.CHUNK_CHARS``) and words are counted, not listed, so besides the result (about 10 bytes per
    character: the sentence and cue records) little is held. A 50 MB one-line article peaks at about 0.8 GB RSS in
    ``mediacheck score`` (2.5 GB before).

    Speed: the lexicon is one regex over the lower-cased text, anonymous attribution is read only where a source
    word is, the frame detector keeps per-word gate bits and the hits of recent sentences, the loaded model scores a
    text's new tokens at once; every one of these gives the same result as the plain way (see the tests)."""
    spans = split_sentences(text)
    sents = [text[s.start:s.end] for s in spans]
    starts = [s.start for s in spans]
    per_sentence: list[list[Cue]] = [[] for _ in spans]
    bisect_right = bisect.bisect_right
    for c in find_cues(text, lexicon):
        i = bisect_right(starts, c.start) - 1
        if i >= 0:
            per_sentence[i].append(c)
    logits = model.logits(sents).tolist() if sents else []
    threshold, intercept = model.threshold, model.intercept
    find_hits = default_detector().find
    exp = math.exp
    rows = []
    answered: list[tuple[_Answer, ...]] = []    # per sentence: the questions it answers (shared tuples)
    shared: dict[tuple[str, ...], tuple[str, ...]] = {(): ()}    # equal frame tuples share one object
    shared_answers: dict[tuple, tuple] = {(): ()}
    for i, (start, sent, lg, sc) in enumerate(zip(starts, sents, logits, per_sentence)):
        prob = 1.0 / (1.0 + exp(-max(-30.0, min(30.0, lg))))
        hits = find_hits(sent, start)
        if hits:
            sc = sorted(sc + [Cue(h.cue, h.start, h.end, "frame", h.frame, h.question) for h in hits],
                        key=_cue_order)
            answers = tuple(sorted({_Answer(h.question, h.weight) for h in hits}))
            answered.append(shared_answers.setdefault(answers, answers))
        else:
            answered.append(())
        if prob >= threshold:
            sc = sorted(sc + _model_cues(model, sent, start, lg - intercept), key=_cue_order)
        if sc:
            frames = tuple(sorted({c.type for c in sc if c.category == "frame"}))
            frames = shared.setdefault(frames, frames)
            hedged = any(c.category == "hedge" for c in sc)
        else:
            frames, hedged = (), False
        rows.append(SentenceScore(id, i, start, start + len(sent), sent, hedged, tuple(sc), round(prob, 4),
                                  frames))
    summary = summarise(rows, text=text, title=title, lexicon=lexicon, model=model, tone=tone,
                        question_hits=answered)
    return TextScore(tuple(rows), summary)


def _cue_order(c: Cue) -> tuple:
    return c.start, c.end, c.category, c.type, c.question


def _rate(n: float, d: float) -> float:
    return n / d if d else 0.0


def frame_probabilities(question_hits: Sequence[Sequence], title: str) -> dict[str, float]:
    """``frame_<type>_prob`` of the generic frames from the sentences' indicator-question hits (``frames.py``)."""
    features = article_features(question_hits, len(question_hits), find_question_hits(title) if title else [])
    probs = default_frame_model().predict(features)
    return {f"frame_{t}_prob": float(probs[t]) for t in GENERIC_FRAMES}


def dominant(frame_probs: dict[str, float], shares: dict[str, float]) -> str:
    """Of the generic frames the article uses (probability at or above the frame model's threshold), the one
    with the largest sentence share (then the most probable); when it uses none, the frame of any type with the
    largest sentence share; else ''."""
    model = default_frame_model()
    used = [t for t in GENERIC_FRAMES if frame_probs.get(f"frame_{t}_prob", 0.0) >= model.threshold(t)]
    if used:
        return max(used, key=lambda t: (shares.get(t, 0.0), frame_probs[f"frame_{t}_prob"], t))
    return max(shares, key=lambda t: (shares[t], t)) if any(v > 0 for v in shares.values()) else ""


def summarise(rows: Sequence[SentenceScore], *, text: str, title: str, lexicon: Lexicon,
              model: LoadedModel, question_hits: Sequence[Sequence], tone: bool = True) -> dict:
    """The article summary of scored ``rows``; ``question_hits[i]``: the questions sentence i answers."""
    n_words = count_words(text)
    n_sent = len(rows)
    kinds = Counter((c.category, c.type) for r in rows for c in r.cues)       # one pass over the cues
    by_category = Counter()
    for (cat, _), k in kinds.items():
        by_category[cat] += k
    frame_rows = Counter(t for r in rows for t in r.frames)                   # a sentence names a frame once
    per_k = 1000.0 / n_words if n_words else 0.0
    anonymous = kinds[("attribution", "anonymous")]
    verbs = kinds[("attribution", "neutral_verb")] + kinds[("attribution", "loaded_verb")]
    title_cues = find_cues(title, lexicon) if title else []
    threshold = model.threshold
    out = {
        "words": n_words,
        "sentences": n_sent,
        "hedges_per_1k": by_category["hedge"] * per_k,
        **{f"hedges_{t}_per_1k": kinds[("hedge", t)] * per_k for t in HEDGE_TYPES},
        "hedged_sentence_share": _rate(sum(r.hedged for r in rows), n_sent),
        "boosters_per_1k": by_category["booster"] * per_k,
        "attributions": anonymous + verbs,
        "anonymous_attribution_share": _rate(anonymous, anonymous + verbs) if anonymous + verbs else float("nan"),
        "loaded_sentence_rate": _rate(sum(r.loaded_prob >= threshold for r in rows), n_sent),
        "loaded_mean_prob": _rate(sum([r.loaded_prob for r in rows]), n_sent),
        "loaded_cues_per_1k": by_category["loaded"] * per_k,
        **{f"frame_{t}_share": _rate(frame_rows[t], n_sent) for t in FRAME_TYPES},
        "question_headline": title.rstrip().endswith("?"),
        "clickbait_headline": any(c.category == "headline" and c.type == "clickbait" for c in title_cues),
        "superlative_headline": any(c.category == "headline" and c.type == "superlative" for c in title_cues),
        "tone": _rate(sum(compound(r.text) for r in rows), n_sent) if tone else float("nan"),
    }
    probs = frame_probabilities(question_hits, title)
    out.update(probs)
    out["dominant_frame"] = dominant(probs, {t: out[f"frame_{t}_share"] for t in FRAME_TYPES})
    out = {k: out[k] for k in ARTICLE_COLUMNS[3:]}           # in the column order
    return {k: (round(v, 4) if isinstance(v, float) and not math.isnan(v) else v) for k, v in out.items()}
