"""The scraped-article cleaner: ``clean`` for one article, ``clean_many`` for a batch with outlet templates."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from mediacheck.cleaning.classifier import LineModel, default_model
from mediacheck.cleaning.cleaner import clean_article, clean_text
from mediacheck.cleaning.rules import RULE_CODES, match_line
from mediacheck.cleaning.templates import TemplateLearner
from mediacheck.model import Article, CleanArticle

__all__ = [
    "clean", "clean_many", "clean_article", "clean_text", "TemplateLearner", "LineModel", "default_model",
    "fit_line_model", "RULE_CODES", "match_line", "as_article", "as_articles", "article_text", "clear_caches",
]

#: Articles buffered to learn outlet templates before streaming starts, when the input can be read only once.
TEMPLATE_WINDOW = 2000


def clear_caches() -> None:
    """Forget the per-line verdicts remembered across a batch (for cold-start timing and tests)."""
    from mediacheck import textutil
    from mediacheck.cleaning import features, headlines, rules

    for f in (rules.normalise_line, rules._match_short, features._short_stats, headlines._headline,
              textutil.headline_shape, textutil.fold_headline, textutil.stem, textutil.content_stems):
        f.cache_clear()


def as_article(item: str | Article | dict, *, id: str = "text") -> Article:
    """Accept a plain string, an Article, or a dict with Article fields (``id`` for those that carry none)."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id=id, text=item)
    if isinstance(item, dict):
        known = {k: item[k] for k in ("text", "html", "title", "outlet", "url", "published", "lang", "source")
                 if item.get(k) is not None}
        meta = {k: v for k, v in item.items() if k not in known and k != "id"}
        return Article(id=str(item.get("id", id)), meta=meta, **{k: str(v) for k, v in known.items()})
    raise TypeError(f"cannot clean a {type(item).__name__}; pass a str, dict or mediacheck.Article")


def clean(item: str | Article | dict, *, url: str = "", title: str = "",
          classifier: LineModel | bool | None = None, extractor: str = "auto") -> CleanArticle:
    """Clean one scraped article (plain text, or an Article/dict with ``text`` or ``html``).

    >>> r = clean("Skip to content\\n\\nA headline about the summit\\n\\n" + "The summit opened today. " * 5)
    >>> r.title, [x.rule for x in r.removed]
    ('A headline about the summit', ['BP_SKIP_LINK', 'HL_TITLE'])
    """
    art = as_article(item)
    if url or title:
        from dataclasses import replace

        art = replace(art, url=url or art.url, title=title or art.title)
    return clean_article(art, classifier=classifier, extractor=extractor)


def as_articles(items: Iterable[str | Article | dict]) -> Iterator[Article]:
    """``as_article`` element by element; strings and dicts without an id get ``text-1``, ``text-2``, ... (their
    1-based position), so the ids of a batch differ."""
    for k, item in enumerate(items, 1):
        yield as_article(item, id=f"text-{k}")


def article_text(article: Article) -> str:
    """The article's text, or its HTML rendered as text (what outlet templates are learnt from)."""
    if article.text or not article.html:
        return article.text
    from mediacheck.cleaning.html import html_to_text

    return html_to_text(article.html).text


def clean_many(articles: Iterable[str | Article | dict], *, templates: bool = True,
               classifier: LineModel | bool | None = None, extractor: str = "auto",
               learner: TemplateLearner | None = None, jobs: int = 1) -> Iterator[CleanArticle]:
    """Clean a batch, learning each outlet's template lines (``TPL_OUTLET``) when ``templates`` is on.

    Items are what ``clean`` takes (strings, dicts, ``Article``s), converted one by one (``as_articles``: strings
    and dicts without an id are numbered ``text-1``, ``text-2``, ...).
    ``classifier``: None for the shipped line model, False for rules only, or a ``LineModel``.
    ``extractor``: how HTML input is reduced to the article ('auto', 'builtin', 'trafilatura').
    A list or tuple is read twice (templates from the whole batch); any other iterable is streamed, with the
    templates learnt from the first ``TEMPLATE_WINDOW`` articles and updated as the stream goes on.
    ``jobs``: processes (0: all cores); templates are learnt here, the articles are cleaned on a pool once there
    are more than ``parallel.SERIAL_FIRST``; results come in input order and are the same for every ``jobs``.
    """
    from mediacheck.cleaning.extract import resolve
    from mediacheck.parallel import ordered_map

    resolve(extractor)   # fail early on an unknown or unavailable extractor
    if isinstance(articles, str):
        raise TypeError("clean_many takes an iterable of articles, not a single string; use clean(text), or wrap "
                        "it in a list")
    tasks = clean_tasks(articles, templates=templates, learner=learner)
    yield from ordered_map(clean_batch, tasks, (classifier, extractor), jobs=jobs)


def clean_batch(tasks: list[tuple[Article, frozenset[str]]], options: tuple) -> list[CleanArticle]:
    """``clean_article`` of each (article, template) task with ``options`` = (classifier, extractor): what a
    pool worker runs."""
    classifier, extractor = options
    return [clean_article(a, template=t, classifier=classifier, extractor=extractor) for a, t in tasks]


def clean_tasks(articles: Iterable[str | Article | dict], *, templates: bool = True,
                learner: TemplateLearner | None = None) -> Iterator[tuple[Article, frozenset[str]]]:
    """(article, its outlet's template lines) for each item, in order, as ``clean_many`` cleans them: templates
    from the whole batch for a list or tuple, else learnt from the first ``TEMPLATE_WINDOW`` articles and
    updated as the stream goes on (each article's template includes its own lines and those before it)."""
    # a list or tuple stays a sequence (templates from the whole batch); other iterables stay streams
    articles = list(as_articles(articles)) if isinstance(articles, Sequence) else as_articles(articles)
    if not templates:
        for a in articles:
            yield a, frozenset()
        return
    learner = learner or TemplateLearner()
    if isinstance(articles, Sequence):
        for a in articles:
            if not a.error:
                learner.add(a.outlet, article_text(a))
        for a in articles:
            yield a, learner.template(a.outlet)
        return
    it = iter(articles)
    head = list(islice(it, TEMPLATE_WINDOW))
    for a in head:
        if not a.error:
            learner.add(a.outlet, article_text(a))
    for a in head:
        yield a, learner.template(a.outlet)
    del head
    for a in it:
        if not a.error:
            learner.add(a.outlet, article_text(a))
        yield a, learner.template(a.outlet)


def __getattr__(name: str):
    """``fit_line_model`` lives in ``mediacheck.cleaning.training`` (training code, imported only when asked for)."""
    if name == "fit_line_model":
        from mediacheck.cleaning.training import fit_line_model

        return fit_line_model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
