"""Write a report to a folder: CSV tables (and Parquet with ``parquet=True``), summary.json and report.html.

File names are fixed, except the per-outlet files of ``by_outlet/``, whose names go through ``safe_name`` so
no outlet name can point outside the folder.
"""
from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from pathlib import Path

import pandas as pd

from mediacheck.io.writers import RecordSink, write_records
from mediacheck.report.columns import TABLES

#: Tables written at the end, in this order (the streamed ones are written while the articles are processed).
FINAL_TABLES = ("articles", "outlets", "outlet_pairs", "stories", "evidence", "duplicates")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str, *, fallback: str = "unnamed") -> str:
    """A file name from free text: ASCII letters, digits, '.', '_' and '-' only, no leading dot, <= 80 chars.

    >>> safe_name("../../etc/passwd"), safe_name("Fox News (Online)"), safe_name("..")
    ('etc_passwd', 'Fox_News_Online', 'unnamed')
    """
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    s = _UNSAFE.sub("_", s).strip("._-")[:80].strip("._-")
    return s or fallback


def inside(folder: str | Path, name: str) -> Path:
    """``folder / name``, refusing any path that would resolve outside ``folder``."""
    root = Path(folder).resolve()
    path = (root / name).resolve()
    if root != path.parent and root not in path.parents:
        raise ValueError(f"{name!r} would be written outside {folder}")
    return path


class TeeSink:
    """Sends every row to several sinks (the CSV and the Parquet file of one table)."""

    def __init__(self, sinks: list[RecordSink]) -> None:
        self.sinks = sinks

    def put(self, row: dict) -> None:
        for s in self.sinks:
            s.put(row)

    def close(self) -> int:
        counts = [s.close() for s in self.sinks]
        return counts[0] if counts else 0


def open_sinks(out_dir: str, *, sentences: bool, parquet: bool) -> dict[str, TeeSink]:
    """Streaming writers for the row-per-line tables: removed, errors (+ sentences)."""
    names = ["removed", "errors"] + (["sentences"] if sentences else [])
    sinks = {}
    for name in names:
        files = [RecordSink(str(inside(out_dir, f"{name}.csv")), columns=TABLES[name])]
        if parquet:
            files.append(RecordSink(str(inside(out_dir, f"{name}.parquet")), columns=TABLES[name]))
        sinks[name] = TeeSink(files)
    return sinks


def _records(df: pd.DataFrame, columns) -> list[dict]:
    out = []
    for rec in df.to_dict("records"):
        out.append({c: _plain(rec.get(c)) for c in columns})
    return out


def _plain(v):
    """numpy scalars to Python, NaN to None, so every writer sees plain values."""
    if v is None:
        return None
    if hasattr(v, "item") and not isinstance(v, (list, tuple, dict, str)):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str, *, parquet: bool = False,
                 names=FINAL_TABLES) -> list[str]:
    """Write the final tables as CSV (and Parquet); returns the paths written."""
    paths = []
    for name in names:
        if name not in tables:
            continue
        cols = TABLES[name]
        recs = _records(tables[name], cols)
        for ext in ("csv", "parquet") if parquet else ("csv",):
            path = str(inside(out_dir, f"{name}.{ext}"))
            write_records(recs, path, columns=cols)
            paths.append(path)
    return paths


def write_by_outlet(articles: pd.DataFrame, out_dir: str) -> list[str]:
    """One CSV of article rows per outlet in ``by_outlet/`` (names from ``safe_name``, made unique)."""
    folder = inside(out_dir, "by_outlet")
    folder.mkdir(exist_ok=True)
    used: dict[str, int] = {}
    paths = []
    for outlet, group in articles.groupby("outlet", sort=True):
        base = safe_name(str(outlet))
        used[base] = used.get(base, 0) + 1
        name = base if used[base] == 1 else f"{base}-{used[base]}"
        path = str(inside(folder, f"{name}.csv"))
        write_records(_records(group, TABLES["articles"]), path, columns=TABLES["articles"])
        paths.append(path)
    return paths


def write_summary(summary: dict, notes: list[str], out_dir: str) -> str:
    path = inside(out_dir, "summary.json")
    clean = {k: _plain(v) for k, v in summary.items()}
    path.write_text(json.dumps({**clean, "notes": notes}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(path)


def ensure_folder(out_dir: str) -> None:
    os.makedirs(out_dir, exist_ok=True)
