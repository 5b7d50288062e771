"""The ``mediacheck`` command line (``mediacheck`` script and ``python -m mediacheck``).

Commands::

    mediacheck clean INPUT... [-o OUTPUT] [--format jsonl|csv|tsv|parquet] [--input-format FMT] [--outlet NAME]
                     [--no-templates] [--rules-only | --line-model MODEL.json]
                     [--html-extractor auto|builtin|trafilatura] [--max-bytes N] [--quiet]
    mediacheck train-cleaner DATA.jsonl -o MODEL.json [--data-name NAME] [--licence LICENCE]
    mediacheck score INPUT... [-o OUTPUT] [--sentences SENTENCES] [--loaded-model MODEL.json] ...
    mediacheck train-scorer DATA.jsonl -o MODEL.json ...
    mediacheck dedup INPUT... [-o PAIRS] [--clusters CLUSTERS] [--outlets OUTLETS] ...
    mediacheck report INPUT... --out DIR ...
    mediacheck rules
    mediacheck --version

``--model`` is the deprecated old name of ``clean --line-model`` and ``score --loaded-model``: it still works and
says so in one warning line on stderr.

The package: ``_common`` (errors, exit codes, the parser class, shared options and helpers) and one module per
command (``clean``, ``train`` for train-cleaner and train-scorer, ``score``, ``dedup``, ``report``, ``rules``),
each with a ``register`` function that adds its subparser and a ``cmd_*`` function that runs it. A command's
heavy dependencies (pandas, scikit-learn, the cleaner, scorer and report packages) are imported inside its
``cmd_*`` function, so ``mediacheck --help`` and ``mediacheck rules`` start without them; the modules import
``_common`` and the libraries, never this package.

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
    4    a worker process of ``--jobs`` stopped (killed, e.g. out of memory); the message says to use fewer
    130  interrupted (Ctrl-C)
    141  stdout was closed early (e.g. piped into ``head``); exits quietly
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from mediacheck.cli import clean, dedup, report, rules, score, train
from mediacheck.cli._common import (
    EXIT_BROKEN_PIPE,
    EXIT_CODES_HELP,
    EXIT_ERRORS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WORKER_DIED,
    PROG,
    Parser,
    UsageError,
    err,
    silence_stdout,
)

__all__ = [
    "EXIT_BROKEN_PIPE", "EXIT_ERRORS", "EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE",
    "EXIT_WORKER_DIED", "UsageError",
    "build_parser", "main",
]

#: The subcommands' register functions, in the order ``mediacheck --help`` lists them.
COMMANDS = (clean.register, train.register_cleaner, score.register, train.register_scorer, dedup.register,
            report.register, rules.register)


def build_parser() -> argparse.ArgumentParser:
    from mediacheck import __version__

    parser = Parser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Clean scraped news articles and score how they are written (hedging, loaded language, "
                    "attribution, frames), with every removal and score explained.",
        epilog="run 'mediacheck COMMAND --help' for a command's options.\n\n" + EXIT_CODES_HELP,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for register in COMMANDS:
        register(sub)
    return parser


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
        if _worker_died(exc):
            err(f"error: a worker process stopped before it finished ({exc}); it was probably killed, e.g. for "
                "lack of memory")
            err("hint: run again with fewer --jobs (--jobs 1 runs everything in one process)")
            silence_stdout()
            return EXIT_WORKER_DIED
        return _internal_error(exc)


def _worker_died(exc: BaseException) -> bool:
    """A process pool of ``--jobs`` lost a worker (``BrokenProcessPool``; its module is loaded only with a pool)."""
    process = sys.modules.get("concurrent.futures.process")
    return process is not None and isinstance(exc, process.BrokenProcessPool)


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
