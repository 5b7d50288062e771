"""The cleaner's first stage: a text's non-blank lines (``LineSet``), their rule codes and their feature matrix."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mediacheck.cleaning.features import line_features
from mediacheck.cleaning.language import detect_language
from mediacheck.cleaning.rules import match_line
from mediacheck.textutil import collapse_spaces


@dataclass(frozen=True)
class LineSet:
    """The non-blank lines of a text: whitespace-normalised text, 1-based input line numbers, paragraph breaks,
    and the text's language (ISO 639-1, "und" when unsure), which picks the rules' phrases and the stop words."""

    text: tuple[str, ...]
    number: tuple[int, ...]
    blank_before: tuple[bool, ...]
    lang: str = "en"

    @classmethod
    def of(cls, text: str, lang: str | None = None) -> LineSet:
        """The lines of ``text``; ``lang`` None detects the language from the text."""
        texts, numbers, blank = [], [], []
        gap = False
        for i, raw in enumerate(text.split("\n")):
            # Most lines are tidy already: printable (every white space but " " is not), no double or edge spaces.
            if raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " ":
                s = raw
            else:
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
        return cls(tuple(texts), tuple(numbers), tuple(blank), lang or detect_language(text))


def rule_codes(lines: LineSet) -> list[str | None]:
    """The boilerplate rule (``rules.py``, in the lines' language) each line matches, or None."""
    lang = lines.lang
    return [match_line(s, lang) for s in lines.text]


def features_for(lines: LineSet, codes: list[str | None], stats: np.ndarray | None = None) -> np.ndarray:
    """The line classifier's feature matrix (``features.py``) of ``lines`` given their rule codes (and their
    per-line statistics when already known)."""
    return line_features(list(lines.text), codes, lines.lang, stats)


def kept_lines(lines: LineSet, codes: list[str | None]) -> tuple[LineSet, list[int]]:
    """The body lines, as a re-run on the cleaned text would read them (paragraph breaks where lines went)."""
    keep = [i for i, c in enumerate(codes) if c is None]
    blank = [k > 0 and (lines.blank_before[i] or keep[k - 1] != i - 1) for k, i in enumerate(keep)]
    sub = LineSet(tuple(lines.text[i] for i in keep), tuple(lines.number[i] for i in keep), tuple(blank), lines.lang)
    return sub, keep
