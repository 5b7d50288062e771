"""Hedging, framing and loaded-language scores with evidence: ``score`` for one article, ``score_many``."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from mediacheck.model import STATUS_EMPTY, STATUS_ERROR, Article, ArticleScore, CleanArticle
from mediacheck.scoring.lexicon import Lexicon, default_lexicon, load_lexicon
from mediacheck.scoring.loaded import LoadedModel, default_loaded_model, fit_loaded_model
from mediacheck.scoring.scorer import ARTICLE_COLUMNS, FRAME_TYPES, HEDGE_TYPES, score_text

__all__ = [
    "ARTICLE_COLUMNS", "FRAME_TYPES", "HEDGE_TYPES", "LoadedModel", "Lexicon", "default_lexicon",
    "default_loaded_model", "fit_loaded_model", "load_lexicon", "score", "score_many", "score_text",
]


def _score_clean(c: CleanArticle, lexicon: Lexicon, model: LoadedModel, tone: bool = True) -> ArticleScore:
    ids = {"id": c.id, "input_id": c.input_id, "outlet": c.outlet, "meta": c.meta}
    if c.status == STATUS_ERROR:
        return ArticleScore(**ids, status=STATUS_ERROR, message=c.message)
    if not c.text.strip():
        return ArticleScore(**ids, title=c.title, status=STATUS_EMPTY, message=c.message or "no text to score")
    ts = score_text(c.text, id=c.id, title=c.title, lexicon=lexicon, model=model, tone=tone)
    return ArticleScore(**ids, title=c.title, status="ok", summary=ts.summary, sentences=ts.sentences, text=c.text)


def _as_clean(a: Article) -> CleanArticle:
    """An Article scored as given (``clean=False``)."""
    return CleanArticle(id=a.id, input_id=a.input_id, outlet=a.outlet, url=a.url, published=a.published,
                        title=" ".join(a.title.split()), text=a.text, status=STATUS_ERROR if a.error else "ok",
                        message=a.error, source=a.source, meta=a.meta, warnings=a.warnings)


def score_many(items: Iterable[Article | CleanArticle], *, clean: bool = True, lexicon: Lexicon | None = None,
               model: LoadedModel | None = None, tone: bool = True, **clean_options) -> Iterator[ArticleScore]:
    """Score a stream of articles. ``Article``s are cleaned first (``clean_many``: templates, line model, ...)
    unless ``clean=False``, which scores their text as given; ``CleanArticle``s are scored as they are."""
    from mediacheck.cleaning import clean_many

    lexicon = lexicon or default_lexicon()
    model = model or default_loaded_model()
    if isinstance(items, (list, tuple)) and items and all(isinstance(a, CleanArticle) for a in items):
        stream: Iterable[CleanArticle] = items
    elif clean:
        stream = clean_many(items, **clean_options)
    else:
        stream = (a if isinstance(a, CleanArticle) else _as_clean(a) for a in items)
    for c in stream:
        yield _score_clean(c, lexicon, model, tone)


def score(item: str | Article | CleanArticle | dict, *, clean: bool = True, lexicon: Lexicon | None = None,
          model: LoadedModel | None = None, tone: bool = True) -> ArticleScore:
    """Score one article (text, dict, ``Article`` or ``CleanArticle``); raw input is cleaned first."""
    from mediacheck.cleaning import as_article

    art = item if isinstance(item, CleanArticle) else as_article(item)
    return next(score_many([art], clean=clean, lexicon=lexicon, model=model, tone=tone))
