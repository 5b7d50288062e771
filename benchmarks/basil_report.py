"""A real-world check of ``mediacheck report``: BASIL (Fan et al. 2019), 100 events each covered by Fox News,
The New York Times and HuffPost (``../shared/data/labels/basil_articles.jsonl``; no licence upstream, so the
input and the report are written to a scratch folder, never committed).

Each article becomes one record: ``text`` = its paragraphs (sentences joined, blank line between paragraphs),
``title``, ``outlet``, ``published`` (the event date) and the outlet's usual leaning (Fox right, NYT center,
HuffPost left) as ``leaning``. The script runs the report and prints, per outlet, the headline rates with their
intervals, the significant outlet differences, how well the story clusters recover BASIL's events, and how the
article-level rates line up with BASIL's own ``relative_stance`` labels.

    python benchmarks/basil_report.py [--out /tmp/basil-report] [--data PATH]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "labels" / "basil_articles.jsonl"
LEANING = {"fox": "right", "nyt": "center", "hpo": "left"}
METRICS = ("hedges_per_1k", "hedged_sentence_share", "boosters_per_1k", "anonymous_attribution_share",
           "loaded_sentence_rate", "loaded_mean_prob", "question_headline_share", "tone",
           *(f"frame_{t}_prob" for t in ("conflict", "economic", "human_interest", "morality", "responsibility")))


def write_input(data: Path, path: Path) -> list[dict]:
    rows = [json.loads(line) for line in data.open(encoding="utf-8")]
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            text = "\n\n".join(" ".join(p) for p in r["body_paragraphs"])
            f.write(json.dumps({"id": r["id"], "outlet": r["outlet"], "title": r["title"], "text": text,
                                "published": r["date"], "leaning": LEANING[r["source"]], "event_id": r["event_id"],
                                "relative_stance": r["relative_stance"]}, ensure_ascii=False) + "\n")
    return rows


def pairwise_f1(truth: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision / recall / F1 of ``found`` clusters against ``truth`` (id -> group)."""
    def pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
        by: dict[str, list[str]] = {}
        for i, g in groups.items():
            by.setdefault(g, []).append(i)
        return {tuple(sorted(p)) for ids in by.values() for p in combinations(sorted(ids), 2)}
    t, f = pairs(truth), pairs(found)
    p = len(t & f) / len(f) if f else 0.0
    r = len(t & f) / len(t) if t else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=Path("/tmp/basil-report"))
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"error: {args.data} not found (needs ../shared beside the project)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    src = args.out / "basil.jsonl"
    rows = write_input(args.data, src)
    report = args.out / "report"
    subprocess.run([sys.executable, "-m", "mediacheck", "report", str(src), "--out", str(report), "-q",
                    "--sentences"], check=False)
    outlets = pd.read_csv(report / "outlets.csv").set_index("outlet")
    print(f"BASIL: {len(rows)} articles, {len({r['event_id'] for r in rows})} events; report in {report}\n")
    print("| metric | " + " | ".join(outlets.index) + " |")
    print("|---|" + "---|" * len(outlets))
    for m in METRICS:
        cells = [f"{outlets.loc[o, m]:.3f} [{outlets.loc[o, m + '_ci_low']:.3f}, {outlets.loc[o, m + '_ci_high']:.3f}]"
                 for o in outlets.index]
        print(f"| {m} | " + " | ".join(cells) + " |")
    frames = [c for c in outlets.columns if c.startswith("frame_") and c.endswith("_share")]
    print("\ntop frames by sentence share: " + "; ".join(
        f"{o}: " + ", ".join(f"{f[6:-6]} {outlets.loc[o, f]:.2f}" for f in
                             sorted(frames, key=lambda f: -outlets.loc[o, f])[:3]) for o in outlets.index))
    pairs = pd.read_csv(report / "outlet_pairs.csv")
    sig = pairs[pairs["significant"]]
    print(f"\nsignificant outlet differences (BH q < 0.05): {len(sig)} of {len(pairs)}")
    for r in (sig if len(sig) else pairs.sort_values("p_value").head(4)).itertuples():
        print(f"  {r.metric}: {r.outlet_a} {r.value_a:.3f} vs {r.outlet_b} {r.value_b:.3f} "
              f"(p {r.p_value:.4f}, q {r.q_value:.4f})")
    arts = pd.read_csv(report / "articles.csv", keep_default_na=False, na_values=[""])
    truth = {r["id"]: r["event_id"] for r in rows}
    found = dict(zip(arts["id"], arts["cluster_id"].astype(str)))
    p, r, f1 = pairwise_f1(truth, found)
    stories = pd.read_csv(report / "stories.csv")
    print(f"\nstory clusters vs BASIL events (pairwise): P {p:.3f} R {r:.3f} F1 {f1:.3f}; "
          f"{stories['story_id'].nunique()} stories covered by 2+ outlets, "
          f"{(stories.groupby('story_id')['story_outlets'].first() == 3).sum()} by all three")
    stance = {r["id"]: str(r["relative_stance"]).replace("liberal", "left").replace("conservative", "right")
              for r in rows}
    arts["stance"] = arts["id"].map(stance)
    print("\narticle means by BASIL relative_stance (annotators' stance of the article relative to the others):")
    print("| stance | articles | " + " | ".join(METRICS[:6]) + " |")
    print("|---|---|" + "---|" * 6)
    for s, g in arts.groupby("stance"):
        print(f"| {s} | {len(g)} | " + " | ".join(f"{g[m].mean():.3f}" if m in g else "–" for m in METRICS[:6])
              + " |")
    print("\nstance by outlet:", dict(Counter((r["source"], stance[r["id"]]) for r in rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
