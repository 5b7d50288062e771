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
its licence and the date. Classes are balanced when fitting (training prior 0.5); --target-prior P adds
log(P/(1-P)) to every logit, so probabilities are on the scale of text where a share P of sentences is loaded
(the decision threshold stays 0.5).
"""


def add_commands(sub, parser_class, size_type) -> None:
    from mediacheck.cli_common import QUIET_HELP, add_input_options
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
    p.add_argument("--model", metavar="MODEL.json", help="loaded-language model from 'mediacheck train-scorer'")
    p.add_argument("--no-tone", action="store_true", help="skip VADER tone (about twice as fast; tone left empty)")
    p.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
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
    t.add_argument("--target-prior", type=_prior, metavar="P",
                   help="share of loaded sentences where the model will be used (0-1, exclusive); shifts the "
                        "logits from the training prior (0.5, balanced classes) to P (default: no shift)")
    t.add_argument("--target-prior-source", default="", metavar="TEXT",
                   help="where the target prior comes from, recorded in the model header")
    t.set_defaults(func=cmd_train_scorer)


def _prior(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        v = float("nan")
    if not 0.0 < v < 1.0:
        raise argparse.ArgumentTypeError(f"must be a share strictly between 0 and 1, got {text!r}")
    return v


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
    from mediacheck import cli_common as cc
    from mediacheck.io import OutputError, ReadStats, RecordSink, write_records
    from mediacheck.model import SENTENCE_COLUMNS
    from mediacheck.scoring import ARTICLE_COLUMNS, score_many

    start = time.perf_counter()
    kind = cc.check_output(args.output, args.format, args.inputs)
    if args.sentences:
        cc.check_output(args.sentences, None, [*args.inputs, *([args.output] if args.output else [])])
    lexicon = _lexicon(args.lexicon)
    model = _load_loaded_model(args.model)
    stats = ReadStats()
    articles = cc.open_inputs(args, stats, "score")
    articles = cc.progress(articles, show=cc.show_progress(args), total_bytes=cc.input_bytes(args.inputs), desc="score")

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
                                      tone=not args.no_tone)),
                      args.output, fmt=kind, columns=columns)
        where = args.sentences
        n_sent = side.close() if side else 0
    except OutputError as exc:
        raise cc.UsageError(str(exc)) from None
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        raise cc.output_failed(exc, where) from None
    sent = f", {n_sent} sentence rows" if side else ""
    cc.run_summary(stats, counts, warned, first_error, time.perf_counter() - start, quiet=args.quiet, extra=sent)
    return cc.EXIT_ERRORS if counts["error"] else cc.EXIT_OK


def cmd_train_scorer(args: argparse.Namespace) -> int:
    from mediacheck.cli import EXIT_OK, UsageError, _jsonl_records
    from mediacheck.cli_common import write_atomic
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
                                 licence=args.licence, target_prior=args.target_prior,
                                 target_prior_source=args.target_prior_source)
    except ValueError as exc:
        raise UsageError(f"{args.data}: {exc}", f"each line needs '{args.text_field}' and a 0/1 "
                                                f"'{args.label_field}'") from None
    write_atomic(args.output, model.to_json() + "\n")
    print(json.dumps({"sentences": len(texts), "positives": sum(labels), "skipped": skipped,
                      "seconds": round(time.perf_counter() - start, 1), "output": args.output}))
    return EXIT_OK
