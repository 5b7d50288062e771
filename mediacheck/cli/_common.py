"""What every ``mediacheck`` command shares: errors, exit codes, the parser class, the input options, renamed
options, progress, JSON Lines and stream helpers, and the atomic file writer.

Imports only the standard library at module level (``mediacheck.io`` and tqdm inside the functions that need
them), so ``mediacheck --help`` stays quick. No module of ``mediacheck.cli`` imports the package
``mediacheck.cli`` itself: they import this module and the libraries they use.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_WORKER_DIED = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

PROG = "mediacheck"

EXIT_CODES_HELP = """\
exit codes:
  0    finished; every record was processed (some may be 'empty': no article body found)
  1    finished, but some records were errors (they are in the output / errors table with a message)
  2    usage error, unreadable input, or output that cannot be written (one line on stderr)
  3    internal error: a bug in mediacheck (please report it with the command line)
  4    a worker process of --jobs stopped (killed, e.g. out of memory): run again with fewer --jobs
  130  interrupted (Ctrl-C)
  141  stdout closed early (e.g. piped into head)
"""

QUIET_HELP = "no progress bar and no summary on stderr (error lines are always shown)"

INPUT_HELP = "folder, .txt/.html, .jsonl, .csv, .tsv, .parquet, or - (JSON Lines on stdin); several allowed"


class UsageError(Exception):
    """A problem the user can fix; reported as one line ``mediacheck: error: ...`` plus an optional hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class Parser(argparse.ArgumentParser):
    """argparse with our error format: usage, then ``mediacheck: error: ...`` and a pointer to --help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        hint = f"run '{self.prog} --help' for the options"
        self.exit(EXIT_USAGE, f"{PROG}: error: {message}\n{PROG}: hint: {hint}\n")


class _RenamedOption(argparse.Action):
    """``store`` under a new option name that also answers to its old, deprecated name: the old name still works
    and says so in one warning line on stderr (once per run, however often it is given)."""

    def __init__(self, option_strings, dest, old: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(option_strings, dest, **kwargs)
        self.old = old
        self.warned = False

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        if option_string in self.old and not self.warned:
            self.warned = True
            err(f"warning: {option_string} is deprecated; use {self.option_strings[0]}")
        setattr(namespace, self.dest, values)


def add_renamed_option(p, new: str, old: str, **kwargs) -> argparse.Action:
    """Add option ``new`` (dest from its name) to parser or group ``p``, with ``old`` as a deprecated alias."""
    return p.add_argument(new, old, action=_RenamedOption, old=(old,), **kwargs)


# ---------------------------------------------------------------------------------------------- option types


def size(value: str) -> int:
    """``--max-bytes`` value: bytes, or with a K/M/G suffix (powers of 1024)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", value, re.IGNORECASE)
    if not m:
        raise argparse.ArgumentTypeError(f"invalid size {value!r} (use e.g. 1000000, 500K, 50M, 1G)")
    n = float(m.group(1)) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[m.group(2).lower()]
    if n < 1:
        raise argparse.ArgumentTypeError(f"size must be at least 1 byte, not {value!r}")
    return int(n)


def whole(value: str) -> int:
    """An argparse type: an integer."""
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None


def int_at_least(low: int, meaning: str = ""):
    """An argparse type: an integer >= ``low`` (``meaning`` is added to the error, e.g. why the minimum)."""
    def parse(value: str) -> int:
        n = whole(value)
        if n < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}{meaning}, not {n}")
        return n
    return parse


def float_between(low: float, high: float):
    """An argparse type: a finite number in [low, high]."""
    def parse(value: str) -> float:
        try:
            x = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, not {value!r}") from None
        if not low <= x <= high:  # also false for NaN
            raise argparse.ArgumentTypeError(f"must be between {low:g} and {high:g}, not {value}")
        return x
    return parse


# ---------------------------------------------------------------------------------------------- input


def add_input_options(p: argparse.ArgumentParser) -> None:
    """INPUT... and the options every reading command takes, declared once."""
    from mediacheck.io.readers import DEFAULT_MAX_BYTES, FORMATS, format_size

    p.add_argument("inputs", nargs="+", metavar="INPUT", help=INPUT_HELP)
    p.add_argument("--input-format", choices=FORMATS, help="input format (default: from each INPUT's extension)")
    p.add_argument("--outlet", metavar="NAME", help="outlet for records that name none (default: sub-folder)")
    p.add_argument("--max-bytes", type=size, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="largest file or record read; bigger ones become error records "
                        f"(default: {format_size(DEFAULT_MAX_BYTES).replace(' ', '')}; K/M/G suffixes allowed)")
    p.add_argument("--follow-links", action="store_true",
                   help="in input folders, also read symlinks that point outside the folder (default: skipped and "
                        "counted)")


JOBS_HELP = ("processes that clean and score (default: all cores for files and folders, 1 when reading stdin, "
             "so each record comes out as soon as it is read); the first 100 articles run in this process, "
             "a pool starts only for more; the output is the same for every N")


def add_jobs_option(p: argparse.ArgumentParser) -> None:
    """``--jobs N`` of ``clean`` and ``score`` (``jobs_for`` gives its value)."""
    p.add_argument("--jobs", type=int_at_least(0), default=None, metavar="N", help=JOBS_HELP)


def jobs_for(args: argparse.Namespace) -> int:
    """``--jobs``, else 1 when stdin is an input (a pool answers in batches, which would hold a piped record
    back) and 0 (all cores) otherwise."""
    if args.jobs is not None:
        return args.jobs
    return 1 if "-" in args.inputs else 0


def open_inputs(args: argparse.Namespace, stats, command: str) -> Iterator:
    """The articles of ``args.inputs`` as one stream (ids unique across inputs); UsageError if one cannot be read."""
    from mediacheck.io import InputError, read_articles

    inputs = list(args.inputs)
    if inputs.count("-") > 1:
        raise UsageError("stdin (-) can be read only once")
    try:
        return read_articles(inputs if len(inputs) > 1 else inputs[0], outlet=args.outlet, fmt=args.input_format,
                             max_bytes=args.max_bytes, stdin=sys.stdin if "-" in inputs else None, stats=stats,
                             follow_links=args.follow_links)
    except InputError as exc:
        raise UsageError(str(exc), f"give folders, .txt/.html/.jsonl/.csv/.tsv/.parquet files, or - for JSON "
                                   f"Lines on stdin; see 'mediacheck {command} --help'") from None


def skipped_note(stats) -> str:
    """``', 3 files skipped (2 hidden, 1 not .txt/.html)'`` for a summary line, or ``''``."""
    reasons = getattr(stats, "skipped", None) or {}
    total = sum(reasons.values()) if reasons else getattr(stats, "skipped_files", 0)
    if not total:
        return ""
    detail = ", ".join(f"{n} {why}" for why, n in sorted(reasons.items(), key=lambda kv: -kv[1]))
    return f", {total} file{'s' if total != 1 else ''} skipped" + (f" ({detail})" if detail else "")


def input_bytes(inputs: Iterable[str]) -> int | None:
    """Total size of the input files (folders walked), or None when one is stdin or cannot be sized."""
    total = 0
    for path in inputs:
        if path == "-":
            return None
        try:
            if os.path.isdir(path):
                for root, dirs, files in os.walk(path):
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    total += sum(os.path.getsize(os.path.join(root, f)) for f in files if not f.startswith("."))
            else:
                total += os.path.getsize(path)
        except OSError:
            return None
    return total


def check_output(output: str | None, fmt: str | None, inputs: Sequence[str]) -> str:
    """The output format; UsageError for an unknown format, Parquet on stdout or an output that is an input."""
    from mediacheck.io import OutputError, output_format

    try:
        kind = output_format(output, fmt)
    except OutputError as exc:
        raise UsageError(str(exc), "use -o FILE.jsonl|.csv|.tsv|.parquet or --format") from None
    if kind == "parquet" and output in (None, "-"):
        raise UsageError("Parquet cannot be written to stdout", "give an output file: -o OUTPUT.parquet")
    if output not in (None, "-") and os.path.exists(output):
        for path in inputs:
            if path != "-" and os.path.exists(path) and os.path.samefile(output, path):
                raise UsageError(f"{output}: output would overwrite the input", "choose another -o file")
    return kind


def run_summary(stats, counts: dict, warned: int, first_error: str, elapsed: float, *, quiet: bool,
                extra: str = "") -> None:
    """The closing lines on stderr: counts (unless quiet), and the first error (always)."""
    if not quiet:
        cleaned = counts.get("ok", 0) + counts.get("empty", 0)
        errors = f"errors {counts.get('error', 0)}" + (" (also written, with status=error)" if counts.get("error")
                                                        else "")
        warned_note = f", {warned} with warnings" if warned else ""
        err(f"read {stats.records}, written {cleaned} (ok {counts.get('ok', 0)}, empty {counts.get('empty', 0)}), "
            f"{errors}{warned_note}{extra}{skipped_note(stats)}, in {elapsed:.2f}s")
        if stats.records == 0:
            err("no records found in the input")
    if counts.get("error"):
        err(f"first error: {first_error}")


def jsonl_records(path: str, hint: str) -> Iterator[dict]:
    """The JSON objects of a JSON Lines file, one per non-blank line; UsageError (naming the line) for anything
    else. ``hint`` is shown when the file cannot be opened."""
    try:
        f = open(path, encoding="utf-8-sig")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}", hint) from None
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


# ---------------------------------------------------------------------------------------------- progress


def progress(items: Iterable, *, show: bool, total_bytes: int | None, desc: str) -> Iterator:
    """Pass ``items`` through, with a tqdm bar on stderr (MiB read, MiB/s, ETA, records) when ``show``.

    Each item's size is its ``text`` + ``html`` length (characters stand in for bytes).
    """
    if not show:
        yield from items
        return
    from tqdm import tqdm

    bar = tqdm(total=total_bytes, desc=desc, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
               dynamic_ncols=True, leave=False)
    n = 0
    try:
        for item in items:
            n += 1
            bar.update(len(getattr(item, "text", "") or "") + len(getattr(item, "html", "") or ""))
            if n % 50 == 0:
                bar.set_postfix_str(f"{n} records", refresh=False)
            yield item
    finally:
        bar.close()


def show_progress(args: argparse.Namespace) -> bool:
    return not getattr(args, "quiet", False) and sys.stderr.isatty()


# ---------------------------------------------------------------------------------------------- messages, files

def printable(text: object) -> str:
    """A string safe to print on a terminal: controls and bidi overrides shown as ``\\uXXXX``, not obeyed."""
    from mediacheck.io.repair import BIDI_CONTROLS

    s = str(text)
    return "".join(
        f"\\u{ord(ch):04x}" if (ch in BIDI_CONTROLS or (unicodedata.category(ch) == "Cc" and ch != "\t")
                                or unicodedata.category(ch) == "Cs") else ch
        for ch in s
    )


def err(message: str) -> None:
    """One line on stderr, prefixed ``mediacheck:``."""
    print(f"{PROG}: {printable(message)}", file=sys.stderr, flush=True)


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it; the temporary file never stays behind."""
    tmp = f"{path}.tmp{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None


def output_failed(exc: OSError, where: str | None) -> UsageError:
    """The UsageError for an OSError while writing ``where`` (None or '-' = stdout)."""
    name = where if where not in (None, "-") else "<stdout>"
    return UsageError(f"{name}: cannot write: {exc.strerror or exc}")


def write_failed(exc: Exception, where: str | None) -> BaseException:
    """What to raise for an error while writing ``where``: a UsageError for a refused output (``OutputError``) or
    an OS error (full disk, no permission), the error itself for a broken pipe (``main`` ends quietly on it)."""
    from mediacheck.io import OutputError

    if isinstance(exc, OutputError):
        return UsageError(str(exc))
    if isinstance(exc, BrokenPipeError):
        return exc
    return output_failed(exc, where)


def silence_stdout() -> None:
    """After a broken pipe or a full disk: point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def stdin_stream() -> IO:
    return sys.stdin
