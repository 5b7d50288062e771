"""``mediacheck score``: hedging, loaded language, attribution and frames per article (and per sentence)."""
from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Iterator

from mediacheck.cli._common import (
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

SCORE_HELP = """\
INPUT is read as by 'mediacheck clean' (folder, .txt/.html, .jsonl, .csv, .tsv, .parquet, or - for JSON Lines on
stdin). Raw input is cleaned first; --no-clean scores the text as given (e.g. the output of 'mediacheck clean',
whose records carry the cleaned body in 'text' and the headline in 'title').

OUTPUT gets one row per article (id, outlet, title, status, message, then the scores; see docs/columns.md for each
score's unit); --sentences gets one row per sentence: id, index, start, end, text, hedged, cues (each cue with
text, start, end, category, type; offsets index the scored text), loaded_prob, frames.

examples:
  mediacheck score corpora/demo -o scores.csv --sentences sentences.jsonl
  mediacheck clean pages.jsonl | mediacheck score - --no-clean > scores.jsonl
"""


def register(sub) -> None:
    """Add the ``score`` subcommand to ``sub`` (the parser's subparsers)."""
    from mediacheck.io.writers import OUTPUT_FORMATS

    p = sub.add_parser("score", help="score hedging, loaded language, attribution and frames, with evidence",
                       description="Score articles: one row per article, optionally one row per sentence.",
                       epilog=SCORE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_options(p)
    p.add_argument("-o", "--output", metavar="OUTPUT", help="article rows: .jsonl, .csv, .tsv or .parquet "
                                                            "(default: JSON Lines on stdout)")
    p.add_argument("--sentences", metavar="SENTENCES", help="also write the sentence rows here")
    p.add_argument("--format", choices=OUTPUT_FORMATS, help="OUTPUT format (default: from its extension)")
    p.add_argument("--no-clean", action="store_true", help="score the text as given, without cleaning it first")
    p.add_argument("--lexicon", metavar="FILE.tsv", action="append", default=[],
                   help="extra lexicon entries (term, category, type, note), merged with the shipped ones; "
                        "may be repeated")
    add_renamed_option(p, "--loaded-model", "--model", metavar="MODEL.json",
                       help="loaded-language model from 'mediacheck train-scorer' (--model is its deprecated old "
                            "name)")
    p.add_argument("--no-tone", action="store_true", help="skip VADER tone (about twice as fast; tone left empty)")
    add_jobs_option(p)
    p.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
    p.set_defaults(func=cmd_score)


def _load_loaded_model(path: str | None):
    from mediacheck.scoring.loaded import LoadedModel

    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            return LoadedModel.from_json(f.read())
    except OSError as exc:
        raise UsageError(f"{path}: cannot read model: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"{path}: not a usable loaded-language model: {exc}",
                         "give a file written by 'mediacheck train-scorer'") from None


def _lexicon(extra: list[str]):
    from mediacheck.scoring.lexicon import default_lexicon, load_lexicon

    if not extra:
        return default_lexicon()
    try:
        return load_lexicon(extra=extra)
    except OSError as exc:
        raise UsageError(f"cannot read lexicon: {exc}") from None
    except ValueError as exc:
        raise UsageError(str(exc), "lexicon lines are term<TAB>category<TAB>type[<TAB>note]") from None


def cmd_score(args: argparse.Namespace) -> int:
    from mediacheck.io import OutputError, ReadStats, RecordSink, write_records
    from mediacheck.model import SENTENCE_COLUMNS
    from mediacheck.scoring import ARTICLE_COLUMNS, score_many

    start = time.perf_counter()
    kind = check_output(args.output, args.format, args.inputs)
    if args.sentences:
        check_output(args.sentences, None, [*args.inputs, *([args.output] if args.output else [])])
    lexicon = _lexicon(args.lexicon)
    model = _load_loaded_model(args.loaded_model)
    stats = ReadStats()
    articles = open_inputs(args, stats, "score")
    articles = progress(articles, show=show_progress(args), total_bytes=input_bytes(args.inputs), desc="score")

    counts = {"ok": 0, "empty": 0, "error": 0}
    warned = 0
    first_error = ""
    side = None

    def rows(results: Iterable) -> Iterator[dict]:
        nonlocal first_error, warned
        for r in results:
            counts[r.status] = counts.get(r.status, 0) + 1
            if r.status == "error" and not first_error:
                first_error = f"({r.id}) {r.message}"
            if side:
                for s in r.sentences:
                    side.put(s.to_dict())
            yield r.to_dict()

    columns = ("id", "input_id", "outlet", "title", "status", "message", *ARTICLE_COLUMNS[3:], "meta")
    where = args.output
    try:
        side = RecordSink(args.sentences, columns=SENTENCE_COLUMNS) if args.sentences else None
        write_records(rows(score_many(articles, clean=not args.no_clean, lexicon=lexicon, model=model,
                                      tone=not args.no_tone, jobs=jobs_for(args),
                                      sentences=bool(args.sentences))),
                      args.output, fmt=kind, columns=columns)
        where = args.sentences
        n_sent = side.close() if side else 0
    except (OutputError, OSError) as exc:
        raise write_failed(exc, where) from None
    sent = f", {n_sent} sentence rows" if side else ""
    run_summary(stats, counts, warned, first_error, time.perf_counter() - start, quiet=args.quiet, extra=sent)
    return EXIT_ERRORS if counts["error"] else EXIT_OK
