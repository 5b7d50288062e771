"""``mediacheck clean``: clean scraped articles, one output record per input record, streamed."""
from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Iterator

from mediacheck.cli._common import (
    EXIT_CODES_HELP,
    EXIT_ERRORS,
    EXIT_OK,
    QUIET_HELP,
    UsageError,
    add_input_options,
    add_jobs_option,
    add_renamed_option,
    check_output,
    input_bytes,
    jobs_for,
    open_inputs,
    progress,
    run_summary,
    show_progress,
    write_failed,
)

CLEAN_HELP = """\
INPUT is a folder (every .txt/.html file in it; a file's sub-folder is its outlet), one .txt or .html file,
a .jsonl / .csv / .tsv / .parquet file of records (fields: id, text or html, outlet, url, published, title;
other fields are kept under meta), or - for JSON Lines on stdin; several INPUTs are read as one batch.
Without -o, records are written to stdout as JSON Lines; the summary goes to
stderr. Every input record gives one output record; records that cannot be read are written with
status=error and a message.

examples:
  mediacheck clean corpora/demo -o clean.jsonl
  mediacheck clean articles.csv -o clean.csv --outlet example.com
  cat articles.jsonl | mediacheck clean - | head -n 1

""" + EXIT_CODES_HELP


def register(sub) -> None:
    """Add the ``clean`` subcommand to ``sub`` (the parser's subparsers)."""
    from mediacheck.io.writers import OUTPUT_FORMATS

    p = sub.add_parser("clean", help="clean scraped articles (folder, text/HTML file, JSONL, CSV, Parquet)",
                       description="Clean scraped articles and write one record per input record.",
                       epilog=CLEAN_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_options(p)
    p.add_argument("-o", "--output", metavar="OUTPUT",
                   help="output file: .jsonl, .csv, .tsv or .parquet (default: JSON Lines on stdout)")
    p.add_argument("--format", choices=OUTPUT_FORMATS, help="output format (default: from OUTPUT's extension)")
    p.add_argument("--no-templates", action="store_true",
                   help="do not learn per-outlet template lines (TPL_OUTLET) across the batch")
    model = p.add_mutually_exclusive_group()
    model.add_argument("--rules-only", action="store_true", help="rules only, no line classifier")
    add_renamed_option(model, "--line-model", "--model", metavar="MODEL.json",
                       help="line classifier from 'mediacheck train-cleaner' (default: the shipped one; --model is "
                            "its deprecated old name)")
    p.add_argument("--html-extractor", choices=("auto", "builtin", "trafilatura"), default="auto",
                   help="how HTML is reduced to the article before the line cleaner: builtin DOM pruning + line "
                        "model, trafilatura's main-content filter (the 'html' extra), or auto (trafilatura when "
                        "installed; default)")
    add_jobs_option(p)
    p.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
    p.set_defaults(func=cmd_clean)


class _Tally:
    """Counts records by status as they stream past; keeps the first error for the summary."""

    def __init__(self) -> None:
        self.counts = {"ok": 0, "empty": 0, "error": 0}
        self.warnings = 0
        self.first_error = ""

    def watch(self, results: Iterable) -> Iterator[dict]:
        for r in results:
            self.counts[r.status] = self.counts.get(r.status, 0) + 1
            self.warnings += bool(r.warnings)
            if r.status == "error" and not self.first_error:
                self.first_error = f"({r.id}) {r.message}"
            yield r.to_dict()


def _load_model(path: str):
    from mediacheck.cleaning.classifier import LineModel

    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read model: {exc.strerror or exc}",
                         "give a file written by 'mediacheck train-cleaner', or leave out --line-model") from None
    try:
        return LineModel.from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise UsageError(f"{path}: not a usable line model: {what}",
                         "give a file written by 'mediacheck train-cleaner'") from None


def cmd_clean(args: argparse.Namespace) -> int:
    from mediacheck.cleaning import clean_many
    from mediacheck.cleaning.extract import resolve
    from mediacheck.io import OutputError, ReadStats, write_records
    from mediacheck.model import CLEAN_COLUMNS

    start = time.perf_counter()
    kind = check_output(args.output, args.format, args.inputs)
    classifier = False if args.rules_only else _load_model(args.line_model) if args.line_model else None
    try:
        resolve(args.html_extractor)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    stats = ReadStats()
    articles = open_inputs(args, stats, "clean")
    articles = progress(articles, show=show_progress(args), total_bytes=input_bytes(args.inputs), desc="clean")
    tally = _Tally()
    results = clean_many(articles, templates=not args.no_templates, classifier=classifier,
                         extractor=args.html_extractor, jobs=jobs_for(args))
    columns = CLEAN_COLUMNS if kind in ("csv", "tsv", "parquet") else None
    try:
        write_records(tally.watch(results), args.output, fmt=kind, columns=columns)
    except (OutputError, OSError) as exc:
        raise write_failed(exc, args.output) from None
    run_summary(stats, tally.counts, tally.warnings, tally.first_error, time.perf_counter() - start,
                quiet=args.quiet)
    return EXIT_ERRORS if tally.counts["error"] else EXIT_OK
