"""``mediacheck dedup`` (registered by ``mediacheck.cli.build_parser``)."""
from __future__ import annotations

import argparse
import time

DEDUP_HELP = """\
INPUT is read as by 'mediacheck clean'. Records are compared by their title and text as given (run 'mediacheck
clean' first for scraped pages; its output has the cleaned body in 'text' and the headline in 'title').

PAIRS gets one row per related pair: a, b (ids), kind (exact, near, syndicated, paraphrase, same_story), score
(0-1) and method. --clusters gets one row per article: cluster_id, id, outlet, published, title,
canonical_headline, size, outlets. --outlets gets one row per outlet: articles, how many sit in clusters shared
with other outlets, syndicated pairs, and how often the outlet was first (when dates exist).

examples:
  mediacheck dedup articles.jsonl -o pairs.csv --clusters clusters.csv --outlets outlets.csv
"""


def add_commands(sub, size_type) -> None:
    from mediacheck.io.readers import DEFAULT_MAX_BYTES, FORMATS

    p = sub.add_parser("dedup", help="find duplicate, syndicated and same-story articles across outlets",
                       description="Find related article pairs and cluster them into stories.",
                       epilog=DEDUP_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="INPUT", help="folder, .txt/.html, .jsonl, .csv, .tsv, .parquet, or - (stdin)")
    p.add_argument("-o", "--output", metavar="PAIRS", help="pair rows (.csv/.jsonl/.parquet; default: stdout)")
    p.add_argument("--clusters", metavar="CLUSTERS", help="also write one cluster row per article")
    p.add_argument("--outlets", metavar="OUTLETS", help="also write one row per outlet")
    p.add_argument("--input-format", choices=FORMATS, help="input format (default: from INPUT's extension)")
    p.add_argument("--outlet", metavar="NAME", help="outlet for records that name none (default: sub-folder)")
    p.add_argument("--story-threshold", type=float, default=0.15, metavar="T",
                   help="TF-IDF cosine (headline + lead) for same-story pairs (default 0.15)")
    p.add_argument("--window-days", type=float, default=7.0, metavar="D",
                   help="dated articles more than D days apart are never the same story (default 7)")
    p.add_argument("--embeddings", action="store_true",
                   help="also compare headlines by sentence embeddings (all-MiniLM-L6-v2, shipped in a PyPI package; "
                        "needs the 'embeddings' extra, see the README)")
    p.add_argument("--max-bytes", type=size_type, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="largest file or record read; bigger ones are skipped with an error message")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_dedup)


def cmd_dedup(args: argparse.Namespace) -> int:
    from mediacheck.cli import EXIT_ERRORS, EXIT_OK, UsageError, _err, _stdin_stream
    from mediacheck.dedup import CLUSTER_COLUMNS, OUTLET_COLUMNS, PAIR_COLUMNS, find_duplicates
    from mediacheck.io import InputError, OutputError, ReadStats, read_articles, write_records

    start = time.perf_counter()
    stats = ReadStats()
    try:
        articles = read_articles(args.input, outlet=args.outlet, fmt=args.input_format, max_bytes=args.max_bytes,
                                 stdin=_stdin_stream() if args.input == "-" else None, stats=stats)
        good, errors = [], []
        for a in articles:
            (errors if a.error else good).append(a)
    except InputError as exc:
        raise UsageError(str(exc), "see 'mediacheck dedup --help'") from None
    for a in errors[:5]:
        _err(f"skipped {a.id}: {a.error}")
    kw = {"embeddings": True} if args.embeddings else {}
    if kw:
        from mediacheck.dedup.embeddings import EXTRA, available

        if not available():
            raise UsageError(f"--embeddings needs the optional extra: {EXTRA}")
    result = find_duplicates(good, story_threshold=args.story_threshold, window_days=args.window_days, **kw)
    for w in result.warnings[:10]:
        _err(w)
    try:
        write_records(result.pairs, args.output, columns=PAIR_COLUMNS)
        if args.clusters:
            write_records(result.clusters, args.clusters, columns=CLUSTER_COLUMNS)
        if args.outlets:
            write_records(result.outlets, args.outlets, columns=OUTLET_COLUMNS)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    if not args.quiet:
        kinds: dict[str, int] = {}
        for p in result.pairs:
            kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
        n_clusters = len({r["cluster_id"] for r in result.clusters if r["size"] > 1})
        _err(f"read {stats.records}, compared {len(good)}, errors {len(errors)}; pairs {len(result.pairs)} "
             f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items())) or 'none'}), "
             f"{n_clusters} clusters of 2+, in {time.perf_counter() - start:.2f}s")
    return EXIT_ERRORS if errors else EXIT_OK
