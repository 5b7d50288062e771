"""Hedging, framing and loaded-language scores with evidence: ``score`` for one article, ``score_many``."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence

from mediacheck.model import STATUS_EMPTY, STATUS_ERROR, Article, ArticleScore, CleanArticle
from mediacheck.scoring.lexicon import Lexicon, default_lexicon, load_lexicon
from mediacheck.scoring.loaded import LoadedModel, default_loaded_model
from mediacheck.scoring.scorer import ARTICLE_COLUMNS, FRAME_TYPES, HEDGE_TYPES, score_text

__all__ = [
    "ARTICLE_COLUMNS", "FRAME_TYPES", "HEDGE_TYPES", "LoadedModel", "Lexicon", "clear_caches", "default_lexicon",
    "default_loaded_model", "fit_loaded_model", "load_lexicon", "score", "score_clean_article", "score_many",
    "score_text",
]


def clear_caches() -> None:
    """Empty the scoring caches that live beyond one article (as in a new process): the frame detector's
    per-sentence hits and per-word gate bits, the word counts of recurring pieces, and the shipped lexicon and
    model (reloaded on next use, with an empty token-score cache). Results never depend on them."""
    from mediacheck.scoring import cues, frames, sentences

    det = frames.default_detector()
    det._hits.clear()
    det._bits.clear()
    det._piece_bits.clear()
    sentences._WORD_COUNTS.clear()
    cues._lowers_plainly.cache_clear()
    default_lexicon.cache_clear()
    default_loaded_model.cache_clear()


def score_clean_article(c: CleanArticle, lexicon: Lexicon | None = None, model: LoadedModel | None = None,
                        tone: bool = True) -> ArticleScore:
    """Score a ``CleanArticle`` as it is (no cleaning); error records stay errors, bodiless ones are ``empty``.
    ``lexicon`` / ``model``: None for the shipped ones."""
    lexicon = default_lexicon() if lexicon is None else lexicon
    model = default_loaded_model() if model is None else model
    ids = {"id": c.id, "input_id": c.input_id, "outlet": c.outlet, "meta": c.meta}
    if c.status == STATUS_ERROR:
        return ArticleScore(**ids, status=STATUS_ERROR, message=c.message)
    if not c.text.strip():
        return ArticleScore(**ids, title=c.title, status=STATUS_EMPTY, message=c.message or "no text to score")
    ts = score_text(c.text, id=c.id, title=c.title, lexicon=lexicon, model=model, tone=tone)
    return ArticleScore(**ids, title=c.title, status="ok", summary=ts.summary, sentences=ts.sentences, text=c.text)


def score_many(items: Iterable[str | dict | Article | CleanArticle], *, clean: bool = True,
               lexicon: Lexicon | None = None, model: LoadedModel | None = None, tone: bool = True,
               jobs: int = 1, sentences: bool = True, **clean_options) -> Iterator[ArticleScore]:
    """Score a stream of articles, in order: what ``score`` takes (strings, dicts, ``Article``s, ``CleanArticle``s),
    element by element, with the same options. Raw items are cleaned first (``clean_many``, given
    ``clean_options``: templates, classifier, ...) unless ``clean=False``, which scores their text as given;
    ``CleanArticle``s are scored as they are. Strings and dicts without an id are numbered ``text-1``, ...
    ``jobs``: processes (0: all cores) that clean and score once there are more than ``parallel.SERIAL_FIRST``
    articles (templates are learnt here); results come in input order and are the same for every ``jobs``.
    ``sentences=False``: results carry the summary only (no sentence rows, no text): less to hold and to ship
    back from the workers when only the article rows are wanted."""
    if isinstance(items, str):
        raise TypeError("score_many takes an iterable of articles, not a single string; use score(text), or wrap "
                        "it in a list")
    from mediacheck.cleaning.extract import resolve
    from mediacheck.parallel import ordered_map

    unknown = set(clean_options) - {"templates", "classifier", "extractor", "learner"}
    if unknown:
        raise TypeError(f"score_many: unknown option(s) {', '.join(sorted(unknown))} (clean options are templates, "
                        "classifier, extractor, learner)")
    if clean:
        resolve(clean_options.get("extractor", "auto"))     # fail early on an unknown or unavailable extractor
    lexicon = lexicon or default_lexicon()
    model = model or default_loaded_model()
    options = {k: v for k, v in clean_options.items() if k in ("classifier", "extractor")}
    # a pool worker loads the shipped lexicon and model itself (None) rather than receive them
    state = (options, None if lexicon is default_lexicon() else lexicon,
             None if model is default_loaded_model() else model, tone, sentences)
    yield from ordered_map(score_batch, _tasks(items, clean, clean_options), state, jobs=jobs)


def score_batch(tasks: list[tuple[Article | CleanArticle, frozenset[str] | None]], state: tuple
                ) -> list[ArticleScore]:
    """Clean (template not None) and score each task; ``state`` = (classifier / extractor options, lexicon,
    model, tone, keep sentences), None for the shipped lexicon / model: what a pool worker runs."""
    from dataclasses import replace

    from mediacheck.cleaning import clean_article

    opts, lexicon, model, tone, sentences = state
    lexicon = default_lexicon() if lexicon is None else lexicon
    model = default_loaded_model() if model is None else model
    out = [score_clean_article(item if template is None else clean_article(item, template=template, **opts),
                               lexicon, model, tone) for item, template in tasks]
    return out if sentences else [replace(r, sentences=(), text="") for r in out]


def _as_clean(a: Article) -> CleanArticle:
    """An Article scored as given (``clean=False``)."""
    return CleanArticle(id=a.id, input_id=a.input_id, outlet=a.outlet, url=a.url, published=a.published,
                        title=" ".join(a.title.split()), text=a.text, status=STATUS_ERROR if a.error else "ok",
                        message=a.error, source=a.source, meta=a.meta, warnings=a.warnings)


def _tasks(items: Iterable, clean: bool, clean_options: dict
           ) -> Iterator[tuple[Article | CleanArticle, frozenset[str] | None]]:
    """(item, template) in order: raw articles with their outlet template (``clean_tasks``), CleanArticles and
    (``clean=False``) articles taken as given with None."""
    from mediacheck.cleaning import as_article, clean_tasks

    def convert(k: int, x) -> Article | CleanArticle:
        return x if isinstance(x, CleanArticle) else as_article(x, id=f"text-{k}")

    templates, learner = clean_options.get("templates", True), clean_options.get("learner")
    if isinstance(items, Sequence):          # a batch: templates from all of its raw articles
        batch = [convert(k, x) for k, x in enumerate(items, 1)]
        raw = [a for a in batch if not isinstance(a, CleanArticle)]
        if not clean or not raw:
            yield from ((a if isinstance(a, CleanArticle) else _as_clean(a), None) for a in batch)
            return
        cleaned = clean_tasks(raw, templates=templates, learner=learner)
        for a in batch:
            yield (a, None) if isinstance(a, CleanArticle) else next(cleaned)
        return
    stream = (convert(k, x) for k, x in enumerate(items, 1))
    if not clean:
        yield from ((a if isinstance(a, CleanArticle) else _as_clean(a), None) for a in stream)
        return
    # clean_tasks reads ahead (templates): each CleanArticle waits in ``order`` for the raw articles before it
    order: deque[CleanArticle | None] = deque()

    def raw_stream() -> Iterator[Article]:
        for a in stream:
            if isinstance(a, CleanArticle):
                order.append(a)
            else:
                order.append(None)
                yield a

    for task in clean_tasks(raw_stream(), templates=templates, learner=learner):
        while order[0] is not None:
            yield order.popleft(), None
        order.popleft()
        yield task
    yield from ((c, None) for c in order)              # CleanArticles after the last raw article


def score(item: str | Article | CleanArticle | dict, *, clean: bool = True, lexicon: Lexicon | None = None,
          model: LoadedModel | None = None, tone: bool = True) -> ArticleScore:
    """Score one article (text, dict, ``Article`` or ``CleanArticle``); raw input is cleaned first."""
    from mediacheck.cleaning import as_article

    art = item if isinstance(item, CleanArticle) else as_article(item)
    return next(score_many([art], clean=clean, lexicon=lexicon, model=model, tone=tone))


def __getattr__(name: str):
    """``fit_loaded_model`` lives in ``mediacheck.scoring.training`` (training code, imported only when asked for)."""
    if name == "fit_loaded_model":
        from mediacheck.scoring.training import fit_loaded_model

        return fit_loaded_model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
