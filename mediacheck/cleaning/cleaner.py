"""The cleaner: scraped text (or HTML) in, one title + body + explained removals out.

Order of decisions for each non-blank line (the first that applies wins):
1. a boilerplate rule from ``rules.py`` (``BP_*``);
2. the outlet template learnt from the batch (``TPL_OUTLET``);
3. the headline and its repeats / near-duplicates / paraphrases (``HL_*``) and the dek (``HL_SUBTITLE``);
4. the line classifier (``CL_BOILERPLATE``), or in rules-only mode the body-zone heuristic (``BP_OUTSIDE_BODY``).
Everything else is the body. Blank lines only separate paragraphs, so kept + removed = the non-blank input lines.
The order runs again over the kept lines until it removes nothing new, so cleaning is idempotent.

Each pass is a forward pipeline of stages over one ``LineSet``, each called once: ``lines.py`` (lines, rule codes
from ``rules.py``, features) -> ``templates.py`` -> ``classifier.py`` (probabilities) -> ``blocks.py`` (body span)
-> ``headlines.py`` (headline, repeats, dek) -> the classifier's verdict on the lines left. This module only runs
the stages and builds the record.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

import numpy as np

from mediacheck.cleaning import headlines as hl
from mediacheck.cleaning.blocks import body_span, longest_prose_block_chars
from mediacheck.cleaning.classifier import LineModel, default_model, line_proba
from mediacheck.cleaning.features import line_stats
from mediacheck.cleaning.language import base_code
from mediacheck.cleaning.lines import LineSet, features_for, kept_lines, rule_codes
from mediacheck.cleaning.templates import mark_template
from mediacheck.model import STATUS_EMPTY, STATUS_ERROR, Article, CleanArticle, Removal
from mediacheck.textutil import LARGE_TEXT, composed, release_memory

FIELD_CODES = {"BP_BYLINE": "byline", "BP_DATELINE": "dateline"}

#: Use the shipped line model (default); pass ``classifier=False`` for rules only.
USE_DEFAULT = None


@dataclass
class _Decision:
    codes: list[str | None]
    title: str
    subtitle: str
    variants: list[str]
    stats: np.ndarray
    block_chars: float = 0.0


def _decide(lines: LineSet, *, title: str, url: str, template: Collection[str], model: LineModel | None,
            zone: bool, first: bool = False, stats: np.ndarray | None = None) -> _Decision:
    """One pass of the decision order over ``lines``; the ``first`` pass (over the whole page) also measures the
    page's longest prose block for ``_lost_block_warning``. A later pass runs over lines the first pass kept: no
    rule names them (rules read the line alone) and their per-line ``stats`` are known."""
    n = len(lines.text)
    codes: list[str | None] = rule_codes(lines) if first else [None] * n
    if stats is None:
        stats = line_stats(list(lines.text), lines.lang)
    feats = features_for(lines, codes, stats)
    mark_template(lines.text, codes, template)    # settled before the headline is looked for
    free = np.array([c is None for c in codes], dtype=bool)
    proba, threshold, low_code = line_proba(feats, free, model, zone=zone)
    start, end = body_span(free & (proba >= threshold), feats)

    head, subtitle, variants = hl.mark_headlines(lines, codes, title=title, url=url, start=start, end=end)

    # The classifier's (or heuristic's) decision for everything still unnamed.
    for i in range(n):
        if codes[i] is None and proba[i] < threshold:
            codes[i] = low_code

    return _Decision(codes, head, subtitle, variants, stats,
                     longest_prose_block_chars(feats) if first and zone else 0.0)


_ROUNDS = 4   # decision passes at most: a pass over the kept lines must remove nothing new (idempotence)


def _record(text: str, lines: LineSet, codes: list[str | None], *, title: str, subtitle: str,
            variants: list[str]) -> dict:
    """The CleanArticle fields from the final codes: body paragraphs, removals, byline and dateline."""
    fields = {"byline": "", "dateline": ""}
    removed: list[Removal] = []
    paragraphs: list[list[str]] = []
    broken = True
    for i in range(len(lines.text)):
        c = codes[i]
        if c is None:
            if broken or lines.blank_before[i]:
                paragraphs.append([])
            paragraphs[-1].append(lines.text[i])
            broken = False
            continue
        removed.append(Removal(lines.text[i], c, lines.number[i]))
        broken = True
        field = FIELD_CODES.get(c)
        if field and not fields[field]:
            fields[field] = lines.text[i]
    body = "\n\n".join("\n".join(p) for p in paragraphs)
    del paragraphs
    return {
        "title": title,
        "subtitle": subtitle,
        "byline": fields["byline"],
        "dateline": fields["dateline"],
        "text": text if body == text else body,     # nothing to clean: one copy of the text, not two
        "headline_variants": tuple(variants),
        "removed": tuple(removed),
    }


#: A body shorter than this share of the page's main prose block gets a warning (``LOST_BLOCK_WARNING``).
LOST_BLOCK_SHARE = 0.5
LOST_BLOCK_MIN_CHARS = 400


def _lost_block_warning(lines: LineSet, codes: list[str | None], block_chars: float) -> tuple[str, ...]:
    if block_chars < LOST_BLOCK_MIN_CHARS:
        return ()
    kept = sum(len(s) for s, c in zip(lines.text, codes) if c is None)
    if kept >= LOST_BLOCK_SHARE * block_chars:
        return ()
    return (f"the body kept ({kept:,} characters) is under {LOST_BLOCK_SHARE:.0%} of the page's longest prose "
            f"block ({block_chars:,.0f} characters): rules removed part of it; check the removed lines",)


def clean_text(text: str, *, title: str = "", url: str = "", template: Collection[str] = (),
               classifier: LineModel | bool | None = USE_DEFAULT, zone: bool = True, lang: str | None = None
               ) -> dict:
    """Clean one scraped text. Returns the CleanArticle fields (title, subtitle, byline, dateline, language, text,
    headline_variants, removed, warnings). ``title`` is a known headline (e.g. from HTML meta) to match repeats
    against; ``lang`` the text's language (ISO 639-1; None detects it from the text).
    ``zone=False`` skips the body-zone decision (classifier or heuristic): for text already reduced to the
    article by an extractor, only rules, headlines and templates apply.

    The decision order runs again over the kept lines until it removes nothing new (at most ``_ROUNDS``
    passes), so cleaning a cleaned article changes nothing.
    """
    lines = LineSet.of(text, lang)
    model = default_model() if classifier is None or classifier is True else (classifier or None)
    d = _decide(lines, title=title, url=url, template=template, model=model, zone=zone, first=True)
    codes, variants = d.codes, list(d.variants)
    for _ in range(_ROUNDS - 1):
        sub, keep = kept_lines(lines, codes)
        again = _decide(sub, title=d.title, url=url, template=template, model=model, zone=zone, stats=d.stats[keep])
        newly = [k for k, c in enumerate(again.codes) if c is not None]
        if not newly:
            break
        for k in newly:
            codes[keep[k]] = again.codes[k]
        variants += [v for v in again.variants if v not in variants]

    record = _record(text, lines, codes, title=d.title, subtitle=d.subtitle, variants=variants)
    record["language"] = lines.lang
    record["warnings"] = _lost_block_warning(lines, codes, d.block_chars)
    return record


#: HTML pages longer than this (characters) skip trafilatura, whose peak memory is about 25 times the page (1.3 GB
#: for a 50 MB page): the builtin pruner and line model clean them, and the record gets a warning saying so.
TRAFILATURA_MAX_CHARS = 10 * 2**20


def _from_html(article: Article, extractor: str) -> tuple[str, str, str, tuple[str, ...], tuple[Removal, ...], bool]:
    """Render an HTML article: (text, title hint, published, warnings, removals, already extracted)."""
    from mediacheck.cleaning import extract
    from mediacheck.cleaning.html import html_to_text

    doc = html_to_text(article.html)
    removed = tuple(Removal(t, code, 0) for t, code in doc.dropped)
    text, extracted = doc.text, False
    warnings = article.warnings + tuple(doc.warnings)
    if text.strip() and extract.resolve(extractor) == "trafilatura":
        if len(article.html) > TRAFILATURA_MAX_CHARS:
            warnings += (f"HTML is {len(article.html) / 2**20:.1f} MiB, over the {TRAFILATURA_MAX_CHARS / 2**20:.1f} "
                         "MiB limit for trafilatura (memory): extracted with the builtin pruner",)
        else:
            main = extract.main_content(article.html)
            if main and main.strip():
                text, dropped = extract.filter_lines(text, main)
                removed += tuple(Removal(t, "HTML_EXTRACTOR", line) for line, t in dropped)
                extracted = True
    return (text, article.title or doc.title, article.published or doc.published, warnings, removed, extracted)


def _input_language(lang: str) -> str | None:
    """The input's ``lang`` field as an ISO 639-1 code ("de-DE" -> "de"), None (detect) when absent or odd."""
    code = base_code(lang) if lang else ""
    return code if len(code) == 2 and code.isalpha() and code.isascii() else None


def _blank(text: str) -> bool:
    """``not text.strip()`` without copying a huge text."""
    return not text or text.isspace()


def clean_article(article: Article, *, template: Collection[str] = (),
                  classifier: LineModel | bool | None = USE_DEFAULT, extractor: str = "auto") -> CleanArticle:
    """Clean one ``Article`` (text or HTML). Never raises for bad content: returns an error/empty record.

    ``extractor`` chooses how HTML is reduced to the article before the line cleaner: 'builtin' (DOM pruning
    and the line model), 'trafilatura' (its main-content extraction as a filter; needs the ``html`` extra) or
    'auto' (trafilatura when installed).
    """
    base = CleanArticle(id=article.id, input_id=article.input_id, outlet=article.outlet, url=article.url,
                        published=article.published, warnings=article.warnings, source=article.source,
                        meta=article.meta)
    if article.error:
        return replace(base, status=STATUS_ERROR, message=article.error)
    extra: tuple[Removal, ...] = ()
    text, title, warnings, published = article.text, article.title, article.warnings, article.published
    extracted = False
    if not text and article.html:
        text, title, published, warnings, extra, extracted = _from_html(article, extractor)
    text, title = composed(text), composed(title)
    if _blank(text):
        msg = "input is empty" if _blank(article.text or article.html) else "no text found in the HTML"
        return replace(base, status=STATUS_EMPTY, message=msg, warnings=warnings, removed=extra,
                       title=" ".join(title.split()))
    fields = clean_text(text, title=title, url=article.url, template=template, classifier=classifier,
                        zone=not extracted, lang=_input_language(article.lang))
    if len(text) > LARGE_TEXT:
        release_memory()        # the cleaner's per-line data of a huge article, before it is scored
    fields["removed"] = extra + fields["removed"]
    warnings = warnings + fields.pop("warnings")
    status, message = "ok", ""
    if not fields["text"]:
        status, message = STATUS_EMPTY, f"no article body found ({len(fields['removed'])} lines removed)"
    return replace(base, published=published, warnings=warnings, status=status, message=message, **fields)
