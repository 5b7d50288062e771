"""Extraction quality of mediacheck's cleaner beside peer cleaners, on the ScrapingHub benchmark pages.

Scores every cleaner with the ScrapingHub metric (``benchmarks/shingles.py``) against the hand-made article
bodies of ``../shared/data/clean/scrapinghub.jsonl`` and prints a Markdown table. Rows over ``scraped`` (plain
text, one block per line): no cleaning, C4 line rules, jusText, trafilatura (lines as ``<p>``), mediacheck
rules only (``classifier=False``), mediacheck as shipped, and mediacheck with the line classifier fitted by
site-grouped K-fold cross-validation. Rows over ``html``: trafilatura and the same three mediacheck rows.

usage (from the project root):
    python -m benchmarks.clean_quality [--data PATH] [--cv K] [--json OUT] [--worst [N]] [--worst-rows SUBSTR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `benchmarks` and `mediacheck` importable
    sys.path.insert(0, str(ROOT))

from benchmarks import peers
from benchmarks.shingles import PageScore, score_pages, shingles

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "clean" / "scrapinghub.jsonl"
#: Pages every cross-validation fold also trains on (the shipped line model's recipe: ScrapingHub + CleanEval dev).
DEFAULT_TRAIN_EXTRA = ROOT.parent / "shared" / "data" / "clean" / "cleaneval.jsonl"
TRAIN_EXTRA: list[Record] = []
NOT_IMPORTABLE = "mediacheck not importable yet"

Record = dict
Cleaner = Callable[[Sequence[Record]], list[str]]  # all pages in, one text per page out (same order)


# --- data ----------------------------------------------------------------------------------------------


def load(path: Path) -> list[Record]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def site_folds(records: Sequence[Record], k: int) -> list[list[int]]:
    """Indices of ``records`` in ``k`` folds; all pages of a site share a fold. Deterministic: sites are
    placed largest first (ties by name) into the fold with the fewest pages so far."""
    by_site: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        by_site[r.get("site") or r.get("url") or r["id"]].append(i)
    k = max(1, min(k, len(by_site)))
    folds: list[list[int]] = [[] for _ in range(k)]
    for site in sorted(by_site, key=lambda s: (-len(by_site[s]), s)):
        min(folds, key=len).extend(by_site[site])
    return [sorted(f) for f in folds]


# --- cleaners ------------------------------------------------------------------------------------------


def per_page(fn: Callable[[Record], str]) -> Cleaner:
    return lambda records: [fn(r) or "" for r in records]


def _import_mediacheck():
    from mediacheck.cleaning import clean_many
    from mediacheck.model import Article

    return clean_many, Article


def _articles(records: Sequence[Record], field_: str, Article) -> list:
    if field_ == "html":
        return [Article(id=r["id"], html=r["html"], url=r["url"], outlet=r["site"]) for r in records]
    return [Article(id=r["id"], text=r["scraped"], url=r["url"], outlet=r["site"]) for r in records]


def mediacheck_cleaner(field_: str, **kwargs) -> Cleaner:
    """mediacheck's ``clean_many`` over the whole batch (so templates are learnt across it)."""

    def run(records: Sequence[Record]) -> list[str]:
        clean_many, Article = _import_mediacheck()
        out = {c.id: c.text for c in clean_many(_articles(records, field_, Article), **kwargs)}
        return [out.get(r["id"], "") or "" for r in records]

    return run


_FOLD_MODELS: dict[tuple, list] = {}


def fold_models(records: Sequence[Record], k: int) -> list[tuple[list[int], object]]:
    """``(held-out indices, model fitted on the other folds)`` per fold; fitted once, shared by both inputs.
    The training records carry both ``scraped`` and ``html``; which one the fitter uses is its business."""
    from mediacheck.cleaning.training import fit_line_model

    key = (k, tuple(r["id"] for r in records))
    if key not in _FOLD_MODELS:
        keys = ("id", "scraped", "html", "gold_text", "url", "site")
        fitted = []
        for fold in site_folds(records, k):
            held = set(fold)
            held_sites = {records[i]["site"] for i in fold}
            train = [{f: r[f] for f in keys if f in r} for i, r in enumerate(records) if i not in held]
            train += [{f: r[f] for f in keys if f in r} for r in TRAIN_EXTRA if r["site"] not in held_sites]
            fitted.append((fold, fit_line_model(train)))
        _FOLD_MODELS[key] = fitted
    return _FOLD_MODELS[key]


def mediacheck_cv(field_: str, k: int, **kwargs) -> Cleaner:
    """Site-grouped K-fold: fit the line classifier on the other folds, clean the held-out fold, pool."""

    def run(records: Sequence[Record]) -> list[str]:
        clean_many, Article = _import_mediacheck()
        preds = [""] * len(records)
        for fold, model in fold_models(records, k):
            test = [records[i] for i in fold]
            out = {c.id: c.text for c in clean_many(_articles(test, field_, Article), classifier=model, **kwargs)}
            for i in fold:
                preds[i] = out.get(records[i]["id"], "") or ""
        return preds

    return run


@dataclass
class Row:
    cleaner: str
    input: str
    run: Cleaner
    summary: dict | None = None
    pages: list[PageScore] = field(default_factory=list)
    preds: list[str] = field(default_factory=list)
    seconds: float = 0.0
    note: str = ""


def make_rows(cv: int) -> list[Row]:
    rows = [
        Row("no cleaning", "scraped", per_page(lambda r: peers.no_cleaning(r["scraped"]))),
        Row("C4 line rules", "scraped", per_page(lambda r: peers.c4_line_filter(r["scraped"]))),
        Row("jusText 3 (lines as <p>)", "scraped", per_page(lambda r: peers.justext_lines(r["scraped"]))),
        Row("trafilatura (lines as <p>)", "scraped", per_page(lambda r: peers.trafilatura_lines(r["scraped"]))),
    ]
    rows.append(Row("mediacheck rules only", "scraped", mediacheck_cleaner("scraped", classifier=False)))
    shipped = "mediacheck (shipped model: ScrapingHub + CleanEval dev)"
    rows.append(Row(shipped, "scraped", mediacheck_cleaner("scraped")))
    if cv > 1:
        rows.append(Row(f"mediacheck ({cv}-fold CV model)", "scraped", mediacheck_cv("scraped", cv)))
    rows.append(Row("trafilatura", "html", per_page(lambda r: peers.trafilatura_html(r["html"], r["url"]))))
    builtin = {"extractor": "builtin"}
    rows.append(Row("mediacheck builtin HTML, rules only", "html",
                    mediacheck_cleaner("html", classifier=False, **builtin)))
    rows.append(Row("mediacheck builtin HTML (shipped model)", "html", mediacheck_cleaner("html", **builtin)))
    if cv > 1:
        rows.append(Row(f"mediacheck builtin HTML ({cv}-fold CV model)", "html", mediacheck_cv("html", cv, **builtin)))
    rows.append(Row("mediacheck + trafilatura extractor (default with `html` extra)", "html",
                    mediacheck_cleaner("html", extractor="trafilatura")))
    return rows


def run_rows(rows: list[Row], records: Sequence[Record]) -> None:
    golds = [r["gold_text"] for r in records]
    for row in rows:
        t0 = time.perf_counter()
        try:
            preds = row.run(records)
        except ImportError as e:
            what = NOT_IMPORTABLE if row.cleaner.startswith("mediacheck") else f"{row.cleaner}: not installed"
            row.note = f"{what} ({type(e).__name__}: {e})"
            continue
        except Exception as e:  # noqa: BLE001 -- keep the other rows; show what broke
            traceback.print_exc(file=sys.stderr)
            row.note = f"error: {type(e).__name__}: {e}"
            continue
        row.seconds = time.perf_counter() - t0
        row.preds = preds
        row.summary, row.pages = score_pages(golds, preds)


# --- output --------------------------------------------------------------------------------------------


def title_table(records: Sequence[Record]) -> str:
    """Headline found in the scraped text vs the page's own title (og:title, else <h1>, else <title>).

    The page title is silver, not gold: sites often word og:title differently from the visible headline. A
    match is a rapidfuzz token_set_ratio >= 90 on normalised headlines."""
    try:
        from rapidfuzz import fuzz

        from mediacheck import clean
        from mediacheck.cleaning.html import html_to_text
        from mediacheck.textutil import fold_headline
    except ImportError as e:
        return f"titles: mediacheck not importable ({e})"
    rows = []
    for name, kwargs in (("mediacheck rules only", {"classifier": False}), ("mediacheck (default)", {})):
        hit = found = total = 0
        for r in records:
            silver = html_to_text(r.get("html") or "").title
            if not silver:
                continue
            total += 1
            got = clean(r["scraped"], url=r["url"], **kwargs).title
            found += bool(got)
            hit += bool(got) and fuzz.token_set_ratio(fold_headline(got), fold_headline(silver)) >= 90
        if total:
            rows.append(f"| {name} | {total} | {found / total:.3f} | {hit / total:.3f} |")
    if not rows:
        return "titles: no page has a title in its HTML"
    head = ["Headline detection on `scraped` against the page's own title (silver: og:title / h1 / <title>).", "",
            "| cleaner | pages | title found | agrees with page title |", "|---|---|---|---|"]
    return "\n".join(head + rows)


def table(rows: Sequence[Row]) -> str:
    out = ["| cleaner | input | P | R | F1 |", "|---|---|---|---|---|"]
    for row in rows:
        if row.summary is None:
            msg = row.note.split(" (", 1)[0] if "(" in row.note else row.note
            out.append(f"| {row.cleaner} | {row.input} | {msg} | – | – |")
        else:
            s = row.summary
            out.append(
                f"| {row.cleaner} | {row.input} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |"
            )
    return "\n".join(out)


def _line_cover(line: str, bag) -> float:
    sh = shingles(line)
    total = sum(sh.values())
    return sum(min(c, bag[s]) for s, c in sh.items()) / total if total else 1.0


def _short(s: str, n: int = 100) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"  # None: the page does not count towards that mean


def worst(row: Row, records: Sequence[Record], n: int, examples: int = 3) -> str:
    """The ``n`` lowest-F1 pages of a row, each with a few kept lines that are not in the gold text (extra)
    and gold lines the cleaner lost (missed)."""
    order = sorted(range(len(records)), key=lambda i: (row.pages[i].f1, records[i]["id"]))[:n]
    out = [f"#### worst {len(order)} pages: {row.cleaner} on {row.input}", ""]
    out += ["| # | site | P | R | F1 | kept words | gold words |", "|---|---|---|---|---|---|---|"]
    for rank, i in enumerate(order, 1):
        p, r = row.pages[i], records[i]
        out.append(
            f"| {rank} | {r['site']} | {_fmt(p.precision)} | {_fmt(p.recall)} | {p.f1:.2f} | "
            f"{len(row.preds[i].split())} | {len(r['gold_text'].split())} |"
        )
    out.append("")
    for rank, i in enumerate(order, 1):
        r, pred = records[i], row.preds[i]
        gold_bag, pred_bag = shingles(r["gold_text"]), shingles(pred)
        extra = [ln for ln in pred.splitlines() if ln.strip() and _line_cover(ln, gold_bag) < 0.5]
        missed = [ln for ln in r["gold_text"].splitlines() if ln.strip() and _line_cover(ln, pred_bag) < 0.5]
        out.append(f"{rank}. {r['url']}  (id {r['id'][-12:]})")
        out.append(f"   - extra: {len(extra)} lines" + "".join(f"\n     + {_short(x)}" for x in extra[:examples]))
        out.append(f"   - missed: {len(missed)} lines" + "".join(f"\n     - {_short(x)}" for x in missed[:examples]))
    return "\n".join(out)


def to_json(rows: Sequence[Row], records: Sequence[Record], data: Path, cv: int) -> dict:
    return {
        "data": str(data),
        "pages": len(records),
        "cv": cv,
        "rows": [
            {
                "cleaner": row.cleaner,
                "input": row.input,
                **(row.summary or {"n": 0, "precision": None, "recall": None, "f1": None}),
                "seconds": round(row.seconds, 3),
                "note": row.note,
                "per_page": [
                    {"id": rec["id"], "site": rec["site"], **p.as_dict()} for rec, p in zip(records, row.pages)
                ],
            }
            for row in rows
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"benchmark JSONL (default {DEFAULT_DATA})")
    ap.add_argument("--cv", type=int, default=5, metavar="K",
                    help="folds for the site-grouped cross-validated classifier rows (default 5; 0 skips)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also save summaries and per-page scores as JSON")
    ap.add_argument("--worst", type=int, nargs="?", const=10, default=0, metavar="N",
                    help="list the N (default 10) lowest-F1 pages of the selected rows")
    ap.add_argument("--worst-rows", default="mediacheck", metavar="SUBSTR",
                    help="rows whose cleaner name contains SUBSTR get a --worst list (default: mediacheck)")
    ap.add_argument("--split", metavar="NAME", help="score only the pages whose 'split' is NAME (e.g. final)")
    ap.add_argument("--train-extra", type=Path, default=DEFAULT_TRAIN_EXTRA, metavar="PATH",
                    help="pages every CV fold trains on as well, of split --train-split (default: CleanEval; "
                         "'none' for none); pages of a held-out fold's sites are left out")
    ap.add_argument("--train-split", default="dev", metavar="NAME",
                    help="split of --train-extra used for training (default dev)")
    args = ap.parse_args(argv)

    if not args.data.exists():
        print(f"benchmark data not found: {args.data} (pass --data)", file=sys.stderr)
        return 2
    records = [r for r in load(args.data) if not args.split or r.get("split") == args.split]
    if args.cv > 1 and str(args.train_extra) != "none" and args.train_extra.exists():
        ids = {r["id"] for r in records}
        TRAIN_EXTRA[:] = [r for r in load(args.train_extra)
                          if r.get("split", args.train_split) == args.train_split and r["id"] not in ids]
    rows = make_rows(args.cv)
    run_rows(rows, records)

    split = f", split {args.split}" if args.split else ""
    extra = (f"; CV folds also train on {len(TRAIN_EXTRA)} pages of {args.train_extra.name} ({args.train_split})"
             if TRAIN_EXTRA else "")
    print(f"Extraction quality on {args.data.name} ({len(records)} pages{split}), ScrapingHub shingle metric{extra}.\n")
    print(table(rows))
    print()
    print(title_table(records))
    notes = sorted({row.note for row in rows if row.note})
    if notes:
        print()
        for note in notes:
            print(f"- {note}")
    if args.worst:
        for row in rows:
            if row.summary is not None and args.worst_rows.lower() in row.cleaner.lower():
                print()
                print(worst(row, records, args.worst))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(to_json(rows, records, args.data, args.cv), indent=1), encoding="utf-8")
        print(f"\nsaved {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
