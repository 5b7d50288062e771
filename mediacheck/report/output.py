"""Write a report to a folder: CSV tables (and Parquet with ``parquet=True``), summary.json, timings.json and
report.html.

File names are fixed, except the per-outlet files of ``by_outlet/``, whose names go through ``safe_name`` so
no outlet name can point outside the folder. ``ReportFolder`` writes a run into a hidden folder beside DIR and
puts it in place only when the run completes: a failed or interrupted run leaves DIR as it was, and a completed
one leaves no file of an earlier run behind.
"""
from __future__ import annotations

import json
import math
import os
import re
import secrets
import shutil
import unicodedata
from pathlib import Path

import pandas as pd

from mediacheck.io.writers import RecordSink, write_records
from mediacheck.report.columns import FINAL_TABLES, STREAMED_TABLES, TABLES

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
    sinks = {}
    for name in (n for n in STREAMED_TABLES if sentences or n != "sentences"):
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
    """Write the final tables (``FINAL_TABLES``, in that order; tables built at the end, see
    ``mediacheck.report.columns``) as CSV (and Parquet); returns the paths written."""
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
    """summary.json: the run summary (the same for the same input and options) and its notes."""
    path = inside(out_dir, "summary.json")
    clean = {k: _plain(v) for k, v in summary.items()}
    path.write_text(json.dumps({**clean, "notes": notes}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(path)


def write_timings(timings: dict, out_dir: str) -> str:
    """timings.json: what changes from run to run (seconds per stage, engine, parallel jobs)."""
    path = inside(out_dir, "timings.json")
    clean = {k: _plain(v) for k, v in timings.items()}
    path.write_text(json.dumps(clean, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(path)


# ---------------------------------------------------------------------------------------------- the output folder

#: Every name a report writes in DIR; a later run replaces exactly these (other files in DIR are left alone).
REPORT_FILES = frozenset({*(f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")), "summary.json",
                          "timings.json", "report.html", "by_outlet"})
_WORK_PREFIX = ".mediacheck-"


class OutputFolderError(Exception):
    """DIR cannot be used for the report; the message is one user-facing line."""


def is_report(folder: str | Path) -> bool:
    """True when ``folder`` holds a mediacheck report: a summary.json with ``"tool": "mediacheck"`` (or, from
    before that key, the report summary's own keys)."""
    try:
        data = json.loads((Path(folder) / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict):
        return False
    return data.get("tool") == "mediacheck" or {"records_in", "articles", "errors", "outlets"} <= data.keys()


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


class ReportFolder:
    """The report's output folder DIR, written through a hidden work folder that replaces DIR's report only at the
    end (``commit``); on failure or interrupt the work folder goes and DIR stays as it was.

    ``check()`` (also run on entering) creates nothing and raises ``OutputFolderError`` when DIR is a file, is not
    empty without being a mediacheck report, or cannot be written. The work folder sits beside DIR (same parent,
    so moving it in is a rename), or inside DIR when DIR is a mount point. A new DIR becomes the work folder by
    one rename; in an existing DIR, the earlier run's files (``REPORT_FILES``) are swapped for the new ones and
    anything else in it is left alone. Missing parent folders are created, and removed again on failure.
    """

    def __init__(self, out: str) -> None:
        self.out = str(out)
        self.target = Path(os.path.realpath(self.out))
        self.work: Path | None = None
        self._created: list[Path] = []
        self._committed = False

    # -------------------------------------------------------------------------------------------- checks

    def check(self) -> None:
        t = self.target
        if t.exists() and not t.is_dir():
            raise OutputFolderError(f"{self.out} is a file, not a folder; choose another --out")
        if t.is_dir():
            try:
                entries = [e for e in os.listdir(t) if not e.startswith(".")]
            except OSError as exc:
                raise OutputFolderError(f"{self.out}: cannot read the output folder: {_why(exc)}") from None
            if entries and not is_report(t):
                raise OutputFolderError(f"{self.out} is not empty and not a mediacheck report; choose another --out")
            self._writable(t)
            if not self._inside_target():
                self._writable(t.parent)
            return
        ancestor = t.parent
        while not ancestor.exists():
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            raise OutputFolderError(f"{self.out}: cannot create the output folder: {ancestor} is a file")
        self._writable(ancestor)

    def _writable(self, folder: Path) -> None:
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputFolderError(f"{self.out}: cannot write the output folder: {folder} is not writable")

    def _inside_target(self) -> bool:
        """Work inside DIR when DIR is on another file system than its parent (a mount point): no rename there."""
        try:
            return self.target.is_dir() and os.stat(self.target).st_dev != os.stat(self.target.parent).st_dev
        except OSError:
            return False

    # -------------------------------------------------------------------------------------------- life cycle

    def __enter__(self) -> Path:
        self.check()
        try:
            missing = []
            p = self.target.parent
            while not p.exists():
                missing.append(p)
                p = p.parent
            for folder in reversed(missing):
                folder.mkdir()
                self._created.append(folder)
            self.work = self._mkdir("new")
        except OSError as exc:
            self._discard()
            raise OutputFolderError(f"{self.out}: cannot create the output folder: {_why(exc)}") from None
        return self.work

    def _mkdir(self, kind: str) -> Path:
        """A new hidden folder beside DIR (inside it for a mount point), made with the usual permissions."""
        tag = f"{_WORK_PREFIX}{kind}-{os.getpid()}-{secrets.token_hex(4)}"
        path = self.target / tag if self._inside_target() else self.target.parent / f".{self.target.name}{tag}"
        path.mkdir()
        return path

    def commit(self) -> None:
        """Put the finished report in place of DIR's earlier one (OutputFolderError if that fails)."""
        assert self.work is not None, "commit() outside 'with'"
        try:
            if not self.target.exists():
                os.rename(self.work, self.target)
            else:
                self._swap()
        except OSError as exc:
            raise OutputFolderError(f"{self.out}: cannot put the report in place: {_why(exc)}") from None
        self._committed = True
        self.work = None

    def _swap(self) -> None:
        assert self.work is not None
        old = self._mkdir("old")
        out_moved: list[str] = []
        in_moved: list[str] = []
        try:
            for name in sorted(os.listdir(self.target)):
                if name in REPORT_FILES:
                    os.rename(self.target / name, old / name)
                    out_moved.append(name)
            for name in sorted(os.listdir(self.work)):
                os.rename(self.work / name, self.target / name)
                in_moved.append(name)
        except BaseException:
            for name in reversed(in_moved):
                _quietly(os.rename, self.target / name, self.work / name)
            for name in reversed(out_moved):
                _quietly(os.rename, old / name, self.target / name)
            shutil.rmtree(old, ignore_errors=True)
            raise
        shutil.rmtree(old, ignore_errors=True)
        _quietly(os.rmdir, self.work)

    def _discard(self) -> None:
        if self.work is not None:
            shutil.rmtree(self.work, ignore_errors=True)
            self.work = None
        for folder in reversed(self._created):       # deepest first; only if still empty
            _quietly(os.rmdir, folder)
        self._created = []

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self._committed:
            self._discard()


def _quietly(fn, *args) -> None:
    try:
        fn(*args)
    except OSError:
        pass
