"""Scoring throughput on one core: mediacheck's ``score_text`` beside a plain ``re`` word-list baseline and C4's line
filter, in the same process, plus the parts of ``score_text`` timed on their own.

Input: real article text: the 300 BASIL articles of ``../shared/data/labels/basil_articles.jsonl`` (sentences of a
paragraph joined by a space, paragraphs by a blank line) and the ``gold_text`` of the 181 pages of
``../shared/data/clean/scrapinghub.jsonl`` (``--pages`` may be given several times), repeated until the total is at
least ``--mib`` MiB (default 5) of UTF-8; and, in a second table, the ``gold_text`` of CleanEval
(``../shared/data/clean/cleaneval.jsonl``, ``--cleaneval``; its first pages up to ``--mib`` MiB, so both tables
time the same amount of text). Each row is timed with ``time.perf_counter`` over the whole input, best of
``--repeat`` runs, after a warm-up.

Rows (first table; the CleanEval table repeats the tone-off ones and the two peers):

- ``score_text`` (warm caches) and one copy, cold caches: as the CLI scores, VADER tone included;
- ``score_text``, tone off: the same without VADER (``tone=False``, as ``--no-tone``): warm caches; warm token
  cache but no per-sentence cache (every sentence scored as new: what a batch of new articles costs, since the
  repeated input here would otherwise hit the frame detector's sentence cache); one copy, cold caches;
- the parts alone: ``split_sentences``, ``find_cues``, the loaded model (warm and cold), VADER;
- peers: the plain ``re`` hedge word list (the ratio column's baseline) and C4's line filter
  (``benchmarks.peers.c4_line_filter``, the yardstick of the targets: ``score_text`` >= 5 MiB/s and >= 0.08x C4).

Cold rows build a new lexicon and model and empty every scoring cache (``mediacheck.scoring.clear_caches``) untimed
before each run, as in a new process. ``--profile`` adds cProfile's top 25 functions by own time and by cumulative
time for one warm and one cold run of ``score_text`` (tone off) over one copy of the first table's input.

usage (from the project root):
    python -m benchmarks.score_speed [--basil PATH] [--pages PATH ...] [--cleaneval PATH | --cleaneval ''] [--mib 5]
                                     [--repeat 3] [--no-pin] [--json OUT] [--profile]
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
DEFAULT_CLEANEVAL = SHARED / "clean" / "cleaneval.jsonl"
MIB = 1 << 20
TARGET_MIB_S = 5.0
TARGET_C4_RATIO = 0.08
BASELINE = "plain `re` hedge word list (naive split, count per sentence)"
C4 = "C4 line filter (`benchmarks.peers.c4_line_filter`)"
TONE_OFF_WARM = "mediacheck `score_text`, tone off (warm caches)"
TONE_OFF_NEW = "mediacheck `score_text`, tone off, warm token cache, no sentence cache"
TONE_OFF_COLD = "mediacheck `score_text`, tone off, one copy, cold caches"

Runner = Callable[[Sequence[str]], int]  # processes every text, returns the number of sentences it handled


def _load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def article_texts(basil: Path | None, pages: Path | Sequence[Path] | None) -> list[str]:
    texts: list[str] = []
    if basil and basil.exists():
        for r in _load(basil):
            paras = [" ".join(s.strip() for s in p if s.strip()) for p in r.get("body_paragraphs") or []]
            texts.append("\n\n".join(p for p in paras if p))
    for path in ([pages] if isinstance(pages, Path) else pages or []):
        if path and path.exists():
            texts += [r.get("gold_text") or "" for r in _load(path)]
    return [t for t in texts if t.strip()]


def gold_texts(path: Path | None, mib: float) -> list[str]:
    """The ``gold_text`` of the pages of ``path``, the first ones up to at least ``mib`` MiB (all if fewer)."""
    out: list[str] = []
    if not path or not path.exists():
        return out
    total = 0
    for r in _load(path):
        t = r.get("gold_text") or ""
        if t.strip():
            out.append(t)
            total += len(t.encode("utf-8"))
            if total >= mib * MIB:
                break
    return out


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


# --- the peers ------------------------------------------------------------------------------------------

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


def c4_runner() -> Runner:
    """C4's line rules (``benchmarks.peers.c4_line_filter``) over each text: a speed yardstick, not a scorer."""
    from benchmarks.peers import c4_line_filter

    def run(texts: Sequence[str]) -> int:
        for t in texts:
            c4_line_filter(t)
        return 0

    return run


# --- mediacheck -----------------------------------------------------------------------------------------


def _detector():
    from mediacheck.scoring.frames import default_detector

    return default_detector()


def score_runner(lexicon, model, tone: bool = True, sentence_cache: bool = True) -> Runner:
    """``score_text`` per text; ``sentence_cache=False`` turns the frame detector's per-sentence cache off."""
    from mediacheck.scoring.scorer import score_text

    def run(texts: Sequence[str]) -> int:
        det = _detector()
        keep = getattr(det, "cache_size", None)
        if not sentence_cache and keep is not None:
            det.cache_size = 0
        try:
            return sum(len(score_text(t, lexicon=lexicon, model=model, tone=tone).sentences) for t in texts)
        finally:
            if keep is not None:
                det.cache_size = keep

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

    try:
        from mediacheck.scoring import clear_caches
    except ImportError:                 # a version without it: its caches are the two below
        clear_caches = None
    if clear_caches is not None:
        clear_caches()
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


Row = tuple[str, bool, Runner | None, Callable[[], Runner] | None]  # name, one copy only?, runner, per-run setup


def time_rows(rows: Sequence[Row], texts: list[str], base: list[str], repeat: int,
              sents: dict[int, list[str]]) -> list[dict]:
    total = sum(len(t.encode("utf-8")) for t in texts) / MIB
    one = sum(len(t.encode("utf-8")) for t in base) / MIB
    results: list[dict] = []
    for name, one_copy, run, setup in rows:
        data, mib = (base, one) if one_copy else (texts, total)
        try:
            secs, n = best_time(run, data, repeat, setup)
        except Exception as e:  # noqa: BLE001 -- keep timing the others
            results.append({"row": name, "mib_s": None, "sentences_s": None, "note": f"{type(e).__name__}: {e}"})
            continue
        if not n:  # rows that do not see sentences: report mediacheck's sentence count of the same text
            n = sum(len(sents[id(t)]) for t in data)
        results.append({"row": name, "mib": mib, "seconds": secs, "sentences": n, "mib_s": mib / secs,
                        "sentences_s": n / secs, "note": ""})
    return results


def _mib_s(results: list[dict], row: str) -> float | None:
    return next((r["mib_s"] for r in results if r["row"] == row), None)


def print_table(results: list[dict]) -> None:
    base, c4 = _mib_s(results, BASELINE), _mib_s(results, C4)
    print("| row | MiB/s | sentences/s | ratio to `re` baseline | ratio to C4 |")
    print("|---|---|---|---|---|")
    for r in results:
        if r["mib_s"] is None:
            print(f"| {r['row']} | {r['note']} | – | – | – |")
            continue
        ratio = f"{r['mib_s'] / base:.3f}" if base else "–"
        to_c4 = f"{r['mib_s'] / c4:.3f}" if c4 else "–"
        print(f"| {r['row']} | {r['mib_s']:.2f} | {r['sentences_s']:,.0f} | {ratio} | {to_c4} |")
    print()


def verdicts(results: list[dict], label: str) -> list[str]:
    c4 = _mib_s(results, C4)
    out = []
    for row, what in ((TONE_OFF_WARM, "warm"), (TONE_OFF_NEW, "no sentence cache"), (TONE_OFF_COLD, "cold")):
        v = _mib_s(results, row)
        if v is None:
            continue
        ok = v >= TARGET_MIB_S and (c4 is None or v >= TARGET_C4_RATIO * c4)
        ratio = f", {v / c4:.3f}x C4" if c4 else ""
        out.append(f"{what} {v:.2f} MiB/s{ratio} ({'met' if ok else 'NOT met'})")
    return [f"- {label}, tone off: " + "; ".join(out) + "."] if out else []


def profile_runs(base: list[str], lex, model, top: int = 25) -> None:
    """cProfile of one warm run (after an untimed one over the same texts) and one cold run (fresh lexicon and
    model, caches emptied) of ``score_text`` (tone off) over ``base``."""
    import cProfile
    import pstats

    from mediacheck.scoring.scorer import score_text

    for label, objects in (("warm caches", lambda: (lex, model)), ("cold caches (fresh objects)", fresh_objects)):
        lx, md = objects()
        if lx is lex:                           # warm: after one untimed run over the same texts
            for t in base:
                score_text(t, lexicon=lx, model=md, tone=False)
        pr = cProfile.Profile()
        pr.enable()
        for t in base:
            score_text(t, lexicon=lx, model=md, tone=False)
        pr.disable()
        for key, name in (("tottime", "own time"), ("cumulative", "cumulative time")):
            print(f"\n### cProfile: `score_text`, tone off, one copy, {label}: top {top} by {name}\n")
            print("```")
            pstats.Stats(pr, stream=sys.stdout).strip_dirs().sort_stats(key).print_stats(top)
            print("```")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--basil", type=Path, default=DEFAULT_BASIL, help=f"BASIL articles (default {DEFAULT_BASIL})")
    ap.add_argument("--pages", type=Path, action="append",
                    help=f"pages with gold_text, may be repeated (default {DEFAULT_PAGES})")
    ap.add_argument("--cleaneval", type=lambda s: Path(s) if s else None, default=DEFAULT_CLEANEVAL,
                    help=f"CleanEval pages with gold_text for the second table ('' to skip; default "
                         f"{DEFAULT_CLEANEVAL})")
    ap.add_argument("--mib", type=float, default=5.0, help="minimum input size in MiB (default 5)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per row; the best counts (default 3)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also save the results as JSON")
    ap.add_argument("--profile", action="store_true",
                    help="also print cProfile's top 25 (own and cumulative time) for one warm and one cold run")
    args = ap.parse_args(argv)
    pages = args.pages or [DEFAULT_PAGES]

    base = article_texts(args.basil, pages)
    if not base:
        print(f"benchmark data not found: {args.basil}, {pages} (pass --basil / --pages)", file=sys.stderr)
        return 2
    pinned = "not pinned (--no-pin)" if args.no_pin else pin_one_core()
    texts, total = build_input(base, args.mib)
    one_mib = sum(len(t.encode("utf-8")) for t in base) / MIB
    ce_base = gold_texts(args.cleaneval, args.mib)
    ce_texts, ce_total = build_input(ce_base, args.mib) if ce_base else ([], 0)

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
    sents = {id(t): ss for t, ss in zip(base + ce_base, sentences_of(base + ce_base))}  # repeats: same objects

    rows: list[Row] = [
        ("mediacheck `score_text` (warm caches)", False, score_runner(lex, model), None),
        (f"mediacheck `score_text`, one copy ({one_mib:.1f} MiB), cold caches", True, None,
         lambda: score_runner(*fresh_objects())),
        (TONE_OFF_WARM, False, score_runner(lex, model, tone=False), None),
        (TONE_OFF_NEW, False, score_runner(lex, model, tone=False, sentence_cache=False), None),
        (TONE_OFF_COLD, True, None, lambda: score_runner(*fresh_objects(), tone=False)),
        ("`split_sentences` only", False, split_runner(), None),
        ("`find_cues` only (whole text)", False, cues_runner(lex), None),
        ("loaded model `predict_proba` only (warm token cache)", False, model_runner(model, sents), None),
        ("loaded model only, one copy, cold token cache", True, None,
         lambda: model_runner(fresh_objects()[1], sents)),
        ("VADER tone only (`compound` per sentence)", False, tone_runner(sents), None),
        (BASELINE, False, regex_baseline(hedge_regex(lex)), None),
        (C4, False, c4_runner(), None),
    ]
    results = time_rows(rows, texts, base, args.repeat, sents)
    ce_results: list[dict] = []
    if ce_base:
        ce_rows: list[Row] = [
            (TONE_OFF_WARM, False, score_runner(lex, model, tone=False), None),
            (TONE_OFF_NEW, False, score_runner(lex, model, tone=False, sentence_cache=False), None),
            (TONE_OFF_COLD, True, None, lambda: score_runner(*fresh_objects(), tone=False)),
            (BASELINE, False, regex_baseline(hedge_regex(lex)), None),
            (C4, False, c4_runner(), None),
        ]
        ce_results = time_rows(ce_rows, ce_texts, ce_base, args.repeat, sents)

    print(f"Scoring speed: {total / MIB:.1f} MiB of article text ({len(texts)} texts: {len(base)} articles, BASIL + "
          f"{' + '.join(p.stem for p in pages)} gold_text, repeated), best of {args.repeat}, one core ({pinned}; "
          f"{cpu_name()}; Python {platform.python_version()}).\n")
    print_table(results)
    if ce_results:
        print(f"CleanEval gold text: {ce_total / MIB:.1f} MiB ({len(ce_texts)} texts: the first {len(ce_base)} pages "
              f"of {args.cleaneval.name}), best of {args.repeat}, same process.\n")
        print_table(ce_results)
    main_row = results[0]
    if main_row["mib_s"] is not None:
        cold = results[1]["mib_s"]
        verdict = "met" if main_row["mib_s"] >= TARGET_MIB_S else "NOT met"
        print(f"- Target >= {TARGET_MIB_S:g} MiB/s and >= {TARGET_C4_RATIO:g}x C4's line filter. With VADER tone: "
              f"{main_row['mib_s']:.2f} warm ({verdict})" + (f", {cold:.2f} cold." if cold else "."))
    for line in verdicts(results, "BASIL + scrapinghub") + verdicts(ce_results, "CleanEval"):
        print(line)
    print("- Loading a fresh lexicon and loaded model (`load_lexicon()` + `LoadedModel.from_json`): "
          f"{load_s * 1000:.0f} ms, outside the timings. Sentences/s counts mediacheck's sentences "
          "(the baseline: its naive split's).")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"mib": total / MIB, "texts": len(texts), "repeat": args.repeat,
                                         "pinned": pinned, "cpu": cpu_name(), "load_seconds": load_s,
                                         "results": results, "cleaneval_mib": ce_total / MIB,
                                         "cleaneval_results": ce_results}, indent=1), encoding="utf-8")
        print(f"\nsaved {args.json}")
    if args.profile:
        profile_runs(base, lex, model)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
