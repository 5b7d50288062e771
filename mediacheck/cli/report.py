"""``mediacheck report``: the whole job, clean -> score -> dedup -> compare, written as tables and one HTML page.

The report package (pandas, the engines) is imported only when the command runs, not when the parser is built.
"""
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

from mediacheck.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    UsageError,
    add_input_options,
    err,
    int_at_least,
    whole,
)

REPORT_HELP = """\
INPUT is read as by 'mediacheck clean' (a folder of .txt/.html with one sub-folder per outlet, or .jsonl / .csv /
.tsv / .parquet records with id, text or html, title, outlet, url, published, leaning; other fields are kept and
written to articles.csv's meta column); several inputs are read as one corpus; - reads JSON Lines from stdin.
DIR gets:

  articles.csv      one row per article: removal counts, scores, story cluster, strongest duplicate, meta
  outlets.csv       one row per outlet: rates pooled over its articles, each with a 95% bootstrap interval
  outlet_pairs.csv  differences between outlets, permutation-test p-values, Benjamini-Hochberg q-values
  stories.csv       one row per article of each story covered by two or more outlets (+ blindspots)
  evidence.csv      the top sentences behind each score, per outlet, with the cue words
  duplicates.csv    duplicate / syndicated / paraphrase / same-story pairs
  removed.csv       every line removed as boilerplate, with its rule code
  errors.csv        every record that could not be read or cleaned, with the reason
  sentences.csv     (--sentences) one row per sentence with its cues
  report.html       one self-contained page for people
  summary.json      the run summary and notes (the same for the same input and options)
  timings.json      seconds per stage, engine and parallel jobs (differs from run to run)
  *.parquet         (--parquet) the same tables as Parquet
  by_outlet/        (--by-outlet) one articles table per outlet

Every input record is in articles.csv or errors.csv. --outlets-meta FILE (.csv/.tsv/.jsonl with columns outlet
and leaning) gives leanings to outlets whose records carry none. Records without an outlet are shown as
"(no outlet)" and not compared with the outlets in outlet_pairs unless --compare-no-outlet.

DIR must be new, empty, or an earlier mediacheck report. The report is written to a hidden folder beside DIR
and replaces the earlier report's files only when the run completes: a failed or interrupted run leaves DIR as
it was. Files in DIR that a report does not write are left alone.

examples:
  mediacheck report corpora/demo --out reports/demo
  mediacheck report scraped/ more.jsonl --out out --outlets-meta outlets.csv --parquet --jobs 4
  mediacheck report big.jsonl --out out --engine dask --scheduler tcp://10.0.0.5:8786

exit codes: 0 report written, 1 report written but some records were errors (see errors.csv),
2 usage error / unreadable input / DIR not usable or not writable (DIR left as it was), 3 internal error (a bug
in mediacheck), 4 a --jobs worker process was killed (use fewer; DIR left as it was), 130 interrupted (DIR left
as it was).
"""

#: Smallest accepted values of the statistics options (the Python API accepts any >= 1, or >= 0 for resamples).
MIN_PERMUTATIONS = 19     # with fewer, no p-value can reach 0.05
MIN_RESAMPLES = 20        # 0 is also accepted: no intervals
QUIET_HELP = "no progress bars, run summary or notes on stderr (error messages are always shown)"
#: ``mediacheck.report.engine.ENGINES``, spelled out so that building the parser does not import the report
#: package (and pandas); tests/test_cli_package.py checks that the two agree.
ENGINES = ("local", "dask")


def _resamples(value: str) -> int:
    n = whole(value)
    if n != 0 and n < MIN_RESAMPLES:
        raise argparse.ArgumentTypeError(f"must be 0 (no intervals) or at least {MIN_RESAMPLES}, not {n}")
    return n


def register(sub) -> None:
    """Add the ``report`` subcommand to ``sub`` (the parser's subparsers)."""
    p = sub.add_parser("report", help="the whole job: clean, score, dedup and compare outlets; tables + HTML",
                       description="Clean, score and deduplicate articles and compare outlets.",
                       epilog=REPORT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_options(p)
    p.add_argument("--out", required=True, metavar="DIR",
                   help="folder for the tables and report.html: new, empty, or an earlier report (replaced)")
    p.add_argument("--sentences", action="store_true", help="also write sentences.csv (one row per sentence)")
    p.add_argument("--parquet", action="store_true", help="also write every table as Parquet (needs pyarrow)")
    p.add_argument("--by-outlet", action="store_true", help="also write by_outlet/<outlet>.csv article tables")
    p.add_argument("--no-html", action="store_true", help="do not write report.html")
    p.add_argument("--outlets-meta", metavar="FILE", help="outlet table (.csv/.tsv/.jsonl) with outlet, leaning")
    p.add_argument("--jobs", type=int_at_least(0), default=0, metavar="N", help="processes (default 0: all cores)")
    p.add_argument("--engine", choices=ENGINES, default="local", help="local processes, or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a LocalCluster of --jobs)")
    p.add_argument("--no-templates", action="store_true", help="do not learn per-outlet template lines")
    p.add_argument("--rules-only", action="store_true", help="clean with the rules only, no line classifier")
    p.add_argument("--html-extractor", choices=("auto", "builtin", "trafilatura"), default="auto")
    p.add_argument("--no-tone", action="store_true", help="skip VADER tone (about twice as fast)")
    p.add_argument("--min-articles", type=int_at_least(1), default=5, metavar="N",
                   help="outlets need N scored articles to be compared in outlet_pairs (default 5, at least 1)")
    p.add_argument("--compare-no-outlet", action="store_true",
                   help='also compare the records without an outlet, "(no outlet)", in outlet_pairs')
    p.add_argument("--permutations", type=int_at_least(MIN_PERMUTATIONS, " (fewer cannot give p <= 0.05)"),
                   default=999, metavar="N",
                   help=f"permutations per outlet-pair test (default 999, at least {MIN_PERMUTATIONS})")
    p.add_argument("--resamples", type=_resamples, default=1000, metavar="N",
                   help=f"bootstrap resamples for the 95%% intervals (default 1000; 0 = no intervals, else at "
                        f"least {MIN_RESAMPLES})")
    p.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
    p.set_defaults(func=cmd_report)


def read_outlets_meta(path: str) -> dict[str, str]:
    """outlet -> leaning from a .csv/.tsv/.jsonl table (keys also case-folded)."""
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


def _source(paths: list[str], args: argparse.Namespace, stats=None):
    """A callable that reads every input from the start (the report reads the input twice)."""
    from mediacheck.io import read_articles

    def articles() -> Iterator:         # all inputs as one run: ids are made unique across them
        yield from read_articles(paths if len(paths) > 1 else paths[0], outlet=args.outlet, fmt=args.input_format,
                                 max_bytes=args.max_bytes, stats=stats,
                                 follow_links=getattr(args, "follow_links", False))
    return articles


def _spool_stdin(folder: str) -> str:

    path = os.path.join(folder, "stdin.jsonl")
    try:
        with open(path, "wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
    except OSError as exc:
        raise UsageError(f"cannot keep stdin in a temporary file: {exc.strerror or exc}") from None
    return path


def check_inputs(args: argparse.Namespace) -> None:
    """UsageError for an input that cannot be read as a whole (missing, wrong kind, unknown format), before the
    output folder is touched."""
    from mediacheck.io import InputError, detect_format

    hint = "see 'mediacheck report --help'"
    if args.inputs.count("-") > 1:
        raise UsageError("stdin (-) can be read only once")
    for path in args.inputs:
        if path == "-":
            continue
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such file or folder", hint)
        try:
            kind = detect_format(path, args.input_format)
        except InputError as exc:
            raise UsageError(str(exc), hint) from None
        if kind == "dir" and not os.path.isdir(path):
            raise UsageError(f"{path}: not a folder", hint)
        if kind != "dir" and os.path.isdir(path):
            raise UsageError(f"{path}: is a folder, not a {kind} file", hint)
        if not os.access(path, os.R_OK | (os.X_OK if kind == "dir" else 0)):
            raise UsageError(f"{path}: cannot read: permission denied")


def cmd_report(args: argparse.Namespace) -> int:
    from mediacheck.cleaning.extract import resolve
    from mediacheck.io import InputError, OutputError
    from mediacheck.report.engine import EngineError
    from mediacheck.report.output import (
        FINAL_TABLES,
        OutputFolderError,
        ReportFolder,
        open_sinks,
        write_by_outlet,
        write_summary,
        write_tables,
        write_timings,
    )
    from mediacheck.report.pipeline import build_report
    from mediacheck.report.progress import Progress

    start = time.perf_counter()
    check_inputs(args)
    leanings = read_outlets_meta(args.outlets_meta) if args.outlets_meta else {}
    if args.parquet:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError("--parquet needs the 'parquet' extra", "pip install 'mediacheck[parquet]'") from None
    try:
        resolve(args.html_extractor)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    folder = ReportFolder(args.out)
    try:
        folder.check()
    except OutputFolderError as exc:
        raise UsageError(str(exc)) from None
    bars = Progress(not args.quiet and sys.stderr.isatty())
    classifier = False if args.rules_only else None
    try:
        with tempfile.TemporaryDirectory(prefix="mediacheck-") as spool, folder as work:
            paths = [_spool_stdin(spool) if p == "-" else p for p in args.inputs]
            sinks = open_sinks(str(work), sentences=args.sentences, parquet=args.parquet)
            try:
                report = build_report(_source(paths, args), templates=not args.no_templates,
                                      sentences=args.sentences, leanings=leanings, classifier=classifier,
                                      extractor=args.html_extractor, tone=not args.no_tone, engine=args.engine,
                                      jobs=args.jobs, scheduler=args.scheduler, sinks=sinks, progress=bars,
                                      resamples=args.resamples, permutations=args.permutations,
                                      min_articles=args.min_articles, compare_no_outlet=args.compare_no_outlet)
            except BaseException as exc:
                for sink in sinks.values():          # stop the writer threads; the work folder goes anyway
                    try:
                        sink.close()
                    except Exception:  # noqa: BLE001, S110 - the first error is the one reported
                        pass
                if isinstance(exc, OSError) and not isinstance(exc, (BrokenPipeError, InterruptedError)):
                    where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
                    raise UsageError(f"the run stopped: {where}{exc.strerror or exc}") from None
                raise
            counts = {name: sink.close() for name, sink in sinks.items()}
            report.summary.update({"inputs": list(args.inputs), "removed_lines": counts.get("removed", 0)})
            if args.sentences:
                report.summary["sentences"] = counts.get("sentences", 0)
            steps = [(name, lambda n=name: write_tables(report.tables, str(work), parquet=args.parquet, names=(n,)))
                     for name in FINAL_TABLES]
            if args.by_outlet:
                steps.append(("by_outlet", lambda: write_by_outlet(report.tables["articles"], str(work))))
            steps.append(("summary.json", lambda: write_summary(report.summary, report.notes, str(work))))
            if not args.no_html:
                from mediacheck.report.html import write_html

                steps.append(("report.html", lambda: write_html(str(work / "report.html"), report.tables,
                                                                report.summary, report.notes)))
            for _name, write in bars.iter(steps, stage="writing", desc="writing the tables and report.html",
                                          total=len(steps), unit="file"):
                write()
            report.timings["stages"] = dict(bars.seconds)
            report.timings["seconds"] = round(time.perf_counter() - start, 2)
            write_timings(report.timings, str(work))
            folder.commit()
    except InputError as exc:
        raise UsageError(str(exc), "see 'mediacheck report --help'") from None
    except EngineError as exc:
        raise UsageError(str(exc)) from None
    except OutputFolderError as exc:
        raise UsageError(str(exc)) from None
    except (OSError, OutputError) as exc:
        raise UsageError(f"{args.out}: cannot write the report: {getattr(exc, 'strerror', None) or exc}") from None
    s = report.summary
    if not args.quiet:
        err(f"read {s['records_in']}, articles {s['articles']} (scored {s['scored']}, empty {s['empty']}), "
            f"errors {s['errors']}, outlets {s['outlets']}, stories {s['stories']}, "
            f"in {report.timings['seconds']:.1f}s -> {args.out}")
        for note in report.notes[:5]:
            err(f"note: {note}")
    return EXIT_ERRORS if s["errors"] else EXIT_OK
