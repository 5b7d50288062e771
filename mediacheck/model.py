"""Immutable records passed between mediacheck stages.

Stages never mutate a record: they return a new one (``dataclasses.replace``).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

STATUS_OK = "ok"
STATUS_EMPTY = "empty"
STATUS_ERROR = "error"


@dataclass(frozen=True)
class Article:
    """One input article as read: scraped ``text`` or ``html`` plus whatever metadata came with it.

    ``warnings`` carries non-fatal notes from reading (e.g. a guessed encoding); ``error`` is set when the
    record could not be read at all, so it still flows through the pipeline and comes out as an error record.
    ``id`` is unique within a run (readers make it so); ``input_id`` is the id as the input gave it ("" if none).
    ``meta`` holds every input field mediacheck has no field for (``leaning``, ``author``, ...); it travels
    through ``clean`` and ``score`` into their output.
    """

    id: str
    input_id: str = ""
    text: str = ""
    html: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""
    lang: str = ""
    source: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    error: str = ""


@dataclass(frozen=True)
class Removal:
    """One input line the cleaner took out of the body, with the rule that did it (1-based ``line``)."""

    text: str
    rule: str
    line: int

    def to_dict(self) -> dict:
        return {"text": self.text, "rule": self.rule, "line": self.line}


@dataclass(frozen=True)
class CleanArticle:
    """The cleaner's output for one article.

    ``text`` is the body: kept input lines, paragraphs separated by one blank line. ``removed`` lists every
    non-blank input line that is not in ``text``, each with its rule code, so kept + removed = input lines.
    """

    id: str
    input_id: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    dateline: str = ""
    language: str = ""
    text: str = ""
    headline_variants: tuple[str, ...] = ()
    removed: tuple[Removal, ...] = ()
    status: str = STATUS_OK
    message: str = ""
    warnings: tuple[str, ...] = ()
    source: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The record as plain JSON types, fields in declaration order (built directly: ``dataclasses.asdict``
        recursed into every removed line, the writers' main cost)."""
        return {
            "id": self.id, "input_id": self.input_id, "outlet": self.outlet, "url": self.url,
            "published": self.published, "title": self.title, "subtitle": self.subtitle, "byline": self.byline,
            "dateline": self.dateline, "language": self.language, "text": self.text,
            "headline_variants": list(self.headline_variants),
            "removed": [{"text": r.text, "rule": r.rule, "line": r.line} for r in self.removed],
            "status": self.status, "message": self.message, "warnings": list(self.warnings),
            "source": self.source, "meta": dict(self.meta),
        }

    def as_text(self) -> str:
        """The cleaned article as plain text: title, subtitle, then body (what a re-run of the cleaner reads)."""
        parts = [p for p in (self.title, self.subtitle, self.text) if p]
        return "\n\n".join(parts)


#: Output column order for tables (CSV/Parquet) of cleaned articles.
CLEAN_COLUMNS = (
    "id", "input_id", "outlet", "url", "published", "status", "message", "title", "subtitle", "byline", "dateline",
    "language", "text", "headline_variants", "removed", "warnings", "source", "meta",
)


@dataclass(frozen=True)
class Cue:
    """A word or phrase that triggered a score: ``text == article_text[start:end]``."""

    text: str
    start: int
    end: int
    category: str        # hedge, booster, attribution, loaded, frame, headline
    type: str            # e.g. epistemic, doxastic, evidential, approximator; anonymous; emotional; conflict
    question: str = ""   # frame cues of the generic frames: the indicator question answered (R1 ... E3)

    def to_dict(self) -> dict:
        d = {"text": self.text, "start": self.start, "end": self.end, "category": self.category, "type": self.type}
        if self.question:
            d["question"] = self.question
        return d


@dataclass(frozen=True)
class SentenceScore:
    """Scores of one sentence; offsets index the scored (cleaned) article text."""

    id: str
    index: int
    start: int
    end: int
    text: str
    hedged: bool
    cues: tuple[Cue, ...]
    loaded_prob: float
    frames: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "index": self.index, "start": self.start, "end": self.end, "text": self.text,
                "hedged": self.hedged, "cues": [c.to_dict() for c in self.cues], "loaded_prob": self.loaded_prob,
                "frames": list(self.frames)}


#: Sentence table columns, in order.
SENTENCE_COLUMNS = ("id", "index", "start", "end", "text", "hedged", "cues", "loaded_prob", "frames")


@dataclass(frozen=True)
class ArticleScore:
    """Scores of one article: the summary row, the sentence rows and the scored (cleaned) text they index."""

    id: str
    outlet: str = ""
    title: str = ""
    status: str = STATUS_OK
    message: str = ""
    summary: Mapping[str, Any] = field(default_factory=dict)
    sentences: tuple[SentenceScore, ...] = ()
    text: str = ""
    input_id: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The article row: id, input_id, outlet, title, status, message, the summary metrics, then meta."""
        return {"id": self.id, "input_id": self.input_id, "outlet": self.outlet, "title": self.title,
                "status": self.status, "message": self.message, **dict(self.summary), "meta": dict(self.meta)}
