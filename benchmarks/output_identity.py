"""Run the CLI on the demo corpus and the benchmark pages and compare the outputs of two runs byte for byte.

Speed work must not change results. ``save DIR`` runs ``mediacheck clean``, ``score``, ``dedup`` and ``report``
(as separate processes, exactly as a user would) on:

- the demo corpus (``corpora/demo`` + ``corpora/allsides/allsides.jsonl``);
- ScrapingHub and CleanEval (every split) pages: scraped text, and HTML through the builtin extractor;
- the multilingual dev set (scraped text and HTML);
- BASIL article bodies with ``score --no-clean``.

``compare OLD NEW`` lists every output file as identical or not (the save folder's own path, which the
``source`` fields hold, aside); for JSONL files it names the records and fields that differ. Files that hold
run times (``timings.json``) or run-specific notes are skipped.

usage (from the project root):
    python -m benchmarks.output_identity save benchmarks/out/identity-before
    python -m benchmarks.output_identity save benchmarks/out/identity-after
    python -m benchmarks.output_identity compare benchmarks/out/identity-before benchmarks/out/identity-after
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SKIP = {"timings.json"}
DEMO = ["corpora/demo", "corpora/allsides/allsides.jsonl"]


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def _pages(path: Path, field: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                row = {"id": r["id"], "outlet": r.get("site", ""), "url": r.get("url", ""), field: r.get(field) or ""}
                if r.get("lang"):
                    row["lang"] = r["lang"]
                rows.append(row)
    return rows


def _basil(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                paras = [" ".join(s.strip() for s in p if s.strip()) for p in r.get("body_paragraphs") or []]
                rows.append({"id": str(r.get("id") or r.get("uuid") or len(rows)), "outlet": r.get("source", ""),
                             "title": r.get("title", ""), "text": "\n\n".join(p for p in paras if p)})
    return rows


def build_inputs(inputs: Path) -> dict[str, Path]:
    """Write the benchmark inputs as JSONL files; returns name -> path."""
    inputs.mkdir(parents=True, exist_ok=True)
    sources = {
        "scrapinghub": SHARED / "clean" / "scrapinghub.jsonl",
        "cleaneval": SHARED / "clean" / "cleaneval.jsonl",
        "multilingual": ROOT / "benchmarks" / "data" / "multilingual" / "pages.jsonl",
    }
    out: dict[str, Path] = {}
    for name, src in sources.items():
        if not src.exists():
            print(f"skipped {name}: {src} not found", file=sys.stderr)
            continue
        for kind, field in (("text", "scraped"), ("html", "html")):
            path = inputs / f"{name}-{kind}.jsonl"
            rows = _pages(src, field)
            if kind == "html":
                for r in rows:
                    r["html"] = r.pop("html")
            else:
                for r in rows:
                    r["text"] = r.pop("scraped")
            _write_jsonl(path, rows)
            out[f"{name}-{kind}"] = path
    basil = SHARED / "labels" / "basil_articles.jsonl"
    if basil.exists():
        path = inputs / "basil-bodies.jsonl"
        _write_jsonl(path, _basil(basil))
        out["basil-bodies"] = path
    return out


def _run(args: list[str]) -> None:
    cmd = [sys.executable, "-m", "mediacheck", *args, "-q"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")


def save(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    inputs = build_inputs(out / "inputs")
    for name, path in inputs.items():
        if name == "basil-bodies":
            _run(["score", str(path), "--no-clean", "-o", str(out / f"score-{name}.jsonl"),
                  "--sentences", str(out / f"sentences-{name}.jsonl")])
            continue
        extra = ["--html-extractor", "builtin"] if name.endswith("-html") else []
        _run(["clean", str(path), *extra, "-o", str(out / f"clean-{name}.jsonl")])
        if not name.endswith("-html"):
            _run(["score", str(path), "-o", str(out / f"score-{name}.jsonl"),
                  "--sentences", str(out / f"sentences-{name}.jsonl")])
    _run(["clean", *DEMO, "-o", str(out / "clean-demo.jsonl")])
    _run(["score", *DEMO, "-o", str(out / "score-demo.jsonl"), "--sentences", str(out / "sentences-demo.jsonl")])
    _run(["dedup", *DEMO, "-o", str(out / "dedup-demo-pairs.csv"), "--clusters", str(out / "dedup-demo-clusters.csv")])
    _run(["report", *DEMO, "--out", str(out / "report-demo")])
    print(f"saved to {out}")


def _placed(data: bytes, folder: Path) -> bytes:
    """``data`` with the save folder's path (in ``source`` fields: where each input was read) as ``<saved>``."""
    return data.replace(str(folder.resolve()).encode(), b"<saved>").replace(str(folder).encode(), b"<saved>")


def _jsonl_diff(a: Path, b: Path, old: Path, new: Path, limit: int = 10) -> list[str]:
    la = _placed(a.read_bytes(), old).decode("utf-8").splitlines()
    lb = _placed(b.read_bytes(), new).decode("utf-8").splitlines()
    notes = [] if len(la) == len(lb) else [f"{len(la)} vs {len(lb)} records"]
    fields: dict[str, int] = {}
    examples: list[str] = []
    for i, (x, y) in enumerate(zip(la, lb)):
        if x == y:
            continue
        rx, ry = json.loads(x), json.loads(y)
        diff = sorted(k for k in set(rx) | set(ry) if rx.get(k) != ry.get(k))
        for k in diff:
            fields[k] = fields.get(k, 0) + 1
        if len(examples) < limit:
            examples.append(f"record {i} ({rx.get('id', '?')}): {', '.join(diff) or 'key order'}")
    if fields:
        notes.append("differing fields: " + ", ".join(f"{k} x{n}" for k, n in sorted(fields.items())))
    return notes + examples


def compare(old: Path, new: Path) -> int:
    files = sorted({p.relative_to(old) for p in old.rglob("*") if p.is_file()}
                   | {p.relative_to(new) for p in new.rglob("*") if p.is_file()})
    different = 0
    for rel in files:
        if rel.name in SKIP or rel.parts[0] == "inputs":
            continue
        a, b = old / rel, new / rel
        if not a.exists() or not b.exists():
            print(f"MISSING {rel} (only in {'new' if b.exists() else 'old'})")
            different += 1
            continue
        if _placed(a.read_bytes(), old) == _placed(b.read_bytes(), new):
            print(f"same    {rel}")
            continue
        different += 1
        print(f"DIFFERS {rel}")
        if rel.suffix == ".jsonl":
            for note in _jsonl_diff(a, b, old, new):
                print(f"        {note}")
    print(f"\n{different} file(s) differ")
    return 1 if different else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("save", help="run the CLI on every input and save the outputs in DIR")
    s.add_argument("dir", type=Path)
    c = sub.add_parser("compare", help="compare two saved runs")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "save":
        save(args.dir)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    raise SystemExit(main())
