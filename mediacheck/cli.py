"""The ``mediacheck`` command line.

Commands::

    mediacheck clean INPUT... [-o OUTPUT] [--format jsonl|csv|tsv|parquet] [--input-format FMT] [--outlet NAME]
                     [--no-templates] [--rules-only | --model MODEL.json] [--html-extractor auto|builtin|trafilatura]
                     [--max-bytes N] [--quiet]
    mediacheck train-cleaner DATA.jsonl -o MODEL.json [--data-name NAME] [--licence LICENCE]
    mediacheck rules
    mediacheck --version

``clean`` streams: it reads one article at a time, cleans it and writes its record at once. Without ``-o`` the
records go to stdout as JSON Lines and nothing else is written there; messages and the final summary go to
stderr. Every input record gives exactly one output record: one that cannot be read (bad JSON line, unreadable
file, over ``--max-bytes``) is written with ``status`` ``error`` and a ``message``, so ``read = written +
errors`` in the summary, where ``written`` counts the cleaned records (``ok`` + ``empty``).

Exit codes:
    0    every record was cleaned (some may have come out ``empty``: no article body found)
    1    finished, but some records were errors; they are in the output with status=error and a message
    2    usage error, or the input cannot be opened / the output cannot be written (one line on stderr)
    3    internal error (a bug in mediacheck; the message says so)
    130  interrupted (Ctrl-C)
    141  stdout was closed early (e.g. piped into ``head``); exits quietly
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence

from mediacheck.cli_common import (  # noqa: F401  (EXIT_* and UsageError are re-exported for the subcommands)
    EXIT_BROKEN_PIPE,
    EXIT_CODES_HELP,
    EXIT_ERRORS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    QUIET_HELP,
    Parser,
    UsageError,
    add_input_options,
    check_output,
    err,
    input_bytes,
    open_inputs,
    output_failed,
    progress,
    run_summary,
    show_progress,
    silence_stdout,
    size,
    skipped_note,
    write_atomic,
)

_err = err  # the subcommand modules' old name
_Parser = Parser
_size = size

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

TRAIN_HELP = """\
DATA.jsonl holds one page a line with gold_text (the hand-made article body) and scraped (the page as plain
text, one block a line) or html. The model is written as JSON with a header naming the data, its licence and
the date; use it with: mediacheck clean INPUT --model MODEL.json

exit codes: 0 model written, 2 bad arguments, unreadable or unusable data, or unwritable output.
"""


def build_parser() -> argparse.ArgumentParser:
    from mediacheck import __version__
    from mediacheck.io.writers import OUTPUT_FORMATS

    parser = Parser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Clean scraped news articles and score how they are written (hedging, loaded language, "
                    "attribution, frames), with every removal and score explained.",
        epilog="run 'mediacheck COMMAND --help' for a command's options.\n\n" + EXIT_CODES_HELP,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

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
    model.add_argument("--model", metavar="MODEL.json",
                       help="line classifier from 'mediacheck train-cleaner' (default: the shipped one)")
    p.add_argument("--html-extractor", choices=("auto", "builtin", "trafilatura"), default="auto",
                   help="how HTML is reduced to the article before the line cleaner: builtin DOM pruning + line "
                        "model, trafilatura's main-content filter (the 'html' extra), or auto (trafilatura when "
                        "installed; default)")
    p.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
    p.set_defaults(func=cmd_clean)

    t = sub.add_parser("train-cleaner", help="fit the line classifier on pages with hand-made article bodies",
                       description="Fit the line classifier from pages with gold article bodies.",
                       epilog=TRAIN_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    t.add_argument("data", metavar="DATA.jsonl", help="JSON Lines: gold_text plus scraped or html per line")
    t.add_argument("-o", "--output", metavar="MODEL.json", required=True, help="where to write the model")
    t.add_argument("--data-name", metavar="NAME", help="name of the training data (default: DATA's file name)")
    t.add_argument("--licence", "--license", dest="licence", default="", metavar="LICENCE",
                   help="licence of the training data, recorded in the model header")
    t.set_defaults(func=cmd_train)

    from mediacheck import cli_score

    cli_score.add_commands(sub, Parser, size)
    from mediacheck import cli_dedup

    cli_dedup.add_commands(sub, size)
    from mediacheck import cli_report

    cli_report.add_commands(sub, size)

    r = sub.add_parser("rules", help="print the rule codes the cleaner puts on removed lines (Markdown)",
                       description="Print the table of rule codes (code, description) as Markdown.")
    r.set_defaults(func=cmd_rules)
    return parser


# ---------------------------------------------------------------------------------------------- clean


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
                         "give a file written by 'mediacheck train-cleaner', or leave out --model") from None
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
    classifier = False if args.rules_only else _load_model(args.model) if args.model else None
    try:
        resolve(args.html_extractor)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    stats = ReadStats()
    articles = open_inputs(args, stats, "clean")
    articles = progress(articles, show=show_progress(args), total_bytes=input_bytes(args.inputs), desc="clean")
    tally = _Tally()
    results = clean_many(articles, templates=not args.no_templates, classifier=classifier,
                         extractor=args.html_extractor)
    columns = CLEAN_COLUMNS if kind in ("csv", "tsv", "parquet") else None
    try:
        write_records(tally.watch(results), args.output, fmt=kind, columns=columns)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        raise output_failed(exc, args.output) from None
    run_summary(stats, tally.counts, tally.warnings, tally.first_error, time.perf_counter() - start,
                quiet=args.quiet)
    return EXIT_ERRORS if tally.counts["error"] else EXIT_OK


# ---------------------------------------------------------------------------------------------- train-cleaner


def _jsonl_records(path: str) -> Iterator[dict]:
    try:
        f = open(path, encoding="utf-8-sig")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}",
                         "give a JSON Lines file with gold_text and scraped or html per line") from None
    with f:
        try:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise UsageError(f"{path}:{lineno}: invalid JSON: {exc}") from None
                if not isinstance(record, dict):
                    raise UsageError(f"{path}:{lineno}: expected a JSON object, got {type(record).__name__}")
                yield record
        except UnicodeDecodeError as exc:
            raise UsageError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def cmd_train(args: argparse.Namespace) -> int:
    from mediacheck.cleaning.classifier import fit_line_model

    if not os.path.isfile(args.data):
        what = "is a folder, not a file" if os.path.isdir(args.data) else "no such file"
        raise UsageError(f"{args.data}: {what}", "give a JSON Lines file with gold_text and scraped or html")
    data_name = args.data_name or os.path.basename(args.data)
    start = time.perf_counter()
    try:
        model = fit_line_model(_jsonl_records(args.data), data_name=data_name, licence=args.licence)
    except ValueError as exc:
        raise UsageError(f"{args.data}: {exc}", "each line needs gold_text and scraped (or html)") from None
    write_atomic(args.output, model.to_json() + "\n")
    h = model.header or {}
    print(f"fitted {h.get('lines', '?')} lines from {h.get('documents', '?')} documents of {data_name} "
          f"in {time.perf_counter() - start:.1f}s; wrote {args.output}")
    return EXIT_OK


# ---------------------------------------------------------------------------------------------- rules


def rules_markdown() -> str:
    from mediacheck.cleaning.rules import RULE_CODES

    rows = ["| code | description |", "|---|---|"]
    rows += [f"| `{code}` | {desc.replace('|', chr(92) + '|')} |" for code, desc in RULE_CODES.items()]
    return "\n".join(rows) + "\n"


def cmd_rules(args: argparse.Namespace) -> int:
    sys.stdout.write(rules_markdown())
    sys.stdout.flush()
    return EXIT_OK


# ---------------------------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version, usage errors
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return args.func(args)
    except UsageError as exc:
        err(f"error: {exc}")
        if exc.hint:
            err(f"hint: {exc.hint}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug, said as one
        return _internal_error(exc)


def _internal_error(exc: BaseException) -> int:
    """Report an unexpected exception as a bug (exit 3); MEDIACHECK_DEBUG=1 prints the traceback too."""
    if os.environ.get("MEDIACHECK_DEBUG"):
        import traceback

        traceback.print_exception(exc)
    where = ""
    tb = exc.__traceback__
    while tb is not None:
        where = f" at {os.path.basename(tb.tb_frame.f_code.co_filename)}:{tb.tb_lineno}"
        tb = tb.tb_next
    err(f"internal error (a bug in mediacheck, please report it with the command line): "
        f"{type(exc).__name__}: {exc}{where}")
    err("hint: set MEDIACHECK_DEBUG=1 to see the traceback")
    silence_stdout()
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
