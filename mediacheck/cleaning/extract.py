"""Optional main-content extraction for HTML with trafilatura (the ``html`` extra).

trafilatura decides which blocks of a page are the article; mediacheck keeps its own rendering of the page
and only uses trafilatura's output as a filter, so every block trafilatura left out is still listed in
``removed`` (code ``HTML_EXTRACTOR``) and every body line is still a line of the page.
"""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache

from mediacheck.textutil import collapse_spaces, composed

EXTRACTORS = ("auto", "builtin", "trafilatura")
_FIELD_CODES = ("BP_BYLINE", "BP_DATELINE")


@lru_cache(maxsize=1)
def trafilatura_available() -> bool:
    """Whether trafilatura is installed: found, not imported (importing it takes about 0.2 s, which a run on
    plain text must not pay)."""
    try:
        return importlib.util.find_spec("trafilatura") is not None
    except (ImportError, ValueError):
        return False


def resolve(extractor: str) -> str:
    """The extractor that will run: 'auto' means trafilatura when it is installed, else the builtin pruner."""
    if extractor not in EXTRACTORS:
        raise ValueError(f"unknown HTML extractor {extractor!r}; choose one of {', '.join(EXTRACTORS)}")
    if extractor == "auto":
        return "trafilatura" if trafilatura_available() else "builtin"
    if extractor == "trafilatura" and not trafilatura_available():
        raise ValueError("the trafilatura extractor needs the 'html' extra: pip install 'mediacheck[html]'")
    return extractor


def main_content(html: str) -> str | None:
    """trafilatura's main text of ``html`` (None when it finds none or fails)."""
    import trafilatura

    try:
        return trafilatura.extract(html, include_comments=False, include_tables=True, include_images=False,
                                   deduplicate=False, favor_recall=False)
    except Exception:  # noqa: BLE001 - a third-party parser must never stop the batch
        return None


# Characters trafilatura drops that render as nothing (besides the soft hyphen): zero-width space/joiners, word
# joiner, BOM.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def comparable(s: str) -> str:
    """The form both sides are compared in: ``composed`` (NFC, as trafilatura composes u + combining diaeresis
    into ü, and no soft hyphens), no zero-width characters (it drops them), whitespace collapsed."""
    if not s.isascii():
        s = _ZERO_WIDTH.sub("", composed(s))
    return collapse_spaces(s)


def filter_lines(text: str, extracted: str) -> tuple[str, list[tuple[int, str]]]:
    """Blank out the lines of ``text`` that are not in ``extracted`` (compared after ``comparable``).

    Returns the text with those lines emptied (line numbers unchanged) and the (1-based line, text) of each.
    """
    ext_lines = {comparable(s) for s in extracted.split("\n")}
    ext_flat = comparable(extracted)
    from mediacheck.cleaning.rules import match_line

    in_flat: dict[str, bool] = {}      # one scan of ext_flat per distinct line (pages repeat "Advertisement")

    def inside(s: str) -> bool:
        hit = in_flat.get(s)
        if hit is None:
            hit = in_flat[s] = s in ext_flat
        return hit

    out, dropped = [], []
    for i, raw in enumerate(text.split("\n")):
        s = comparable(raw)
        # Bylines and datelines stay for the cleaner, which keeps them as fields.
        if not s or s in ext_lines or (len(s) >= 8 and inside(s)) or match_line(s) in _FIELD_CODES:
            out.append(raw)
        else:
            out.append("")
            dropped.append((i + 1, collapse_spaces(raw)))
    return "\n".join(out), dropped
