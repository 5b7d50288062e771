"""Extraction quality on the multilingual dev set, overall and per language.

Scores each cleaner with the ScrapingHub shingle metric (``benchmarks/shingles.py``) against the gold bodies
of ``benchmarks/data/multilingual/pages.jsonl`` (36 made-up but real-shaped pages in 8 languages; see the
README beside it) and prints Markdown tables: P / R / F1 and the number of pages with none of the article
(recall < 0.1 against the gold) per cleaner, overall, per language and (F1 only) per kind of page.

Rows over ``scraped`` (plain text, one block per line): no cleaning, C4 line rules, jusText and trafilatura
(each line wrapped in ``<p>``) and mediacheck as shipped. Rows over ``html``: trafilatura, mediacheck's
builtin HTML extractor and mediacheck with the trafilatura extractor. jusText gets the stoplist of the
page's language (``peers.justext_lines`` always uses the English one).

Predictions are scored as the cleaner returns them: the gold is NFC without soft hyphens, and the metric's
``\\w+`` tokens split words at a soft hyphen (U+00AD) or a combining mark, so a cleaner that leaves
decomposed letters or soft hyphens in its output loses those shingles.

usage (from the project root):
    python -m benchmarks.multilingual_quality [--data PATH] [--json OUT] [--with-lang]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `benchmarks` and `mediacheck` importable
    sys.path.insert(0, str(ROOT))

from benchmarks import peers
from benchmarks.clean_quality import Cleaner, Record, Row, load, mediacheck_cleaner, per_page, run_rows
from benchmarks.shingles import PageScore, score_pages

DEFAULT_DATA = ROOT / "benchmarks" / "data" / "multilingual" / "pages.jsonl"
NONE_RECALL = 0.1  # a page whose output has recall below this against the gold has "none of the article"

#: ISO 639-1 -> jusText stoplist name (``justext.get_stoplists()``)
JUSTEXT_STOPLISTS = {
    "de": "German", "es": "Spanish", "pl": "Polish", "fr": "French", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "en": "English", "cs": "Czech", "sv": "Swedish", "da": "Danish", "ru": "Russian",
}
_STOPLISTS: dict[str, frozenset[str]] = {}


def justext_lines_lang(text: str, lang: str) -> str:
    """jusText 3 (default parameters) over the lines, each wrapped in ``<p>``, with the stoplist of ``lang``
    (English when the language has none)."""
    import justext

    name = JUSTEXT_STOPLISTS.get((lang or "en").lower(), "English")
    if name not in _STOPLISTS:
        _STOPLISTS[name] = justext.get_stoplist(name)
    if not text.strip():
        return ""
    paragraphs = justext.justext(peers.lines_to_html(text).encode("utf-8"), _STOPLISTS[name], encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def mediacheck_with_lang(field_: str, **kwargs) -> Cleaner:
    """As ``clean_quality.mediacheck_cleaner`` but each Article also carries the page's ``lang``."""

    def run(records: Sequence[Record]) -> list[str]:
        from mediacheck.cleaning import clean_many
        from mediacheck.model import Article

        src = "html" if field_ == "html" else "text"
        arts = [Article(id=r["id"], url=r["url"], outlet=r["site"], lang=r.get("lang", ""),
                        **{src: r["html"] if field_ == "html" else r["scraped"]}) for r in records]
        out = {c.id: c.text for c in clean_many(arts, **kwargs)}
        return [out.get(r["id"], "") or "" for r in records]

    return run


def make_rows(with_lang: bool = False) -> list[Row]:
    mc = mediacheck_with_lang if with_lang else mediacheck_cleaner
    tag = ", lang given" if with_lang else ""
    return [
        Row("no cleaning", "scraped", per_page(lambda r: peers.no_cleaning(r["scraped"]))),
        Row("C4 line rules", "scraped", per_page(lambda r: peers.c4_line_filter(r["scraped"]))),
        Row("jusText (lines as <p>, page-language stoplist)", "scraped",
            per_page(lambda r: justext_lines_lang(r["scraped"], r.get("lang", "en")))),
        Row("trafilatura (lines as <p>)", "scraped", per_page(lambda r: peers.trafilatura_lines(r["scraped"]))),
        Row(f"mediacheck (default{tag})", "scraped", mc("scraped")),
        Row("trafilatura", "html", per_page(lambda r: peers.trafilatura_html(r["html"], r["url"]))),
        Row(f"mediacheck builtin HTML (default{tag})", "html", mc("html", extractor="builtin")),
        Row(f"mediacheck + trafilatura extractor{tag}", "html", mc("html", extractor="trafilatura")),
    ]


# --- scoring by group ------------------------------------------------------------------------------------


def none_of_article(pages: Sequence[PageScore]) -> int:
    return sum(1 for p in pages if (p.recall or 0.0) < NONE_RECALL)


def group_summary(row: Row, records: Sequence[Record], idx: Sequence[int]) -> dict:
    """P / R / F1 (the metric's means) and the pages with none of the article, over the pages ``idx``."""
    summary, pages = score_pages([records[i]["gold_text"] for i in idx], [row.preds[i] for i in idx])
    return {**summary, "none": none_of_article(pages)}


def groups(records: Sequence[Record], key: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        out[r.get(key) or "?"].append(i)
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0])))


# --- output ----------------------------------------------------------------------------------------------


def table(rows: Sequence[Row], records: Sequence[Record], idx: Sequence[int]) -> str:
    n = len(idx)
    out = ["| cleaner | input | P | R | F1 | pages with none of the article |", "|---|---|---|---|---|---|"]
    for row in rows:
        if row.summary is None:
            msg = row.note.split(" (", 1)[0] if "(" in row.note else row.note
            out.append(f"| {row.cleaner} | {row.input} | {msg} | – | – | – |")
            continue
        s = group_summary(row, records, idx)
        out.append(f"| {row.cleaner} | {row.input} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
                   f"| {s['none']}/{n} |")
    return "\n".join(out)


def f1_matrix(rows: Sequence[Row], records: Sequence[Record], by: dict[str, list[int]]) -> str:
    head = "| cleaner | input | " + " | ".join(f"{k} ({len(v)})" for k, v in by.items()) + " |"
    out = [head, "|---|---|" + "---|" * len(by)]
    for row in rows:
        if row.summary is None:
            continue
        cells = [f"{group_summary(row, records, idx)['f1']:.2f}" for idx in by.values()]
        out.append(f"| {row.cleaner} | {row.input} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def none_list(rows: Sequence[Row], records: Sequence[Record]) -> str:
    """Which pages each mediacheck row returned none of the article for."""
    out = []
    for row in rows:
        if row.summary is None or not row.cleaner.startswith("mediacheck"):
            continue
        ids = [r["id"] for r, p in zip(records, row.pages) if (p.recall or 0.0) < NONE_RECALL]
        out.append(f"- {row.cleaner} on {row.input}: " + (", ".join(ids) if ids else "none"))
    return "\n".join(out)


def report(rows: Sequence[Row], records: Sequence[Record], data: Path) -> str:
    everything = list(range(len(records)))
    by_lang, by_kind = groups(records, "lang"), groups(records, "kind")
    parts = [
        f"Extraction quality on {data.name} ({len(records)} pages, "
        + ", ".join(f"{k} {len(v)}" for k, v in by_lang.items())
        + f"), ScrapingHub shingle metric; \"none of the article\" = recall < {NONE_RECALL} against the gold.",
        "",
        "### All pages",
        "",
        table(rows, records, everything),
    ]
    listed = none_list(rows, records)
    if listed:
        parts += ["", "Pages with none of the article:", "", listed]
    for lang, idx in by_lang.items():
        parts += ["", f"### {lang} ({len(idx)} pages)", "", table(rows, records, idx)]
    parts += ["", "### F1 by language", "", f1_matrix(rows, records, by_lang)]
    parts += ["", "### F1 by kind of page", "", f1_matrix(rows, records, by_kind)]
    notes = sorted({row.note for row in rows if row.note})
    if notes:
        parts += [""] + [f"- {note}" for note in notes]
    return "\n".join(parts)


def to_json(rows: Sequence[Row], records: Sequence[Record], data: Path) -> dict:
    by_lang, by_kind = groups(records, "lang"), groups(records, "kind")
    everything = list(range(len(records)))
    out_rows = []
    for row in rows:
        entry = {"cleaner": row.cleaner, "input": row.input, "seconds": round(row.seconds, 3), "note": row.note}
        if row.summary is not None:
            entry["all"] = group_summary(row, records, everything)
            entry["by_lang"] = {k: group_summary(row, records, v) for k, v in by_lang.items()}
            entry["by_kind"] = {k: group_summary(row, records, v) for k, v in by_kind.items()}
            entry["per_page"] = [{"id": r["id"], "lang": r.get("lang"), "kind": r.get("kind"), **p.as_dict()}
                                 for r, p in zip(records, row.pages)]
        out_rows.append(entry)
    return {"data": str(data), "pages": len(records), "none_recall": NONE_RECALL, "rows": out_rows}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"dev set JSONL (default {DEFAULT_DATA})")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also save summaries and per-page scores as JSON")
    ap.add_argument("--with-lang", action="store_true",
                    help="pass each page's `lang` to mediacheck (by default it gets text/html, url and site only)")
    args = ap.parse_args(argv)

    if not args.data.exists():
        print(f"data not found: {args.data} (pass --data)", file=sys.stderr)
        return 2
    records = load(args.data)
    rows = make_rows(args.with_lang)
    run_rows(rows, records)
    print(report(rows, records, args.data))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(to_json(rows, records, args.data), indent=1, ensure_ascii=False),
                             encoding="utf-8")
        print(f"\nsaved {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
