"""``mediacheck score`` and ``mediacheck train-scorer`` (registered by ``mediacheck.cli.build_parser``)."""
from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Iterable, Iterator

SCORE_HELP = """\
INPUT is read as by 'mediacheck clean' (folder, .txt/.html, .jsonl, .csv, .tsv, .parquet, or - for JSON Lines on
stdin). Raw input is cleaned first; --no-clean scores the text as given (e.g. the output of 'mediacheck clean',
whose records carry the cleaned body in 'text' and the headline in 'title').

OUTPUT gets one row per article (id, outlet, title, status, message, then the scores; see the README for each
score's unit); --sentences gets one row per sentence: id, index, start, end, text, hedged, cues (each cue with
text, start, end, category, type; offsets index the scored text), loaded_prob, frames.

examples:
  mediacheck score corpora/demo -o scores.csv --sentences sentences.jsonl
  mediacheck clean pages.jsonl | mediacheck score - --no-clean > scores.jsonl
"""

TRAIN_SCORER_HELP = """\
DATA.jsonl holds one sentence per line with a text field and a 0/1 label field (1 = loaded / biased language);
lines without a 0/1 label are skipped and counted. The model is written as JSON with a header naming the data,
its licence and the date.
"""


def add_commands(sub, parser_class, size_type) -> None:
    from mediacheck.io.readers import DEFAULT_MAX_BYTES, FORMATS
    from mediacheck.io.writers import OUTPUT_FORMATS

    p = sub.add_parser("score", help="score hedging, loaded language, attribution and frames, with evidence",
                       description="Score articles: one row per article, optionally one row per sentence.",
                       epilog=SCORE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="INPUT", help="folder, .txt/.html, .jsonl, .csv, .tsv, .parquet, or - (stdin)")
    p.add_argument("-o", "--output", metavar="OUTPUT", help="article rows: .jsonl, .csv, .tsv or .parquet "
                                                            "(default: JSON Lines on stdout)")
    p.add_argument("--sentences", metavar="SENTENCES", help="also write the sentence rows here")
    p.add_argument("--format", choices=OUTPUT_FORMATS, help="OUTPUT format (default: from its extension)")
    p.add_argument("--input-format", choices=FORMATS, help="input format (default: from INPUT's extension)")
    p.add_argument("--outlet", metavar="NAME", help="outlet for records that name none (default: sub-folder)")
    p.add_argument("--no-clean", action="store_true", help="score the text as given, without cleaning it first")
    p.add_argument("--lexicon", metavar="FILE.tsv", action="append", default=[],
                   help="extra lexicon entries (term, category, type, note), merged with the shipped ones; "
                        "may be repeated")
    p.add_argument("--model", metavar="MODEL.json", help="loaded-language model from 'mediacheck train-scorer'")
    p.add_argument("--no-tone", action="store_true", help="skip VADER tone (about twice as fast; tone left empty)")
    p.add_argument("--max-bytes", type=size_type, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="largest file or record read; bigger ones become error records")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_score)

    t = sub.add_parser("train-scorer", help="fit the loaded-language model from labelled sentences",
                       description="Fit the sentence-level loaded-language model.", epilog=TRAIN_SCORER_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    t.add_argument("data", metavar="DATA.jsonl", help="JSON Lines with a text and a 0/1 label per line")
    t.add_argument("-o", "--output", metavar="MODEL.json", required=True, help="where to write the model")
    t.add_argument("--text-field", default="text", help="field holding the sentence (default: text)")
    t.add_argument("--label-field", default="label", help="field holding the 0/1 label (default: label)")
    t.add_argument("--split", metavar="NAME", help="use only records whose 'split' field equals NAME (e.g. train)")
    t.add_argument("--data-name", metavar="NAME", help="name of the training data (default: DATA's file name)")
    t.add_argument("--licence", "--license", dest="licence", default="", metavar="LICENCE",
                   help="licence of the training data, recorded in the model header")
    t.set_defaults(func=cmd_train_scorer)


def _load_loaded_model(path: str | None):
    from mediacheck.cli import UsageError
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
    from mediacheck.cli import UsageError
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
    from mediacheck.cli import EXIT_ERRORS, EXIT_OK, UsageError, _err, _stdin_stream
    from mediacheck.io import (
        InputError,
        OutputError,
        ReadStats,
        RecordSink,
        output_format,
        read_articles,
        write_records,
    )
    from mediacheck.model import SENTENCE_COLUMNS
    from mediacheck.scoring import ARTICLE_COLUMNS, score_many

    start = time.perf_counter()
    try:
        kind = output_format(args.output, args.format)
        if args.sentences:
            output_format(args.sentences)
    except OutputError as exc:
        raise UsageError(str(exc), "use .jsonl, .csv, .tsv or .parquet files") from None
    lexicon = _lexicon(args.lexicon)
    model = _load_loaded_model(args.model)
    stats = ReadStats()
    try:
        articles = read_articles(args.input, outlet=args.outlet, fmt=args.input_format, max_bytes=args.max_bytes,
                                 stdin=_stdin_stream() if args.input == "-" else None, stats=stats)
    except InputError as exc:
        raise UsageError(str(exc), "see 'mediacheck score --help'") from None

    counts = {"ok": 0, "empty": 0, "error": 0}
    side = RecordSink(args.sentences, columns=SENTENCE_COLUMNS) if args.sentences else None
    first_error = ""

    def rows(results: Iterable) -> Iterator[dict]:
        nonlocal first_error
        for r in results:
            counts[r.status] = counts.get(r.status, 0) + 1
            if r.status == "error" and not first_error:
                first_error = f"({r.id}) {r.message}"
            if side:
                for s in r.sentences:
                    side.put(s.to_dict())
            yield r.to_dict()

    columns = ("id", "input_id", "outlet", "title", "status", "message", *ARTICLE_COLUMNS[3:], "meta")
    try:
        written = write_records(rows(score_many(articles, clean=not args.no_clean, lexicon=lexicon, model=model,
                                           tone=not args.no_tone)),
                                args.output, fmt=kind, columns=columns)
        n_sent = side.close() if side else 0
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        raise UsageError(f"cannot write: {exc.strerror or exc}") from None
    if not args.quiet:
        sent = f", {n_sent} sentence rows" if side else ""
        _err(f"read {stats.records}, written {written - counts['error']} (ok {counts['ok']}, empty "
             f"{counts['empty']}), errors {counts['error']}{sent}, in {time.perf_counter() - start:.2f}s")
        if first_error:
            _err(f"first error: {first_error}")
    return EXIT_ERRORS if counts["error"] else EXIT_OK


def cmd_train_scorer(args: argparse.Namespace) -> int:
    from mediacheck.cli import EXIT_OK, UsageError, _jsonl_records
    from mediacheck.scoring.loaded import fit_loaded_model

    texts, labels, skipped = [], [], 0
    for rec in _jsonl_records(args.data):
        if args.split and rec.get("split") != args.split:
            continue
        text, label = rec.get(args.text_field), rec.get(args.label_field)
        if not isinstance(text, str) or not text.strip() or label not in (0, 1, True, False, "0", "1"):
            skipped += 1
            continue
        texts.append(text)
        labels.append(int(label))
    start = time.perf_counter()
    try:
        model = fit_loaded_model(texts, labels, data_name=args.data_name or os.path.basename(args.data),
                                 licence=args.licence)
    except ValueError as exc:
        raise UsageError(f"{args.data}: {exc}", f"each line needs '{args.text_field}' and a 0/1 "
                                                f"'{args.label_field}'") from None
    tmp = f"{args.output}.tmp{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(model.to_json() + "\n")
        os.replace(tmp, args.output)
    except OSError as exc:
        raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    print(json.dumps({"sentences": len(texts), "positives": sum(labels), "skipped": skipped,
                      "seconds": round(time.perf_counter() - start, 1), "output": args.output}))
    return EXIT_OK
