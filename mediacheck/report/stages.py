"""The per-article stage of a report: clean, score and reduce one article to its table rows.

``analyze_article`` is a pure function of the article and the run's fixed settings (``Settings``), so any
engine (in-process, a process pool, a Dask cluster) gives the same rows for the same input.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mediacheck.model import STATUS_ERROR, Article, ArticleScore, CleanArticle
from mediacheck.report.columns import NO_OUTLET
from mediacheck.report.questions import questions_cell
from mediacheck.report.text import encodable, encodable_row, meta_json
from mediacheck.scoring.scorer import FRAME_TYPES, GENERIC_FRAMES
from mediacheck.textutil import leading_words

#: Removal rules that move a line into a field of the record instead of discarding it (not boilerplate).
FIELD_RULES = frozenset({"HL_TITLE", "HL_SUBTITLE", "BP_BYLINE", "BP_DATELINE"})
#: Words of the body kept for duplicate detection (syndicated copies share their opening).
DEDUP_WORDS = 200
#: Evidence kinds: metric name -> (cue category, cue type or None for any).
EVIDENCE_CUES = {
    "hedging": ("hedge", None), "boosters": ("booster", None), "anonymous_attribution": ("attribution", "anonymous"),
    **{f"frame_{t}": ("frame", t) for t in FRAME_TYPES},
}
#: Evidence metrics of the generic frames: only cues that answer an indicator question count, and the row names
#: the questions (``question`` column; "" for every other metric).
QUESTION_METRICS = frozenset(f"frame_{t}" for t in GENERIC_FRAMES)
_LEANINGS = (("left", "left"), ("liberal", "left"), ("right", "right"), ("conservative", "right"),
             ("centre", "center"), ("center", "center"))


def normalise_leaning(value: object) -> str:
    """'Lean Left' / 'liberal' -> left, 'Center' -> center, 'conservative' -> right; other values kept as given."""
    s = " ".join(str(value or "").casefold().split())
    if not s or s in ("nan", "none", "null"):
        return ""
    for word, leaning in _LEANINGS:
        if word in s:
            return leaning
    return s


@dataclass(frozen=True)
class Settings:
    """What every article of a run is processed with (templates come from a first pass over the input)."""

    templates: Mapping[str, frozenset[str]] = field(default_factory=dict)
    leanings: Mapping[str, str] = field(default_factory=dict)
    classifier: object = None            # None = shipped line model, False = rules only, or a LineModel
    extractor: str = "auto"
    tone: bool = True
    sentences: bool = False


class DedupFields:
    """What duplicate detection needs of an article, in a compact record (held for every article of a run)."""

    __slots__ = ("id", "outlet", "title", "text", "published")

    def __init__(self, id: str, outlet: str, title: str, text: str, published: str) -> None:
        self.id, self.outlet, self.title, self.text, self.published = id, outlet, title, text, published

    def __reduce__(self):
        return DedupFields, (self.id, self.outlet, self.title, self.text, self.published)


@dataclass(frozen=True)
class ArticleResult:
    """One article's contribution to every table (``error`` set instead of ``row`` for error records)."""

    row: dict | None
    error: dict | None = None
    sentences: tuple[dict, ...] = ()
    removed: tuple[dict, ...] = ()
    evidence: tuple[dict, ...] = ()
    dedup: DedupFields | None = None


def outlet_name(outlet: str) -> str:
    """The outlet as shown in the tables: ``NO_OUTLET`` for records that name none."""
    return outlet if outlet and outlet.strip() else NO_OUTLET


def analyze_article(article: Article, settings: Settings) -> ArticleResult:
    """Clean and score one article and return its rows (every string in them encodable as UTF-8)."""
    from mediacheck.cleaning.cleaner import clean_article
    from mediacheck.scoring import default_lexicon, default_loaded_model, score_clean_article

    cleaned = clean_article(article, template=settings.templates.get(article.outlet, ()),
                            classifier=settings.classifier, extractor=settings.extractor)
    if cleaned.status == STATUS_ERROR:
        stage = "read" if article.error else "clean"
        return ArticleResult(None, encodable_row({"id": article.id, "outlet": article.outlet, "source": article.source,
                                                  "stage": stage, "message": cleaned.message}))
    scored = score_clean_article(cleaned, default_lexicon(), default_loaded_model(), settings.tone)
    outlet = outlet_name(cleaned.outlet)
    row = encodable_row(_article_row(article, cleaned, scored, _leaning(article, settings), outlet))
    rid, routlet = encodable(cleaned.id), encodable(outlet)     # as encodable_row, one call per string
    removed = tuple({"id": rid, "outlet": routlet, "line": r.line, "rule": encodable(r.rule), "text": encodable(r.text)}
                    for r in cleaned.removed)
    sentences = tuple(encodable_row(_sentence_row(outlet, s)) for s in scored.sentences) if settings.sentences \
        else ()
    dedup = None
    if cleaned.title or cleaned.text:
        dedup = DedupFields(row["id"], outlet, encodable(cleaned.title),
                            encodable(leading_words(cleaned.text, DEDUP_WORDS)), encodable(cleaned.published))
    evidence = tuple(encodable_row(e) for e in _evidence(scored, outlet))
    return ArticleResult(row, None, sentences, removed, evidence, dedup)


def _leaning(article: Article, settings: Settings) -> str:
    """The article's own leaning (``leaning`` / ``outlet_leaning`` among its extra fields, also when they sit under
    a nested ``meta`` object, as in ``mediacheck clean`` output), else the outlet table's."""
    meta = article.meta or {}
    nested = meta.get("meta") if isinstance(meta.get("meta"), Mapping) else {}
    own = ""
    for fields in (meta, nested):
        own = normalise_leaning(fields.get("leaning") or fields.get("outlet_leaning"))
        if own:
            break
    return own or settings.leanings.get(article.outlet, "") or settings.leanings.get(article.outlet.casefold(), "")


def _article_row(article: Article, c: CleanArticle, s: ArticleScore, leaning: str, outlet: str) -> dict:
    body = [line for line in c.text.split("\n") if line.strip()]
    kept = sum(map(len, body))
    moved = sum(len(r.text) for r in c.removed if r.rule in FIELD_RULES)
    boiler = sum(len(r.text) for r in c.removed if r.rule not in FIELD_RULES)
    total = kept + moved + boiler
    row = {"id": c.id, "input_id": c.input_id or article.input_id, "outlet": outlet, "leaning": leaning,
           "url": c.url, "published": c.published, "status": s.status, "message": s.message or c.message,
           "title": c.title, "lines_in": len(body) + len(c.removed),
           "lines_removed": len(c.removed), "chars_kept": kept, "chars_removed": boiler,
           "removed_share": round(boiler / total, 4) if total else 0.0}
    row.update({k: v for k, v in s.summary.items() if k not in ("id", "input_id", "outlet", "title", "meta")})
    row["warnings"] = list(c.warnings)
    row["source"] = c.source
    row["meta"] = meta_json(article.meta)
    return row


def _sentence_row(outlet: str, s) -> dict:
    return {"id": s.id, "outlet": outlet, "index": s.index, "start": s.start, "end": s.end, "text": s.text,
            "hedged": s.hedged, "loaded_prob": s.loaded_prob, "frames": list(s.frames),
            "cues": [c.to_dict() for c in s.cues]}


def _evidence(scored: ArticleScore, outlet: str) -> tuple[dict, ...]:
    """The article's best sentence for each evidence metric (most cues of the kind; loaded: highest probability).

    For the generic frames only the indicator-question cues count, and ``question`` names the questions of the
    frame the sentence answers ("R1: says a level of government ...; R3: ..."); it is "" for other metrics."""
    from mediacheck.scoring import default_loaded_model

    best: dict[str, tuple] = {}
    threshold = default_loaded_model().threshold
    for s in scored.sentences:
        if not s.cues and s.loaded_prob < threshold:
            continue                            # no metric can pick it (most sentences)
        for metric, (category, kind) in EVIDENCE_CUES.items():
            picked = [c for c in s.cues if c.category == category and (kind is None or c.type == kind)
                      and (metric not in QUESTION_METRICS or c.question)]
            if picked and (metric not in best or len(picked) > best[metric][0]):
                question = questions_cell(c.question for c in picked) if metric in QUESTION_METRICS else ""
                best[metric] = (len(picked), s, [c.text for c in picked], question)
        if s.loaded_prob >= threshold and ("loaded" not in best or s.loaded_prob > best["loaded"][0]):
            cues = [c.text for c in s.cues if c.category == "loaded"]
            best["loaded"] = (s.loaded_prob, s, cues, "")
    return tuple({"metric": m, "outlet": outlet, "id": s.id, "sentence": s.index, "text": s.text,
                  "question": question, "cues": cues, "score": round(float(score), 4)}
                 for m, (score, s, cues, question) in sorted(best.items()))
