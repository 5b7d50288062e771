"""The frame dev set: which articles, their sentences, and the annotation files (labels only; texts stay in ../shared).

    python benchmarks/frames_devset.py sample      # writes benchmarks/data/frames_dev/sample.jsonl (ids, hashes)
    python benchmarks/frames_devset.py texts DIR [BATCH]  # numbered texts for annotators (never committed)
    python benchmarks/frames_devset.py agreement    # Cohen's kappa of the two passes, per question and frame
    python benchmarks/frames_devset.py disagreements FILE   # disputed items with their texts, for adjudication
    python benchmarks/frames_devset.py gold         # agreed items + adjudication_part*.jsonl -> gold.jsonl

Sample: 100 BASIL articles (one per event, outlets in rotation), 40 AllSides articles (one per story, topics
spread), 20 ScrapingHub pages (gold bodies); each article is its title plus its first 25 sentences. Sentences come
from a fixed splitter here (BASIL's own sentence lists; a regex elsewhere), so label indices do not move when
mediacheck's splitter changes; each sentence's hash is kept to check that.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parent.parent / "shared"
DEV = ROOT / "data" / "frames_dev"
MAX_SENTENCES = 25
FIRST_BATCH = 160  # articles of the first annotation round; the rest is the extension
_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def split(text: str) -> list[str]:
    """Paragraphs, then sentences at . ! ? followed by a capital (fixed; do not change: label indices use it)."""
    out = []
    for para in re.split(r"\n+", text):
        para = " ".join(para.split())
        if para:
            out += [s.strip() for s in _SPLIT.split(para) if s.strip()]
    return out


def _hash(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:10]


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _basil() -> list[dict]:
    rows = _jsonl(SHARED / "data/labels/basil_articles.jsonl")
    by_event: dict[str, list[dict]] = {}
    for r in rows:
        by_event.setdefault(r["event_id"], []).append(r)
    out = []
    for i, event in enumerate(sorted(by_event)):
        arts = sorted(by_event[event], key=lambda r: r["source"])
        r = arts[i % len(arts)]
        sents = [" ".join(s.split()) for p in r["body_paragraphs"] for s in p if s.strip()]
        out.append({"id": r["id"], "source": "basil", "outlet": r["outlet"], "title": r["title"],
                    "sentences": sents[:MAX_SENTENCES]})
    return out


def _allsides(n: int = 40) -> list[dict]:
    rows = _jsonl(SHARED / "data/labels/allsides_stories.jsonl")
    rng = random.Random(7)
    by_topic: dict[str, list[dict]] = {}
    for r in rows:
        by_topic.setdefault(r["topic"], []).append(r)
    topics = sorted(by_topic)
    rng.shuffle(topics)
    out, k = [], 0
    while len(out) < n and k < 10:
        for t in topics:
            if len(out) >= n:
                break
            stories = by_topic[t]
            if k < len(stories):
                s = stories[k]
                a = s["articles"][(len(out)) % len(s["articles"])]
                sents = split("\n".join(a.get("body_excerpt") or []))
                if len(sents) >= 2:
                    out.append({"id": f"{s['id']}:{a['slot']}", "source": "allsides", "outlet": a["outlet"],
                                "title": a["headline"], "topic_hint": t, "sentences": sents[:MAX_SENTENCES]})
        k += 1
    return out


def _scrapinghub(n: int = 20, extra: int = 70) -> list[dict]:
    """``n`` pages of the first sample, then ``extra`` English pages (the extension, away from US politics)."""
    rows = _jsonl(SHARED / "data/clean/scrapinghub.jsonl")
    rng = random.Random(11)
    rng.shuffle(rows)
    out, more = [], []
    for r in rows:
        sents = split(r["gold_text"])
        page = {"id": r["id"], "source": "scrapinghub", "outlet": r.get("site", ""), "title": "",
                "sentences": sents[:MAX_SENTENCES]}
        if len(out) < n:
            if len(sents) >= 5:
                out.append(page)
        elif len(more) < extra and len(sents) >= 5 and _english(r["gold_text"]):
            more.append(page)
    return out + more


def _english(text: str) -> bool:
    """Mostly ASCII letters and common English function words."""
    words = re.findall(r"[A-Za-z']+", text.lower())
    common = sum(w in {"the", "and", "of", "to", "a", "in", "is", "that", "for", "was"} for w in words)
    return len(words) >= 100 and common / len(words) > 0.15


def articles() -> list[dict]:
    """The dev-set articles with their texts (from ../shared), in sample order: the first 160, then the
    extension of 70 ScrapingHub pages (sample.jsonl field ``batch`` 1 or 2)."""
    return _basil() + _allsides() + _scrapinghub()


def cmd_sample() -> None:
    DEV.mkdir(parents=True, exist_ok=True)
    with open(DEV / "sample.jsonl", "w", encoding="utf-8") as f:
        for k, a in enumerate(articles()):
            f.write(json.dumps({"id": a["id"], "batch": 1 if k < FIRST_BATCH else 2, "source": a["source"],
                                "outlet": a["outlet"],
                                "n_sentences": len(a["sentences"]),
                                "hashes": [_hash(s) for s in a["sentences"]]}) + "\n")


def cmd_texts(folder: str, parts: int = 2, batch: int = 1) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    arts = articles()
    arts = arts[:FIRST_BATCH] if batch == 1 else arts[FIRST_BATCH:]
    sizes = [sum(len(s) for s in a["sentences"]) for a in arts]
    total, acc, part_of = sum(sizes), 0, []
    for n in sizes:  # parts of about equal characters, in sample order
        part_of.append(min(parts - 1, acc * parts // total))
        acc += n
    for p in range(parts):
        with open(out / f"part{p + 1 + (batch - 1) * 2}.txt", "w", encoding="utf-8") as f:
            for a in (a for a, q in zip(arts, part_of) if q == p):
                f.write(f"=== ARTICLE {a['id']} | outlet: {a['outlet']} | title: {a['title']}\n")
                for i, s in enumerate(a["sentences"]):
                    f.write(f"[{i}] {s}\n")
                f.write("\n")


QUESTIONS = ("R1", "R2", "R3", "R4", "H1", "H2", "H3", "C1", "C2", "C3", "M1", "M2", "M3", "E1", "E2", "E3")
FRAMES = ("responsibility", "human_interest", "conflict", "morality", "economic")


def load_pass(name: str) -> dict[str, dict]:
    """id -> annotation of pass ``name`` ('a', 'b' or 'gold'), over all its part files."""
    out: dict[str, dict] = {}
    for path in sorted(DEV.glob(f"pass_{name}_part*.jsonl")) if name != "gold" else [DEV / "gold.jsonl"]:
        for rec in _jsonl(path):
            out[rec["id"]] = rec
    return out


def kappa(x: list[bool], y: list[bool]) -> float:
    """Cohen's kappa of two yes/no codings (nan when both coders never vary)."""
    n = len(x)
    po = sum(a == b for a, b in zip(x, y)) / n
    px, py = sum(x) / n, sum(y) / n
    pe = px * py + (1 - px) * (1 - py)
    return float("nan") if pe == 1 else (po - pe) / (1 - pe)


def agreement(a: dict[str, dict], b: dict[str, dict]) -> list[tuple[str, int, float, float, float, float]]:
    """Rows (item, n, share yes in a, share yes in b, raw agreement, kappa) per question, frame and the
    five-frame mean, over the articles both passes coded."""
    ids = [i for i in a if i in b]
    rows = []
    items = [(q, lambda r, q=q: bool(r["answers"][q])) for q in QUESTIONS]
    items += [(f, lambda r, f=f: bool(r["present"][f])) for f in FRAMES]
    for name, get in items:
        x, y = [get(a[i]) for i in ids], [get(b[i]) for i in ids]
        rows.append((name, len(ids), sum(x) / len(ids), sum(y) / len(ids),
                     sum(p == q for p, q in zip(x, y)) / len(ids), kappa(x, y)))
    frame_rows = rows[-len(FRAMES):]
    rows.append(("frames (mean)", len(ids), *(sum(r[k] for r in frame_rows) / len(FRAMES) for k in (2, 3, 4, 5))))
    return rows


def _items(rec: dict) -> dict[str, object]:
    return {**{q: rec["answers"][q] for q in QUESTIONS}, **{f: rec["present"][f] for f in FRAMES},
            "topic": rec["topic"]}


def cmd_disagreements(path: str) -> None:
    """Write the items the two passes disagree on, with the article text, for adjudication (never committed)."""
    a, b = load_pass("a"), load_pass("b")
    texts = {art["id"]: art for art in articles()}
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for aid, art in texts.items():
            ia, ib = _items(a[aid]), _items(b[aid])
            diff = [k for k in ia if (bool(ia[k]) != bool(ib[k])) or (k == "topic" and ia[k] != ib[k])]
            if not diff:
                continue
            n += len(diff)
            f.write(f"=== ARTICLE {aid} | outlet: {art['outlet']} | title: {art['title']}\n")
            for i, sent in enumerate(art["sentences"]):
                f.write(f"[{i}] {sent}\n")
            for k in diff:
                f.write(f"--- DISPUTED {k}: coder 1 = {json.dumps(ia[k])}; coder 2 = {json.dumps(ib[k])}\n")
            f.write("\n")
    print(f"{n} disputed items written to {path}")


def build_gold(adjudicated: dict[str, dict]) -> list[dict]:
    """Gold labels: where the passes agree, their answer (evidence: the union of both passes' sentences); where
    they disagree, the adjudicator's (``adjudicated[id][item]``)."""
    a, b = load_pass("a"), load_pass("b")
    out = []
    for art in articles():
        aid = art["id"]
        ia, ib, adj = _items(a[aid]), _items(b[aid]), adjudicated.get(aid, {})
        answers, present = {}, {}
        for q in QUESTIONS:
            if bool(ia[q]) == bool(ib[q]):
                answers[q] = sorted(set(ia[q]) | set(ib[q]))
            else:
                answers[q] = sorted(set(adj[q]))
        for fr in FRAMES:
            present[fr] = bool(ia[fr]) if ia[fr] == ib[fr] else bool(adj[fr])
        topic = ia["topic"] if ia["topic"] == ib["topic"] else adj["topic"]
        out.append({"id": aid, "topic": topic, "answers": answers, "present": present})
    return out


def cmd_gold() -> None:
    adjudicated = {r["id"]: r["items"] for path in sorted(DEV.glob("adjudication_part*.jsonl"))
                   for r in _jsonl(path)}
    with open(DEV / "gold.jsonl", "w", encoding="utf-8") as f:
        for rec in build_gold(adjudicated):
            f.write(json.dumps(rec) + "\n")


def cmd_agreement() -> None:
    a, b = load_pass("a"), load_pass("b")
    print("| item | articles | yes (A) | yes (B) | agreement | Cohen's kappa |\n|---|---|---|---|---|---|")
    for name, n, ya, yb, po, k in agreement(a, b):
        print(f"| {name} | {n} | {ya:.2f} | {yb:.2f} | {po:.3f} | {k:.2f} |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["sample"]:
        cmd_sample()
    elif sys.argv[1:2] == ["agreement"]:
        cmd_agreement()
    elif sys.argv[1:2] == ["disagreements"] and len(sys.argv) > 2:
        cmd_disagreements(sys.argv[2])
    elif sys.argv[1:2] == ["gold"]:
        cmd_gold()
    elif sys.argv[1:2] == ["texts"] and len(sys.argv) > 2:
        cmd_texts(sys.argv[2], batch=int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    else:
        sys.exit(__doc__)
