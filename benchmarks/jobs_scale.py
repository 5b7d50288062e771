"""``--jobs`` scaling of ``mediacheck clean`` and ``score``: wall seconds per number of processes, and a check that
every run wrote the same bytes.

Input: the first ``--articles`` records of the ``report_scale`` corpus (real ScrapingHub / BASIL / AllSides text in
synthetic outlet templates; built on first use under ``benchmarks/out/report_scale``). Each (command, jobs) is
one ``python -m mediacheck COMMAND CORPUS -o OUT -q --jobs J`` subprocess, run ``--repeat`` times (best counts);
the ratio is the jobs-1 time over the row's. Wall time on a shared machine: other load shows in the ratio.

usage (from the project root):
    python -m benchmarks.jobs_scale [--articles 3000] [--jobs 1 2] [--commands clean score] [--repeat 1]
"""
from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int, folder: Path) -> Path:
    """The first ``n`` records of the report_scale corpus of at least ``n`` articles."""
    from types import SimpleNamespace

    from benchmarks import report_scale

    size = 10_000 if n <= 10_000 else 100_000
    source, _ = report_scale.corpus_path(size, SimpleNamespace(cache=report_scale.DEFAULT_CACHE, seed=0,
                                                               synd_share=0.08, data=report_scale.DEFAULT_DATA))
    out = folder / f"corpus-{n}.jsonl"
    with open(source, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        dst.writelines(islice(src, n))
    return out


def run(command: str, path: Path, jobs: int, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mediacheck", command, str(path), "-o", str(out), "-q", "--jobs", str(jobs)],
                   cwd=ROOT, check=False, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--commands", nargs="+", default=["clean", "score"], choices=["clean", "score"])
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mediacheck-jobs-") as tmp:
        folder = Path(tmp)
        path = corpus(args.articles, folder)
        mib = path.stat().st_size / 2**20
        print(f"{args.articles} articles, {mib:.1f} MiB; best of {args.repeat}\n")
        print("| command | jobs | seconds | speed-up over 1 job | output |")
        print("|---|---:|---:|---:|---|")
        for command in args.commands:
            base, digest = None, None
            for jobs in args.jobs:
                out = folder / f"{command}-{jobs}.jsonl"
                best = min(run(command, path, jobs, out) for _ in range(args.repeat))
                h = hashlib.sha256(out.read_bytes()).hexdigest()
                digest = digest or h
                base = base or best
                print(f"| {command} | {jobs} | {best:.1f} | {base / best:.2f} | "
                      f"{'same bytes' if h == digest else 'DIFFERS'} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
