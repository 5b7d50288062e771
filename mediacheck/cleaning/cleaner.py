"""The cleaner: scraped text (or HTML) in, one title + body + explained removals out.

Order of decisions for each non-blank line (the first that applies wins):
1. a boilerplate rule from ``rules.py`` (``BP_*``);
2. the outlet template learnt from the batch (``TPL_OUTLET``);
3. the headline and its repeats / near-duplicates / paraphrases (``HL_*``) and the dek (``HL_SUBTITLE``);
4. the line classifier (``CL_BOILERPLATE``), or in rules-only mode the body-zone heuristic (``BP_OUTSIDE_BODY``).
Everything else is the body. Blank lines only separate paragraphs, so kept + removed = the non-blank input lines.
The order runs again over the kept lines until it removes nothing new, so cleaning is idempotent.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

import numpy as np

from mediacheck.cleaning import headlines as hl
from mediacheck.cleaning.classifier import LineModel, default_model, main_block
from mediacheck.cleaning.features import FEATURE_NAMES, line_features
from mediacheck.cleaning.rules import match_line, normalise_line
from mediacheck.model import STATUS_EMPTY, STATUS_ERROR, Article, CleanArticle, Removal
from mediacheck.textutil import (
    LARGE_TEXT,
    collapse_spaces,
    content_stems,
    fold_headline,
    headline_shape,
    release_memory,
)

FIELD_CODES = {"BP_BYLINE": "byline", "BP_DATELINE": "dateline"}
_COL = {name: i for i, name in enumerate(FEATURE_NAMES)}

#: Use the shipped line model (default); pass ``classifier=False`` for rules only.
USE_DEFAULT = None


@dataclass(frozen=True)
class LineSet:
    """The non-blank lines of a text: whitespace-normalised text, 1-based input line numbers, paragraph breaks."""

    text: tuple[str, ...]
    number: tuple[int, ...]
    blank_before: tuple[bool, ...]

    @classmethod
    def of(cls, text: str) -> LineSet:
        texts, numbers, blank = [], [], []
        gap = False
        for i, raw in enumerate(text.split("\n")):
            s = collapse_spaces(raw)
            if s == raw:
                s = raw         # keep the line split off the text, not a second copy of it
            if not s:
                gap = True
                continue
            texts.append(s)
            numbers.append(i + 1)
            blank.append(gap)
            gap = False
        return cls(tuple(texts), tuple(numbers), tuple(blank))


def rule_codes(lines: LineSet) -> list[str | None]:
    return [match_line(s) for s in lines.text]


def features_for(lines: LineSet, codes: list[str | None]) -> np.ndarray:
    return line_features(list(lines.text), codes)


def heuristic_proba(feats: np.ndarray) -> np.ndarray:
    """Rules-only body zone: prose lines, and sentence-like lines inside the span of the article's prose,
    limited to the main block of such lines (long paragraphs outside it are kept too)."""
    if len(feats) == 0:
        return np.zeros(0)
    words = np.expm1(feats[:, _COL["log_words"]])
    terminal = feats[:, _COL["terminal_punct"]] > 0
    prose = (words >= 10) & terminal
    inside = ((feats[:, _COL["in_prose_span"]] > 0) & (words >= 6) & (terminal | (words >= 12))
              & (feats[:, _COL["short_run"]] < np.log1p(4)))
    keep = prose | inside
    lo, hi = main_block(np.where(keep, 1.0, -0.5) * feats[:, _COL["log_chars"]])
    pos = np.arange(len(keep))
    keep &= ((pos >= lo) & (pos <= hi)) | (words >= 20)
    return keep.astype(float)


def _too_little(keep: np.ndarray, free: np.ndarray, feats: np.ndarray) -> bool:
    """True when the kept lines hold under a fifth of the page's prose characters."""
    if len(feats) == 0:
        return False
    chars = np.expm1(feats[:, _COL["log_chars"]])
    prose = free & (np.expm1(feats[:, _COL["log_words"]]) >= 10) & (feats[:, _COL["terminal_punct"]] > 0)
    total = (chars * prose).sum()
    return total > 0 and (chars * (keep & prose)).sum() < 0.2 * total


def _body_start(keep: np.ndarray, feats: np.ndarray) -> int:
    """Index of the first kept prose line (the end of the header zone)."""
    if len(feats) == 0:
        return 0
    words = np.expm1(feats[:, _COL["log_words"]])
    question = feats[:, _COL["is_question"]] > 0
    strong = keep & (words >= 12) & (feats[:, _COL["terminal_punct"]] > 0) & (~question | (words >= 25))
    hits = np.flatnonzero(strong)
    if len(hits):
        return int(hits[0])
    kept = np.flatnonzero(keep)
    return int(kept[0]) if len(kept) else len(keep)


_TITLE_LOOKBACK = 40   # header-zone lines considered as the headline, counting back from the body


def _pick_title(lines: LineSet, codes: list[str | None], start: int, url: str) -> int | None:
    """Index of the headline among the header-zone lines before ``start``, or None."""
    slug = hl.slug_stems(url) if url else frozenset()
    first = max(0, start - _TITLE_LOOKBACK)
    norms: dict[int, str] = {}
    counts: dict[str, int] = {}
    for i, s in enumerate(lines.text):       # copies anywhere in the page count as repeats
        if codes[i] is None and len(s) <= 260 and headline_shape(s) > 0:
            k = norms[i] = fold_headline(s)
            counts[k] = counts.get(k, 0) + 1
    best, best_score = None, 0.5
    under_headline = False
    # Distance to the body counts only unnamed lines: bylines, dates and credits sit between title and body.
    free_after = np.cumsum([c is None for c in codes[first:start]][::-1])[::-1] if start > first else []
    for i in range(first, start):
        if i not in norms:
            under_headline = under_headline and codes[i] is not None
            continue
        s = lines.text[i]
        score = hl.title_score(s, distance=int(free_after[i - first]), repeats=counts[norms[i]], slug=slug)
        if under_headline:
            score -= 0.3          # right under another headline-like line: probably the dek
        under_headline = headline_shape(s) >= 0.5 and len(s.split()) >= 5
        if score > best_score:
            best, best_score = i, score
    if slug:
        # A headline-like line in the first part of the page that matches the URL slug much better wins.
        def slug_match(i: int) -> float:
            stems = content_stems(lines.text[i])
            return len(stems & slug) / len(stems | slug) if stems else 0.0

        limit = max(start, int(0.7 * len(lines.text)))
        cands = [(slug_match(i), i) for i in norms if i < limit]
        top, i_top = max(cands, default=(0.0, None))
        if top >= 0.5 and (best is None or slug_match(best) < top - 0.2):
            best = i_top
    return best


def _mark_headline(lines: LineSet, codes: list[str | None], head: hl.Headline, title_idx: int | None,
                   start: int, end: int) -> list[str]:
    """Code every copy / paraphrase of ``head`` (HL_TITLE for the first copy in the header); return variants."""
    variants: list[str] = []
    seen_variants = {head.norm}
    for i, s in enumerate(lines.text):
        if codes[i] is not None or i == title_idx:
            continue
        in_body = start <= i <= end
        # Paraphrases are looked for near the headline (header zone) and after the body; copies anywhere.
        near = start - _TITLE_LOOKBACK <= i < start or end < i <= end + _TITLE_LOOKBACK
        if len(s) > 400 or not hl.could_be_copy(head, s) and (not near or headline_shape(s) < 0.5):
            continue
        rel = hl.relation(head, s, in_body=in_body)
        if rel is None:
            continue
        codes[i] = rel
        norm = fold_headline(s)
        if rel != hl.HL_REPEAT and norm not in seen_variants:
            seen_variants.add(norm)
            variants.append(s)
    if title_idx is not None:
        codes[title_idx] = hl.HL_REPEAT
    # The first copy of the headline in the header zone is "the" title line; later copies are repeats.
    first = next((i for i in range(min(start + 1, len(codes))) if codes[i] == hl.HL_REPEAT), title_idx)
    if first is not None:
        codes[first] = "HL_TITLE"
    return variants


def _mark_dek(lines: LineSet, codes: list[str | None], start: int) -> str:
    """Code the dek (HL_SUBTITLE): the first free line right after the title line, before the body."""
    anchor = next((i for i, c in enumerate(codes) if c == "HL_TITLE"), None)
    if anchor is None:
        return ""
    for j in range(anchor + 1, min(start, len(codes))):
        c = codes[j]
        if c is not None and (c.startswith("HL_") or c == "BP_PHOTO_CREDIT"):
            continue      # a byline or dateline ends the header: what follows it is the body
        text = lines.text[j]
        if c is None and 5 <= text.count(" ") <= 59 and not text.endswith(":"):   # 6-60 words (spaces collapsed)
            codes[j] = "HL_SUBTITLE"
            return text
        return ""
    return ""


@dataclass
class _Decision:
    codes: list[str | None]
    title: str
    subtitle: str
    variants: list[str]


def _decide(lines: LineSet, *, title: str, url: str, template: Collection[str], model: LineModel | None,
            zone: bool) -> _Decision:
    """One pass of the decision order over ``lines``."""
    n = len(lines.text)
    codes: list[str | None] = rule_codes(lines)
    feats = features_for(lines, codes)
    if template:      # outlet template lines are settled before the headline is looked for
        for i in range(n):
            if codes[i] is None and normalise_line(lines.text[i]) in template:
                codes[i] = "TPL_OUTLET"
    if not zone:
        proba = np.ones(n)
        threshold, low_code = 0.5, "CL_BOILERPLATE"
    elif model is not None:
        proba = model.predict_proba(feats)
        threshold, low_code = model.threshold, "CL_BOILERPLATE"
    else:
        proba = heuristic_proba(feats)
        threshold, low_code = 0.5, "BP_OUTSIDE_BODY"
    free = np.array([c is None for c in codes], dtype=bool)
    keep = free & (proba >= threshold)
    if zone and model is not None and _too_little(keep, free, feats):
        # The model kept almost none of the prose (short or unusual pages): fall back to the body-zone rules.
        proba = np.maximum(proba, heuristic_proba(feats) * threshold)
        keep = free & (proba >= threshold)
    start = _body_start(keep, feats)
    kept_idx = np.flatnonzero(keep)
    end = int(kept_idx[-1]) if len(kept_idx) else -1

    # Headline: a known title, or the best header-zone line.
    title_idx = None
    if title.strip():
        head = hl.Headline.of(title)
    else:
        title_idx = _pick_title(lines, codes, start, url)
        head = hl.Headline.of(lines.text[title_idx]) if title_idx is not None else None
    variants = _mark_headline(lines, codes, head, title_idx, start, end) if head is not None and head.norm else []
    subtitle = _mark_dek(lines, codes, start)

    # The classifier's (or heuristic's) decision for everything still unnamed.
    for i in range(n):
        if codes[i] is None and proba[i] < threshold:
            codes[i] = low_code

    return _Decision(codes, head.text if head is not None else "", subtitle, variants)


_ROUNDS = 4   # decision passes at most: a pass over the kept lines must remove nothing new (idempotence)


def _kept_lines(lines: LineSet, codes: list[str | None]) -> tuple[LineSet, list[int]]:
    """The body lines, as a re-run on the cleaned text would read them (paragraph breaks where lines went)."""
    keep = [i for i, c in enumerate(codes) if c is None]
    blank = [k > 0 and (lines.blank_before[i] or keep[k - 1] != i - 1) for k, i in enumerate(keep)]
    sub = LineSet(tuple(lines.text[i] for i in keep), tuple(lines.number[i] for i in keep), tuple(blank))
    return sub, keep


def clean_text(text: str, *, title: str = "", url: str = "", template: Collection[str] = (),
               classifier: LineModel | bool | None = USE_DEFAULT, zone: bool = True) -> dict:
    """Clean one scraped text. Returns the CleanArticle fields (title, subtitle, byline, dateline, text,
    headline_variants, removed). ``title`` is a known headline (e.g. from HTML meta) to match repeats against.
    ``zone=False`` skips the body-zone decision (classifier or heuristic): for text already reduced to the
    article by an extractor, only rules, headlines and templates apply.

    The decision order runs again over the kept lines until it removes nothing new (at most ``_ROUNDS``
    passes), so cleaning a cleaned article changes nothing.
    """
    lines = LineSet.of(text)
    n = len(lines.text)
    model = default_model() if classifier is None or classifier is True else (classifier or None)
    d = _decide(lines, title=title, url=url, template=template, model=model, zone=zone)
    codes, variants = d.codes, list(d.variants)
    for _ in range(_ROUNDS - 1):
        sub, keep = _kept_lines(lines, codes)
        again = _decide(sub, title=d.title, url=url, template=template, model=model, zone=zone)
        newly = [k for k, c in enumerate(again.codes) if c is not None]
        if not newly:
            break
        for k in newly:
            codes[keep[k]] = again.codes[k]
        variants += [v for v in again.variants if v not in variants]

    fields = {"byline": "", "dateline": ""}
    removed: list[Removal] = []
    paragraphs: list[list[str]] = []
    broken = True
    for i in range(n):
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
        "title": d.title,
        "subtitle": d.subtitle,
        "byline": fields["byline"],
        "dateline": fields["dateline"],
        "text": text if body == text else body,     # nothing to clean: one copy of the text, not two
        "headline_variants": tuple(variants),
        "removed": tuple(removed),
    }


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
    if _blank(text):
        msg = "input is empty" if _blank(article.text or article.html) else "no text found in the HTML"
        return replace(base, status=STATUS_EMPTY, message=msg, warnings=warnings, removed=extra,
                       title=" ".join(title.split()))
    fields = clean_text(text, title=title, url=article.url, template=template, classifier=classifier,
                        zone=not extracted)
    if len(text) > LARGE_TEXT:
        release_memory()        # the cleaner's per-line data of a huge article, before it is scored
    fields["removed"] = extra + fields["removed"]
    status, message = "ok", ""
    if not fields["text"]:
        status, message = STATUS_EMPTY, f"no article body found ({len(fields['removed'])} lines removed)"
    return replace(base, published=published, warnings=warnings, status=status, message=message, **fields)
