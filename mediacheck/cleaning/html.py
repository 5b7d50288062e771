"""HTML page -> text blocks for the line-based cleaner.

``html_to_text`` renders the visible text of ``<body>`` exactly the way the benchmark's naive scraper
(``render_scraped.py``) does -- one block per line, a blank line between blocks, whitespace collapsed,
``script``/``style``/... dropped -- so the same plain-text cleaner runs on scraped text and on HTML.

With ``prune=True`` it also uses what only the DOM knows: blocks inside ``nav``/``header``/``footer``/
``aside``/``form`` elements, ARIA landmark roles, elements whose class/id names score as boilerplate
(HTML_ATTR) and link lists whose text is >= 80% link text (HTML_LINKS) are dropped and recorded in
``HtmlDoc.dropped`` with a reason code.

Names. Each class name, the id and ``itemprop`` of an element are split into tokens (on ``-``, ``_`` and
camelCase, lower-cased) and scored from the tables below: ``NAME_WEIGHTS`` (single tokens, English plus
common German/Spanish/Polish/French ones: ``teilen``, ``werbung``, ``compartir``, ``reklama``,
``publicite``...), ``PAIR_WEIGHTS`` (two adjacent tokens scored as a whole: ``entry-content``,
``article__body``, ``read-more``, ``articles-lies``) and ``WHOLE_NAME_WEIGHTS`` (a name that is exactly
e.g. ``more-link``); a name starting with a ``STATE_PREFIXES`` token (``has-sidebar``, ``no-comments``) is
a flag and scores 0. Weights are ``STRONG`` (3) or 1, negative for boilerplate, positive for content.
Within one name a strong content compound wins (``entry-content-read-more`` is a body class), then a strong
boilerplate token or pair (``comment-content``, ``sidebar-content``, ``read-more-big``), else the weights
add up (``modal-content`` is neutral); in a BEM name the element after ``__`` decides when it is strongly
boilerplate (``story-body__share-row``, but ``article__body`` is content). Over the
names of an element the strongest content name protects it (``box article modal-enabled`` is content),
except that only a strong content name beats a strong boilerplate name. A name with an embed token
(``social-embed``) is never boilerplate. Boilerplate scoring -STRONG is a *strong* reason, -1 (modal, rail,
widget, more, teaser, tags, meta...) a *weak* one. Tags nav/footer/aside/form/button and the roles
navigation/contentinfo/complementary are strong reasons; a page ``<header>``, ``role="banner"`` and link
density (HTML_LINKS) are weak ones. A strong content name also exempts an element from HTML_LINKS.

Main content. The planning pass also measures "paragraph text" per element: the characters, outside
links, of rendered lines that are inside a ``<p>`` (>= ``P_MIN`` characters) or long (>= ``LONG_TEXT``,
which covers ``<div>``/``<br>`` paragraphs and text broken up by inline markup). "Content text" is the same
but leaves out subtrees with a strong reason (comments, share bars, related boxes, nav/footer/aside/form).
The main content is the deepest container (not a paragraph, list or table: ``NOT_MAIN``) on the path of
heaviest children holding >= ``MAIN_SHARE`` of the page's content text; a page with less than
``MIN_MAIN_TEXT`` of it, or whose main content would be the body itself, has none. The main content and its
ancestors are never pruned; inside it only strong reasons prune, and never an element holding more than
``INNER_SHARE`` of its paragraph text. Should that still leave less than ``KEEP_MAIN_SHARE`` of its
paragraph text, nothing inside it is pruned and ``HtmlDoc.warnings`` says so.

The older guards stay: ``<article>``/``<main>``/``role="main"`` (and ancestors of ``<main>`` or of an article
holding >= ``ARTICLE_SHARE`` of the paragraph text) are never pruned, nor is any element holding more than
``PROTECT_SHARE`` of the page's ``<p>`` text (text in ``<p>`` plus long bare text runs, as before) -- except
that an element with a strong reason, outside a main content that holds at least as much paragraph text, is
not the article (a big footer or comment section beside a found article still goes). A link-free
``<aside>`` inside an article (a pull quote) is kept. Everything is measured in one pass over the tree
(O(n) time; besides the open path only each open element's heaviest-child chain is kept); rendering is a
second pass.

Nothing here raises on bad input: unparsable pages give an empty ``HtmlDoc`` with a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from lxml import html as lh

__all__ = [
    "HTML_ASIDE",
    "HTML_ATTR",
    "HTML_FOOTER",
    "HTML_FORM",
    "HTML_HEADER",
    "HTML_LINKS",
    "HTML_NAV",
    "HtmlDoc",
    "html_to_text",
]

HTML_NAV = "HTML_NAV"
HTML_HEADER = "HTML_HEADER"
HTML_FOOTER = "HTML_FOOTER"
HTML_ASIDE = "HTML_ASIDE"
HTML_FORM = "HTML_FORM"
HTML_ATTR = "HTML_ATTR"
HTML_LINKS = "HTML_LINKS"

# Same sets as render_scraped.py: block elements break lines, DROP subtrees are invisible.
BLOCK = frozenset({
    "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "li", "ul", "ol",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "blockquote", "pre", "br",
    "figure", "figcaption", "form", "dd", "dt", "dl", "hr", "address", "button", "option", "label",
})  # fmt: skip
DROP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "textarea"})

_TAG_REASON = {
    "nav": HTML_NAV,
    "footer": HTML_FOOTER,
    "aside": HTML_ASIDE,
    "form": HTML_FORM,
    "button": HTML_FORM,
    "select": HTML_FORM,
}
_ROLE_REASON = {
    "navigation": HTML_NAV,
    "banner": HTML_HEADER,
    "contentinfo": HTML_FOOTER,
    "complementary": HTML_ASIDE,
}
_STRONG_ROLES = frozenset({"navigation", "contentinfo", "complementary"})

# --- class/id/itemprop name scoring (see the module docstring) -----------------------------------------
STRONG = 3  # weight of a strong name; weak names weigh 1

_STRONG_BOILERPLATE = (
    # navigation, page chrome
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar", "masthead",
    "copyright", "nocontent",
    # sharing, social
    "share", "sharing", "sharebar", "sharebuttons", "sharethis", "sharedaddy", "addthis", "addtoany",
    "social", "socialshare",
    # related / recommended / trending
    "related", "relatedposts", "recommended", "recommendations", "trending", "outbrain", "taboola", "yarpp",
    "recirculation", "recirc",
    # sign-up, consent
    "newsletter", "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "popup",
    # comments
    "comments", "comment", "disqus",
    # ads
    "advert", "advertisement", "adverts", "advertising", "ads", "adsbygoogle", "adsense", "sponsored", "promo",
    # German
    "teilen", "kommentare", "kommentar", "werbung", "anzeige", "anzeigen", "verwandte", "aehnliche",
    "ahnliche", "ähnliche", "empfehlungen", "fusszeile", "seitenleiste",
    # Spanish
    "compartir", "relacionados", "relacionadas", "relacionado", "relacionada", "publicidad", "anuncio",
    "anuncios", "comentarios", "suscripcion", "suscribete", "boletin",
    # Polish
    "udostepnij", "reklama", "reklamy", "powiazane", "komentarze", "polecane", "stopka",
    # French, Italian
    "partage", "partager", "publicite", "publicité", "commentaires", "condividi", "correlati", "pubblicita",
)  # fmt: skip
_WEAK_BOILERPLATE = (
    "modal", "rail", "widget", "more", "teaser", "tags", "meta", "overlay", "toolbar", "pagination", "pager",
    "mehr", "weiterlesen",
)  # fmt: skip
_CONTENT = (
    "article", "content", "contents", "entry", "hentry", "post", "story", "body", "text", "main", "prose",
    "artikel", "beitrag", "inhalt", "articulo", "contenido", "noticia", "cuerpo", "texto", "artykul", "tresc",
    "tekst", "contenu", "texte", "corps",
)  # fmt: skip
_STRONG_CONTENT = ("articlebody", "postbody", "postcontent", "entrycontent", "storybody", "artikeltext")

#: single tokens -> weight (negative: boilerplate, positive: content)
NAME_WEIGHTS: dict[str, int] = {
    **{t: -STRONG for t in _STRONG_BOILERPLATE},
    **{t: -1 for t in _WEAK_BOILERPLATE},
    **{t: 1 for t in _CONTENT},
    **{t: STRONG for t in _STRONG_CONTENT},
}
#: two adjacent tokens of one name, scored as a whole ("ad" alone is too short to trust everywhere)
PAIR_WEIGHTS: dict[tuple[str, str], int] = {
    **{pair: -STRONG for pair in (
        ("ad", "slot"), ("ad", "container"), ("ad", "wrapper"), ("ad", "unit"), ("ad", "banner"), ("ad", "box"),
        ("more", "stories"), ("more", "news"), ("most", "popular"), ("most", "read"), ("you", "may"),
        ("articles", "lies"), ("lire", "aussi"), ("voir", "aussi"), ("meme", "sujet"), ("leer", "mas"),
        ("czytaj", "wiecej"), ("auch", "interessant"), ("read", "more"),
    )},
    **{pair: -1 for pair in (("tag", "list"), ("author", "box"), ("author", "bio"))},
    **{pair: STRONG for pair in (
        ("entry", "content"), ("entry", "body"), ("entry", "text"), ("post", "content"), ("post", "body"),
        ("post", "text"), ("post", "entry"), ("article", "body"), ("article", "content"), ("article", "text"),
        ("story", "body"), ("story", "content"), ("story", "text"), ("rich", "text"), ("field", "body"),
        ("name", "body"), ("parser", "output"), ("artikel", "text"), ("artikel", "body"), ("artikel", "inhalt"),
        ("beitrag", "text"), ("articulo", "cuerpo"), ("cuerpo", "noticia"), ("texto", "noticia"),
        ("tresc", "artykulu"), ("article", "texte"), ("contenu", "article"),
    )},
}  # fmt: skip
#: a name that is exactly these tokens (the single tokens are weak inside a longer name). ("read", "more") is a
#: strong pair, yet "entry-content-read-more" (a body class with a read-more modifier) stays content: a strong
#: content compound wins within a name
WHOLE_NAME_WEIGHTS: dict[tuple[str, ...], int] = {
    ("readmore",): -STRONG, ("more", "link"): -STRONG, ("weiterlesen",): -STRONG, ("lire", "la", "suite"): -STRONG,
}  # fmt: skip
#: a name starting with one of these is a state or layout flag of a wrapper and scores 0: "has-sidebar",
#: "has-section-nav", "no-comments", "with-ads", "is-sticky"
STATE_PREFIXES = frozenset({"has", "no", "with", "without", "is"})
#: ...a name with one of these tokens is embedded content, not boilerplate ("social-embed", "pullquote-embed")
EMBED_TOKENS = frozenset({"embed", "embedded", "pullquote"})

# "paragraph text": non-link text of rendered lines inside <p> (>= P_MIN characters) or long (>= LONG_TEXT:
# sites that write paragraphs as <div>/<br>)
LONG_TEXT = 60
P_MIN = 25
PROTECT_SHARE = 0.5  # an element holding more than this share of the page's <p> text is never pruned
ARTICLE_SHARE = 0.2  # an <article> counts as "the article" (protecting its ancestors) above this share
# main content: the deepest container holding MAIN_SHARE of the page's content text
MAIN_SHARE = 0.6
MIN_MAIN_TEXT = 100  # a page with less content text has no main content (the guards above still hold)
INNER_SHARE = 0.15  # inside the main content, never prune an element holding more than this share of it
KEEP_MAIN_SHARE = 0.5  # ...nor leave less than this share of it: then it is kept unpruned, with a warning
# ...which is a container: the main content is never one of these
NOT_MAIN = frozenset({
    "p", "ul", "ol", "dl", "li", "dd", "dt", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "address", "label", "button", "a", "b", "i", "em",
    "strong", "code", "small", "",
})  # fmt: skip

# link-density pruning: these containers go when >= MIN_LINKS links make up >= LINK_DENSITY of their text
LINK_BLOCKS = frozenset({"ul", "ol", "div", "section", "table", "dl"})
MIN_LINKS = 3
LINK_DENSITY = 0.8
LINKS_IN_ARTICLE = True

_WS = re.compile(r"\s+")
_TOKEN_SPLIT = re.compile(r"[-_\s]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")


def _parser(encoding: str | None = None) -> lh.HTMLParser:
    # a fresh parser per call: its error_log is ours alone (thread-safe), and huge_tree lifts libxml2's
    # 10 MB text-node limit (nesting deeper than 2048 is still cut off; we warn about that)
    return lh.HTMLParser(huge_tree=True, encoding=encoding)


def _decode(raw: bytes, warnings: list[str]) -> str:
    """Bytes -> str: BOM, else UTF-8, else cp1252 (with a warning). Never raises."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        warnings.append("HTML bytes are not UTF-8; decoded as cp1252")
        return raw.decode("cp1252", errors="replace")


@dataclass(frozen=True)
class HtmlDoc:
    """Text blocks of one HTML page plus the metadata hints found in it."""

    title: str
    text: str
    dropped: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    published: str = ""
    byline: str = ""


def _collapse(s: str | None) -> str:
    return _WS.sub(" ", s or "").strip()


def _tokens(value: str) -> list[str]:
    out = []
    for part in _TOKEN_SPLIT.split(value):
        if part:
            out.extend(p.lower() for p in _CAMEL.split(part) if p)
    return out


def _one_name_score(toks: list[str]) -> int:
    """Score of one class name (or id) from its tokens: a strong content compound wins, then a strong
    boilerplate token, else the strongest content and boilerplate weights add up."""
    if toks[0] in STATE_PREFIXES:
        return 0
    whole = WHOLE_NAME_WEIGHTS.get(tuple(toks))
    if whole is not None:
        return whole
    pos = neg = 0
    for t in toks:
        w = NAME_WEIGHTS.get(t, 0)
        if w > pos:
            pos = w
        elif w < neg:
            neg = w
    for pair in pairwise(toks):
        w = PAIR_WEIGHTS.get(pair, 0)
        if w > pos:
            pos = w
        elif w < neg:
            neg = w
    if pos >= STRONG:
        return pos
    if neg <= -STRONG:
        return neg
    return pos + neg


@lru_cache(maxsize=8192)
def _value_score(value: str) -> tuple[int, int]:
    """(best content score, worst boilerplate score) over the whitespace-separated names of an attribute."""
    pos = neg = 0
    embed = False
    for name in value.split():
        toks = _tokens(name)
        if not toks:
            continue
        embed = embed or any(t in EMBED_TOKENS for t in toks)
        s = _one_name_score(toks)
        if "__" in name:  # BEM "block__element": a boilerplate element of a content block is boilerplate
            elem = _tokens(name.rsplit("__", 1)[1])
            if elem:
                e = _one_name_score(elem)
                if e <= -STRONG:
                    s = e
        if s > pos:
            pos = s
        elif s < neg:
            neg = s
    return pos, (0 if embed else neg)


def _name_score(el) -> int:
    """The element's name score: > 0 content, < 0 boilerplate, +-STRONG strong (see the module docstring)."""
    pos = neg = 0
    for attr in ("class", "id", "itemprop"):
        value = el.get(attr)
        if value:
            p, n = _value_score(value)
            if p > pos:
                pos = p
            if n < neg:
                neg = n
    if pos >= STRONG or (pos > 0 and neg > -STRONG):
        return pos
    return neg


def _attr_reason(el, score: int) -> tuple[str | None, bool]:
    """Reason code and strength from the element's role and names alone."""
    role = el.get("role")
    if role:
        role = role.strip().lower()
        if role in _ROLE_REASON:
            return _ROLE_REASON[role], role in _STRONG_ROLES
    if score < 0:
        return HTML_ATTR, score <= -STRONG
    return None, False


def _candidate_reason(el, tag: str, in_article: bool, score: int) -> tuple[str | None, bool]:
    """Why ``el`` would be pruned (before the content guards) and whether that reason is strong."""
    reason = _TAG_REASON.get(tag)
    if reason:
        return reason, True
    if tag == "header" and not in_article:
        return HTML_HEADER, False
    return _attr_reason(el, score)


def _walk(root):
    """Yield ``(True, el)`` on entering and ``(False, el)`` on leaving each node of ``root``'s subtree,
    comments and PIs included (their tails carry text), without descending into DROP elements or
    non-elements. Iterative, so deep trees cannot hit the recursion limit."""
    yield True, root
    if isinstance(root.tag, str) and root.tag not in DROP:
        stack = [(root, iter(root))]
        while stack:
            parent, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                yield False, parent
                continue
            yield True, child
            tag = child.tag
            if isinstance(tag, str) and tag not in DROP and len(child):
                stack.append((child, iter(child)))
            else:
                yield False, child
    else:
        yield False, root


def _nchars(s: str | None) -> int:
    return len(s) - s.count(" ") - s.count("\n") - s.count("\t") if s else 0


def _count_text(frame: _Frame, tx: str, in_p: int, in_a: int) -> int:
    """Add the visible characters of ``tx`` (an element's text or tail) to ``frame``'s counters; return how many
    of them are outside links (they extend the line being rendered)."""
    n = _nchars(tx)
    if not n:
        return 0
    frame.chars += n
    if in_p or (n >= LONG_TEXT and not in_a):
        frame.p += n
    if in_a:
        frame.link_chars += n
        return 0
    return n


class _Frame:
    """Per-element counters of the planning pass. Only the current root-to-node path is alive, plus each
    open element's heaviest child chain (``best_c``) from which the main content is picked."""

    __slots__ = ("anc", "article_p", "best_c", "chars", "ctxt", "el", "in_article", "link_chars",
                 "links", "main", "p", "post", "pre", "reason", "score", "strong", "tag", "txt")

    def __init__(self, el, tag: str, reason: str | None, strong: bool, score: int, in_article: bool,
                 pre: int) -> None:
        self.el = el
        self.tag = tag
        self.reason = reason
        self.strong = strong  # a strong reason prunes inside the main content too
        self.score = score  # name score
        self.in_article = in_article
        self.pre = pre  # entry / exit order: descendant test without walking the tree
        self.post = 0
        self.p = 0  # visible characters inside <p> or in long bare text runs (the PROTECT_SHARE guard)
        self.txt = 0  # paragraph text: non-link characters of paragraph-like lines
        self.ctxt = 0  # content text: paragraph text outside strongly boilerplate subtrees
        self.chars = 0  # visible characters
        self.link_chars = 0  # visible characters inside <a href>
        self.links = 0
        self.main = False  # is or holds a <main> / role="main"
        self.article_p = 0  # largest ``p`` of an <article> inside (or self)
        self.best_c = None  # child with the most content text
        self.anc = False  # the main content or one of its ancestors


def _plan_pruning(root, warnings: list[str] | None = None) -> dict:
    """One pass over the tree: the elements to prune, mapped to their reason code.

    Bottom-up it counts each element's paragraph, content and link characters and keeps each element's
    heaviest child, so the main content and the guards cost O(n) in total (see the module docstring).
    Warnings (main content kept unpruned) are appended to ``warnings``.
    """
    candidates: list[_Frame] = []
    stack: list[_Frame] = []
    top = None
    in_p = in_a = article_depth = 0
    line_n = 0  # non-link characters of the line being rendered
    line_p = False  # ...some of it inside a <p>
    order = 0

    for start, el in _walk(root):
        tag = el.tag if isinstance(el.tag, str) else ""
        if start:
            if line_n and tag in BLOCK:  # a block starts: the line so far belongs to the parent
                if line_n >= LONG_TEXT or (line_p and line_n >= P_MIN):
                    f = stack[-1]
                    f.txt += line_n
                    f.ctxt += line_n
                line_n = 0
                line_p = False
            if tag and tag not in DROP:
                in_article = article_depth > 0
                score = _name_score(el)
                reason, strong = _candidate_reason(el, tag, in_article, score)
                frame = _Frame(el, tag, reason, strong, score, in_article, order)
                if tag == "p":
                    in_p += 1
                elif tag == "a" and el.get("href") is not None:
                    in_a += 1
                    frame.links = 1
                elif tag in ("article", "main"):
                    article_depth += 1
                elif el.get("role") == "main":
                    frame.main = True
                stack.append(frame)
                tx = el.text
                if tx:
                    n = _count_text(frame, tx, in_p, in_a)
                    if n:
                        line_n += n
                        line_p = line_p or in_p > 0
            else:
                stack.append(_Frame(el, tag, None, False, 0, False, order))
            order += 1
            continue
        if line_n and (tag in BLOCK or len(stack) == 1):  # a block ends: its last line is its own
            if line_n >= LONG_TEXT or (line_p and line_n >= P_MIN):
                f = stack[-1]
                f.txt += line_n
                f.ctxt += line_n
            line_n = 0
            line_p = False
        frame = stack.pop()
        frame.post = order
        order += 1
        if tag == "p":
            in_p -= 1
        elif tag == "a" and frame.links:
            in_a -= 1
        elif tag == "main":
            article_depth -= 1
            frame.main = True
        elif tag == "article":
            article_depth -= 1
            frame.article_p = max(frame.article_p, frame.p)
        if frame.reason is not None:
            if frame.reason == HTML_ASIDE and tag == "aside" and frame.in_article and not frame.links:
                # a link-free <aside> inside the article is a pull quote or fact box, unless marked otherwise
                frame.reason, frame.strong = _attr_reason(el, frame.score)
        elif tag in LINK_BLOCKS and frame.score < STRONG and (LINKS_IN_ARTICLE or not frame.in_article) \
                and _link_heavy(frame):
            frame.reason = HTML_LINKS
        if frame.reason is not None:
            candidates.append(frame)
        if stack:
            parent = stack[-1]
            t = frame.txt
            if t:
                parent.txt += t
                c = frame.ctxt
                if c and not (frame.strong and frame.reason is not None):
                    parent.ctxt += c
                    if parent.best_c is None or c > parent.best_c.ctxt:
                        parent.best_c = frame
            if frame.chars:
                parent.p += frame.p
                parent.chars += frame.chars
                parent.link_chars += frame.link_chars
            parent.links += frame.links
            if frame.main:
                parent.main = True
            if frame.article_p > parent.article_p:
                parent.article_p = frame.article_p
            tx = el.tail
            if tx:
                n = _count_text(parent, tx, in_p, in_a)
                if n:
                    line_n += n
                    line_p = line_p or in_p > 0
        else:
            top = frame
    if top is None:
        return {}
    main = _main_content(top)
    use_p = top.p >= 200 or top.p >= 0.25 * top.chars
    denom = top.p if use_p else top.chars
    plan = {}
    inner: list[_Frame] = []
    for f in candidates:
        if f.anc or f.tag in ("article", "main") or f.main:
            continue
        if f.article_p and f.article_p >= ARTICLE_SHARE * max(top.p, 1):
            continue
        inside = main is not None and main.pre < f.pre and f.post < main.post
        # the share guard protects an unknown article; a strong reason outside a main content that holds at
        # least as much paragraph text is not the article
        if not (f.strong and main is not None and not inside and main.txt >= f.txt):
            share = (f.p if use_p else f.chars) / denom if denom else 0.0
            if share > PROTECT_SHARE:
                continue
        if inside:
            if not f.strong or f.txt > INNER_SHARE * main.txt:
                continue
            inner.append(f)
        plan[f.el] = f.reason
    if inner:
        lost, end = 0, -1
        for f in sorted(inner, key=lambda f: f.pre):
            if f.pre > end:  # not nested in an element already counted
                lost += f.txt
                end = f.post
        if main.txt - lost < KEEP_MAIN_SHARE * main.txt:
            for f in inner:
                del plan[f.el]
            if warnings is not None:
                warnings.append("pruning would have removed most of the main content; kept the main content "
                                "unpruned")
    return plan


def _main_content(top: _Frame) -> _Frame | None:
    """The deepest container holding >= MAIN_SHARE of the page's content text, found by following the
    heaviest children down from ``top`` (a paragraph, list or table holding that much makes its container the
    main content); it and its ancestors are marked ``anc``. None when the page has too little content text or
    the main content is ``top`` itself."""
    if top.ctxt < MIN_MAIN_TEXT:
        return None
    need = MAIN_SHARE * top.ctxt
    node = main = top
    while (child := node.best_c) is not None and child.ctxt >= need:
        node = child
        if node.tag not in NOT_MAIN:
            main = node
    if main is top:
        return None
    f = top
    while f is not main:
        f.anc = True
        f = f.best_c
    main.anc = True
    return main


def _link_heavy(f: _Frame) -> bool:
    """A list/box that is nearly all link text: menus, "more stories", tag clouds, footers."""
    return f.links >= MIN_LINKS and f.chars > 0 and f.link_chars >= LINK_DENSITY * f.chars


def _render(root, plan: dict) -> tuple[list[str], list[tuple[str, str]]]:
    """render_scraped's walk, iterative, with pruned subtrees diverted into ``dropped``."""
    lines: list[str] = []
    dropped: list[tuple[str, str]] = []
    kept_cur: list[str] = []
    pruned_lines: list[str] = []
    pruned_cur: list[str] = []
    pruning = None  # the outermost pruned element we are inside, if any
    out, cur = lines, kept_cur

    def flush(out: list[str], cur: list[str]) -> None:
        if cur:
            t = _collapse("".join(cur))
            if t:
                out.append(t)
            cur.clear()

    for start, el in _walk(root):
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in DROP:
            if not start and el.tail:
                cur.append(el.tail)
            continue
        block = tag in BLOCK
        if start:
            if block:
                flush(out, cur)
            if pruning is None and plan and el in plan:
                pruning = el
                out, cur = pruned_lines, pruned_cur
            if el.text:
                cur.append(el.text)
            continue
        if block:
            flush(out, cur)
        if el is pruning:
            flush(out, cur)
            reason = plan[el]
            dropped.extend((t, reason) for t in pruned_lines)
            pruned_lines.clear()
            pruning = None
            out, cur = lines, kept_cur
        if el.tail:
            cur.append(el.tail)
    flush(out, cur)
    if pruning is not None:  # cannot happen with a balanced walk; be safe anyway
        dropped.extend((t, plan[pruning]) for t in pruned_lines)
    flush(lines, kept_cur)
    return lines, dropped


def _meta(doc) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in doc.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = _collapse(m.get("content"))
        if key and content and key not in found:
            found[key] = content
    return found


def _strip_site_suffix(title: str, site: str = "", generic: bool = True) -> str:
    if site:
        for sep in _TITLE_SEP.finditer(title):
            if _collapse(title[sep.end():]).lower() == site.lower() and sep.start() > 0:
                return title[: sep.start()].strip()
            if _collapse(title[: sep.start()]).lower() == site.lower() and sep.end() < len(title):
                return title[sep.end():].strip()
    if not generic:
        return title
    # "Headline | Site", "Headline - Section - Site": strip short trailing segments; a long trailing
    # segment is part of the headline ("Topic – a long subtitle") and stays
    sep_kind = None
    while True:
        matches = list(_TITLE_SEP.finditer(title))
        if not matches:
            return title
        last = matches[-1]
        head, tail = title[: last.start()].strip(), title[last.end():].strip()
        kind = last.group().strip()
        if sep_kind is not None and kind != sep_kind:
            return title
        if not head or len(tail.split()) > 5 or len(tail) >= len(head):
            return title
        title, sep_kind = head, kind


def _title(doc, meta: dict[str, str]) -> str:
    site = meta.get("og:site_name") or meta.get("application-name") or ""
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            return _strip_site_suffix(meta[key], site, generic=False)
    h1 = None
    for container in ("main", "article"):
        for c in doc.iter(container):
            h1 = next(iter(c.iter("h1")), None)
            if h1 is not None:
                break
        if h1 is not None:
            break
    if h1 is None:
        h1 = next(iter(doc.iter("h1")), None)
    if h1 is not None:
        t = _collapse(h1.text_content())
        if t:
            return t
    t_el = next(iter(doc.iter("title")), None)
    if t_el is not None:
        t = _collapse(t_el.text_content())
        if t:
            return _strip_site_suffix(t, site)
    return ""


def _published(doc, meta: dict[str, str]) -> str:
    for key in ("article:published_time", "og:published_time", "datepublished", "pubdate",
                "publish-date", "publishdate", "dc.date.issued", "date"):
        if meta.get(key):
            return meta[key]
    for t in doc.iter("time"):
        if t.get("datetime"):
            return t.get("datetime").strip()
    return ""


def _byline(meta: dict[str, str]) -> str:
    author = meta.get("author") or ""
    if not author:
        a = meta.get("article:author") or ""
        if a and not a.lower().startswith(("http://", "https://", "www.")):
            author = a
    return author


def _empty(warnings: list[str]) -> HtmlDoc:
    return HtmlDoc(title="", text="", dropped=(), warnings=tuple(warnings))


def html_to_text(html: str, *, prune: bool = True) -> HtmlDoc:
    """Render ``html`` as text blocks (one per line, blank line between), optionally pruning boilerplate.

    Never raises: on input lxml cannot parse, returns an empty ``HtmlDoc`` with a warning.
    """
    warnings: list[str] = []
    if html is None:
        return _empty(["empty HTML"])
    if isinstance(html, (bytes, bytearray, memoryview)):
        html = _decode(bytes(html), warnings)
    elif not isinstance(html, str):
        return _empty([f"could not parse HTML: expected str, got {type(html).__name__}"])
    page = _XML_DECL.sub("", html.lstrip("\ufeff"))
    if _BAD_CHARS.search(page):
        page = _BAD_CHARS.sub("", page)
        warnings.append("removed control characters from HTML")
    if not page.strip():
        return _empty(warnings + ["empty HTML"])
    parser = _parser()
    try:
        try:
            root = lh.fromstring(page, parser=parser)
        except ValueError:  # e.g. an encoding declaration that is not at the very top: parse as UTF-8 bytes
            parser = _parser("utf-8")
            root = lh.fromstring(page.encode("utf-8", errors="replace"), parser=parser)
    except Exception as e:  # noqa: BLE001 - lxml raises ParserError/ValueError/...; never propagate
        return _empty(warnings + [f"could not parse HTML: {type(e).__name__}: {e}"])
    if root is None:
        return _empty(warnings + ["could not parse HTML: no root element"])
    fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
    if fatal:
        warnings.append(f"HTML parse error, text may be incomplete: {fatal[0].message}")
    try:
        doc = root.getroottree().getroot()
        body = root.find(".//body")
        text_root = body if body is not None else root
        plan = _plan_pruning(text_root, warnings) if prune else {}
        lines, dropped = _render(text_root, plan)
        if prune and not lines and dropped:
            warnings.append("pruning removed all text; kept the page unpruned")
            lines, dropped = _render(text_root, {})
        meta = _meta(doc)
        title = _title(doc, meta)
        published = _published(doc, meta)
        byline = _byline(meta)
    except Exception as e:  # noqa: BLE001  # pragma: no cover - defensive: a malformed tree must not crash the pipeline
        return _empty(warnings + [f"could not parse HTML: {type(e).__name__}: {e}"])
    if lines:
        lines[-1] += "\n"      # not join(...) + "\n": that copies the whole text once more
    text = "\n\n".join(lines)
    return HtmlDoc(
        title=title,
        text=text,
        dropped=tuple(dropped),
        warnings=tuple(warnings),
        published=published,
        byline=byline,
    )
