"""Line labels for fitting the line classifier: which lines of a page belong to its gold article body."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy as np

_TOK = re.compile(r"\w+")
CLEAN_COPY_WEIGHT = 0.3   # sample weight of the clean copies relative to the real pages


def _shingles(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def line_labels(lines: Iterable[str], gold_text: str) -> np.ndarray:
    """1 for a line whose word 4-grams mostly occur in the gold body (short lines: its words in order)."""
    gold_tokens = _TOK.findall(gold_text.casefold())
    gold_sh = _shingles(gold_tokens)
    gold_joined = " " + " ".join(gold_tokens) + " "
    gold_lines = {" ".join(_TOK.findall(g.casefold())) for g in gold_text.split("\n")}
    out = []
    for line in lines:
        toks = _TOK.findall(line.casefold())
        if not toks:
            out.append(0)
        elif len(toks) >= 4:
            sh = _shingles(toks)
            out.append(int(sum(s in gold_sh for s in sh) >= 0.5 * len(sh)))
        elif len(toks) == 1:
            out.append(int(toks[0] in gold_lines))       # a lone word counts only as a whole gold line
        else:
            out.append(int(f" {' '.join(toks)} " in gold_joined))
    return np.asarray(out, dtype=int)


def record_text(record: dict) -> str:
    """The plain text a record offers: ``scraped`` or its ``html`` rendered to blocks."""
    if record.get("scraped"):
        return record["scraped"]
    if record.get("html"):
        from mediacheck.cleaning.html import html_to_text

        return html_to_text(record["html"]).text
    return record.get("text", "")


def labelled_documents(records: Iterable[dict], *, clean_copies: bool = True
                       ) -> Iterator[tuple[np.ndarray, np.ndarray, float]]:
    """(features, labels, sample weight) per usable record, computed exactly as the cleaner computes them.

    With ``clean_copies``, each page is followed by a copy made of its body lines only, all labelled body:
    the model learns that an already clean article stays as it is (the cleaner is run again on its own
    output until nothing changes, so an unstable model would erode the body).
    """
    from mediacheck.cleaning.lines import LineSet, features_for, rule_codes

    for r in records:
        gold = r.get("gold_text") or ""
        text = record_text(r)
        if not gold.strip() or not text.strip():
            continue
        lines = LineSet.of(text)
        if not lines.text:
            continue
        codes = rule_codes(lines)
        labels = line_labels(lines.text, gold)
        yield features_for(lines, codes), labels, 1.0
        if clean_copies:
            body = "\n\n".join(t for t, y, c in zip(lines.text, labels, codes) if y and c is None)
            if body:
                sub = LineSet.of(body)
                yield features_for(sub, rule_codes(sub)), np.ones(len(sub.text), dtype=int), CLEAN_COPY_WEIGHT
