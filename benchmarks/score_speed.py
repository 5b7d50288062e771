"""Scoring throughput on one core: mediacheck's ``score_text`` beside a plain ``re`` word-list baseline, in the same
process, plus the parts of ``score_text`` timed on their own.

Input: real article text: the 300 BASIL articles of ``../shared/data/labels/basil_articles.jsonl`` (sentences of a
paragraph joined by a space, paragraphs by a blank line) and the ``gold_text`` of the 181 pages of
``../shared/data/clean/scrapinghub.jsonl``, repeated until the total is at least ``--mib`` MiB (default 5) of UTF-8.
Each row is timed with ``time.perf_counter`` over the whole input, best of ``--repeat`` runs, after a warm-up.

usage (from the project root):
    python -m benchmarks.score_speed [--basil PATH] [--pages PATH] [--mib 5] [--repeat 3] [--no-pin] [--json OUT]
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
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `benchmarks` and `mediacheck` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.clean_speed import cpu_name, pin_one_core

SHARED = ROOT.parent / "shared" / "data"
DEFAULT_BASIL = SHARED / "labels" / "basil_articles.jsonl"
DEFAULT_PAGES = SHARED / "clean" / "scrapinghub.jsonl"
MIB = 1 << 20
TARGET_MIB_S = 5.0
BASELINE = "plain `re` hedge word list (naive split, count per sentence)"

Runner = Callable[[Sequence[str]], int]  # processes every text, returns the number of sentences it handled


def _load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def article_texts(basil: Path | None, pages: Path | None) -> list[str]:
    texts: list[str] = []
    if basil and basil.exists():
        for r in _load(basil):
            paras = [" ".join(s.strip() for s in p if s.strip()) for p in r.get("body_paragraphs") or []]
            texts.append("\n\n".join(p for p in paras if p))
    if pages and pages.exists():
        texts += [r.get("gold_text") or "" for r in _load(pages)]
    return [t for t in texts if t.strip()]


def build_input(texts: Sequence[str], mib: float) -> tuple[list[str], int]:
    """``texts`` repeated until at least ``mib`` MiB; returns the list and its size in bytes."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    if size == 0:
        raise SystemExit("no article text to score")
    out: list[str] = []
    total = 0
    while total < mib * MIB or not out:
        out += texts
        total += size
    return out, total


# --- the baseline ---------------------------------------------------------------------------------------

NAIVE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def hedge_regex(lexicon) -> re.Pattern:
    """One compiled alternation of the lexicon's hedge terms (longest first, whole words, case-insensitive)."""
    terms = sorted({e.term for e in lexicon.entries if e.category == "hedge"}, key=lambda t: (-len(t), t))
    pats = [re.escape(t.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if t.endswith("*") else "") for t in terms]
    return re.compile(r"\b(?:" + "|".join(pats) + r")\b", re.IGNORECASE)


def regex_baseline(rx: re.Pattern) -> Runner:
    def run(texts: Sequence[str]) -> int:
        n = 0
        for t in texts:
            counts = [len(rx.findall(s)) for s in NAIVE_SPLIT.split(t) if s]
            n += len(counts)
        return n

    return run


# --- mediacheck -----------------------------------------------------------------------------------------


def score_runner(lexicon, model) -> Runner:
    from mediacheck.scoring.scorer import score_text

    def run(texts: Sequence[str]) -> int:
        return sum(len(score_text(t, lexicon=lexicon, model=model).sentences) for t in texts)

    return run


def split_runner() -> Runner:
    from mediacheck.scoring.sentences import split_sentences

    return lambda texts: sum(len(split_sentences(t)) for t in texts)


def cues_runner(lexicon) -> Runner:
    from mediacheck.scoring.cues import find_cues

    def run(texts: Sequence[str]) -> int:
        for t in texts:
            find_cues(t, lexicon)
        return 0

    return run


def sentences_of(texts: Sequence[str]) -> list[list[str]]:
    from mediacheck.scoring.sentences import split_sentences

    return [[t[s.start:s.end] for s in split_sentences(t)] for t in texts]


def model_runner(model, sents: dict[int, list[str]]) -> Runner:
    """The loaded model's ``predict_proba`` over each text's (pre-split) sentences."""

    def run(texts: Sequence[str]) -> int:
        n = 0
        for t in texts:
            ss = sents[id(t)]
            model.predict_proba(ss)
            n += len(ss)
        return n

    return run


def tone_runner(sents: dict[int, list[str]]) -> Runner:
    from mediacheck.scoring.tone import compound

    def run(texts: Sequence[str]) -> int:
        n = 0
        for t in texts:
            for s in sents[id(t)]:
                compound(s)
            n += len(sents[id(t)])
        return n

    return run


def fresh_objects():
    """A new lexicon and loaded model, with every scoring cache emptied (as in a new process)."""
    from importlib import resources

    from mediacheck.scoring import lexicon as lexmod
    from mediacheck.scoring import loaded as loadmod

    lexmod.default_lexicon.cache_clear()
    loadmod.default_loaded_model.cache_clear()
    lex = lexmod.load_lexicon()
    model = loadmod.LoadedModel.from_json(
        resources.files("mediacheck.data").joinpath(loadmod.DEFAULT_FILE).read_text("utf-8"))
    return lex, model


def best_time(run: Runner | None, texts: Sequence[str], repeat: int,
              setup: Callable[[], Runner] | None = None) -> tuple[float, int]:
    """Best wall time of ``repeat`` runs and the sentence count. Without ``setup``: ``run`` after a warm-up on a
    few texts. With ``setup``: a new runner is built (untimed) before each run, so every run starts cold."""
    if setup is None:
        assert run is not None
        run(texts[:20])
    best, n = float("inf"), 0
    for _ in range(max(1, repeat)):
        r = setup() if setup else run
        gc.collect()
        t0 = time.perf_counter()
        n = r(texts)
        best = min(best, time.perf_counter() - t0)
    return best, n


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--basil", type=Path, default=DEFAULT_BASIL, help=f"BASIL articles (default {DEFAULT_BASIL})")
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES,
                    help=f"pages with gold_text (default {DEFAULT_PAGES})")
    ap.add_argument("--mib", type=float, default=5.0, help="minimum input size in MiB (default 5)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per row; the best counts (default 3)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also save the results as JSON")
    args = ap.parse_args(argv)

    base = article_texts(args.basil, args.pages)
    if not base:
        print(f"benchmark data not found: {args.basil}, {args.pages} (pass --basil / --pages)", file=sys.stderr)
        return 2
    pinned = "not pinned (--no-pin)" if args.no_pin else pin_one_core()
    texts, total = build_input(base, args.mib)
    one_mib = sum(len(t.encode("utf-8")) for t in base) / MIB

    try:
        from mediacheck.scoring.lexicon import default_lexicon
        from mediacheck.scoring.loaded import default_loaded_model
    except ImportError as e:
        print(f"mediacheck.scoring not importable: {e}", file=sys.stderr)
        return 1

    t0 = time.perf_counter()
    fresh_objects()
    load_s = time.perf_counter() - t0
    lex, model = default_lexicon(), default_loaded_model()
    sents = {id(t): ss for t, ss in zip(base, sentences_of(base))}  # repeated texts are the same objects

    # name, one copy only?, runner, per-run setup (cold rows: new objects, built untimed before each run)
    rows: list[tuple[str, bool, Runner | None, Callable[[], Runner] | None]] = [
        ("mediacheck `score_text` (warm caches)", False, score_runner(lex, model), None),
        (f"mediacheck `score_text`, one copy ({one_mib:.1f} MiB), cold caches", True, None,
         lambda: score_runner(*fresh_objects())),
        ("`split_sentences` only", False, split_runner(), None),
        ("`find_cues` only (whole text)", False, cues_runner(lex), None),
        ("loaded model `predict_proba` only (warm token cache)", False, model_runner(model, sents), None),
        ("loaded model only, one copy, cold token cache", True, None,
         lambda: model_runner(fresh_objects()[1], sents)),
        ("VADER tone only (`compound` per sentence)", False, tone_runner(sents), None),
        (BASELINE, False, regex_baseline(hedge_regex(lex)), None),
    ]
    results: list[dict] = []
    for name, one_copy, run, setup in rows:
        data, mib = (base, one_mib) if one_copy else (texts, total / MIB)
        try:
            secs, n = best_time(run, data, args.repeat, setup)
        except Exception as e:  # noqa: BLE001 -- keep timing the others
            results.append({"row": name, "mib_s": None, "sentences_s": None, "note": f"{type(e).__name__}: {e}"})
            continue
        if not n:  # rows that do not see sentences: report mediacheck's sentence count of the same text
            n = sum(len(sents[id(t)]) for t in data)
        results.append({"row": name, "mib": mib, "seconds": secs, "sentences": n, "mib_s": mib / secs,
                        "sentences_s": n / secs, "note": ""})

    base_mib_s = next((r["mib_s"] for r in results if r["row"] == BASELINE), None)
    print(f"Scoring speed: {total / MIB:.1f} MiB of article text ({len(texts)} texts: {len(base)} articles, BASIL + "
          f"scrapinghub gold_text, repeated), best of {args.repeat}, one core ({pinned}; {cpu_name()}; "
          f"Python {platform.python_version()}).\n")
    print("| row | MiB/s | sentences/s | ratio to `re` baseline |")
    print("|---|---|---|---|")
    for r in results:
        if r["mib_s"] is None:
            print(f"| {r['row']} | {r['note']} | – | – |")
            continue
        ratio = f"{r['mib_s'] / base_mib_s:.3f}" if base_mib_s else "–"
        print(f"| {r['row']} | {r['mib_s']:.2f} | {r['sentences_s']:,.0f} | {ratio} |")
    print()
    main_row = results[0]
    if main_row["mib_s"] is not None:
        cold = results[1]["mib_s"]
        verdict = "met" if main_row["mib_s"] >= TARGET_MIB_S else "NOT met"
        print(f"- Target >= {TARGET_MIB_S:g} MiB/s: {main_row['mib_s']:.2f} warm ({verdict})"
              + (f", {cold:.2f} cold." if cold else "."))
    print("- Loading a fresh lexicon and loaded model (`load_lexicon()` + `LoadedModel.from_json`): "
          f"{load_s * 1000:.0f} ms, outside the timings. Sentences/s counts mediacheck's sentences "
          "(the baseline: its naive split's).")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"mib": total / MIB, "texts": len(texts), "repeat": args.repeat,
                                         "pinned": pinned, "cpu": cpu_name(), "load_seconds": load_s,
                                         "results": results}, indent=1), encoding="utf-8")
        print(f"\nsaved {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
