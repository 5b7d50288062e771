"""End-to-end scale of ``mediacheck report``: wall time and peak memory of the whole process tree on synthetic
corpora of 10k / 100k articles built from real articles.

Corpus (``make_corpus``; deterministic for a seed, written as JSONL under ``--cache`` and reused):

* Real bases from ``../shared/data``: the 181 ScrapingHub pages (``clean/scrapinghub.jsonl``: ``scraped`` text
  with the sites' own boilerplate; headline from the page ``<title>``), the 300 BASIL articles
  (``labels/basil_articles.jsonl``: ``body_paragraphs``, ``title``) and the AllSides excerpts
  (``labels/allsides_stories.jsonl``: ``headline`` + ``body_excerpt`` of each outlet). Kinds are drawn with
  weights scraped 0.3 / BASIL 0.4 / AllSides 0.3, so the mean record is about 5 KB.
* Outlets: ``clamp(n // 200, 20, 200)`` synthetic outlets (place + paper name), each with a leaning (left .. right),
  fixed header / footer template lines, a few bylines, and a Zipf-like share of the articles.
* Stories: ``n / 6`` stories; each takes a base of the drawn kind. A base used again for a later story becomes a
  *follow-up*: a window of its paragraphs (scraped pages: a subset of the long lines), a few paragraphs spliced in
  from another base of the same kind, digits shifted, and a reworded headline. Stories are dated over one year;
  their articles within 0-21 days of the story date. Story sizes: 1 + exponential (mean ~5), capped at 50.
* Articles of a story (one outlet each): sentences dropped (p 0.12) and adjacent sentences swapped (p 0.1)
  within paragraphs (scraped pages: only lines of >= 12 words are touched), the lede swapped with p 0.2, the
  headline reworded (prefix, suffix, synonym, word drop, case, colon tail; 30% kept), wrapped in the outlet's
  template (header, title line, byline / date line, "Advertisement" mid-body, share / related lines, footer).
* Syndicated copies (``--synd-share``, default 8%): the body of an earlier article verbatim under another outlet's
  template, headline kept or with a wire suffix, dated 0-1 days later; recorded in ``planted``.
* Error records (0.2%, at least one): a record without text/html or a JSON array; every record is read as one
  record, so ``records_in`` must equal the corpus lines and ``articles + errors``.
* Records are shuffled; ids ``r0000001``...; fields id, outlet, leaning, title, text, url, published.

Measurement: each (size, engine) is one ``python -m mediacheck report CORPUS --out TMP --no-html -q --jobs J
[--engine dask]`` subprocess. Every ~0.2 s the RSS of the process and all its descendants (pool workers, Dask
nanny / workers) is summed: ``peak MiB (tree)`` is the largest sum (RSS, so shared pages count once per process),
at least ``main MiB``, the main process's kernel high-water mark (``VmHWM``; a short spike of the main process
can fall between two samples). ``seconds`` is the wall time of the
subprocess (interpreter start to exit); ``articles/s`` = records / seconds; ``CPU s (tree)`` is user + system time
of the process and its reaped descendants (``wait4``); ``other CPU s`` is the machine's busy CPU time during the
run minus the tree's (/proc/stat): other load on the machine, which inflates ``seconds`` on 2 cores.
``records in / articles / errors`` come from ``summary.json``; ``check`` is ok when records in = corpus lines =
articles + errors and errors >= the planted errors; ``synd. found`` is the share of planted syndicated copies that
``duplicates.csv`` pairs with their source.

``--stages N`` instead runs ``build_report`` in this process on the N corpus with timers around each phase
(templates pass, per-article pass, dedup, cluster columns, outlet table / bootstrap, permutation tests, stories,
writing) and prints seconds and RSS (after / peak) per phase; ``--cprofile`` adds the top functions (use
``--jobs 1`` so the per-article stage runs in this process).

usage (from the project root):
    python -m benchmarks.report_scale [--sizes 10000 100000] [--engines local dask] [--jobs 2] [--timeout 3600]
    python -m benchmarks.report_scale --sizes 200 --engines local --keep     # outputs kept under --cache
    python -m benchmarks.report_scale --stages 10000 --jobs 1 --cprofile     # where the time goes
"""

from __future__ import annotations

import argparse
import html as html_lib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_CACHE = ROOT / "benchmarks" / "out" / "report_scale"
GENERATOR_VERSION = 1
MIB = 1 << 20
KIND_WEIGHTS = {"scraped": 0.3, "basil": 0.4, "allsides": 0.3}
LEANINGS = ("left", "lean left", "center", "lean right", "right")
PLACES = ("Ohio", "Texas", "Denver", "Boston", "Lagos", "Delhi", "Tokyo", "Quebec", "Nairobi", "Lima", "Oslo",
          "Berlin", "Seattle", "Atlanta", "Phoenix", "Dallas", "Miami", "Portland", "Austin", "Detroit", "Tampa",
          "Omaha", "Tulsa", "Fresno", "Raleigh", "Richmond", "Madison", "Spokane", "Reno", "Boise")
PAPERS = ("Tribune", "Herald", "Gazette", "Courier", "Dispatch", "Ledger", "Observer", "Sentinel", "Chronicle",
          "Post", "Times", "Journal", "Examiner", "Bulletin", "Record", "Register", "Star", "Daily", "Wire",
          "Monitor", "Press", "Review", "Standard", "Telegraph", "Beacon")
NAV = ("Home", "News", "Politics", "World", "Business", "Opinion", "Sports", "Science", "Health", "Arts",
       "Local", "Weather", "Video", "Podcasts", "Newsletters", "Obituaries", "Crosswords", "Real Estate")
FIRST = ("Anna", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Hugo", "Ines", "James", "Kara", "Liam")
LAST = ("Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones", "Khan", "Lopez")
HEADLINE_PREFIXES = ("Analysis:", "WATCH:", "Live updates:", "Opinion:", "Explainer:", "BREAKING:")
WIRE_SUFFIXES = (" - Associated Press", " | Reuters", " (AFP)", " - Wire report")
SYNONYMS = {"says": "said", "said": "says", "over": "about", "after": "following", "amid": "as", "and": "&",
            "new": "fresh", "plan": "proposal", "bill": "measure", "president": "President", "says,": "said,",
            "ban": "restrictions", "vote": "ballot", "calls": "urges", "to": "will"}
FOLLOW_UP = ("What we know about", "Latest:", "Update:", "Day two:", "Reaction:")
_WS = re.compile(r"\s+")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
_SPLIT_SENT = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_SHIFT = [str.maketrans("0123456789", "".join(str((d + k) % 10) for d in range(10))) for k in range(10)]


# --- real bases --------------------------------------------------------------------------------------------


def _rows(path: Path):
    if not path.exists():
        return
    with path.open(encoding="utf-8") as f:  # not str.splitlines: the pages contain U+2028
        for line in f:
            if line.strip():
                yield json.loads(line)


def _page_title(html: str) -> str:
    m = _TITLE.search(html or "")
    title = _WS.sub(" ", html_lib.unescape(m.group(1))).strip() if m else ""
    for sep in (" | ", " - ", " – ", " — "):          # drop a trailing " - Site Name"
        head, _, tail = title.rpartition(sep)
        if head and len(tail.split()) <= 4:
            title = head
            break
    return title


def load_bases(data: Path = DEFAULT_DATA) -> dict[str, list[dict]]:
    """Real bases by kind: ``{"title", "paras": [[sentence or line, ...], ...], "long": [bool per para]}``.

    Scraped pages keep every line (their boilerplate included) as a one-line paragraph; only lines of >= 12 words
    (``long``) are edited. BASIL / AllSides paragraphs are lists of sentences (all editable).
    """
    out: dict[str, list[dict]] = {k: [] for k in KIND_WEIGHTS}
    for r in _rows(data / "clean" / "scrapinghub.jsonl"):
        lines = [ln.strip() for ln in str(r.get("scraped") or "").split("\n") if ln.strip()]
        title = _page_title(r.get("html", "")) or (lines[0] if lines else "")
        if lines and title:
            out["scraped"].append({"title": title, "paras": [[ln] for ln in lines],
                                   "long": [len(ln.split()) >= 12 for ln in lines]})
    for r in _rows(data / "labels" / "basil_articles.jsonl"):
        paras = [[_WS.sub(" ", s).strip() for s in p if s and s.strip()] for p in r.get("body_paragraphs") or []]
        paras = [p for p in paras if p]
        if paras and r.get("title"):
            out["basil"].append({"title": _WS.sub(" ", r["title"]).strip(), "paras": paras,
                                 "long": [True] * len(paras)})
    for r in _rows(data / "labels" / "allsides_stories.jsonl"):
        for a in r.get("articles") or []:
            sents = [_WS.sub(" ", s).strip() for s in a.get("body_excerpt") or [] if s and s.strip()]
            if sents and a.get("headline"):
                paras = [_SPLIT_SENT.split(s) for s in sents]
                out["allsides"].append({"title": _WS.sub(" ", a["headline"]).strip(), "paras": paras,
                                        "long": [True] * len(paras)})
    return {k: v for k, v in out.items() if v}


# --- edits -------------------------------------------------------------------------------------------------


def reword_headline(title: str, rng: random.Random) -> str:
    """A reworded headline (30%: unchanged)."""
    words = title.split()
    edit = rng.random()
    if edit < 0.3 or len(words) < 3:
        return title
    if edit < 0.42:
        return f"{rng.choice(HEADLINE_PREFIXES)} {title}"
    if edit < 0.54:
        spots = [k for k, w in enumerate(words) if w.lower() in SYNONYMS]
        if spots:
            k = rng.choice(spots)
            words[k] = SYNONYMS[words[k].lower()]
            return " ".join(words)
        return f"{title}: {rng.choice(('what to know', 'the details', 'reactions'))}"
    if edit < 0.7:
        k = rng.randrange(len(words))
        return " ".join(words[:k] + words[k + 1:])
    if edit < 0.8:
        return title.upper() if rng.random() < 0.3 else " ".join(w[:1].upper() + w[1:] for w in words)
    if edit < 0.9 and ":" in title:
        return title.split(":", 1)[1].strip() or title
    k = rng.randrange(1, len(words))
    return " ".join(words[k:] + ["—"] + words[:k])


def _long(base: dict, k: int) -> bool:
    return base["long"][k]


def follow_up(base: dict, other: dict, shift: int, rng: random.Random) -> dict:
    """A later story from the same base: a window / subset of its paragraphs, paragraphs of ``other`` spliced in,
    digits shifted, a new headline."""
    n = len(base["paras"])
    if all(base["long"]):
        width = max(1, round(n * rng.uniform(0.6, 0.9)))
        lo = rng.randrange(n - width + 1)
        keep = list(range(lo, lo + width))
    else:       # scraped page: keep the boilerplate lines, drop 30% of the long ones
        keep = [k for k in range(n) if not base["long"][k] or rng.random() < 0.7]
    paras = [list(base["paras"][k]) for k in keep]
    flags = [base["long"][k] for k in keep]
    donors = [k for k, f in enumerate(other["long"]) if f]
    for k in rng.sample(donors, min(len(donors), rng.randint(1, 3))):
        at = rng.randrange(len(paras) + 1)
        paras.insert(at, list(other["paras"][k]))
        flags.insert(at, True)
    tr = _SHIFT[shift % 10]
    paras = [[s.translate(tr) for s in p] for p in paras]
    title = f"{rng.choice(FOLLOW_UP)} {reword_headline(base['title'], rng)}".translate(tr)
    return {"title": title, "paras": paras, "long": flags}


def rewrite_body(story: dict, rng: random.Random) -> list[str]:
    """The story's paragraphs as one outlet's rewrite: sentences dropped / swapped, lede swapped; returns lines."""
    lines = []
    for p, editable in zip(story["paras"], story["long"]):
        if not editable:
            lines.append(" ".join(p))
            continue
        sents = [s for s in p if rng.random() >= 0.12] or [p[0]]
        for k in range(len(sents) - 1):
            if rng.random() < 0.1:
                sents[k], sents[k + 1] = sents[k + 1], sents[k]
        if len(p) == 1 and rng.random() < 0.12 and len(story["paras"]) > 3:
            continue            # a one-sentence paragraph (a scraped line) dropped
        lines.append(" ".join(sents))
    long_at = [k for k, ln in enumerate(lines) if len(ln.split()) >= 12]
    if len(long_at) >= 2 and rng.random() < 0.2:
        a, b = long_at[0], long_at[1]
        lines[a], lines[b] = lines[b], lines[a]
    return lines


def make_outlets(n: int, rng: random.Random) -> list[dict]:
    k = min(200, max(20, n // 200))
    names: list[str] = []
    seen = set()
    while len(names) < k:
        name = f"The {rng.choice(PLACES)} {rng.choice(PAPERS)}"
        if name in seen:
            name = f"{name} {len(names)}"
        seen.add(name)
        names.append(name)
    outlets = []
    for name in names:
        slug = re.sub(r"[^a-z0-9]+", "", name.lower())
        nav = rng.sample(NAV, rng.randint(4, 8))
        outlets.append({
            "name": name, "slug": slug, "leaning": rng.choice(LEANINGS),
            "header": [name, *nav, rng.choice(("Subscribe", "Sign In", "Subscribe now | Log in"))],
            "footer": [f"© 2024 {name}. All rights reserved.", "Privacy Policy", "Terms of Use",
                       rng.choice(("Contact us", "About us", "Careers", "Advertise with us"))],
            "authors": [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 6))],
        })
    return outlets


def wrap(outlet: dict, title: str, body: list[str], day: date, rng: random.Random, related: str) -> str:
    """``body`` lines inside the outlet's template: header, title, byline / date, body with an ad line, footer."""
    lines = list(outlet["header"])
    if rng.random() < 0.7:
        lines.append(title)
    lines.append(f"By {rng.choice(outlet['authors'])}")
    lines.append(f"Published {day:%B} {day.day}, {day.year}")
    mid = len(body) // 2
    lines += body[:mid]
    if rng.random() < 0.5:
        lines.append("Advertisement")
    lines += body[mid:]
    if rng.random() < 0.5:
        lines.append("Share this article")
    if rng.random() < 0.3:
        lines.append(f"Related: {related}")
    return "\n".join(lines + outlet["footer"])


def make_corpus(n: int, bases: dict[str, list[dict]], *, seed: int = 0, synd_share: float = 0.08,
                error_share: float = 0.002) -> tuple[list, dict]:
    """``n`` records (dicts; error records may be lists or lack text) and ``planted``: syndicated (source id,
    copy id) pairs, error ids, stories, outlets."""
    if not bases:
        raise ValueError("no real articles found (see --data)")
    rng = random.Random(seed)
    kinds = [k for k in KIND_WEIGHTS if k in bases]
    kind_w = [KIND_WEIGHTS[k] for k in kinds]
    outlets = make_outlets(n, rng)
    outlet_w = [1.0 / (r + 5) for r in range(len(outlets))]
    n_err = max(1, round(error_share * n)) if n >= 20 else 0
    n_synd = round(synd_share * n)
    n_orig = n - n_err - n_synd
    start = date(2024, 1, 1)
    used: dict[tuple[str, int], int] = {}
    all_titles = [b["title"] for k in kinds for b in bases[k]]
    originals: list[dict] = []      # records with their body lines (for syndication)
    n_stories = 0
    while len(originals) < n_orig:
        kind = rng.choices(kinds, kind_w)[0]
        b = rng.randrange(len(bases[kind]))
        reuse = used.get((kind, b), 0)
        used[(kind, b)] = reuse + 1
        story = bases[kind][b]
        if reuse:
            story = follow_up(story, rng.choice(bases[kind]), reuse, rng)
        day0 = rng.randrange(366)
        size = min(50, 1 + int(rng.expovariate(1 / 4.5)), n_orig - len(originals))
        for o in rng.choices(range(len(outlets)), outlet_w, k=size):
            day = start + timedelta(days=day0 + rng.randint(0, 21))
            title = reword_headline(story["title"], rng)
            body = rewrite_body(story, rng)
            originals.append({"outlet": o, "title": title, "body": body, "day": day, "story": n_stories})
        n_stories += 1
    syndicated = []
    for _ in range(n_synd):
        src = rng.randrange(len(originals))
        o = rng.choice([k for k in range(len(outlets)) if k != originals[src]["outlet"]] or [0])
        s = originals[src]
        title = s["title"] if rng.random() < 0.6 else s["title"] + rng.choice(WIRE_SUFFIXES)
        syndicated.append({"outlet": o, "title": title, "body": s["body"], "day": s["day"] + timedelta(
            days=rng.randint(0, 1)), "story": s["story"], "source": src})
    items = [("orig", k) for k in range(len(originals))] + [("synd", k) for k in range(len(syndicated))] + [
        ("err", k) for k in range(n_err)]
    rng.shuffle(items)
    ids: dict[tuple[str, int], str] = {it: f"r{pos + 1:07d}" for pos, it in enumerate(items)}
    records: list = []
    for it in items:
        kind, k = it
        rid = ids[it]
        if kind == "err":
            records.append([rid, "not an object"] if k % 2 else {"id": rid, "outlet": outlets[0]["name"],
                                                                  "title": "record without a body"})
            continue
        a = originals[k] if kind == "orig" else syndicated[k]
        out = outlets[a["outlet"]]
        text = wrap(out, a["title"], a["body"], a["day"], rng, rng.choice(all_titles))
        records.append({"id": rid, "outlet": out["name"], "leaning": out["leaning"], "title": a["title"],
                        "text": text, "url": f"https://www.{out['slug']}.example/{a['day']:%Y/%m/%d}/{rid}",
                        "published": a["day"].isoformat()})
    planted = {"syndicated": [(ids[("orig", s["source"])], ids[("synd", k)]) for k, s in enumerate(syndicated)],
               "errors": [ids[("err", k)] for k in range(n_err)], "stories": n_stories,
               "outlets": len(outlets), "records": len(records)}
    return records, planted


def corpus_path(n: int, args) -> tuple[Path, Path]:
    """The cached corpus for ``n`` (written on first use) and its planted-pairs sidecar."""
    cache = Path(args.cache)
    name = f"corpus-{n}-seed{args.seed}-synd{args.synd_share}-v{GENERATOR_VERSION}"
    path, meta = cache / f"{name}.jsonl", cache / f"{name}.planted.json"
    if path.exists() and meta.exists():
        return path, meta
    cache.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    records, planted = make_corpus(n, load_bases(Path(args.data)), seed=args.seed, synd_share=args.synd_share)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    tmp.replace(path)
    meta.write_text(json.dumps(planted))
    print(f"# corpus {n}: {path} ({path.stat().st_size / MIB:.0f} MiB, {planted['stories']} stories, "
          f"{planted['outlets']} outlets) in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return path, meta


# --- measurement -------------------------------------------------------------------------------------------


def _tree_rss(pid: int) -> tuple[int, int]:
    """(RSS summed over ``pid`` and its descendants, ``pid``'s VmHWM) in bytes; /proc when psutil is absent."""
    try:
        import psutil
    except ImportError:
        psutil = None
    total = 0
    if psutil is not None:
        try:
            proc = psutil.Process(pid)
            procs = [proc, *proc.children(recursive=True)]
        except psutil.Error:
            return 0, 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
    else:
        kids: dict[int, list[int]] = {}
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open(f"/proc/{d}/stat") as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                    kids.setdefault(ppid, []).append(int(d))
                except (OSError, ValueError, IndexError):
                    pass
        todo = [pid]
        while todo:
            p = todo.pop()
            todo += kids.get(p, [])
            total += _status_kib(p, "VmRSS") * 1024
    return total, _status_kib(pid, "VmHWM") * 1024


def _status_kib(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _kill_tree(pid: int) -> None:
    try:
        import psutil

        procs = psutil.Process(pid).children(recursive=True)
    except Exception:
        procs = []
    for p in procs:
        try:
            p.kill()
        except Exception:
            pass
    try:
        os.kill(pid, 9)
    except OSError:
        pass


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (/proc/stat), 0 where unavailable."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return 0.0
    busy = sum(v[:8]) - v[3] - (v[4] if len(v) > 4 else 0)       # all but idle and iowait
    return busy / os.sysconf("SC_CLK_TCK")


def run_report(corpus: Path, out: Path, engine: str, jobs: int, timeout: float, interval: float = 0.2) -> dict:
    """Run ``mediacheck report`` in a subprocess, polling the tree's memory; wall seconds, CPU seconds of the tree
    (``wait4`` rusage: the process and its reaped descendants), CPU seconds of other processes, peaks, summary."""
    cmd = [sys.executable, "-m", "mediacheck", "report", str(corpus), "--out", str(out), "--no-html", "-q",
           "--jobs", str(jobs)]
    if engine != "local":
        cmd += ["--engine", engine]
    row: dict = {"engine": engine, "jobs": jobs}
    busy0, t0 = _busy_seconds(), time.perf_counter()
    err = tempfile.TemporaryFile()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
    peak, hwm, timed_out, rc, ru = 0, 0, False, None, None
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            rc = os.waitstatus_to_exitcode(status)
            break
        tree, main = _tree_rss(p.pid)
        peak, hwm = max(peak, tree), max(hwm, main)
        if time.perf_counter() - t0 > timeout:
            _kill_tree(p.pid)
            _, status, ru = os.wait4(p.pid, 0)
            rc, timed_out = os.waitstatus_to_exitcode(status), True
            break
        time.sleep(interval)
    p.returncode = rc                     # reaped here, not by Popen
    seconds = time.perf_counter() - t0
    cpu = ru.ru_utime + ru.ru_stime
    other = max(0.0, _busy_seconds() - busy0 - cpu) if busy0 else None
    err.seek(0)
    tail = err.read().decode("utf-8", "replace").strip().splitlines()
    row.update(seconds=round(seconds, 1), cpu_s=round(cpu, 1), other_cpu_s=None if other is None else round(other),
               peak_mib=round(max(peak, hwm) / MIB), main_mib=round(hwm / MIB), returncode=rc)
    if timed_out:
        return {**row, "status": f"timeout (> {timeout:.0f} s)"}
    if rc not in (0, 1) or not (out / "summary.json").exists():
        return {**row, "status": f"failed ({rc}): {(tail or ['?'])[-1][:120]}"}
    summary = json.loads((out / "summary.json").read_text())
    summary = summary.get("summary", summary)
    return {**row, "status": "ok", "summary": summary}


def planted_found(out: Path, planted: dict) -> float | None:
    """Share of planted syndicated (source, copy) pairs that duplicates.csv pairs directly."""
    import csv

    synd = planted["syndicated"]
    path = out / "duplicates.csv"
    if not synd or not path.exists():
        return None
    want = {(min(a, b), max(a, b)) for a, b in synd}
    got = 0
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if (min(r["a"], r["b"]), max(r["a"], r["b"])) in want:
                got += 1
    return got / len(want)


def check(row: dict, planted: dict) -> str:
    s = row["summary"]
    problems = []
    if s.get("records_in") != planted["records"]:
        problems.append(f"in {s.get('records_in')} != lines {planted['records']}")
    if s.get("records_in") != s.get("articles", 0) + s.get("errors", 0):
        problems.append("in != articles + errors")
    if s.get("errors", 0) < len(planted["errors"]):
        problems.append(f"errors < planted {len(planted['errors'])}")
    return "ok" if not problems else "; ".join(problems)


def bench(n: int, engine: str, args) -> dict:
    corpus, meta = corpus_path(n, args)
    planted = json.loads(meta.read_text())
    out = Path(args.cache) / f"out-{n}-{engine}" if args.keep else Path(tempfile.mkdtemp(prefix="report-scale-"))
    if out.exists():
        shutil.rmtree(out)
    try:
        row = {"size": n, **run_report(corpus, out, engine, args.jobs, args.timeout)}
        if row["status"] == "ok":
            row["check"] = check(row, planted)
            row["synd_found"] = planted_found(out, planted)
            row["out"] = str(out)
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    return row


def _label(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def table(rows: list[dict]) -> str:
    out = ["| size | engine | jobs | seconds | CPU s (tree) | other CPU s | peak MiB (tree) | main MiB | articles/s | "
           "records in | articles | errors | check | synd. found |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        head = f"| {_label(r['size'])} | {r['engine']} | {r['jobs']} |"
        if r.get("status") != "ok":
            out.append(f"{head} {r.get('status')} | {r.get('cpu_s', '')} | {r.get('other_cpu_s', '')} | "
                       f"{r.get('peak_mib', '')} | {r.get('main_mib', '')} | | | | | | |")
            continue
        s = r["summary"]
        found = "–" if r.get("synd_found") is None else f"{r['synd_found']:.3f}"
        other = "–" if r.get("other_cpu_s") is None else f"{r['other_cpu_s']:,}"
        out.append(f"{head} {r['seconds']:.1f} | {r['cpu_s']:,.0f} | {other} | {r['peak_mib']:,} | {r['main_mib']:,} | "
                   f"{s['records_in'] / r['seconds']:.0f} | {s['records_in']:,} | {s['articles']:,} | "
                   f"{s['errors']:,} | {r['check']} | {found} |")
    return "\n".join(out)


def targets(rows: list[dict]) -> list[str]:
    """The two targets, judged on the rows that ran."""
    lines = []
    t10 = [r for r in rows if r["size"] == 10_000]
    if t10:
        parts = [f"{r['engine']} " + (f"{r['seconds']:.0f} s {'met' if r['seconds'] < 120 else 'MISSED'}"
                                      if r.get("status") == "ok" else r.get("status", "?")) for r in t10]
        lines.append("target 10k articles < 120 s on 2 cores: " + ", ".join(parts))
    t100 = [r for r in rows if r["size"] == 100_000]
    if t100:
        parts = [f"{r['engine']} " + (f"{r['peak_mib']:,} MiB {'met' if r['peak_mib'] < 2048 else 'MISSED'}"
                                      if r.get("status") == "ok" else r.get("status", "?")) for r in t100]
        lines.append("target 100k peak tree memory < 2 GiB: " + ", ".join(parts))
    return lines


# --- in-process phase timing -------------------------------------------------------------------------------


class _RssWatch:
    """Background sampler of this process's RSS; ``mark()`` returns (RSS now, peak since the last mark)."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._t = threading.Thread(target=self._loop, daemon=True)
        self._t.start()

    def _now(self) -> int:
        return _status_kib(os.getpid(), "VmRSS") * 1024

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self._now())

    def mark(self) -> tuple[int, int]:
        now = self._now()
        peak, self.peak = max(self.peak, now), now
        return now, peak

    def stop(self) -> None:
        self._stop.set()


def stages(n: int, args) -> list[dict]:
    """Run build_report in-process on the n corpus with timers around each phase (functions wrapped, not edited)."""
    import mediacheck.dedup as dedup_mod
    from mediacheck.cli.report import _source
    from mediacheck.io import ReadStats
    from mediacheck.report import aggregate, output, pipeline

    corpus, _ = corpus_path(n, args)
    watch = _RssWatch()
    phases: list[dict] = []
    clock = {"t": time.perf_counter()}

    def record(name: str, extra: str = "") -> None:
        now, peak = watch.mark()
        t = time.perf_counter()
        phases.append({"phase": name, "seconds": t - clock["t"], "rss_mib": now / MIB, "peak_mib": peak / MIB,
                       "note": extra})
        clock["t"] = t

    def timed(mod, name: str, label: str, note=None):
        fn = getattr(mod, name)

        def wrapper(*a, **kw):
            if label == "dedup (find_duplicates)":
                record("per-article pass (clean + score + stream)", note(*a, **kw) if note else "")
            else:
                record("(between phases)")
            res = fn(*a, **kw)
            record(label)
            return res
        setattr(mod, name, wrapper)
        return fn

    def dedup_note(items, *a, **kw):
        items = list(items) if not isinstance(items, list) else items
        def size(i) -> int:      # dicts or the pipeline's DedupFields records
            return len(i["text"]) + len(i["title"]) if isinstance(i, dict) else len(i.text) + len(i.title)
        return f"{len(items):,} dedup items, {sum(size(i) for i in items) / MIB:.0f} MiB text"

    def articles_note(articles, *a, **kw):
        return f"articles frame {articles.memory_usage(deep=True).sum() / MIB:.0f} MiB"

    saved = [
        (pipeline, "learn_templates", timed(pipeline, "learn_templates", "templates pass")),
        (dedup_mod, "find_duplicates", timed(dedup_mod, "find_duplicates", "dedup (find_duplicates)", dedup_note)),
        (aggregate, "cluster_columns", timed(aggregate, "cluster_columns", "cluster columns")),
        (aggregate, "outlet_table", timed(aggregate, "outlet_table", "outlet table (bootstrap CIs)")),
        (aggregate, "outlet_pairs_table", timed(aggregate, "outlet_pairs_table", "outlet pairs (permutations)")),
        (aggregate, "story_table", timed(aggregate, "story_table", "stories")),
    ]
    ns = argparse.Namespace(outlet=None, input_format=None, max_bytes=None)
    from mediacheck.io.readers import DEFAULT_MAX_BYTES

    ns.max_bytes = DEFAULT_MAX_BYTES
    out = Path(tempfile.mkdtemp(prefix="report-stages-"))
    prof = None
    if args.cprofile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    try:
        t0 = time.perf_counter()
        clock["t"] = t0
        record("start")
        sinks = output.open_sinks(str(out), sentences=False, parquet=False)
        report = pipeline.build_report(_source([str(corpus)], ns, ReadStats()), engine="local", jobs=args.jobs,
                                       sinks=sinks)
        record("(evidence table, summary)")
        for sink in sinks.values():
            sink.close()
        output.write_tables(report.tables, str(out))
        record("writing tables", articles_note(report.tables["articles"]))
        phases.append({"phase": "total", "seconds": time.perf_counter() - t0, "rss_mib": watch.mark()[0] / MIB,
                       "peak_mib": max(p["peak_mib"] for p in phases), "note": ""})
    finally:
        if prof is not None:
            from benchmarks.dedup_scale import print_profile

            print_profile(prof, top=20, cumulative=40)
        for mod, name, fn in saved:
            setattr(mod, name, fn)
        watch.stop()
        shutil.rmtree(out, ignore_errors=True)
    return [p for p in phases if p["phase"] != "start" and (p["phase"] != "(between phases)" or p["seconds"] > 0.05)]


def stages_table(phases: list[dict]) -> str:
    out = ["| phase | seconds | RSS after MiB | peak MiB | note |", "|---|---|---|---|---|"]
    for p in phases:
        out.append(f"| {p['phase']} | {p['seconds']:.1f} | {p['rss_mib']:,.0f} | {p['peak_mib']:,.0f} | "
                   f"{p['note']} |")
    return "\n".join(out)


# --- driver ------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", type=lambda s: int(float(s)), default=[10_000, 100_000])
    ap.add_argument("--engines", nargs="+", choices=("local", "dask"), default=["local", "dask"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per run (default 3600)")
    ap.add_argument("--keep", action="store_true", help="keep each run's output folder under --cache")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="../shared/data (clean/ and labels/)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="corpus cache (default benchmarks/out/...)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--synd-share", type=float, default=0.08)
    ap.add_argument("--json", type=Path, help="write every row here")
    ap.add_argument("--stages", type=int, metavar="N", help="time the phases of an in-process run at size N")
    ap.add_argument("--cprofile", action="store_true", help="with --stages: top functions on stderr")
    args = ap.parse_args(argv)

    if args.stages:
        print(stages_table(stages(args.stages, args)))
        return 0
    rows: list[dict] = []
    for n in args.sizes:
        for engine in args.engines:
            r = bench(n, engine, args)
            rows.append(r)
            print(f"# {_label(n)} {engine}: {r.get('status')} {r.get('seconds')} s, peak {r.get('peak_mib')} MiB",
                  file=sys.stderr, flush=True)
    print(table(rows))
    print()
    for line in targets(rows):
        print(line)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
