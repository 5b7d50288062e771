"""``mediacheck report`` (registered by ``mediacheck.cli.build_parser``): the whole job, clean -> score -> dedup ->
compare, written as tables and one HTML page."""
from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPORT_HELP = """\
INPUT is read as by 'mediacheck clean' (a folder of .txt/.html with one sub-folder per outlet, or .jsonl / .csv /
.tsv / .parquet records with id, text or html, title, outlet, url, published, leaning); several inputs are read
as one corpus; - reads JSON Lines from stdin. DIR gets:

  articles.csv      one row per article: removal counts, scores, story cluster, strongest duplicate
  outlets.csv       one row per outlet: rates pooled over its articles, each with a 95% bootstrap interval
  outlet_pairs.csv  differences between outlets, permutation-test p-values, Benjamini-Hochberg q-values
  stories.csv       one row per article of each story covered by two or more outlets (+ blindspots)
  evidence.csv      the top sentences behind each score, per outlet, with the cue words
  duplicates.csv    duplicate / syndicated / paraphrase / same-story pairs
  removed.csv       every line removed as boilerplate, with its rule code
  errors.csv        every record that could not be read or cleaned, with the reason
  sentences.csv     (--sentences) one row per sentence with its cues
  report.html       one self-contained page for people; summary.json the run summary
  *.parquet         (--parquet) the same tables as Parquet

Every input record is in articles.csv or errors.csv. --outlets-meta FILE (.csv/.tsv/.jsonl with columns outlet
and leaning) gives leanings to outlets whose records carry none.

examples:
  mediacheck report corpora/demo --out reports/demo
  mediacheck report scraped/ more.jsonl --out out --outlets-meta outlets.csv --parquet --jobs 4
  mediacheck report big.jsonl --out out --engine dask --scheduler tcp://10.0.0.5:8786

exit codes: 0 report written, 1 report written but some records were errors (see errors.csv),
2 usage error / unreadable input / unwritable DIR, 130 interrupted.
"""


def add_commands(sub, size_type) -> None:
    from mediacheck.io.readers import DEFAULT_MAX_BYTES, FORMATS
    from mediacheck.report.engine import ENGINES

    p = sub.add_parser("report", help="the whole job: clean, score, dedup and compare outlets; tables + HTML",
                       description="Clean, score and deduplicate articles and compare outlets.",
                       epilog=REPORT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folder, .txt/.html, .jsonl, .csv, .tsv, .parquet, -")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the tables and report.html")
    p.add_argument("--sentences", action="store_true", help="also write sentences.csv (one row per sentence)")
    p.add_argument("--parquet", action="store_true", help="also write every table as Parquet (needs pyarrow)")
    p.add_argument("--by-outlet", action="store_true", help="also write by_outlet/<outlet>.csv article tables")
    p.add_argument("--no-html", action="store_true", help="do not write report.html")
    p.add_argument("--outlets-meta", metavar="FILE", help="outlet table (.csv/.tsv/.jsonl) with outlet, leaning")
    p.add_argument("--jobs", type=int, default=0, metavar="N", help="processes (default 0: all cores)")
    p.add_argument("--engine", choices=ENGINES, default="local", help="local processes, or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a LocalCluster of --jobs)")
    p.add_argument("--input-format", choices=FORMATS, help="input format (default: from each INPUT's extension)")
    p.add_argument("--outlet", metavar="NAME", help="outlet for records that name none (default: sub-folder)")
    p.add_argument("--no-templates", action="store_true", help="do not learn per-outlet template lines")
    p.add_argument("--rules-only", action="store_true", help="clean with the rules only, no line classifier")
    p.add_argument("--html-extractor", choices=("auto", "builtin", "trafilatura"), default="auto")
    p.add_argument("--no-tone", action="store_true", help="skip VADER tone (about twice as fast)")
    p.add_argument("--min-articles", type=int, default=5, metavar="N",
                   help="outlets need N scored articles to be compared in outlet_pairs (default 5)")
    p.add_argument("--permutations", type=int, default=999, metavar="N", help="permutations per test (999)")
    p.add_argument("--resamples", type=int, default=1000, metavar="N", help="bootstrap resamples (1000)")
    p.add_argument("--max-bytes", type=size_type, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="largest file or record read; bigger ones become error records")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary on stderr")
    p.set_defaults(func=cmd_report)


def read_outlets_meta(path: str) -> dict[str, str]:
    """outlet -> leaning from a .csv/.tsv/.jsonl table (keys also case-folded)."""
    from mediacheck.cli import UsageError
    from mediacheck.report.stages import normalise_leaning

    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            if path.endswith((".jsonl", ".ndjson")):
                rows = [json.loads(line) for line in f if line.strip()]
            else:
                rows = list(csv.DictReader(f, delimiter="\t" if path.endswith(".tsv") else ","))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the outlet table: {exc.strerror or exc}") from None
    except (ValueError, csv.Error) as exc:
        raise UsageError(f"{path}: not a valid outlet table: {exc}", "one row per outlet: outlet,leaning") from None
    out: dict[str, str] = {}
    for row in rows:
        if not isinstance(row, dict) or "outlet" not in row:
            raise UsageError(f"{path}: every row needs an 'outlet' column", "one row per outlet: outlet,leaning")
        leaning = normalise_leaning(row.get("leaning") or row.get("outlet_leaning"))
        if row["outlet"] and leaning:
            out[str(row["outlet"])] = leaning
            out.setdefault(str(row["outlet"]).casefold(), leaning)
    return out


def _source(paths: list[str], args: argparse.Namespace):
    from mediacheck.io import read_articles

    def articles() -> Iterator:
        for path in paths:
            yield from read_articles(path, outlet=args.outlet, fmt=args.input_format, max_bytes=args.max_bytes)
    return articles


def _spool_stdin(folder: str) -> str:
    path = os.path.join(folder, "stdin.jsonl")
    with open(path, "wb") as out:
        shutil.copyfileobj(sys.stdin.buffer, out)
    return path


def cmd_report(args: argparse.Namespace) -> int:
    from mediacheck.cli import EXIT_ERRORS, EXIT_OK, UsageError, _err
    from mediacheck.io import InputError, OutputError, detect_format
    from mediacheck.report.engine import EngineError
    from mediacheck.report.output import ensure_folder, open_sinks, write_by_outlet, write_summary, write_tables
    from mediacheck.report.pipeline import build_report

    start = time.perf_counter()
    if args.inputs.count("-") > 1:
        raise UsageError("stdin (-) can be read only once")
    for path in args.inputs:
        if path != "-":
            try:
                detect_format(path, args.input_format)
            except InputError as exc:
                raise UsageError(str(exc), "see 'mediacheck report --help'") from None
    leanings = read_outlets_meta(args.outlets_meta) if args.outlets_meta else {}
    if args.parquet:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError("--parquet needs the 'parquet' extra", "pip install 'mediacheck[parquet]'") from None
    try:
        ensure_folder(args.out)
    except OSError as exc:
        raise UsageError(f"{args.out}: cannot create the output folder: {exc.strerror or exc}") from None
    classifier = False if args.rules_only else None
    with tempfile.TemporaryDirectory(prefix="mediacheck-") as tmp:
        paths = [_spool_stdin(tmp) if p == "-" else p for p in args.inputs]
        sinks = open_sinks(args.out, sentences=args.sentences, parquet=args.parquet)
        try:
            report = build_report(_source(paths, args), templates=not args.no_templates,
                                  sentences=args.sentences, leanings=leanings, classifier=classifier,
                                  extractor=args.html_extractor, tone=not args.no_tone, engine=args.engine,
                                  jobs=args.jobs, scheduler=args.scheduler, sinks=sinks,
                                  progress=not args.quiet and sys.stderr.isatty(), resamples=args.resamples,
                                  permutations=args.permutations, min_articles=args.min_articles)
        except InputError as exc:
            raise UsageError(str(exc), "see 'mediacheck report --help'") from None
        except EngineError as exc:
            raise UsageError(str(exc)) from None
        except ValueError as exc:          # e.g. an unavailable --html-extractor
            raise UsageError(str(exc)) from None
        finally:
            counts = {name: sink.close() for name, sink in sinks.items()}
    try:
        write_tables(report.tables, args.out, parquet=args.parquet)
        if args.by_outlet:
            write_by_outlet(report.tables["articles"], args.out)
        report.summary.update({"inputs": list(args.inputs), "removed_lines": counts.get("removed", 0),
                               "seconds": round(time.perf_counter() - start, 2)})
        if args.sentences:
            report.summary["sentences"] = counts.get("sentences", 0)
        write_summary(report.summary, report.notes, args.out)
        if not args.no_html:
            from mediacheck.report.html import write_html

            write_html(str(Path(args.out) / "report.html"), report.tables, report.summary)
    except (OSError, OutputError) as exc:
        raise UsageError(f"{args.out}: cannot write the report: {getattr(exc, 'strerror', None) or exc}") from None
    s = report.summary
    if not args.quiet:
        _err(f"read {s['records_in']}, articles {s['articles']} (scored {s['scored']}, empty {s['empty']}), "
             f"errors {s['errors']}, outlets {s['outlets']}, stories {s['stories']}, in {s['seconds']:.1f}s "
             f"-> {args.out}")
        for note in report.notes[:5]:
            _err(f"note: {note}")
    return EXIT_ERRORS if s["errors"] else EXIT_OK
