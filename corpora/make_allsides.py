"""Regenerate ``corpora/allsides/allsides.jsonl`` from ``../shared`` (``python3 corpora/make_allsides.py``).

Each AllSides story of ``../shared/data/labels/allsides_stories.jsonl`` lists the same event as covered by a
left-, a center- and a right-rated outlet: headline, URL and the first paragraphs. Every such article becomes
one record: ``id`` (story id + slot), ``outlet``, ``leaning`` (the slot: left / center / right),
``allsides_rating`` (AllSides' finer rating), ``title``, ``text`` (the excerpt paragraphs, blank-line
separated), ``url``, ``published`` (the story date), ``story_id`` and ``issue`` (AllSides' story title).
Standard library only; the output depends on the data file alone.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "labels" / "allsides_stories.jsonl"
OUT = HERE / "allsides" / "allsides.jsonl"


def records(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            story = json.loads(line)
            for a in story["articles"]:
                text = "\n\n".join(p.strip() for p in a.get("body_excerpt") or [] if p and p.strip())
                yield {"id": f"allsides-{story['story_id']}-{a['slot']}", "outlet": a["outlet"],
                       "leaning": a["slot"], "allsides_rating": a.get("leaning") or "",
                       "title": a.get("headline") or "", "text": text, "url": a.get("url") or "",
                       "published": (story.get("date") or "")[:10], "story_id": story["story_id"],
                       "issue": story.get("issue") or ""}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"error: {args.data} not found (needs ../shared beside the project)", file=sys.stderr)
        return 2
    OUT.parent.mkdir(exist_ok=True)
    n = 0
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        for rec in records(args.data):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(f"wrote {n} articles to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
