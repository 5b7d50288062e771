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


def finite_float(x: object) -> float | None:
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


#: Fill of the dots of outlets with too few articles for an interval ("n too small").
SMALL_FILL = "#b8bcc2"
SMALL_TEXT = "n too small"


def dot_whisker(rows: Sequence[tuple], *, label: str, fmt: Callable[[float], str] = lambda v: f"{v:.3g}",
                tick_fmt: Callable[[float], str] | None = None, width: int = 640) -> str:
    """Dot-and-whisker chart: one row per ``(name, value, ci_low, ci_high)`` or ``(name, value, ci_low, ci_high,
    small)``, drawn in the given order.

    Missing values (None/NaN) show "–" and no dot; a missing interval shows the dot alone. A ``small`` row (too
    few articles for an interval) gets a grey dot, no whiskers and "n too small" beside the dot. The x axis
    covers all values and drawn intervals and includes 0; ``fmt`` formats value labels, ``tick_fmt`` (default
    ``fmt``) the axis.
    """
    pts = []
    for row in rows:
        name, v, lo, hi = row[:4]
        small = bool(row[4]) if len(row) > 4 else False
        lo, hi = (None, None) if small else (finite_float(lo), finite_float(hi))
        pts.append((str(name), finite_float(v), lo, hi, small))
    xs = [x for _, v, lo, hi, _ in pts for x in (v, lo, hi) if x is not None] + [0.0]
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
    for i, (name, v, lo, hi, small) in enumerate(pts):
        y = top + ROW_H * i + ROW_H / 2
        shown = fmt(v) if v is not None else "–"
        ci = (f" ({SMALL_TEXT}: too few articles for a 95% interval)" if small else
              f" (95% CI {fmt(lo)} to {fmt(hi)})" if lo is not None and hi is not None else "")
        out.append(f"<g><title>{_name(name)}: {_e(shown)}{_e(ci)}</title>")
        out.append(f'<text x="{LABEL_W - 8}" y="{y + 4:.1f}" text-anchor="end">{_name(name, short=True)}</text>')
        if lo is not None and hi is not None:
            out.append(f'<line x1="{sx(lo):.1f}" y1="{y:.1f}" x2="{sx(hi):.1f}" y2="{y:.1f}" stroke="#555" '
                       'stroke-width="1.5"/>')
            for x in (lo, hi):
                out.append(f'<line x1="{sx(x):.1f}" y1="{y - 4:.1f}" x2="{sx(x):.1f}" y2="{y + 4:.1f}" '
                           'stroke="#555"/>')
        if v is not None:
            out.append(f'<circle cx="{sx(v):.1f}" cy="{y:.1f}" r="4.5" fill="{SMALL_FILL if small else PALETTE[0]}"/>')
            if small:
                right = sx(v) + 75 > LABEL_W + plot_w
                x, anchor = (sx(v) - 8, "end") if right else (sx(v) + 8, "start")
                out.append(f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" class="small">'
                           f"{SMALL_TEXT}</text>")
        cls = "val small" if small else "val"
        out.append(f'<text x="{width - 4}" y="{y + 4:.1f}" text-anchor="end" class="{cls}">{_e(shown)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def interval_grid(rows: Sequence[tuple[str, Sequence[tuple[object, object, object]], bool]],
                  columns: Sequence[str], *, label: str, fmt: Callable[[float], str] = lambda v: f"{v:.0%}",
                  what: str = "", width: int = 1000) -> str:
    """Small multiples on a shared 0-1 axis: one row per ``(name, [(value, ci_low, ci_high) per column], small)``
    and one panel per column, each cell a dot with its 95% interval and the value beside it.

    For proportions (e.g. the share of an outlet's articles that use each frame). ``what`` follows the value in
    each cell's tooltip ("of articles"). A ``small`` row gets grey dots, no whiskers and "n too small" at the end;
    a missing value shows "–" and no dot.
    """
    k = max(len(columns), 1)
    note_w, head, bottom, value_w, pad = 84, 22, 24, 38, 8
    panel_w = (width - LABEL_W - note_w) / k
    n = max(len(rows), 1)
    height = head + ROW_H * n + bottom
    axis_y = head + ROW_H * n
    out = [_svg_open(width, height, label)]
    for i in range(0, len(rows), 2):                       # zebra rows: easier to follow an outlet across panels
        out.append(f'<rect x="0" y="{head + ROW_H * i}" width="{width}" height="{ROW_H}" fill="#f6f7f9"/>')

    def sx(j: int, x: float) -> float:
        left = LABEL_W + j * panel_w + pad
        return left + min(max(x, 0.0), 1.0) * (panel_w - pad - value_w)

    for j, col in enumerate(columns):
        colour = PALETTE[j % len(PALETTE)]
        mid = LABEL_W + j * panel_w + (panel_w - value_w + pad) / 2
        out.append(f'<text x="{mid:.1f}" y="14" text-anchor="middle" font-weight="600" fill="{colour}">'
                   f"{_e(col)}</text>")
        for t in (0.0, 0.5, 1.0):
            x = sx(j, t)
            out.append(f'<line x1="{x:.1f}" y1="{head}" x2="{x:.1f}" y2="{axis_y}" '
                       f'stroke="{"#888" if t == 0 else "#dcdcdc"}"/>')
            out.append(f'<text x="{x:.1f}" y="{axis_y + 15}" class="tick" text-anchor="middle">{t:.0%}</text>')
    for i, (name, cells, small) in enumerate(rows):
        y = head + ROW_H * i + ROW_H / 2
        out.append(f'<text x="{LABEL_W - 8}" y="{y + 4:.1f}" text-anchor="end"><title>{_name(name)}</title>'
                   f"{_name(name, short=True)}</text>")
        for j, (col, cell) in enumerate(zip(columns, cells)):
            v, lo, hi = (finite_float(c) for c in cell)
            if small:
                lo = hi = None
            shown = fmt(v) if v is not None else "–"
            ci = (f" ({SMALL_TEXT}: too few articles for a 95% interval)" if small else
                  f" (95% CI {fmt(lo)} to {fmt(hi)})" if lo is not None and hi is not None else "")
            unit = f" {what}" if what and v is not None else ""
            out.append(f"<g><title>{_name(name)} – {_e(col)}: {_e(shown + unit + ci)}</title>")
            if lo is not None and hi is not None:
                out.append(f'<line x1="{sx(j, lo):.1f}" y1="{y:.1f}" x2="{sx(j, hi):.1f}" y2="{y:.1f}" '
                           'stroke="#555" stroke-width="1.5"/>')
            if v is not None:
                fill = SMALL_FILL if small else PALETTE[j % len(PALETTE)]
                out.append(f'<circle cx="{sx(j, v):.1f}" cy="{y:.1f}" r="4" fill="{fill}"/>')
            x = LABEL_W + (j + 1) * panel_w - 4
            cls = "val small" if small else "val"
            out.append(f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="end" class="{cls}">{_e(shown)}</text></g>')
        if small:
            out.append(f'<text x="{width - 4}" y="{y + 4:.1f}" text-anchor="end" class="small">{SMALL_TEXT}</text>')
    out.append("</svg>")
    return "".join(out)
