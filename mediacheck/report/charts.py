"""Inline SVG charts for the HTML report: pure functions returning SVG strings.

Every piece of text (labels, titles, tick labels) is HTML-escaped here, with bidi and control characters shown as
visible markers (``text.display``) and each row name isolated (FSI .. PDI) so it cannot reorder the text next to
it; numbers are formatted from ``float`` values, colours come from a fixed palette, so no caller-supplied string
reaches the markup unescaped or obeyed.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from mediacheck.report.text import FSI, PDI, display

#: Ten distinguishable colours (Tableau 10), one per frame.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")

LABEL_W = 210        # px for the left label column
ROW_H = 20           # px per outlet row
MAX_LABEL = 30       # characters shown in a label (the full label is in the row's <title>)


def _e(text: object) -> str:
    return escape(display(text), quote=True)


def _name(name: object, short: bool = False) -> str:
    """A row name (outlet): displayable, escaped, optionally shortened, and isolated from its neighbours."""
    s = display(name)
    return f"{FSI}{escape(_short(s) if short else s, quote=True)}{PDI}"


def _num(x: object) -> float | None:
    """A finite float, or None (None, NaN, inf, non-numbers)."""
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _short(label: str, n: int = MAX_LABEL) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """About ``n`` round tick values covering [lo, hi]."""
    if not hi - lo > 1e-9:
        hi = lo + 1.0
    raw = (hi - lo) / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(k * step, 10) for k in range(first, last + 1)]


def _svg_open(width: int, height: int, label: str) -> str:
    return (f'<svg class="chart" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" aria-label="{_e(label)}"><title>{_e(label)}</title>')


def dot_whisker(rows: Sequence[tuple[str, object, object, object]], *, label: str,
                fmt: Callable[[float], str] = lambda v: f"{v:.3g}", tick_fmt: Callable[[float], str] | None = None,
                width: int = 640) -> str:
    """Dot-and-whisker chart: one row per ``(name, value, ci_low, ci_high)``, drawn in the given order.

    Missing values (None/NaN) show "–" and no dot; a missing interval shows the dot alone. The x axis covers all
    values and intervals and includes 0; ``fmt`` formats value labels, ``tick_fmt`` (default ``fmt``) the axis.
    """
    pts = [(str(n), _num(v), _num(lo), _num(hi)) for n, v, lo, hi in rows]
    xs = [x for _, v, lo, hi in pts for x in (v, lo, hi) if x is not None] + [0.0]
    ticks = nice_ticks(min(xs), max(xs))
    x0, x1 = ticks[0], ticks[-1]
    value_w, top, bottom = 70, 8, 26
    plot_w = width - LABEL_W - value_w
    height = top + ROW_H * max(len(pts), 1) + bottom

    def sx(x: float) -> float:
        return LABEL_W + (x - x0) / (x1 - x0) * plot_w

    tick_fmt = tick_fmt or fmt
    out = [_svg_open(width, height, label)]
    axis_y = top + ROW_H * max(len(pts), 1)
    for t in ticks:
        x = sx(t)
        stroke = "#888" if t == 0 else "#e3e3e3"
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis_y}" stroke="{stroke}"/>')
        out.append(f'<text x="{x:.1f}" y="{axis_y + 16}" class="tick" text-anchor="middle">{_e(tick_fmt(t))}</text>')
    for i, (name, v, lo, hi) in enumerate(pts):
        y = top + ROW_H * i + ROW_H / 2
        shown = fmt(v) if v is not None else "–"
        ci = f" (95% CI {fmt(lo)} to {fmt(hi)})" if lo is not None and hi is not None else ""
        out.append(f"<g><title>{_name(name)}: {_e(shown)}{_e(ci)}</title>")
        out.append(f'<text x="{LABEL_W - 8}" y="{y + 4:.1f}" text-anchor="end">{_name(name, short=True)}</text>')
        if lo is not None and hi is not None:
            out.append(f'<line x1="{sx(lo):.1f}" y1="{y:.1f}" x2="{sx(hi):.1f}" y2="{y:.1f}" stroke="#555" '
                       'stroke-width="1.5"/>')
            for x in (lo, hi):
                out.append(f'<line x1="{sx(x):.1f}" y1="{y - 4:.1f}" x2="{sx(x):.1f}" y2="{y + 4:.1f}" '
                           'stroke="#555"/>')
        if v is not None:
            out.append(f'<circle cx="{sx(v):.1f}" cy="{y:.1f}" r="4.5" fill="{PALETTE[0]}"/>')
        out.append(f'<text x="{width - 4}" y="{y + 4:.1f}" text-anchor="end" class="val">{_e(shown)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def stacked_bars(rows: Sequence[tuple[str, Sequence[object]]], categories: Sequence[str], *, label: str,
                 width: int = 760) -> str:
    """Horizontal stacked bars, one per ``(name, values)``; values are rescaled to sum to 100% per row.

    A legend with one swatch per category sits above the bars. Rows whose values are all missing or zero get an
    empty bar labelled "–".
    """
    legend_cols = 5
    legend_h = 18 * math.ceil(len(categories) / legend_cols) + 8
    top, plot_w = legend_h, width - LABEL_W - 10
    height = top + ROW_H * max(len(rows), 1) + 6
    out = [_svg_open(width, height, label)]
    col_w = width / legend_cols
    for k, cat in enumerate(categories):
        x, y = (k % legend_cols) * col_w + 4, (k // legend_cols) * 18 + 4
        out.append(f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{PALETTE[k % len(PALETTE)]}"/>')
        out.append(f'<text x="{x + 17:.1f}" y="{y + 10}">{_e(cat)}</text>')
    for i, (name, values) in enumerate(rows):
        y = top + ROW_H * i
        vals = [max(_num(v) or 0.0, 0.0) for v in values]
        total = sum(vals)
        out.append(f'<text x="{LABEL_W - 8}" y="{y + 14}" text-anchor="end"><title>{_name(name)}</title>'
                   f"{_name(name, short=True)}</text>")
        if total <= 0:
            out.append(f'<text x="{LABEL_W + 4}" y="{y + 14}">–</text>')
            continue
        x = float(LABEL_W)
        for k, (cat, v) in enumerate(zip(categories, vals)):
            if v <= 0:
                continue
            w = v / total * plot_w
            out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{ROW_H - 6}" '
                       f'fill="{PALETTE[k % len(PALETTE)]}"><title>{_name(name)} – {_e(cat)}: '
                       f"{v:.1%} of sentences ({v / total:.0%} of the frame mix)</title></rect>")
            x += w
    out.append("</svg>")
    return "".join(out)
