"""Self-contained HTML report: shapes the report tables for ``templates/report.html.j2`` and renders it.

The page loads nothing (no URLs, fonts, scripts or images; CSS inline) and sets a Content-Security-Policy that
forbids it anyway. Jinja2 autoescapes every value passed to the template; the only markup that bypasses it is
built here as :class:`markupsafe.Markup` (SVG charts from :mod:`mediacheck.report.charts`, ``<mark>``
highlights and ``<bdi>`` wrappers), and that code escapes all text before wrapping it. Bidirectional and other
control characters are never obeyed: every displayed string goes through ``text.display`` (the template's
``finalize`` for plain values, the Markup builders for the rest), which shows them as visible ``⟨U+202E⟩``
markers, and every string from the input (outlet names, titles, sentences, messages, paths) is wrapped in
``<bdi>`` so it cannot reorder the text next to it. The same tables and summary give the same bytes.
"""
from __future__ import annotations

import json
import math
import numbers
import re
from collections.abc import Iterable
from pathlib import Path

import jinja2
import numpy as np
import pandas as pd
from markupsafe import Markup, escape

from mediacheck.report import charts
from mediacheck.report.aggregate import small_outlets
from mediacheck.report.columns import HEADLINE_METRICS, TABLES
from mediacheck.report.text import display
from mediacheck.scoring.scorer import FRAME_TYPES, GENERIC_FRAMES

#: Frames found by lexicon words only (a sentence share, no probability model).
POLICY_FRAMES = tuple(t for t in FRAME_TYPES if t not in GENERIC_FRAMES)

TITLE = "mediacheck outlet report"
DASH = "–"
TOP_OUTLETS = 25        # outlets (by article count) in the charts and the evidence section
TOP_STORIES = 30        # stories (by number of outlets) in the story view
TOP_PAIRS = 30          # rows of significant outlet differences
EVIDENCE_PER_OUTLET = 3
ERROR_ROWS = 20
MAX_TEXT = 200          # characters of a headline, removed line or message shown (the full text is in a tooltip)
MAX_SENTENCE = 400
MIN_ARTICLES = 5        # the report's default --min-articles, used when the summary does not give it

#: metric -> (label, unit kind, what the number means)
METRICS = {
    "hedges_per_1k": ("Hedges per 1,000 words", "per1k",
                      "hedge cues (may, reportedly, believes, about + a number ...) per 1,000 words"),
    "hedged_sentence_share": ("Hedged sentences", "share", "share of sentences with at least one hedge cue"),
    "boosters_per_1k": ("Boosters per 1,000 words", "per1k",
                        "certainty markers (clearly, undoubtedly, in fact ...) per 1,000 words"),
    "anonymous_attribution_share": ("Anonymous attribution", "share",
                                    "share of attributions that name no source (\u201cofficials said\u201d, "
                                    "\u201caccording to people familiar with the matter\u201d)"),
    "loaded_sentence_rate": ("Loaded-language sentences", "share",
                             "share of sentences the loaded-language model flags; its threshold is set so that "
                             "ordinary news (BASIL) shows about 6%: compare outlets against that base rate, and "
                             "do not read it as the share of biased sentences"),
    "loaded_mean_prob": ("Mean loaded-language probability", "prob",
                         "mean per-sentence probability of loaded language (0 to 1; about 0.07 for ordinary news)"),
    "question_headline_share": ("Question headlines", "share", "share of headlines that end in a question mark"),
    "tone": ("Tone", "signed", "mean VADER compound score of the sentences, from \u22121 (negative) to +1 (positive)"),
}

#: evidence ``metric`` values -> heading
EVIDENCE_LABELS = {
    "hedging": "Hedging", "loaded": "Loaded language", "anonymous_attribution": "Anonymous attribution",
    "boosters": "Boosters",
    **{f"frame_{t}": f"Frame: {t.replace('_', ' ')} (indicator questions)" for t in GENERIC_FRAMES},
    **{f"frame_{t}": f"Policy frame: {t.replace('_', ' ')} (lexicon words)" for t in POLICY_FRAMES},
}

#: summary.json key -> the words shown on the page (unknown keys: the key with spaces).
SUMMARY_LABELS = {
    "inputs": "inputs", "records_in": "records read", "articles": "articles read (scored or empty)",
    "scored": "scored articles", "empty": "empty articles (no article text found)",
    "errors": "records that could not be read or cleaned (errors.csv)", "outlets": "outlets",
    "no_outlet_articles": "articles without an outlet, shown as (no outlet)",
    "stories": "stories covered by 2+ outlets", "duplicate_pairs": "duplicate and related article pairs",
    "removed_lines": "boilerplate lines removed", "sentences": "sentences (sentences.csv)",
    "resamples": "bootstrap resamples per 95% interval", "permutations": "relabellings per outlet-pair test",
    "min_articles": "scored articles an outlet needs for 95% intervals and comparisons",
    "outlets_below_min_articles": "outlets with fewer scored articles than that (\u201cn too small\u201d)",
    "engine": "engine (clean and score)",
    "version": "mediacheck version",
}
#: Keys not shown: the report marker, and run times / parallelism (timings.json; they differ between runs).
SUMMARY_HIDDEN = frozenset({"tool", "seconds", "seconds_articles", "jobs", "stages", "notes"})


def _finalize(value: object) -> object:
    """Every ``{{ value }}`` of the template: Markup is built (and made safe) here; other text is made displayable."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return display(value)


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")), autoescape=True,
    undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    finalize=_finalize,
)
_ENV.filters["n"] = lambda v: f"{v:,}"


# ---------------------------------------------------------------- value helpers

def _missing(v: object) -> bool:
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):     # lists, arrays
        return False


def _s(v: object) -> str:
    """A value as text; "" when missing."""
    return "" if _missing(v) else str(v)


def _u(v: object, n: int | None = None) -> Markup | str:
    """A string from the input for display: control characters made visible, cut to ``n`` characters, escaped and
    isolated in ``<bdi>`` (so a right-to-left or odd name cannot reorder the text next to it); "–" when empty."""
    text = display(_s(v))
    if n is not None:
        text = _cut(text, n)
    return Markup(f"<bdi>{escape(text)}</bdi>") if text else DASH


def _cut(text: str, n: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _truthy(v: object) -> bool:
    return (not _missing(v)) and (v is True or str(v).strip().lower() in ("true", "1", "yes"))


def metric_label(m: str) -> str:
    return METRICS[m][0] if m in METRICS else m.replace("_", " ")


def _kind(m: str) -> str:
    if m in METRICS:
        return METRICS[m][1]
    return "per1k" if m.endswith("_per_1k") else "share" if m.endswith(("_share", "_rate")) else "num"


def fmt(v: object, kind: str = "num") -> str:
    """Format a number for display by unit kind; "–" for None/NaN/non-numbers."""
    x = charts.finite_float(v)
    if x is None:
        return DASH
    if kind == "share":
        return f"{x * 100:.1f}%"
    if kind == "per1k":
        return f"{x:.2f}"
    if kind == "prob":
        return f"{x:.3f}"
    if kind == "signed":
        return f"{x:+.3f}"
    if kind == "int":
        return f"{x:,.0f}"
    if kind == "p":
        return "<0.001" if 0 <= x < 0.001 else f"{x:.3f}"
    return f"{x:.3g}"


def _fmt_diff(v: object, kind: str) -> str:
    x = charts.finite_float(v)
    if x is None:
        return DASH
    return f"{x * 100:+.1f} pp" if kind == "share" else f"{x:+.2f}" if kind == "per1k" else f"{x:+.3f}"


def _summary_value(v: object) -> str:
    if isinstance(v, (list, tuple, set)):
        items = sorted(v, key=str) if isinstance(v, set) else v
        return ", ".join(_summary_value(x) for x in items) or DASH
    if isinstance(v, dict):
        return json.dumps(v, sort_keys=True, default=str, ensure_ascii=False)
    if isinstance(v, bool) or _missing(v):
        return DASH if _missing(v) else str(v)
    if isinstance(v, numbers.Integral):
        return f"{int(v):,}"
    if isinstance(v, numbers.Real):
        return f"{float(v):,.2f}".rstrip("0").rstrip(".")
    return str(v)


def parse_cues(v: object) -> list[str]:
    """Cue strings from a list/array, a JSON list (of strings or ``{"text": ...}`` objects) or a plain string."""
    if isinstance(v, str):
        if not v.strip():
            return []
        try:
            v = json.loads(v)
        except ValueError:
            return [v.strip()]
        if not isinstance(v, (list, dict, str)):
            return [str(v)]
    if isinstance(v, (str, dict)):
        v = [v]
    if not isinstance(v, (list, tuple, np.ndarray)):
        return []
    out = []
    for c in v:
        if isinstance(c, dict):
            c = c.get("text") or c.get("cue")
        if not _missing(c) and str(c).strip():
            out.append(str(c).strip())
    return out


_ENTITY = r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);"


def highlight(text: str, cues: Iterable[str]) -> Markup:
    """``text`` made displayable and HTML-escaped, with each whole-word, case-insensitive occurrence of a cue
    wrapped in ``<mark>``.

    The text is escaped first; the cues are escaped the same way and searched in the escaped text (longest cue
    first, never inside an entity), so only the literal ``<mark>`` tags are added as markup.
    """
    safe = str(escape(display(text)))
    pats = []
    for cue in sorted({display(c) for c in cues if c}, key=lambda c: (-len(c), c))[:50]:
        p = re.escape(str(escape(cue)))
        p = (r"(?<!\w)" if cue[0].isalnum() else "") + p + (r"(?!\w)" if cue[-1].isalnum() else "")
        pats.append(p)
    if not pats:
        return Markup(safe)
    rx = re.compile(f"({'|'.join(pats)})|{_ENTITY}", re.IGNORECASE)
    return Markup(rx.sub(lambda m: f"<mark>{m.group(1)}</mark>" if m.group(1) else m.group(0), safe))


# ---------------------------------------------------------------- table shaping

def _table(tables: dict, name: str) -> pd.DataFrame:
    """The named table with every contract column present (missing table -> 0 rows, missing column -> None)."""
    df = tables.get(name)
    cols = TABLES.get(name, ())
    if not isinstance(df, pd.DataFrame):
        return pd.DataFrame(columns=list(cols))
    missing = [c for c in cols if c not in df.columns]
    if not missing:
        return df
    # all missing columns at once (assigning them one by one fragments the frame and makes pandas warn)
    return pd.concat([df, pd.DataFrame({c: [None] * len(df) for c in missing}, index=df.index, dtype=object)],
                     axis=1)


def _sorted_outlets(outlets: pd.DataFrame) -> list[dict]:
    """Outlet rows, most articles first (ties by name)."""
    rows = outlets.to_dict("records")
    return sorted(rows, key=lambda r: (-(charts.finite_float(r.get("articles")) or 0), _s(r.get("outlet"))))


def _outlet_label(r: dict) -> str:
    name, leaning = _s(r.get("outlet")) or DASH, _s(r.get("leaning"))
    return f"{name} ({leaning})" if leaning else name


def _metric_charts(top: list[dict], columns, small: set[str]) -> list[dict]:
    out = []
    for m in HEADLINE_METRICS:
        label, kind, means = METRICS.get(m, (metric_label(m), _kind(m), ""))
        item = {"metric": m, "label": label, "means": means, "svg": None}
        if m in columns and any(charts.finite_float(r.get(m)) is not None for r in top):
            rows = sorted(top, key=lambda r: (_s(r.get("outlet")) in small, charts.finite_float(r.get(m)) is None,
                                              -(charts.finite_float(r.get(m)) or 0), _s(r.get("outlet"))))
            item["svg"] = Markup(charts.dot_whisker(
                [(_outlet_label(r), r.get(m), r.get(f"{m}_ci_low"), r.get(f"{m}_ci_high"), _s(r.get("outlet")) in small)
                 for r in rows],
                label=f"{label} by outlet", fmt=lambda v, k=kind: fmt(v, k),
                tick_fmt=lambda v, k=kind: f"{v * 100:.3g}%" if k == "share" else f"{v:.3g}"))
        out.append(item)
    return out


def _frames_chart(top: list[dict], small: set[str]) -> Markup | None:
    """The generic frames by probability: per outlet, the mean ``frame_<t>_prob`` (the expected share of its
    articles that use the frame) with its 95% interval; outlets in ``small`` without interval ("n too small")."""
    cols = [f"frame_{t}_prob" for t in GENERIC_FRAMES]
    if not any(charts.finite_float(r.get(c)) is not None for r in top for c in cols):
        return None
    rows = [(_outlet_label(r), [(r.get(c), r.get(f"{c}_ci_low"), r.get(f"{c}_ci_high")) for c in cols],
             _s(r.get("outlet")) in small) for r in top]
    return Markup(charts.interval_grid(rows, [t.replace("_", " ") for t in GENERIC_FRAMES],
                                       label="Share of articles using the frame, estimated, by outlet",
                                       fmt=lambda v: fmt(v, "share"), what="of articles"))


def _policy_frames(rows: list[dict], small: set[str]) -> dict | None:
    """The policy frames as sentence shares (lexicon words), one row per outlet; None when no outlet has one."""
    cols = [f"frame_{t}_share" for t in POLICY_FRAMES]
    if not any(charts.finite_float(r.get(c)) is not None for r in rows for c in cols):
        return None
    body = [[_u(r.get("outlet")), _scored(r, small), *(fmt(r.get(c), "share") for c in cols)] for r in rows]
    return {"head": ["Outlet", "Scored", *(t.replace("_", " ").capitalize() for t in POLICY_FRAMES)],
            "num": [False, True, *([True] * len(cols))], "rows": body}


def _scored(r: dict, small: set[str]) -> Markup | str:
    """The scored-article count, marked "n too small" (greyed) for an outlet below the minimum."""
    n = fmt(r.get("scored_articles"), "int")
    return Markup(f'{escape(n)} <span class="small">n too small</span>') if _s(r.get("outlet")) in small else n


def _min_articles(summary: dict) -> int:
    v = charts.finite_float(summary.get("min_articles"))
    return int(v) if v is not None and v >= 1 else MIN_ARTICLES


def _cell(v: object, kind: str | None) -> Markup | str:
    if kind is None:
        return _u(v)
    if kind == "frame":
        return _s(v).replace("_", " ") or DASH
    return fmt(v, kind)


def _outlet_table(rows: list[dict], small: set[str]) -> dict:
    spec = [("outlet", "Outlet", None), ("leaning", "Leaning", None), ("articles", "Articles", "int"),
            ("scored_articles", "Scored", "int"), ("words", "Words", "int"),
            ("removed_share", "Removed text", "share"), ("duplicate_share", "Duplicates", "share"),
            ("hedges_per_1k", "Hedges /1k words", "per1k"), ("hedged_sentence_share", "Hedged sentences", "share"),
            ("boosters_per_1k", "Boosters /1k words", "per1k"),
            ("anonymous_attribution_share", "Anonymous attribution", "share"),
            ("loaded_sentence_rate", "Loaded sentences", "share"), ("tone", "Tone", "signed"),
            ("dominant_frame", "Dominant frame", "frame")]
    body = [[_scored(r, small) if c == "scored_articles" else _cell(r.get(c), k) for c, _, k in spec]
            for r in rows]
    return {"head": [h for _, h, _ in spec], "num": [k not in (None, "frame") for _, _, k in spec], "rows": body}


def _pairs(pairs: pd.DataFrame) -> dict:
    df = pairs.assign(_q=pd.to_numeric(pairs["q_value"], errors="coerce"),
                      _p=pd.to_numeric(pairs["p_value"], errors="coerce"),
                      _sig=pairs["significant"].map(_truthy).astype(bool))
    key = [df[c].map(_s) for c in ("metric", "outlet_a", "outlet_b")]
    df = df.assign(_k0=key[0], _k1=key[1], _k2=key[2], _qn=df["_q"].isna())
    df = df.sort_values(["_qn", "_q", "_p", "_k0", "_k1", "_k2"], kind="stable")
    n_sig = int(df["_sig"].sum())
    shown = (df[df["_sig"]] if n_sig else df).head(TOP_PAIRS if n_sig else 10)
    rows = []
    for r in shown.to_dict("records"):
        m = _s(r["metric"])
        k = _kind(m)
        rows.append([metric_label(m), _u(r["outlet_a"]), fmt(r["value_a"], k), _u(r["outlet_b"]),
                     fmt(r["value_b"], k), _fmt_diff(r["difference"], k), fmt(r["p_value"], "p"),
                     fmt(r["q_value"], "p"), "yes" if r["_sig"] else "no"])
    return {"total": len(df), "significant": n_sig, "table": {
        "head": ["Metric", "Outlet A", "A", "Outlet B", "B", "A \u2212 B", "p", "q", "Significant"],
        "num": [False, False, True, False, True, True, True, True, False], "rows": rows}}


def _leanings(v: object) -> str:
    """``story_leanings`` ("left;right", a list or a JSON list) as "left, right"."""
    items = [p.strip() for c in parse_cues(v) for p in re.split(r"[;,]", c)]
    return ", ".join(p for p in items if p) or DASH


def _stories(stories: pd.DataFrame) -> dict:
    if stories.empty:
        return {"total": 0, "items": []}
    key = stories["story_id"].map(_s)
    groups = []
    for sid, g in stories.groupby(key, sort=False):
        groups.append((-g["outlet"].map(_s).nunique(), -len(g), sid, g))
    groups.sort(key=lambda x: x[:3])
    items = []
    for n_out, _, sid, g in groups[:TOP_STORIES]:
        recs = sorted(g.to_dict("records"), key=lambda r: (_s(r["outlet"]), _s(r["published"]), _s(r["id"])))
        first = next((_s(r["canonical_headline"]) for r in recs if _s(r["canonical_headline"])), "")
        blind = next((_s(r["blindspot"]) for r in recs if _s(r["blindspot"]).strip()), "")
        leanings = next((r["story_leanings"] for r in recs if not _missing(r["story_leanings"])), "")
        items.append({
            "id": sid, "headline": _u(first or _s(recs[0]["title"]), MAX_TEXT), "full": first, "outlets": -n_out,
            "articles": len(recs), "blindspot": _u(blind) if blind else "",
            "leanings": _u(shown) if (shown := _leanings(leanings)) != DASH else DASH,
            "rows": [{"outlet": _u(r["outlet"]), "leaning": _u(r["leaning"]) if _s(r["leaning"]) else "",
                      "title": _u(r["title"], MAX_TEXT), "full": _s(r["title"]),
                      "published": _u(r["published"], 25) if _s(r["published"]) else "",
                      "hedges": fmt(r["hedges_per_1k"], "per1k"), "loaded": fmt(r["loaded_sentence_rate"], "share"),
                      "frame": _s(r["dominant_frame"]).replace("_", " ") or DASH} for r in recs],
        })
    return {"total": len(groups), "items": items}


def _evidence(evidence: pd.DataFrame, outlet_order: list[str]) -> dict:
    if evidence.empty:
        return {"items": [], "capped": False}
    pos = {o: i for i, o in enumerate(outlet_order)}
    recs = evidence.to_dict("records")
    recs.sort(key=lambda r: (_s(r["metric"]), pos.get(_s(r["outlet"]), len(pos)), _s(r["outlet"]),
                             charts.finite_float(r["rank"]) if charts.finite_float(r["rank"]) is not None
                             else math.inf))
    order = {m: i for i, m in enumerate(EVIDENCE_LABELS)}
    by_metric: dict[str, dict[str, list]] = {}
    for r in recs:
        outlets = by_metric.setdefault(_s(r["metric"]), {})
        rows = outlets.setdefault(_s(r["outlet"]), [])
        if len(rows) < EVIDENCE_PER_OUTLET:
            text = _s(r["text"]) or (r["sentence"] if isinstance(r["sentence"], str) else "")
            cues = parse_cues(r["cues"])
            question = _s(r.get("question"))
            rows.append({"html": Markup(f"<bdi>{highlight(_cut(display(text), MAX_SENTENCE), cues)}</bdi>"),
                         "cues": _u(", ".join(cues)), "score": fmt(r["score"]),
                         "question": _u(question) if question.strip() else ""})
    capped = any(len(o) > TOP_OUTLETS for o in by_metric.values())
    items = [{"metric": m, "label": EVIDENCE_LABELS.get(m, m.replace("_", " ") or DASH),
              "outlets": [{"outlet": _u(o), "rows": rows} for o, rows in list(outlets.items())[:TOP_OUTLETS]]}
             for m, outlets in sorted(by_metric.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]
    return {"items": items, "capped": capped}


def _removed(removed: pd.DataFrame) -> dict:
    if removed.empty:
        return {"total": 0, "rules": None, "outlets": None, "n_outlets": 0}
    df = pd.DataFrame({"rule": removed["rule"].map(_s), "outlet": removed["outlet"].map(_s),
                       "text": removed["text"].map(_s)})
    n = len(df)
    counts = df.groupby("rule", sort=True).agg(lines=("text", "size"), example=("text", "first")).reset_index()
    counts = counts.sort_values(["lines", "rule"], ascending=[False, True], kind="stable")
    rules = [[_u(r.rule), fmt(r.lines, "int"), fmt(r.lines / n, "share"), _u(r.example, 120)]
             for r in counts.itertuples()]
    per = df.groupby(["outlet", "rule"], sort=True).size().rename("lines").reset_index()
    tot = per.groupby("outlet", sort=True)["lines"].sum().reset_index()
    tot = tot.sort_values(["lines", "outlet"], ascending=[False, True], kind="stable")
    per = per.sort_values(["outlet", "lines", "rule"], ascending=[True, False, True], kind="stable")
    top_rules = {o: ", ".join(f"{r} ({c:,})" for r, c in zip(g["rule"], g["lines"]))
                 for o, g in ((o, g.head(3)) for o, g in per.groupby("outlet", sort=True))}
    outlets = [[_u(r.outlet), fmt(r.lines, "int"), fmt(r.lines / n, "share"), top_rules.get(r.outlet, "")]
               for r in tot.head(TOP_OUTLETS).itertuples()]
    return {"total": n, "n_outlets": len(tot),
            "rules": {"head": ["Rule", "Lines", "Share", "Example line"], "num": [False, True, True, False],
                      "rows": rules},
            "outlets": {"head": ["Outlet", "Lines", "Share", "Most frequent rules"], "num": [False, True, True, False],
                        "rows": outlets}}


def _errors(errors: pd.DataFrame) -> dict:
    if errors.empty:
        return {"total": 0, "stages": "", "table": None}
    stages = errors["stage"].map(_s).value_counts()
    stages = sorted(stages.items(), key=lambda kv: (-kv[1], kv[0]))
    rows = [[_u(r["id"]), _u(r["outlet"]), _u(r["stage"]), _u(r["source"], 80), _u(r["message"], 300)]
            for r in errors.head(ERROR_ROWS).to_dict("records")]
    return {"total": len(errors), "stages": ", ".join(f"{s or DASH} {c:,}" for s, c in stages),
            "table": {"head": ["Article", "Outlet", "Stage", "Source", "Message"], "num": [False] * 5, "rows": rows}}


def _summary(summary: dict) -> list[tuple[str, Markup | str]]:
    """(label, value) rows: known keys in ``SUMMARY_LABELS`` order, then any others as given; timings left out."""
    order = {k: i for i, k in enumerate(SUMMARY_LABELS)}
    rows = []
    for k, v in sorted(summary.items(), key=lambda kv: order.get(str(kv[0]), len(order))):
        if str(k) in SUMMARY_HIDDEN:
            continue
        label = SUMMARY_LABELS.get(str(k), str(k).replace("_", " "))
        rows.append((label, _u(_summary_value(v)) if str(k) == "inputs" else _summary_value(v)))
    return rows


def context(tables: dict[str, pd.DataFrame], summary: dict, notes: Iterable[str] = ()) -> dict:
    """Everything the template shows, as plain strings, numbers and escaped Markup."""
    outlets = _table(tables, "outlets")
    ranked = _sorted_outlets(outlets)
    top = ranked[:TOP_OUTLETS]
    articles = _table(tables, "articles")
    min_articles = _min_articles(summary)
    small = set(small_outlets(outlets, min_articles))
    status = articles["status"].map(_s).value_counts() if len(articles) else pd.Series(dtype=int)
    return {
        "title": TITLE,
        "summary": _summary(summary),
        "notes": [str(n) for n in notes],
        "status": ", ".join(f"{s or DASH} {c:,}" for s, c in sorted(status.items(), key=lambda kv: (-kv[1], kv[0]))),
        "n_outlets": len(ranked), "n_top": len(top),
        "charts": _metric_charts(top, outlets.columns, small) if top else [],
        "frames": _frames_chart(top, small),
        "policy_frames": _policy_frames(ranked, small),
        "outlet_table": _outlet_table(ranked, small),
        "min_articles": min_articles, "n_small": len(small),
        "pairs": _pairs(_table(tables, "outlet_pairs")),
        "stories": _stories(_table(tables, "stories")),
        "evidence": _evidence(_table(tables, "evidence"), [_s(r.get("outlet")) for r in ranked]),
        "removed": _removed(_table(tables, "removed")),
        "errors": _errors(_table(tables, "errors")),
        "top_n": TOP_OUTLETS, "evidence_n": EVIDENCE_PER_OUTLET,
    }


def render_html(tables: dict[str, pd.DataFrame], summary: dict, notes: Iterable[str] = ()) -> str:
    """The report as one self-contained HTML page (missing or empty tables render as short notes)."""
    return _ENV.get_template("report.html.j2").render(**context(tables, summary or {}, notes or ()))


def write_html(path: str, tables: dict[str, pd.DataFrame], summary: dict, notes: Iterable[str] = ()) -> None:
    """Write :func:`render_html` to ``path`` (UTF-8, parent directories created)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(render_html(tables, summary, notes), encoding="utf-8", newline="\n")
