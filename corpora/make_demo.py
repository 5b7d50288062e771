"""Regenerate ``corpora/demo/`` from ``../shared`` (run from anywhere: ``python3 corpora/make_demo.py``).

The demo corpus is one folder per outlet of ``.txt`` files (``mediacheck clean`` takes the outlet from the
sub-folder):

* ``seed/000_a866e3e8c53c6af1.txt``: the project's own seed article (a copy of ``seeds/``);
* ``<site>/<hash>.txt``: the ``scraped`` text of the first ``N_PAGES`` English pages, by id, of the ScrapingHub
  article-extraction benchmark (``../shared/data/clean/scrapinghub.jsonl``, MIT; see ``demo/LICENSE-scrapinghub``).

A page counts as English when at least ``MIN_ENGLISH`` of the words of its gold article body are common English
function words (the benchmark has pages in Korean, Portuguese, Italian, Russian, Indonesian ... too). The script
uses the standard library only and rewrites the whole folder, so the result depends on the data file alone.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "clean" / "scrapinghub.jsonl"
SEED = ROOT / "seeds" / "000_a866e3e8c53c6af1.txt"
OUT = HERE / "demo"
N_PAGES = 30
MIN_ENGLISH = 0.15
LICENCE = "LICENSE-scrapinghub"  # no .txt: `mediacheck clean` would read a .txt as an article
_WORD = re.compile(r"\w+")
_ENGLISH = frozenset((
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "on", "it", "with", "as", "was", "by", "at", "from",
    "are", "be", "this", "have", "has", "an", "he", "she", "they", "said", "but", "not",
))

MIT_NOTICE = """\
The files corpora/demo/<site>/<hash>.txt (every sub-folder of corpora/demo/ except seed/) are the `scraped`
text of pages of the ScrapingHub article extraction benchmark,
https://github.com/scrapinghub/article-extraction-benchmark (Scrapinghub is now Zyte), rendered from the
benchmark's html/<hash>.html.gz files. They are distributed under the benchmark's MIT licence, reproduced below
as it appears in that repository. corpora/demo/seed/ is the mediacheck project's own and not covered by it.

-----------------------------------------------------------------------------------------------------------------

MIT License

Copyright (c) 2020 Scrapinghub

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def english_share(text: str) -> float:
    words = _WORD.findall(text.casefold())
    return sum(w in _ENGLISH for w in words) / len(words) if words else 0.0


def select(records: list[dict], n: int = N_PAGES) -> list[dict]:
    """The first ``n`` English pages with a scraped text, in id order."""
    chosen = [r for r in sorted(records, key=lambda r: r["id"])
              if r.get("scraped", "").strip() and english_share(r.get("gold_text", "")) >= MIN_ENGLISH]
    return chosen[:n]


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"default: {DEFAULT_DATA}")
    ap.add_argument("--out", type=Path, default=OUT, help=f"default: {OUT}")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"make_demo: {args.data}: not found (it lives in ../shared next to the project)", file=sys.stderr)
        return 2
    with args.data.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    pages = select(records)
    if args.out.exists():
        shutil.rmtree(args.out)
    (args.out / "seed").mkdir(parents=True)
    shutil.copyfile(SEED, args.out / "seed" / SEED.name)
    index = []
    for r in pages:
        site = _safe(r.get("site") or "unknown")
        name = _safe(r["id"].rsplit("/", 1)[-1])
        path = args.out / site / f"{name}.txt"
        path.parent.mkdir(exist_ok=True)
        text = r["scraped"] if r["scraped"].endswith("\n") else r["scraped"] + "\n"
        path.write_text(text, encoding="utf-8", newline="\n")
        index.append(f"| {site}/{name}.txt | {r.get('url', '')} |")
    (args.out / LICENCE).write_text(MIT_NOTICE, encoding="utf-8", newline="\n")
    (args.out / "SOURCES.md").write_text(
        "# Demo corpus sources\n\nGenerated by `corpora/make_demo.py`; see `../README.md`.\n\n"
        "| file | page URL |\n|---|---|\n| seed/000_a866e3e8c53c6af1.txt | (the project's own seed) |\n"
        + "\n".join(index) + "\n", encoding="utf-8", newline="\n")
    print(f"wrote {len(pages) + 1} articles ({len(pages)} benchmark pages + the seed) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
