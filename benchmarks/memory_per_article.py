"""Peak memory of ``mediacheck score`` and ``mediacheck clean`` on one huge article, per kind of input.

Writes four files of ``--mib`` MiB each (default 20; the figures in the report are for 50) into a temporary
folder, from the prose of ``seeds/*.txt``:

- ``one-line``: real sentences joined by spaces, no line break at all;
- ``no-punctuation``: the same without ``. ! ? ; :``, so the text is one 50 MB "sentence";
- ``short-lines``: one sentence per line (hundreds of thousands of lines);
- ``html``: an HTML page of ``<p>`` paragraphs with a nav, ads and a footer.

Commands: ``score``, ``clean``, ``dedup`` (``-o`` JSONL) and ``report`` (``--out`` folder, ``--no-html``).
Each command runs in its own subprocess (``python -m mediacheck ... --max-bytes`` large enough) and its peak
resident set size is read with ``resource.getrusage(RUSAGE_CHILDREN)`` by a small launcher process. Prints one
Markdown table: input, size, command, peak RSS, the peak over the start-up peak (the same command on a 1 KiB
article), that per input MiB, seconds, exit code. 20 MiB inputs take about 3 minutes; 50 MiB about 8.

usage (from the project root):
    python benchmarks/memory_per_article.py [--mib 20] [--kinds one-line,html] [--commands score,report] [--keep DIR]
"""
from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIB = 1 << 20
KINDS = ("one-line", "no-punctuation", "short-lines", "html")
COMMANDS = ("score", "clean", "dedup", "report")


def _seed_paragraphs() -> list[str]:
    """Prose paragraphs (over 150 characters) of the seed articles, else of the demo corpus."""
    paras: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")) or sorted((ROOT / "corpora").rglob("*.txt")):
        paras += [" ".join(p.split()) for p in path.read_text("utf-8").split("\n\n") if len(p) > 150]
    if not paras:
        raise SystemExit("no seed prose found under seeds/ or corpora/")
    return paras


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def make_inputs(folder: Path, size: int, kinds: list[str]) -> dict[str, Path]:
    """Write each kind of input of about ``size`` characters into ``folder``."""
    paras = _seed_paragraphs()
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(paras))
    out: dict[str, Path] = {}
    for kind in kinds:
        if kind == "one-line":
            text = _repeat(" ".join(sentences) + " ", size).rstrip()
        elif kind == "no-punctuation":
            text = _repeat(re.sub(r"[.!?;:]", "", " ".join(sentences)) + " ", size).rstrip()
        elif kind == "short-lines":
            text = _repeat("\n".join(sentences) + "\n", size)
        else:
            head = ("<html><head><title>Is Trump capable of compelling Putin to negotiate a truce?</title></head>"
                    "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
                    "<h1>Is Trump capable of compelling Putin to negotiate a truce?</h1>")
            block = "".join(f"<p>{html.escape(p)}</p>" for p in paras) + "<div class='ad'>Advertisement</div>"
            tail = "</article><footer>© 2024 News Corp. All rights reserved.</footer></body></html>"
            text = head + block * max(1, (size - len(head) - len(tail)) // len(block)) + tail
        path = folder / (f"{kind}.html" if kind == "html" else f"{kind}.txt")
        path.write_text(text, "utf-8")
        out[kind] = path
    return out


# The command runs under a small launcher whose own child it is: measured straight from this process, the child's
# peak would include this process's memory (the input texts built above), which the child shares until exec.
_LAUNCH = ("import resource, subprocess, sys\n"
           "with open(sys.argv[1], 'wb') as err:\n"
           "    code = subprocess.call(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=err)\n"
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
           "sys.exit(code)\n")


def run(command: str, path: Path, folder: Path) -> tuple[float, float, int, str]:
    """(peak RSS MiB, seconds, exit code, last stderr line) of ``mediacheck COMMAND PATH`` in a subprocess."""
    size = path.stat().st_size
    err_path = folder / f"{path.stem}.{command}.stderr"
    out = (["--out", str(folder / f"{path.stem}.report"), "--no-html"] if command == "report"
           else ["-o", str(folder / f"{path.stem}.{command}.jsonl")])
    argv = [sys.executable, "-c", _LAUNCH, str(err_path),
            sys.executable, "-m", "mediacheck", command, str(path), *out, "--max-bytes", str(2 * size + MIB), "--quiet"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines = err_path.read_text("utf-8", errors="replace").strip().splitlines()
    peak = int(proc.stdout.split()[-1]) / (MIB if sys.platform == "darwin" else 1024)   # ru_maxrss: KiB on Linux
    return peak, seconds, proc.returncode, lines[-1] if lines and proc.returncode else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mib", type=float, default=20, help="size of each input in MiB (default 20)")
    ap.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, from {', '.join(KINDS)}")
    ap.add_argument("--commands", default=",".join(COMMANDS), help="comma-separated: score, clean, dedup, report "
                    "(report: --no-html, into a folder)")
    ap.add_argument("--keep", metavar="DIR", help="write inputs and outputs here instead of a temporary folder")
    args = ap.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    commands = [c for c in args.commands.split(",") if c]
    bad = [k for k in kinds if k not in KINDS] + [c for c in commands if c not in COMMANDS]
    if bad:
        ap.error(f"unknown: {', '.join(bad)}")
    with tempfile.TemporaryDirectory(prefix="mediacheck-memory-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        inputs = make_inputs(folder, int(args.mib * MIB), kinds)
        tiny = folder / "tiny.txt"
        tiny.write_text(" ".join(_seed_paragraphs()[:2]), "utf-8")
        base = {c: run(c, tiny, folder)[0] for c in commands}     # start-up: interpreter, numpy, models
        print(f"mediacheck memory per article: {sys.executable}, one subprocess per command, peak RSS from getrusage; "
              f"'over start-up' subtracts the peak for a {tiny.stat().st_size / 1024:.0f} KiB article "
              f"({', '.join(f'{c} {base[c]:.0f} MiB' for c in commands)})\n")
        print("| input | size (MiB) | command | peak RSS (MiB) | over start-up (MiB) | per input MiB | seconds "
              "| exit |")
        print("|---|---:|---|---:|---:|---:|---:|---:|")
        for kind, path in inputs.items():
            mib = path.stat().st_size / MIB
            for command in commands:
                peak, seconds, code, err = run(command, path, folder)
                over = peak - base[command]
                print(f"| {kind} | {mib:.1f} | {command} | {peak:,.0f} | {over:,.0f} | {over / mib:.1f} | "
                      f"{seconds:.1f} | {code} |", flush=True)
                if err:
                    print(f"<!-- {kind} {command}: {err} -->", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
