"""Cleaning throughput on one core: mediacheck beside the C4 line filter, jusText and trafilatura, in the same process.

Inputs (each its own table): the ``scraped`` field of every page of ``../shared/data/clean/scrapinghub.jsonl``
(news pages) and of ``../shared/data/clean/cleaneval.jsonl`` (general web pages: longer, more lines, fewer
repeats), each repeated until the total is at least ``--mib`` MiB of UTF-8 text. Each repetition is a fresh copy
of the data set (ids and outlets get a ``#k`` suffix), so mediacheck's per-outlet template learning sees the
same batch structure as the real data. Rows:

- mediacheck, warm: the repeated input; per-line caches filled by the earlier copies (menus, footers recur);
- mediacheck, cold: one copy with every cache emptied before each run (the worst case: a batch of unseen sites);
- C4 line rules and jusText on the same texts; trafilatura on the pages' HTML (one copy; MiB/s of HTML).

Each is timed over the whole input, best of ``--repeat`` runs after a warm-up, in CPU seconds of this process
(``time.process_time``; one thread, pinned to one core): MiB/s per core, and less swayed than wall time by other
jobs on a shared machine. ``--wall`` times with ``time.perf_counter`` instead.
``--profile`` prints cProfile's top functions of one cold and one warm mediacheck run instead.

usage (from the project root):
    python -m benchmarks.clean_speed [--data PATH ...] [--mib 20] [--repeat 3] [--variants] [--no-pin] [--profile]
"""

from __future__ import annotations

import os

# Single core: set before numpy / scikit-learn / any BLAS is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

import argparse
import gc
import json
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `benchmarks` and `mediacheck` importable
    sys.path.insert(0, str(ROOT))

from benchmarks import peers

DEFAULT_DATA = [ROOT.parent / "shared" / "data" / "clean" / name for name in ("scrapinghub.jsonl", "cleaneval.jsonl")]
NOT_IMPORTABLE = "mediacheck not importable yet"
MIB = 1 << 20

Page = tuple[str, str, str, str]  # id, outlet, url, scraped text
Runner = Callable[[Sequence[Page]], int]  # cleans every page, returns total output characters


def pin_one_core() -> str:
    """Restrict this process to one CPU (Linux); returns a description."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def build_input(path: Path, mib: float) -> tuple[list[Page], int]:
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    base = [(r["id"], r.get("site", ""), r.get("url", ""), r.get("scraped") or "") for r in records]
    size = sum(len(p[3].encode("utf-8")) for p in base)
    if size == 0:
        raise SystemExit(f"no scraped text in {path}")
    pages: list[Page] = []
    total, k = 0, 0
    while total < mib * MIB or k == 0:
        pages += [(f"{i}#{k}", f"{o}#{k}", u, t) for i, o, u, t in base]
        total += size
        k += 1
    return pages, total


# --- runners -------------------------------------------------------------------------------------------


def per_page(fn: Callable[[str], str]) -> Runner:
    def run(pages: Sequence[Page]) -> int:
        return sum(len(fn(p[3])) for p in pages)

    return run


def mediacheck_runner(**kwargs) -> Runner:
    from mediacheck.cleaning import clean_many
    from mediacheck.model import Article

    def run(pages: Sequence[Page]) -> int:
        # a list: templates are learnt from the whole batch
        arts = [Article(id=i, text=t, url=u, outlet=o) for i, o, u, t in pages]
        return sum(len(c.text) for c in clean_many(arts, **kwargs))

    return run


def runners(variants: bool) -> list[tuple[str, Runner | str]]:
    out: list[tuple[str, Runner | str]] = []
    mc: list[tuple[str, dict]] = [("mediacheck (default: templates on)", {})]
    if variants:
        mc += [("mediacheck rules only (classifier=False)", {"classifier": False}),
               ("mediacheck (templates=False)", {"templates": False})]
    for name, kwargs in mc:
        try:
            out.append((name, mediacheck_runner(**kwargs)))
        except ImportError as e:
            out.append((name, f"{NOT_IMPORTABLE} ({type(e).__name__}: {e})"))
    out.append(("C4 line rules", per_page(peers.c4_line_filter)))
    try:
        import justext  # noqa: F401

        out.append(("jusText 3 (lines as <p>)", per_page(peers.justext_lines)))
    except ImportError:
        out.append(("jusText 3 (lines as <p>)", "jusText not installed"))
    return out


def best_time(run: Runner, pages: Sequence[Page], repeat: int, clock: Callable[[], float] = time.process_time
              ) -> float:
    """Best of ``repeat`` timed runs; ``clock``: CPU seconds of this process (``--wall``: time.perf_counter)."""
    run(pages[:20])  # warm up: imports, stoplists, compiled patterns
    best = float("inf")
    for _ in range(max(1, repeat)):
        gc.collect()
        t0 = clock()
        run(pages)
        best = min(best, clock() - t0)
    return best


def html_pages(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [h for h in (json.loads(line).get("html") or "" for line in f if line.strip()) if h]


def _cold_runner() -> Runner:
    from mediacheck.cleaning import clear_caches

    run = mediacheck_runner()

    def cold(pages: Sequence[Page]) -> int:
        clear_caches()
        return run(pages)

    return cold


def measure(path: Path, args) -> tuple[list[dict], float, int]:
    """The rows of one data set: (results, MiB of scraped text, pages)."""
    pages, total = build_input(path, args.mib)
    one = [p for p in pages if p[0].endswith("#0")]
    one_mib = sum(len(p[3].encode("utf-8")) for p in one) / MIB
    results: list[dict] = []

    def timed(name: str, run: Runner | str, data: Sequence, mib: float) -> None:
        if isinstance(run, str):
            results.append({"cleaner": name, "mib_s": None, "seconds": None, "note": run})
            return
        try:
            secs = best_time(run, data, args.repeat, time.perf_counter if args.wall else time.process_time)
        except Exception as e:  # noqa: BLE001 -- keep timing the others
            results.append({"cleaner": name, "mib_s": None, "seconds": None, "note": f"error: {type(e).__name__}: {e}"})
            return
        results.append({"cleaner": name, "mib_s": mib / secs, "seconds": secs, "note": ""})

    for name, run in runners(args.variants):
        timed(name, run, pages, total / MIB)
        if name.startswith("mediacheck (default"):
            try:
                cold = _cold_runner()
            except ImportError as e:
                cold = f"{NOT_IMPORTABLE} ({e})"
            timed(f"mediacheck (default; one copy, {one_mib:.1f} MiB, cold caches)", cold, one, one_mib)
    if args.trafilatura:
        htmls = html_pages(path)
        html_mib = sum(len(h.encode("utf-8")) for h in htmls) / MIB
        try:
            import trafilatura  # noqa: F401

            run: Runner | str = lambda hs: sum(len(peers.trafilatura_html(h)) for h in hs)  # noqa: E731
        except ImportError:
            run = "trafilatura not installed"
        timed(f"trafilatura 2 (the pages' HTML, {html_mib:.1f} MiB, one copy)", run, htmls, html_mib)
    return results, total / MIB, len(pages)


def print_table(results: list[dict]) -> None:
    c4 = next((r["mib_s"] for r in results if r["cleaner"] == "C4 line rules"), None)
    print("| cleaner | MiB/s | ratio to C4 |")
    print("|---|---|---|")
    for r in results:
        if r["mib_s"] is None:
            note = NOT_IMPORTABLE if r["note"].startswith(NOT_IMPORTABLE) else r["note"]
            print(f"| {r['cleaner']} | {note} | – |")
        else:
            ratio = f"{r['mib_s'] / c4:.3f}" if c4 else "–"
            print(f"| {r['cleaner']} | {r['mib_s']:.2f} | {ratio} |")


def profile(path: Path, top: int = 25) -> None:
    """cProfile of mediacheck over one copy of the pages: cold (caches emptied), then warm (second run)."""
    import cProfile
    import pstats

    from mediacheck.cleaning import clear_caches

    pages, _ = build_input(path, 0)
    run = mediacheck_runner()
    run(pages[:20])
    for label in ("cold", "warm"):
        if label == "cold":
            clear_caches()
        prof = cProfile.Profile()
        prof.enable()
        run(pages)
        prof.disable()
        print(f"\n## {path.name}: {label} caches, top {top} functions by own time\n")
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, action="append",
                    help="benchmark JSONL with 'scraped' (and 'html') fields; may be repeated "
                         f"(default: {', '.join(str(p) for p in DEFAULT_DATA)})")
    ap.add_argument("--mib", type=float, default=20.0, help="minimum input size in MiB (default 20)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per cleaner; the best counts (default 3)")
    ap.add_argument("--variants", action="store_true",
                    help="also time mediacheck with classifier=False and with templates=False")
    ap.add_argument("--no-trafilatura", dest="trafilatura", action="store_false",
                    help="leave out the trafilatura row (slow: it parses every page's HTML)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    ap.add_argument("--wall", action="store_true", help="time wall seconds (perf_counter), not CPU seconds")
    ap.add_argument("--profile", action="store_true", help="print cProfile's top functions (cold and warm) instead")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also save the results as JSON")
    args = ap.parse_args(argv)

    paths = args.data or [p for p in DEFAULT_DATA if p.exists()]
    missing = [p for p in paths if not p.exists()]
    if missing or not paths:
        print(f"benchmark data not found: {', '.join(map(str, missing or DEFAULT_DATA))} (pass --data)",
              file=sys.stderr)
        return 2
    pinned = "not pinned (--no-pin)" if args.no_pin else pin_one_core()
    if args.profile:
        for path in paths:
            profile(path)
        return 0
    saved = []
    for path in paths:
        results, mib, n = measure(path, args)
        print(f"\n## {path.name}: {mib:.1f} MiB of scraped text ({n} pages), best of {args.repeat}, "
              f"{'wall' if args.wall else 'CPU'} seconds, one core "
              f"({pinned}; {cpu_name()}; Python {platform.python_version()})\n")
        print_table(results)
        notes = sorted({r["note"] for r in results if r["note"] and not r["note"].startswith(NOT_IMPORTABLE)})
        for note in notes:
            print(f"- {note}")
        saved.append({"data": str(path), "mib": mib, "pages": n, "results": results})
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"repeat": args.repeat, "pinned": pinned, "cpu": cpu_name(),
                                         "sets": saved}, indent=1), encoding="utf-8")
        print(f"\nsaved {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
