"""Peer cleaners that mediacheck is compared against.

Over plain scraped text (one text block per line, blank lines between blocks, as
``../shared/tools/render_scraped.py`` makes it): :func:`no_cleaning`, :func:`c4_line_filter`,
:func:`justext_lines`, :func:`trafilatura_lines`. Over the original page: :func:`trafilatura_html`.
Each takes one page and returns the kept text, lines joined by ``\\n``.

jusText and trafilatura are optional (``pip install -e .[bench]``); they are imported on first use.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Callable

__all__ = [
    "C4_END_MARKS",
    "C4_MIN_WORDS",
    "C4_POLICY_SUBSTRINGS",
    "HTML_PEERS",
    "TEXT_PEERS",
    "c4_keep_line",
    "c4_line_filter",
    "justext_lines",
    "lines_to_html",
    "no_cleaning",
    "trafilatura_html",
    "trafilatura_lines",
]


def _lines(text: str) -> list[str]:
    return [s for s in (line.strip() for line in (text or "").splitlines()) if s]


def no_cleaning(text: str) -> str:
    """The scraped text as is (non-empty lines, stripped)."""
    return "\n".join(_lines(text))


# --- C4 -----------------------------------------------------------------------------------------------
# Line rules of C4 (Raffel et al. 2020, sec. 2.2; tensorflow_datasets c4_utils.clean_page): keep a line only
# if it ends in terminal punctuation, has at least 3 words, does not mention javascript and has no policy
# boilerplate ("privacy policy", "uses cookies", ...). Citation markers ([1], [edit]) are removed as in C4.
#
# Two deliberate choices, both needed to reproduce the C4 row of ../shared/README.md exactly
# (P 0.789 R 0.889 F1 0.836):
# * terminal marks are C4's ``. ! ? "`` plus the typographic closing double quote (scraped news is full of
#   them; without it recall drops to ~0.82);
# * c4_utils also drops lines ending in "..." -- off by default here (``drop_ellipsis=True`` turns it on:
#   P 0.804 R 0.886 F1 0.843).
# The page-level rules of C4 (drop pages with < 5 sentences, with "lorem ipsum", "{" or bad words) are
# corpus filters, not cleaning, and are left out: a cleaner must return something for every page.
C4_END_MARKS = (".", "!", "?", '"', "\u201d")
C4_ELLIPSIS = ("...", "\u2026")
C4_MIN_WORDS = 3
C4_POLICY_SUBSTRINGS = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
_C4_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]", re.IGNORECASE)


def c4_keep_line(line: str, *, drop_ellipsis: bool = False) -> str | None:
    """The line as C4 would keep it (citation markers removed), or ``None`` if C4 drops it."""
    line = _C4_CITATION.sub("", line).strip()
    if not line.endswith(C4_END_MARKS) or (drop_ellipsis and line.endswith(C4_ELLIPSIS)):
        return None
    if len(line.split()) < C4_MIN_WORDS:
        return None
    lower = line.lower()
    if "javascript" in lower:
        return None
    if any(p in lower for p in C4_POLICY_SUBSTRINGS):
        return None
    return line


def c4_line_filter(text: str, *, drop_ellipsis: bool = False) -> str:
    """C4's line filter over scraped text (one block per line)."""
    kept = (c4_keep_line(line, drop_ellipsis=drop_ellipsis) for line in _lines(text))
    return "\n".join(k for k in kept if k)


# --- HTML-based peers fed with scraped text -------------------------------------------------------------


def lines_to_html(text: str) -> str:
    """A minimal page with each non-empty line as its own ``<p>`` (text HTML-escaped)."""
    body = "\n".join(f"<p>{_html.escape(line, quote=False)}</p>" for line in _lines(text))
    return f"<html><head><meta charset=\"utf-8\"></head><body>\n{body}\n</body></html>"


_JUSTEXT_STOPLIST: frozenset[str] | None = None


def justext_lines(text: str) -> str:
    """jusText 3 (default parameters, English stoplist) over the lines, each wrapped in ``<p>``."""
    global _JUSTEXT_STOPLIST
    import justext

    if _JUSTEXT_STOPLIST is None:
        _JUSTEXT_STOPLIST = justext.get_stoplist("English")
    if not _lines(text):
        return ""
    paragraphs = justext.justext(lines_to_html(text).encode("utf-8"), _JUSTEXT_STOPLIST, encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_lines(text: str) -> str:
    """trafilatura (defaults) over the lines, each wrapped in ``<p>`` in a minimal page."""
    import trafilatura

    if not _lines(text):
        return ""
    return trafilatura.extract(lines_to_html(text)) or ""


def trafilatura_html(page: str, url: str | None = None) -> str:
    """trafilatura on the original HTML page, comments excluded."""
    import trafilatura

    if not page:
        return ""
    return trafilatura.extract(page, url=url, include_comments=False) or ""


TEXT_PEERS: dict[str, Callable[[str], str]] = {
    "no cleaning": no_cleaning,
    "C4 line rules": c4_line_filter,
    "jusText (lines as <p>)": justext_lines,
    "trafilatura (lines as <p>)": trafilatura_lines,
}
HTML_PEERS: dict[str, Callable[[str], str]] = {
    "trafilatura (html)": trafilatura_html,
}
