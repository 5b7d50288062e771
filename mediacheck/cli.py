"""The ``mediacheck`` command line.

Commands::

    mediacheck clean INPUT [-o OUTPUT] [--format jsonl|csv|tsv|parquet] [--input-format FMT] [--outlet NAME]
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
    130  interrupted (Ctrl-C)
    141  stdout was closed early (e.g. piped into ``head``); exits quietly
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

PROG = "mediacheck"

EXIT_CODES_HELP = """\
exit codes:
  0    every record was cleaned (some may be 'empty': no article body found)
  1    finished, but some records were errors (in the output with status=error and a message)
  2    usage error, or the input cannot be opened / the output cannot be written
  130  interrupted (Ctrl-C)
  141  stdout closed early (e.g. piped into head)
"""

CLEAN_HELP = """\
INPUT is a folder (every .txt/.html file in it; a file's sub-folder is its outlet), one .txt or .html file,
a .jsonl / .csv / .tsv / .parquet file of records (fields: id, text or html, outlet, url, published, title),
or - for JSON Lines on stdin. Without -o, records are written to stdout as JSON Lines; the summary goes to
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


class UsageError(Exception):
    """A problem the user can fix; reported as one line ``mediacheck: error: ...`` plus an optional hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class _Parser(argparse.ArgumentParser):
    """argparse with our error format: usage, then ``mediacheck: error: ...`` and a pointer to --help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        hint = f"run '{self.prog} --help' for the options"
        self.exit(EXIT_USAGE, f"{PROG}: error: {message}\n{PROG}: hint: {hint}\n")


def _size(value: str) -> int:
    """``--max-bytes`` value: bytes, or with a K/M/G suffix (powers of 1024)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", value, re.IGNORECASE)
    if not m:
        raise argparse.ArgumentTypeError(f"invalid size {value!r} (use e.g. 1000000, 500K, 50M, 1G)")
    n = float(m.group(1)) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[m.group(2).lower()]
    if n < 1:
        raise argparse.ArgumentTypeError(f"size must be at least 1 byte, not {value!r}")
    return int(n)


def build_parser() -> argparse.ArgumentParser:
    from mediacheck import __version__
    from mediacheck.io.readers import DEFAULT_MAX_BYTES, FORMATS, format_size
    from mediacheck.io.writers import OUTPUT_FORMATS

    parser = _Parser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Clean scraped news articles and score how they are written (hedging, loaded language, "
                    "attribution, frames), with every removal and score explained.",
        epilog="run 'mediacheck COMMAND --help' for a command's options.\n\n" + EXIT_CODES_HELP,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("clean", help="clean scraped articles (folder, text/HTML file, JSONL, CSV, Parquet)",
                       description="Clean scraped articles and write one record per input record.",
                       epilog=CLEAN_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="INPUT", help="folder, .txt/.html, .jsonl, .csv, .tsv, .parquet, or - (stdin)")
    p.add_argument("-o", "--output", metavar="OUTPUT",
                   help="output file: .jsonl, .csv, .tsv or .parquet (default: JSON Lines on stdout)")
    p.add_argument("--format", choices=OUTPUT_FORMATS, help="output format (default: from OUTPUT's extension)")
    p.add_argument("--input-format", choices=FORMATS, help="input format (default: from INPUT's extension)")
    p.add_argument("--outlet", metavar="NAME", help="outlet for records that name none (default: sub-folder)")
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
    p.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="largest file or record read; bigger ones become error records "
                        f"(default: {format_size(DEFAULT_MAX_BYTES).replace(' ', '')}; K/M/G suffixes allowed)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr (errors are still shown)")
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

    cli_score.add_commands(sub, _Parser, _size)
    from mediacheck import cli_dedup

    cli_dedup.add_commands(sub, _size)
    from mediacheck import cli_report

    cli_report.add_commands(sub, _size)

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


def _stdin_stream() -> IO:
    return sys.stdin


def cmd_clean(args: argparse.Namespace) -> int:
    from mediacheck.cleaning import clean_many
    from mediacheck.io import InputError, OutputError, ReadStats, output_format, read_articles, write_records
    from mediacheck.model import CLEAN_COLUMNS

    start = time.perf_counter()
    try:
        kind = output_format(args.output, args.format)
    except OutputError as exc:
        raise UsageError(str(exc), "use -o FILE.jsonl|.csv|.tsv|.parquet or --format") from None
    if kind == "parquet" and args.output in (None, "-"):
        raise UsageError("Parquet cannot be written to stdout", "give an output file: -o OUTPUT.parquet")
    if args.output not in (None, "-") and args.input != "-" and os.path.exists(args.output) \
            and os.path.exists(args.input) and os.path.samefile(args.output, args.input):
        raise UsageError(f"{args.output}: output would overwrite the input", "choose another -o file")
    classifier = False if args.rules_only else _load_model(args.model) if args.model else None
    from mediacheck.cleaning.extract import resolve

    try:
        resolve(args.html_extractor)
    except ValueError as exc:
        raise UsageError(str(exc)) from None

    stats = ReadStats()
    try:
        articles = read_articles(args.input, outlet=args.outlet, fmt=args.input_format, max_bytes=args.max_bytes,
                                 stdin=_stdin_stream() if args.input == "-" else None, stats=stats)
    except InputError as exc:
        hint = ("give a folder, a .txt/.html/.jsonl/.csv/.tsv/.parquet file, or - for JSON Lines on stdin; "
                "see 'mediacheck clean --help'")
        raise UsageError(str(exc), hint) from None

    tally = _Tally()
    results = clean_many(articles, templates=not args.no_templates, classifier=classifier,
                         extractor=args.html_extractor)
    columns = CLEAN_COLUMNS if kind in ("csv", "tsv", "parquet") else None
    try:
        written = write_records(tally.watch(results), args.output, fmt=kind, columns=columns)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        where = args.output if args.output not in (None, "-") else "<stdout>"
        raise UsageError(f"{where}: cannot write: {exc.strerror or exc}") from None

    c = tally.counts
    cleaned = written - c["error"]
    if not args.quiet:
        elapsed = time.perf_counter() - start
        errors = f"errors {c['error']}"
        if c["error"]:
            errors += " (also written, with status=error)"
        extra = f", {tally.warnings} with warnings" if tally.warnings else ""
        n_skip = stats.skipped_files
        skipped = f", {n_skip} file{'s' if n_skip != 1 else ''} skipped (not .txt/.html)" if n_skip else ""
        _err(f"read {stats.records}, written {cleaned} (ok {c['ok']}, empty {c['empty']}), {errors}{extra}"
             f"{skipped}, in {elapsed:.2f}s")
        if c["error"]:
            _err(f"first error: {tally.first_error}")
        if stats.records == 0:
            _err("no records found in the input")
    return EXIT_ERRORS if c["error"] else EXIT_OK


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
    text = model.to_json() + "\n"
    tmp = f"{args.output}.tmp{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, args.output)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
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


def _err(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's final flush cannot complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


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
        _err(f"error: {exc}")
        if exc.hint:
            _err(f"hint: {exc.hint}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
