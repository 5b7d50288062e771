"""Headline de-duplication at scale: mediacheck ``find_duplicates`` beside rapidfuzz ``cdist`` and datasketch
``MinHashLSH``, on synthetic corpora built from real headlines with planted duplicates.

Corpus (``make_corpus``), titles only (``text`` is empty, so only the headline path runs: exact title hash,
char-4-gram MinHash-LSH + rapidfuzz, TF-IDF same-story/paraphrase):

* Real headlines from ``../shared/data/labels``: ``sts_headlines`` sentence1/sentence2, ``neus_triplets``
  article and neutral-target titles, ``allsides_stories`` headlines, ``basil_articles`` titles, ``gvfc``
  headlines; whitespace-collapsed, at least 3 words, de-duplicated by ``headline_key``.
* ``n`` items = ``n - round(dup_share * n)`` distinct *bases* + ``round(dup_share * n)`` planted duplicates
  (default share 10%). Bases 0..R-1 are the real headlines (shuffled); when more bases are needed (R is about
  18k, so 100k and 1M need them), base k reuses a random real headline with `` <number> <word>`` appended
  (number 10..99999, word from ``FILLER_WORDS``: place / outlet-like words), redrawn until its normalised
  form is new. So every base is distinct after normalisation, but bases that reuse the same real headline
  share all its words: at 1M each real headline stands behind ~50 bases.
* Each duplicate copies a different base (drawn without replacement) with one edit, cycled at random over
  ``EDITS``: exact copy, outlet suffix (" - Reuters"), label prefix ("WATCH: "), case change (upper / lower /
  title), one-word deletion, two adjacent words swapped, a typo (two adjacent letters swapped). Every edit
  except ``exact`` changes the string.
* Outlets are random; bases are dated uniformly over 2024, a duplicate 0-1 days after its base (the default
  7-day window of the same-story step applies).
* Items are shuffled; ids are ``h0000001``...; ``planted`` lists (base id, duplicate id, edit).

Metrics: ``seconds`` is the wall time of the tool's call only (corpus building excluded); ``peak MiB`` is the
worker process's ``ru_maxrss`` (includes the corpus, about the ``base MiB`` shown in ``--json``); ``pairs`` is
the number of pairs the tool reports; ``planted recall`` is the share of planted pairs whose two items end up in
one cluster (for peers: connected components of their pairs); ``pair recall`` is the share found as a direct
pair; ``max cluster`` is the largest cluster (a check that recall is not bought with giant clusters).

Peers: rapidfuzz ``process.cdist(scorer=fuzz.ratio, score_cutoff=90, workers=2, processor=default_process)``
over all pairs (row blocks of 2,000 to bound memory) up to ``--rf-max`` items, on a random ``--rf-sample`` of
the 100k corpus (recall over planted pairs with both items in the sample), never beyond ("not run
(O(n^2))"); datasketch ``MinHashLSH(threshold=0.5, num_perm=64)`` over character 4-gram shingles of the
casefolded title (``MinHash.bulk``), insert all then query all, up to ``--ds-max``.

Each (size, tool) runs in its own process (``python -m benchmarks.dedup_scale --size N --worker --tool T``)
with an address-space limit (``--mem-limit-gib``, default 12) and a timeout.

usage (from the project root):
    python -m benchmarks.dedup_scale [--sizes 10000,100000,1000000] [--json out.json]
    python -m benchmarks.dedup_scale --profile 100000          # cProfile of mediacheck, top 10 functions
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "labels"
EDITS = ("exact", "outlet_suffix", "prefix", "case", "word_deletion", "word_swap", "typo")
SUFFIX_OUTLETS = ("Reuters", "AP News", "BBC News", "The Guardian", "Fox News", "CNN", "NPR", "Bloomberg")
PREFIXES = ("WATCH", "BREAKING", "EXCLUSIVE", "VIDEO", "ANALYSIS", "UPDATE")
OUTLETS = ("reuters", "ap", "bbc", "guardian", "fox", "cnn", "npr", "nyt", "wapo", "bloomberg", "hill", "politico")
FILLER_WORDS = (
    "Ohio", "Texas", "Berlin", "Lagos", "Delhi", "Tokyo", "Quebec", "Nairobi", "Lima", "Oslo", "Denver", "Boston",
    "Tribune", "Herald", "Gazette", "Courier", "Dispatch", "Ledger", "Observer", "Sentinel", "Chronicle", "Post",
    "Times", "Journal", "Examiner", "Bulletin", "Record", "Register", "Star", "Sun", "Daily", "Weekly", "Wire",
    "Metro", "Region", "County", "State", "Report", "Desk", "Edition", "Local", "World", "Nation", "Capital",
)
MIB = 1 << 20
_WS = re.compile(r"\s+")


# --- corpus ------------------------------------------------------------------------------------------------


def load_headlines(data: Path = DEFAULT_DATA) -> list[str]:
    """Real headlines from the label files, whitespace-collapsed, >= 3 words, unique by normalised form, in a
    stable order (file order)."""
    from mediacheck.dedup.normalize import headline_key

    raw: list[str] = []

    def rows(name: str):
        p = data / name
        if not p.exists():
            return
        with p.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)

    for r in rows("sts_headlines.jsonl"):
        raw += [r.get("sentence1"), r.get("sentence2")]
    for r in rows("neus_triplets.jsonl"):
        raw += [a.get("title") for a in r.get("articles") or []]
        raw.append((r.get("neutral_target") or {}).get("title"))
    for r in rows("allsides_stories.jsonl"):
        raw += [a.get("headline") for a in r.get("articles") or []]
    for r in rows("basil_articles.jsonl"):
        raw.append(r.get("title"))
    for r in rows("gvfc.jsonl"):
        raw.append(r.get("headline"))
    out, seen = [], set()
    for h in raw:
        h = _WS.sub(" ", str(h or "")).strip()
        if len(h.split()) < 3:
            continue
        key = headline_key(h)
        if key and key not in seen:
            seen.add(key)
            out.append(h)
    return out


def apply_edit(title: str, edit: str, rng: random.Random) -> str:
    """``title`` with one controlled edit; every edit but ``exact`` returns a different string."""
    words = title.split()
    if edit == "exact":
        return title
    if edit == "outlet_suffix":
        return f"{title} - {rng.choice(SUFFIX_OUTLETS)}"
    if edit == "prefix":
        return f"{rng.choice(PREFIXES)}: {title}"
    if edit == "case":
        for f in rng.sample([str.upper, str.lower, str.title], 3):
            if f(title) != title:
                return f(title)
        return title.swapcase()
    if edit == "word_deletion" and len(words) >= 2:
        k = rng.randrange(len(words))
        return " ".join(words[:k] + words[k + 1:])
    if edit == "word_swap":
        spots = [k for k in range(len(words) - 1) if words[k] != words[k + 1]]
        if spots:
            k = rng.choice(spots)
            words[k], words[k + 1] = words[k + 1], words[k]
            return " ".join(words)
    if edit == "typo":
        spots = [k for k in range(len(title) - 1)
                 if title[k].isalpha() and title[k + 1].isalpha() and title[k] != title[k + 1]]
        if spots:
            k = rng.choice(spots)
            return title[:k] + title[k + 1] + title[k] + title[k + 2:]
    return f"{title} - {rng.choice(SUFFIX_OUTLETS)}"       # no place for the edit: fall back to a suffix


def make_corpus(n: int, headlines: Sequence[str], dup_share: float = 0.1, seed: int = 0
                ) -> tuple[list[dict], list[tuple[str, str, str]]]:
    """``n`` articles (dicts id/title/text/outlet/published) and the planted pairs (base id, dup id, edit)."""
    from mediacheck.dedup.normalize import headline_key

    if not headlines:
        raise ValueError("no headlines")
    rng = random.Random(seed)
    n_dup = round(dup_share * n)
    n_base = n - n_dup
    real = list(headlines)
    rng.shuffle(real)
    seen = {headline_key(h) for h in real[:n_base]}
    bases = real[:n_base]
    while len(bases) < n_base:
        h = f"{rng.choice(real)} {rng.randint(10, 99999)} {rng.choice(FILLER_WORDS)}"
        key = headline_key(h)
        if key not in seen:
            seen.add(key)
            bases.append(h)
    start = date(2024, 1, 1)
    base_days = [rng.randrange(366) for _ in range(n_base)]
    records = [(h, d, None, None) for h, d in zip(bases, base_days)]     # title, day, base index, edit
    for b in rng.sample(range(n_base), n_dup):
        edit = rng.choice(EDITS)
        records.append((apply_edit(bases[b], edit, rng), base_days[b] + rng.randint(0, 1), b, edit))
    order = list(range(len(records)))
    rng.shuffle(order)
    ids = [""] * len(records)
    articles = []
    for pos, r in enumerate(order):
        ids[r] = f"h{pos + 1:07d}"
    for r in order:
        title, day, _, _ = records[r]
        articles.append({"id": ids[r], "title": title, "text": "", "outlet": rng.choice(OUTLETS),
                         "published": (start + timedelta(days=day)).isoformat()})
    planted = [(ids[b], ids[k], edit) for k, (_, _, b, edit) in enumerate(records) if b is not None]
    return articles, planted


# --- tools (run inside a worker) ---------------------------------------------------------------------------


def _components(ids: Sequence[str], pairs) -> dict[str, int]:
    from mediacheck.dedup.index import UnionFind

    pos = {a: k for k, a in enumerate(ids)}
    uf = UnionFind(len(ids))
    for a, b in pairs:
        uf.union(pos[a], pos[b])
    return {a: uf.find(k) for k, a in enumerate(ids)}


def run_mediacheck(articles: list[dict]) -> tuple[set, dict[str, int]]:
    from mediacheck.dedup import find_duplicates

    res = find_duplicates(articles)
    pairs = {(p["a"], p["b"]) for p in res.pairs}
    labels: dict[str, str] = {r["id"]: r["cluster_id"] for r in res.clusters}
    return pairs, labels


def run_rapidfuzz(articles: list[dict], block: int = 2000) -> tuple[set, dict]:
    import numpy as np
    from rapidfuzz import fuzz, process
    from rapidfuzz.utils import default_process

    titles = [a["title"] for a in articles]
    ids = [a["id"] for a in articles]
    pairs = set()
    for lo in range(0, len(titles), block):
        m = process.cdist(titles[lo:lo + block], titles, scorer=fuzz.ratio, score_cutoff=90, workers=2,
                          processor=default_process, dtype=np.uint8)
        for r, c in zip(*np.nonzero(m)):
            i = lo + int(r)
            if int(c) > i:
                a, b = ids[i], ids[int(c)]
                pairs.add((min(a, b), max(a, b)))
    return pairs, _components(ids, pairs)


def ds_shingles(title: str) -> list[bytes]:
    s = f" {_WS.sub(' ', title.casefold()).strip()} "
    return sorted({s[i:i + 4].encode("utf-8") for i in range(max(1, len(s) - 3))})


def run_datasketch(articles: list[dict]) -> tuple[set, dict]:
    from datasketch import MinHash, MinHashLSH

    ids = [a["id"] for a in articles]
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    sigs = MinHash.bulk([ds_shingles(a["title"]) for a in articles], num_perm=64)
    for k, m in enumerate(sigs):
        lsh.insert(k, m, check_duplication=False)
    pairs = set()
    for k, m in enumerate(sigs):
        for j in lsh.query(m):
            if j != k:
                pairs.add((min(ids[j], ids[k]), max(ids[j], ids[k])))
    return pairs, _components(ids, pairs)


TOOLS = {"mediacheck": run_mediacheck, "rapidfuzz": run_rapidfuzz, "datasketch": run_datasketch}


def score(planted: Sequence[tuple[str, str, str]], pairs: set, labels: dict) -> dict:
    """Cluster recall, direct-pair recall (overall and per edit) and the largest cluster."""
    from collections import Counter

    total, by_cluster, by_pair = Counter(), Counter(), Counter()
    for a, b, edit in planted:
        if a not in labels or b not in labels:
            continue
        total[edit] += 1
        by_cluster[edit] += labels[a] == labels[b]
        by_pair[edit] += (min(a, b), max(a, b)) in pairs
    n = sum(total.values())
    sizes = Counter(labels.values())
    return {"planted": n,
            "recall": sum(by_cluster.values()) / n if n else None,
            "pair_recall": sum(by_pair.values()) / n if n else None,
            "recall_by_edit": {e: round(by_cluster[e] / total[e], 4) for e in EDITS if total[e]},
            "max_cluster": max(sizes.values()) if sizes else 0}


def print_profile(prof, *, top: int = 10, cumulative: int = 15) -> None:
    """Stop ``prof`` (a cProfile.Profile) and print its top functions by own and by cumulative time to stderr."""
    import io
    import pstats

    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    buf.write("\n--- by cumulative time ---\n")
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(cumulative)
    print(buf.getvalue(), file=sys.stderr)


def worker(size: int, tool: str, data: Path, seed: int, sample: int | None, profile: bool) -> dict:
    articles, planted = make_corpus(size, load_headlines(data), seed=seed)
    if sample and sample < len(articles):
        articles = random.Random(seed + 1).sample(articles, sample)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MIB
    fn = TOOLS[tool]
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    t0 = time.perf_counter()
    pairs, labels = fn(articles)
    seconds = time.perf_counter() - t0
    if prof is not None:
        print_profile(prof)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MIB
    return {"size": size, "tool": tool, "n": len(articles), "seconds": round(seconds, 2),
            "peak_mib": round(peak), "base_mib": round(base), "pairs": len(pairs), **score(planted, pairs, labels)}


# --- driver ------------------------------------------------------------------------------------------------


def _label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else (
        f"{n // 1000}k" if n % 1000 == 0 else str(n))


def spawn(size: int, tool: str, args, sample: int | None = None, timeout: float = 900, profile: bool = False
          ) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.dedup_scale", "--size", str(size), "--worker", "--tool", tool,
           "--data", str(args.data), "--seed", str(args.seed), "--mem-limit-gib", str(args.mem_limit_gib)]
    if sample:
        cmd += ["--sample", str(sample)]
    if profile:
        cmd += ["--profile-worker"]
    row = {"size": size, "tool": tool, "n": sample or size}
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {**row, "status": f"timeout (> {timeout:.0f} s)"}
    if profile and p.stderr:
        print(p.stderr, file=sys.stderr)
    if p.returncode != 0:
        tail = (p.stderr.strip().splitlines() or ["?"])[-1]
        return {**row, "status": f"failed: {tail[:120]}"}
    return {**json.loads(p.stdout.strip().splitlines()[-1]), "status": "ok"}


def _f3(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def table(rows: list[dict]) -> str:
    out = ["| size | tool | seconds | peak MiB | pairs | planted recall | pair recall | max cluster |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        size = _label(r["size"]) + (f" ({_label(r['n'])} sample)" if r.get("n") != r["size"] else "")
        if r.get("status") != "ok":
            out.append(f"| {size} | {r['tool']} | {r['status']} | | | | | |")
            continue
        out.append(f"| {size} | {r['tool']} | {r['seconds']:.1f} | {r['peak_mib']} | {r['pairs']:,} | "
                   f"{_f3(r['recall'])} | {_f3(r['pair_recall'])} | {r['max_cluster']:,} |")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tools", default="mediacheck,rapidfuzz,datasketch")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per mediacheck run (default 900)")
    ap.add_argument("--peer-timeout", type=float, default=900, help="seconds per peer run (default 900)")
    ap.add_argument("--rf-max", type=int, default=10_000, help="largest corpus for rapidfuzz all-pairs")
    ap.add_argument("--rf-sample", type=int, default=30_000, help="rapidfuzz sample of the 100k corpus; 0: none")
    ap.add_argument("--ds-max", type=int, default=1_000_000, help="largest corpus for datasketch")
    ap.add_argument("--mem-limit-gib", type=float, default=12.0)
    ap.add_argument("--json", type=Path, help="write every row (with per-edit recall) here")
    ap.add_argument("--profile", type=int, metavar="N", help="only cProfile mediacheck at size N; top 10")
    # worker mode
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int)
    ap.add_argument("--tool", default="mediacheck", choices=sorted(TOOLS))
    ap.add_argument("--sample", type=int)
    ap.add_argument("--profile-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        lim = int(args.mem_limit_gib * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
        print(json.dumps(worker(args.size, args.tool, args.data, args.seed, args.sample, args.profile_worker)))
        return 0
    if args.profile:
        r = spawn(args.profile, "mediacheck", args, timeout=args.timeout, profile=True)
        print(table([r]))
        return 0

    sizes = [int(float(s)) for s in args.sizes.split(",") if s.strip()]
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    rows: list[dict] = []
    for n in sizes:
        for tool in tools:
            if tool == "rapidfuzz":
                if n <= args.rf_max:
                    r = spawn(n, tool, args, timeout=args.peer_timeout)
                elif args.rf_sample and n <= 100_000:
                    r = spawn(n, tool, args, sample=min(args.rf_sample, n), timeout=args.peer_timeout)
                else:
                    r = {"size": n, "tool": tool, "n": n, "status": "not run (O(n^2))"}
            elif tool == "datasketch" and n > args.ds_max:
                r = {"size": n, "tool": tool, "n": n, "status": "not run (--ds-max)"}
            else:
                r = spawn(n, tool, args, timeout=args.timeout if tool == "mediacheck" else args.peer_timeout)
            rows.append(r)
            print(f"# {_label(n)} {tool}: {r.get('status')} {r.get('seconds', '')} s "
                  f"recall by edit {r.get('recall_by_edit', '')}", file=sys.stderr, flush=True)
    print(table(rows))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
