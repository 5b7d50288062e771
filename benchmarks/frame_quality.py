"""Frame quality: mediacheck's frame scores against human-style coding, beside supervised and trivial peers.

a) Generic frames on the frame dev set (``benchmarks/data/frames_dev``: 230 articles from BASIL, AllSides and
   ScrapingHub, 16 indicator questions coded twice and adjudicated; texts read from ``../shared``). Per frame and
   macro: ROC AUC and F1 against the gold ``present`` labels, with whole topics held out: every fitted peer is
   trained on the other topics and scored on the held-out one (leave-one-topic-group-out; the predictions of all
   folds are pooled). Rows: every mediacheck score column given (``frame_<type>_prob`` when it exists,
   ``frame_<type>_share``), a TF-IDF + logistic regression trained on the other topics, the always-positive
   baseline, and the second coder (pass B against pass A) for the annotators' agreement.
b) Policy frames on GVFC headlines (``../shared/data/labels/gvfc.jsonl``; train/test split by hash of the id):
   GVFC's issue frames mapped onto mediacheck's policy frames, mediacheck's share vs TF-IDF + LR fitted on train.

usage (from the project root):
    python -m benchmarks.frame_quality [--json OUT]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from benchmarks import frames_devset as dev  # noqa: E402
from mediacheck.scoring.frames import default_frame_model  # noqa: E402

GENERIC = dev.FRAMES
#: Topic groups held out together: the big topics alone, the small ones pooled.
TOPIC_GROUPS = {"elections_politics": "elections_politics", "society_culture": "society_culture",
                "foreign_security": "foreign_security", "crime_justice": "crime_justice"}
GVFC = ROOT.parent / "shared" / "data" / "labels" / "gvfc.jsonl"
#: GVFC issue frame -> mediacheck policy frame (frames without a counterpart are left out).
GVFC_MAP = {"gun_2nd_amendment_rights": "legality", "gun_control_regulation": "legality", "politics": "politics",
            "mental_health": "health", "school_public_space_safety": "security", "public_opinion": "public_opinion",
            "economic_consequences": "economic"}


def topic_group(topic: str) -> str:
    return TOPIC_GROUPS.get(topic, "other_topics")


def article_text(art: dict) -> str:
    """Title, then one sentence per line (what mediacheck scores for a dev-set article)."""
    sents = art["sentences"]
    if art["title"] and sents and sents[0].strip() == art["title"].strip():
        sents = sents[1:]
    return "\n\n".join(p for p in (art["title"], "\n".join(sents)) if p)


# --- metrics ----------------------------------------------------------------------------------------------


def auc(y: Sequence[int], s: Sequence[float]) -> float:
    """ROC AUC (ties count half); nan when y has one class."""
    pos = [v for v, t in zip(s, y) if t]
    neg = [v for v, t in zip(s, y) if not t]
    if not pos or not neg:
        return math.nan
    order = sorted(range(len(s)), key=lambda i: s[i])
    ranks = [0.0] * len(s)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and s[order[j + 1]] == s[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    r_pos = sum(r for r, t in zip(ranks, y) if t)
    return (r_pos - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def f1(y: Sequence[int], pred: Sequence[int]) -> float:
    tp = sum(1 for a, b in zip(y, pred) if a and b)
    fp = sum(1 for a, b in zip(y, pred) if not a and b)
    fn = sum(1 for a, b in zip(y, pred) if a and not b)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# --- systems ----------------------------------------------------------------------------------------------


def mediacheck_scores(texts: list[str]) -> list[dict]:
    """The article summary of ``mediacheck.score`` for each text (scored as given: no cleaning)."""
    from mediacheck.model import Article
    from mediacheck.scoring import score_many

    arts = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    return [dict(r.summary) for r in score_many(arts, clean=False, tone=False)]


OLD_WORDS = ROOT / "benchmarks" / "data" / "frames_dev" / "old_generic_frame_words.tsv"


def old_keyword_shares(texts: list[str]) -> list[dict[str, float]]:
    """Per text, the old ``frame_<type>_share`` of the generic frames: sentences holding a word of the frame's
    word list (the lexicon rows the question detectors replaced, kept in ``OLD_WORDS``) / sentences."""
    import bisect

    from mediacheck.scoring.cues import find_cues
    from mediacheck.scoring.lexicon import load_lexicon
    from mediacheck.scoring.sentences import split_sentences

    lex = load_lexicon(OLD_WORDS)
    out = []
    for t in texts:
        spans = split_sentences(t)
        starts = [s.start for s in spans]
        per: dict[str, set[int]] = {f: set() for f in GENERIC}
        for c in find_cues(t, lex):
            if c.category == "frame" and c.type in per and spans:
                per[c.type].add(max(0, bisect.bisect_right(starts, c.start) - 1))
        out.append({f: len(v) / len(spans) if spans else 0.0 for f, v in per.items()})
    return out


def question_features(arts: list[dict]) -> list[dict[str, float]]:
    """``mediacheck.scoring.frames`` article features of each dev-set article (title hits apart)."""
    from mediacheck.scoring import frames as fr
    from mediacheck.scoring.sentences import split_sentences

    out = []
    for art in arts:
        text = article_text(art)
        title = art["title"]
        body = text[len(title):] if title else text
        spans = split_sentences(body)
        hits = [fr.find_question_hits(body[s.start:s.end], s.start) for s in spans]
        out.append(fr.article_features(hits, len(spans), fr.find_question_hits(title) if title else []))
    return out


def question_lr_topic_held_out(feats: list[dict], frame: str, y: list[int], groups: list[str]) -> list[float]:
    """P(frame) from logistic regression on the frame's question features, each topic group predicted by a model
    fitted on the others."""
    from sklearn.linear_model import LogisticRegression

    from mediacheck.scoring import frames as fr

    keys = [f"f_{frame}_evidence", f"f_{frame}_share", f"f_{frame}_questions",
            *(f"q_{q}_any" for q in fr.QUESTIONS if fr.QUESTION_FRAME[q] == frame)]
    x = [[f[k] for k in keys] for f in feats]
    out = [0.0] * len(x)
    for g in sorted(set(groups)):
        train = [i for i, h in enumerate(groups) if h != g]
        test = [i for i, h in enumerate(groups) if h == g]
        model = LogisticRegression(C=1.0, max_iter=3000).fit([x[i] for i in train], [y[i] for i in train])
        for i, p in zip(test, model.predict_proba([x[i] for i in test])[:, 1]):
            out[i] = float(p)
    return out


def tfidf_topic_held_out(texts: list[str], y: list[int], groups: list[str]) -> list[float]:
    """P(frame) from TF-IDF (word 1-2-grams) + logistic regression, each group predicted by a model of the others."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    out = [0.0] * len(texts)
    for g in sorted(set(groups)):
        train = [i for i, h in enumerate(groups) if h != g]
        test = [i for i, h in enumerate(groups) if h == g]
        if len({y[i] for i in train}) < 2:
            for i in test:
                out[i] = float(y[train[0]])
            continue
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        x_train = vec.fit_transform([texts[i] for i in train])
        model = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
        model.fit(x_train, [y[i] for i in train])
        probs = model.predict_proba(vec.transform([texts[i] for i in test]))[:, 1]
        for i, p in zip(test, probs):
            out[i] = float(p)
    return out


# --- tables -----------------------------------------------------------------------------------------------


def generic_table() -> tuple[list[str], dict]:
    arts = {a["id"]: a for a in dev.articles()}
    gold = dev.load_pass("gold")
    second = dev.load_pass("b")
    ids = [i for i in arts if i in gold]
    texts = [article_text(arts[i]) for i in ids]
    groups = [topic_group(gold[i]["topic"]) for i in ids]
    ys = {f: [int(gold[i]["present"][f]) for i in ids] for f in GENERIC}
    scores = mediacheck_scores(texts)

    rows: dict[str, dict[str, tuple[float, float]]] = {}
    feats = question_features([arts[i] for i in ids])
    held, cuts = fitted_topic_held_out(feats, ys, groups)
    name = "**mediacheck `frame_<type>_prob`**, Platt fit on the other topics, F1 at the fitted thresholds"
    rows[name] = {f: (auc(ys[f], held[f]), f1(ys[f], [int(v >= c) for v, c in zip(held[f], cuts[f])]))
                  for f in GENERIC}
    model = default_frame_model()
    columns = [c for c in ("prob", "share") if f"frame_{GENERIC[0]}_{c}" in scores[0]]
    for col in columns:
        name = (f"mediacheck `frame_<type>_{col}` as shipped (fitted on all {len(ids)}: in-sample)"
                if col == "prob" else "mediacheck `frame_<type>_share` (nothing fitted; F1: share > 0)")
        rows[name] = {}
        for f in GENERIC:
            s = [float(r.get(f"frame_{f}_{col}") or 0.0) for r in scores]
            pred = [int(v >= model.threshold(f)) for v in s] if col == "prob" else [int(v > 0) for v in s]
            rows[name][f] = (auc(ys[f], s), f1(ys[f], pred))
    old = old_keyword_shares(texts)
    name = "old keyword share (word lists, before the question detectors; F1: share > 0)"
    rows[name] = {f: (auc(ys[f], [o[f] for o in old]), f1(ys[f], [int(o[f] > 0) for o in old])) for f in GENERIC}
    from mediacheck.scoring.frames import prior_frame_model

    prior = prior_frame_model()
    name = "mediacheck question detectors, hand-set prior (nothing fitted; F1 at 0.5)"
    rows[name] = {}
    for f in GENERIC:
        p = [prior.predict(x)[f] for x in feats]
        rows[name][f] = (auc(ys[f], p), f1(ys[f], [int(v >= 0.5) for v in p]))
    name = "question features + LR (16 features), trained on the other topics"
    rows[name] = {}
    for f in GENERIC:
        p = question_lr_topic_held_out(feats, f, ys[f], groups)
        rows[name][f] = (auc(ys[f], p), f1(ys[f], [int(v >= 0.5) for v in p]))
    name = "TF-IDF + LR, trained on the other topics"
    rows[name] = {}
    for f in GENERIC:
        p = tfidf_topic_held_out(texts, ys[f], groups)
        rows[name][f] = (auc(ys[f], p), f1(ys[f], [int(v >= 0.5) for v in p]))
    rows["always positive"] = {f: (0.5, f1(ys[f], [1] * len(ids))) for f in GENERIC}
    rows["second coder (pass B vs pass A)"] = {
        f: (math.nan, f1([int(dev.load_pass("a")[i]["present"][f]) for i in ids],
                         [int(second[i]["present"][f]) for i in ids])) for f in GENERIC}

    lines = [f"Frame dev set: {len(ids)} articles, topic groups held out: "
             + ", ".join(f"{g} {groups.count(g)}" for g in sorted(set(groups))),
             "", "| system | " + " | ".join(f"{f} AUC / F1" for f in GENERIC) + " | macro AUC / F1 |",
             "|---|" + "---|" * (len(GENERIC) + 1)]
    result = {}
    for name, per in rows.items():
        aucs = [per[f][0] for f in GENERIC]
        f1s = [per[f][1] for f in GENERIC]
        macro = (sum(aucs) / len(aucs) if not any(math.isnan(a) for a in aucs) else math.nan, sum(f1s) / len(f1s))
        cells = [f"{_fmt(per[f][0])} / {per[f][1]:.3f}" for f in GENERIC]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | **{_fmt(macro[0])} / {macro[1]:.3f}** |")
        result[name] = {**{f: per[f] for f in GENERIC}, "macro": macro}
    prevalence = {f: sum(ys[f]) / len(ids) for f in GENERIC}
    lines += ["", "Prevalence: " + ", ".join(f"{f} {p:.2f}" for f, p in prevalence.items())]
    lines += ["", *reliability_lines(held, ys)]
    result["reliability"] = reliability(held, ys)
    return lines, result


def fitted_topic_held_out(feats: list[dict], ys: dict[str, list[int]],
                          groups: list[str]) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """``fit_frame_model.fit`` on all topic groups but one, applied to the held-out group: per frame, the
    probabilities and the threshold that fold's model ships with, for every article."""
    from benchmarks.fit_frame_model import fit

    probs = {f: [0.0] * len(feats) for f in GENERIC}
    cuts = {f: [0.5] * len(feats) for f in GENERIC}
    for g in sorted(set(groups)):
        train = [i for i, h in enumerate(groups) if h != g]
        model = fit([feats[i] for i in train], {f: [ys[f][i] for i in train] for f in GENERIC})
        for i, h in enumerate(groups):
            if h == g:
                p = model.predict(feats[i])
                for f in GENERIC:
                    probs[f][i], cuts[f][i] = p[f], model.threshold(f)
    return probs, cuts


BINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def reliability(probs: dict[str, list[float]], ys: dict[str, list[int]]) -> list[dict]:
    """Reliability curve of the held-out probabilities, all frames pooled: per bin of predicted probability, the
    articles, the mean prediction and the observed share with the frame."""
    pairs = [(p, y) for f in GENERIC for p, y in zip(probs[f], ys[f])]
    out = []
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [(p, y) for p, y in pairs if lo <= p < hi]
        if inside:
            out.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside),
                        "predicted": sum(p for p, _ in inside) / len(inside),
                        "observed": sum(y for _, y in inside) / len(inside)})
    return out


def reliability_lines(probs: dict[str, list[float]], ys: dict[str, list[int]]) -> list[str]:
    rows = reliability(probs, ys)
    n = sum(r["n"] for r in rows)
    ece = sum(r["n"] * abs(r["predicted"] - r["observed"]) for r in rows) / n if n else math.nan
    brier = sum((p - y) ** 2 for f in GENERIC for p, y in zip(probs[f], ys[f])) / n if n else math.nan
    out = ["Reliability of `frame_<type>_prob` with topics held out (all five frames pooled; "
           f"expected calibration error {ece:.3f}, Brier {brier:.3f}):", "",
           "| predicted | articles x frames | mean predicted | observed share |", "|---|---|---|---|"]
    out += [f"| {r['bin']} | {r['n']} | {r['predicted']:.2f} | {r['observed']:.2f} |" for r in rows]
    return out


def _fmt(x: float) -> str:
    return "–" if math.isnan(x) else f"{x:.3f}"


def _split(rid: str) -> str:
    return "test" if int(hashlib.sha1(rid.encode()).hexdigest(), 16) % 5 == 0 else "train"


def policy_table() -> tuple[list[str], dict]:
    rows = [json.loads(line) for line in open(GVFC, encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r.get("relevant")]
    frames = sorted(set(GVFC_MAP.values()))
    labels = {r["id"]: {GVFC_MAP.get(r.get("frame1") or ""), GVFC_MAP.get(r.get("frame2") or "")} for r in rows}
    train = [r for r in rows if _split(r["id"]) == "train"]
    test = [r for r in rows if _split(r["id"]) == "test"]
    scores = mediacheck_scores([r["headline"] for r in test])
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x_train = vec.fit_transform([r["headline"] for r in train])
    x_test = vec.transform([r["headline"] for r in test])
    lines = [f"GVFC headlines (relevant): train {len(train)}, test {len(test)}", "",
             "| frame | test positives | mediacheck share AUC / F1 | TF-IDF + LR (train) AUC / F1 |",
             "|---|---|---|---|"]
    result = {}
    for f in frames:
        y = [int(f in labels[r["id"]]) for r in test]
        s = [float(sc.get(f"frame_{f}_share") or 0.0) for sc in scores]
        yt = [int(f in labels[r["id"]]) for r in train]
        model = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced").fit(x_train, yt)
        p = model.predict_proba(x_test)[:, 1]
        m = (auc(y, s), f1(y, [int(v > 0) for v in s]))
        t = (auc(y, list(p)), f1(y, [int(v >= 0.5) for v in p]))
        lines.append(f"| {f} | {sum(y)} | {_fmt(m[0])} / {m[1]:.3f} | {_fmt(t[0])} / {t[1]:.3f} |")
        result[f] = {"mediacheck": m, "tfidf": t}
    return lines, result


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", help="also write the numbers as JSON here")
    args = ap.parse_args(argv)
    g_lines, g = generic_table()
    print("\n".join(g_lines) + "\n")
    p_lines, p = policy_table()
    print("\n".join(p_lines))
    if args.json:
        Path(args.json).write_text(json.dumps({"generic": g, "policy": p}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
