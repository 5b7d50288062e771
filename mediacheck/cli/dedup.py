"""``mediacheck dedup``: duplicate, syndicated and same-story pairs across outlets, clustered into stories."""
from __future__ import annotations

import argparse
import time

from mediacheck.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    QUIET_HELP,
    UsageError,
    add_input_options,
    check_output,
    err,
    float_between,
    input_bytes,
    int_at_least,
    open_inputs,
    progress,
    show_progress,
    skipped_note,
    write_failed,
)

DEDUP_HELP = """\
INPUT is read as by 'mediacheck clean' (several INPUTs are one batch). Records are compared by their title and
text as given (run 'mediacheck clean' first for scraped pages; its output has the cleaned body in 'text' and the
headline in 'title'); HTML pages (and records with only 'html') are reduced to their article first.

PAIRS gets one row per related pair: a, b (ids), kind (exact, near, syndicated, paraphrase, same_story), score
(0-1) and method. Records that cannot be read are left out of the comparison, named on stderr, and written
with --errors FILE (id, input_id, outlet, source, message), so read = compared + errors.
--clusters gets one row per article: cluster_id, id, outlet, published, title,
canonical_headline, size, outlets. --outlets gets one row per outlet: articles, how many sit in clusters shared
with other outlets, syndicated pairs, and how often the outlet was first (when dates exist).

examples:
  mediacheck dedup articles.jsonl -o pairs.csv --clusters clusters.csv --outlets outlets.csv
  mediacheck clean scraped/ -o clean.jsonl && mediacheck dedup clean.jsonl more.jsonl -o pairs.csv
  mediacheck dedup big.jsonl -o pairs.csv --jobs 4

exit codes: 0 done, 1 done but some records were errors, 2 usage error / unreadable input / unwritable output,
3 internal error (a bug), 4 a --jobs worker process was killed (use fewer), 130 interrupted.
"""


def register(sub) -> None:
    """Add the ``dedup`` subcommand to ``sub`` (the parser's subparsers)."""
    p = sub.add_parser("dedup", help="find duplicate, syndicated and same-story articles across outlets",
                       description="Find related article pairs and cluster them into stories.",
                       epilog=DEDUP_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_options(p)
    p.add_argument("-o", "--output", metavar="PAIRS", help="pair rows (.csv/.jsonl/.parquet; default: stdout)")
    p.add_argument("--clusters", metavar="CLUSTERS", help="also write one cluster row per article")
    p.add_argument("--outlets", metavar="OUTLETS", help="also write one row per outlet")
    p.add_argument("--errors", metavar="ERRORS", help="also write the records that could not be read")
    p.add_argument("--story-threshold", type=float_between(0.0, 1.0), default=0.15, metavar="T",
                   help="TF-IDF cosine (headline + lead) for same-story pairs, 0-1 (default 0.15)")
    p.add_argument("--window-days", type=float_between(0.0, 1e6), default=7.0, metavar="D",
                   help="dated articles more than D days apart are never the same story (default 7)")
    p.add_argument("--embeddings", action="store_true",
                   help="also compare headlines by sentence embeddings (all-MiniLM-L6-v2, shipped in a PyPI package; "
                        "needs the 'embeddings' extra, see docs/dedup.md)")
    p.add_argument("--jobs", type=int_at_least(0), default=0, metavar="N",
                   help="processes for the per-article signatures and stems (default 0: all cores; inputs under "
                        "a few thousand articles stay in one process); the output is the same for every N")
    p.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
    p.set_defaults(func=cmd_dedup)


ERROR_COLUMNS = ("id", "input_id", "outlet", "source", "message")


def _comparable(article):
    """An Article as dedup compares it: HTML (with no text) reduced to its title and article body first."""
    if article.error or article.text or not article.html:
        return article
    from dataclasses import replace

    from mediacheck.cleaning.cleaner import clean_article

    c = clean_article(article, classifier=False)
    return replace(article, html="", text=c.text, title=c.title or article.title,
                   published=c.published or article.published)


def cmd_dedup(args: argparse.Namespace) -> int:
    from mediacheck.dedup import CLUSTER_COLUMNS, OUTLET_COLUMNS, PAIR_COLUMNS, find_duplicates
    from mediacheck.io import OutputError, ReadStats, write_records

    start = time.perf_counter()
    outputs = [o for o in (args.output, args.clusters, args.outlets, args.errors) if o not in (None, "-")]
    check_output(args.output, None, args.inputs)
    for extra in (args.clusters, args.outlets, args.errors):
        if extra:
            check_output(extra, None, args.inputs)
    if len(set(outputs)) < len(outputs):
        raise UsageError("two outputs name the same file", "give -o, --clusters, --outlets and --errors "
                                                       "different files")
    if args.embeddings:
        from mediacheck.dedup.embeddings import EXTRA, available

        if not available():
            raise UsageError(f"--embeddings needs the optional extra: {EXTRA}")
    stats = ReadStats()
    articles = open_inputs(args, stats, "dedup")
    good, errors = [], []
    for a in progress(articles, show=show_progress(args), total_bytes=input_bytes(args.inputs), desc="read"):
        if a.error:
            errors.append(a)
        else:
            good.append(_comparable(a))
    for a in errors[:5]:
        err(f"skipped {a.id}: {a.error}")
    if len(errors) > 5:
        err(f"... and {len(errors) - 5} more records that could not be read" +
            (f" (all in {args.errors})" if args.errors else " (write them all with --errors FILE)"))
    kw = {"embeddings": True} if args.embeddings else {}
    if show_progress(args):
        err(f"comparing {len(good)} articles ...")
    result = find_duplicates(good, story_threshold=args.story_threshold, window_days=args.window_days,
                             jobs=args.jobs, **kw)
    if not args.quiet:
        for w in result.warnings[:10]:
            err(w)
        if len(result.warnings) > 10:
            err(f"... and {len(result.warnings) - 10} more warnings")
    where = args.output
    try:
        write_records(result.pairs, args.output, columns=PAIR_COLUMNS)
        for where, rows, columns in ((args.clusters, result.clusters, CLUSTER_COLUMNS),
                                     (args.outlets, result.outlets, OUTLET_COLUMNS)):
            if where:
                write_records(rows, where, columns=columns)
        if args.errors:
            where = args.errors
            write_records(({"id": a.id, "input_id": a.input_id, "outlet": a.outlet, "source": a.source,
                            "message": a.error} for a in errors), args.errors, columns=ERROR_COLUMNS)
    except (OutputError, OSError) as exc:
        raise write_failed(exc, where) from None
    if not args.quiet:
        kinds: dict[str, int] = {}
        for p in result.pairs:
            kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
        n_clusters = len({r["cluster_id"] for r in result.clusters if r["size"] > 1})
        err(f"read {stats.records}, compared {len(good)}, errors {len(errors)}; pairs {len(result.pairs)} "
            f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items())) or 'none'}), "
            f"{n_clusters} clusters of 2+{skipped_note(stats)}, in {time.perf_counter() - start:.2f}s")
    return EXIT_ERRORS if errors else EXIT_OK
