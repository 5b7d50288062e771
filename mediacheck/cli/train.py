"""``mediacheck train-cleaner`` (the line classifier) and ``mediacheck train-scorer`` (the loaded-language model):
fit a model from labelled JSON Lines and write it as JSON."""
from __future__ import annotations

import argparse
import json
import os
import time

from mediacheck.cli._common import EXIT_OK, UsageError, jsonl_records, write_atomic

TRAIN_HELP = """\
DATA.jsonl holds one page a line with gold_text (the hand-made article body) and scraped (the page as plain
text, one block a line) or html. The model is written as JSON with a header naming the data, its licence and
the date; use it with: mediacheck clean INPUT --line-model MODEL.json

exit codes: 0 model written, 2 bad arguments, unreadable or unusable data, or unwritable output.
"""

TRAIN_SCORER_HELP = """\
DATA.jsonl holds one sentence per line with a text field and a 0/1 label field (1 = loaded / biased language);
lines without a 0/1 label are skipped and counted. The model is written as JSON with a header naming the data,
its licence and the date. Classes are balanced when fitting (training prior 0.5); --target-prior P adds
log(P/(1-P)) to every logit, so probabilities are on the scale of text where a share P of sentences is loaded
(the decision threshold stays 0.5).
"""

#: The hint when a training file cannot be opened (the same for both commands, as before the CLI became a package).
_DATA_HINT = "give a JSON Lines file with gold_text and scraped or html per line"


def register_cleaner(sub) -> None:
    """Add the ``train-cleaner`` subcommand to ``sub`` (the parser's subparsers)."""
    t = sub.add_parser("train-cleaner", help="fit the line classifier on pages with hand-made article bodies",
                       description="Fit the line classifier from pages with gold article bodies.",
                       epilog=TRAIN_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    t.add_argument("data", metavar="DATA.jsonl", nargs="+",
                   help="JSON Lines: gold_text plus scraped or html per line (several files are pooled)")
    t.add_argument("-o", "--output", metavar="MODEL.json", required=True, help="where to write the model")
    t.add_argument("--split", metavar="NAME", help="of records that have a 'split' field, use only those whose "
                                                   "split equals NAME (e.g. dev); records without one are all used")
    t.add_argument("--data-name", metavar="NAME", help="name of the training data (default: DATA's file names)")
    t.add_argument("--licence", "--license", dest="licence", default="", metavar="LICENCE",
                   help="licence of the training data, recorded in the model header")
    t.set_defaults(func=cmd_train_cleaner)


def register_scorer(sub) -> None:
    """Add the ``train-scorer`` subcommand to ``sub`` (the parser's subparsers)."""
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


def cmd_train_cleaner(args: argparse.Namespace) -> int:
    from mediacheck.cleaning.training import fit_line_model

    for path in args.data:
        if not os.path.isfile(path):
            what = "is a folder, not a file" if os.path.isdir(path) else "no such file"
            raise UsageError(f"{path}: {what}", "give a JSON Lines file with gold_text and scraped or html")
    data_name = args.data_name or " + ".join(map(os.path.basename, args.data))

    def records():
        for path in args.data:
            for rec in jsonl_records(path, _DATA_HINT):
                if not args.split or rec.get("split", args.split) == args.split:
                    yield rec

    start = time.perf_counter()
    try:
        model = fit_line_model(records(), data_name=data_name, licence=args.licence)
    except ValueError as exc:
        raise UsageError(f"{', '.join(args.data)}: {exc}", "each line needs gold_text and scraped (or html)") from None
    write_atomic(args.output, model.to_json() + "\n")
    h = model.header or {}
    print(f"fitted {h.get('lines', '?')} lines from {h.get('documents', '?')} documents of {data_name} "
          f"in {time.perf_counter() - start:.1f}s; wrote {args.output}")
    return EXIT_OK


def cmd_train_scorer(args: argparse.Namespace) -> int:
    from mediacheck.scoring.training import fit_loaded_model

    texts, labels, skipped = [], [], 0
    for rec in jsonl_records(args.data, _DATA_HINT):
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
