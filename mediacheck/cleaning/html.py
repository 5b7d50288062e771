"""HTML page -> text blocks for the line-based cleaner.

``html_to_text`` renders the visible text of ``<body>`` exactly the way the benchmark's naive scraper
(``render_scraped.py``) does -- one block per line, a blank line between blocks, whitespace collapsed,
``script``/``style``/... dropped -- so the same plain-text cleaner runs on scraped text and on HTML.

With ``prune=True`` it also uses what only the DOM knows: blocks inside ``nav``/``header``/``footer``/
``aside``/``form`` elements, ARIA landmark roles, elements whose class/id tokens mark boilerplate
(HTML_ATTR) and link lists whose text is >= 80% link text (HTML_LINKS) are dropped and recorded in
``HtmlDoc.dropped`` with a reason code. Pruning is guarded so it cannot eat the article:
``<article>``/``<main>`` (and ancestors of ``<main>`` or of an article holding >= 20% of the paragraph text)
are never pruned, nor is any element holding more than half of the page's paragraph text (text in ``<p>``
plus long bare text runs). A link-free ``<aside>`` inside an article (a pull quote) is kept.

Nothing here raises on bad input: unparsable pages give an empty ``HtmlDoc`` with a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
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
# class/id tokens (after splitting on -, _, whitespace and camelCase, lower-cased) that mark boilerplate.
BOILERPLATE_TOKENS = frozenset({
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar",
    "share", "sharing", "sharebar", "social", "related", "recommended", "recommendations",
    "newsletter", "subscribe", "subscription", "cookie", "cookies", "consent", "gdpr",
    "comments", "comment", "disqus", "advert", "advertisement", "adverts", "ads", "adsbygoogle",
    "promo", "popup", "modal", "outbrain", "taboola", "masthead", "signup", "rail", "nocontent",
    "copyright", "trending",
})  # fmt: skip
# token pairs that only mark boilerplate together ("ad" alone is too short to trust everywhere)
BOILERPLATE_PAIRS = frozenset({
    ("ad", "slot"), ("ad", "container"), ("ad", "wrapper"), ("ad", "unit"), ("ad", "banner"),
    ("ad", "box"), ("more", "stories"), ("more", "news"), ("read", "more"), ("most", "popular"),
    ("most", "read"), ("tag", "list"), ("you", "may"),
})  # fmt: skip
# ...unless a token says the element is embedded content ("social-embed", "pullquote-embed")
CONTENT_TOKENS = frozenset({"embed", "embedded", "pullquote"})
# "paragraph text": text inside <p>, plus long bare text runs (sites that write paragraphs as <div>/<br>)
LONG_TEXT = 60
PROTECT_SHARE = 0.5  # an element holding more than this share of the page's paragraph text is never pruned
ARTICLE_SHARE = 0.2  # an <article> counts as "the article" (protecting its ancestors) above this share

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


def _attr_boilerplate(el) -> bool:
    for name in ("class", "id"):
        value = el.get(name)
        if not value:
            continue
        toks = _tokens(value)
        if any(t in CONTENT_TOKENS for t in toks):
            return False
        if any(t in BOILERPLATE_TOKENS for t in toks):
            return True
        if any(pair in BOILERPLATE_PAIRS for pair in pairwise(toks)):
            return True
    return False


def _candidate_reason(el, tag: str, in_article: bool) -> str | None:
    """Why ``el`` would be pruned (before the content guards), or None."""
    reason = _TAG_REASON.get(tag)
    if reason:
        return reason
    if tag == "header" and not in_article:
        return HTML_HEADER
    return _attr_reason(el)


def _attr_reason(el) -> str | None:
    role = (el.get("role") or "").strip().lower()
    if role in _ROLE_REASON:
        return _ROLE_REASON[role]
    if _attr_boilerplate(el):
        return HTML_ATTR
    return None


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


class _Frame:
    """Per-element counters of the planning pass (only the current root-to-node path is alive)."""

    __slots__ = ("article_p", "chars", "el", "in_article", "link_chars", "links", "main", "p", "reason", "tag")

    def __init__(self, el, tag: str, reason: str | None, in_article: bool = False) -> None:
        self.el = el
        self.in_article = in_article
        self.tag = tag
        self.reason = reason
        self.p = 0  # visible characters inside <p>
        self.chars = 0  # visible characters
        self.link_chars = 0  # visible characters inside <a href>
        self.links = 0
        self.main = False  # holds a <main>
        self.article_p = 0  # largest paragraph count of an <article> inside (or self)


def _plan_pruning(root) -> dict:
    """One pass over the tree: the elements to prune, mapped to their reason code.

    Bottom-up it counts each element's paragraph (<p>) and link characters, so the guards cost O(n)
    in total: an element is kept if it is an <article>/<main>, an ancestor of <main> or of a
    substantial <article>, or holds more than PROTECT_SHARE of the page's paragraph text (of all
    visible text when the page has hardly any <p> text).
    """
    candidates: list[_Frame] = []
    stack: list[_Frame] = []
    top = _Frame(None, "", None)
    in_p = in_a = article_depth = 0

    def add(tx: str | None) -> None:
        n = _nchars(tx)
        if n and stack:
            frame = stack[-1]
            frame.chars += n
            if in_p or (n >= LONG_TEXT and not in_a):
                frame.p += n
            if in_a:
                frame.link_chars += n

    for start, el in _walk(root):
        tag = el.tag if isinstance(el.tag, str) else ""
        visible = bool(tag) and tag not in DROP
        if start:
            reason = _candidate_reason(el, tag, article_depth > 0) if visible else None
            stack.append(_Frame(el, tag, reason, article_depth > 0))
            if tag == "p":
                in_p += 1
            elif tag == "a" and el.get("href") is not None:
                in_a += 1
                stack[-1].links = 1
            elif tag in ("article", "main"):
                article_depth += 1
            if visible:
                add(el.text)
            continue
        frame = stack.pop()
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
        if frame.reason == HTML_ASIDE and tag == "aside" and frame.in_article and not frame.links:
            # a link-free <aside> inside the article is a pull quote or fact box, unless marked otherwise
            frame.reason = _attr_reason(el)
        if frame.reason is None and tag in LINK_BLOCKS and (LINKS_IN_ARTICLE or not frame.in_article) \
                and _link_heavy(frame):
            frame.reason = HTML_LINKS
        if frame.reason is not None:
            candidates.append(frame)
        if stack:
            parent = stack[-1]
            parent.p += frame.p
            parent.chars += frame.chars
            parent.link_chars += frame.link_chars
            parent.links += frame.links
            parent.main = parent.main or frame.main
            parent.article_p = max(parent.article_p, frame.article_p)
            add(el.tail)
        else:
            top = frame
    use_p = top.p >= 200 or top.p >= 0.25 * top.chars
    denom = top.p if use_p else top.chars
    plan = {}
    for f in candidates:
        if f.tag in ("article", "main") or f.main:
            continue
        if f.article_p and f.article_p >= ARTICLE_SHARE * max(top.p, 1):
            continue
        share = (f.p if use_p else f.chars) / denom if denom else 0.0
        if share > PROTECT_SHARE:
            continue
        plan[f.el] = f.reason
    return plan


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
        plan = _plan_pruning(text_root) if prune else {}
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
