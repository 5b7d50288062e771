"""Read articles from folders, text/HTML files, JSONL, CSV/TSV or Parquet, one ``Article`` at a time.

Readers stream and never raise for a bad record: it comes out as an ``Article`` with ``error`` set, so every input
record reaches the output as a result or an error record. Every Article's strings are writable (``repair``) and
its ``id`` is unique in the run. ``InputError`` is raised, before the first record, only when an input as a whole
cannot be read (missing path, unknown format, binary JSONL/CSV, CSV without a text column, missing extra).
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from ..ids import UniqueIds
from ..model import Article
from .base import DEFAULT_MAX_BYTES, InputError, ReadStats, format_size
from .csvrows import read_csv
from .folders import TEXT_SUFFIXES, read_dir, read_text_file
from .lines import Lines
from .records import record_to_article
from .repair import repair_article

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "InputError", "ReadStats", "detect_format", "format_size",
           "read_articles"]

FORMATS = ("dir", "txt", "html", "jsonl", "csv", "tsv", "parquet")
_SUFFIX_FORMATS = {**TEXT_SUFFIXES, ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv",
                   ".parquet": "parquet", ".pq": "parquet"}
_PARQUET_HINT = "reading Parquet needs the 'parquet' extra: pip install 'mediacheck[parquet]'"
_JSON = json.JSONDecoder(strict=False)  # strict=False: raw control characters in strings are read, then repaired


def detect_format(path: str, fmt: str | None = None) -> str:
    """The input format of ``path`` (one of ``FORMATS``): ``fmt`` if given, else from the path."""
    if fmt:
        fmt = fmt.lower().lstrip(".")
        fmt = {"ndjson": "jsonl", "text": "txt", "htm": "html", "pq": "parquet", "directory": "dir"}.get(fmt, fmt)
        if fmt not in FORMATS:
            raise InputError(f"unknown input format {fmt!r} (expected one of: {', '.join(FORMATS)})")
        return fmt
    if path == "-":
        return "jsonl"
    if os.path.isdir(path):
        return "dir"
    suffix = Path(path).suffix.lower()
    if suffix in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffix]
    hint = " (use --format jsonl if it has one JSON object per line)" if suffix == ".json" else ""
    raise InputError(f"{path}: unknown input format {suffix or '(no extension)'!r}; expected a folder or "
                     f".txt, .html, .jsonl, .csv, .tsv or .parquet{hint}")


def _check(path: str, fmt: str | None) -> str:
    """The format of one input; InputError when it is missing or cannot be read as that format."""
    if path != "-" and not os.path.exists(path):
        raise InputError(f"{path}: no such file or folder")
    kind = detect_format(path, fmt)
    if path == "-":
        if kind not in ("jsonl", "csv", "tsv"):
            raise InputError(f"cannot read {kind} from stdin; use jsonl, csv or tsv")
    elif kind == "dir" and not os.path.isdir(path):
        raise InputError(f"{path}: not a folder")
    elif kind != "dir" and os.path.isdir(path):
        raise InputError(f"{path}: is a folder, not a {kind} file")
    return kind


def read_articles(paths: str | os.PathLike | Sequence[str | os.PathLike], *, outlet: str | None = None,
                  fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO | None = None,
                  stats: ReadStats | None = None, follow_links: bool = False) -> Iterator[Article]:
    """Stream the articles of one input or of several read in order as one run (``-`` is stdin, at most once:
    JSONL unless ``fmt`` says ``csv``/``tsv``).

    Ids are unique across the run (``duplicate id 'r1': renamed r1#2``; ``input_id`` keeps the given id).
    ``outlet`` fills records that name none. ``max_bytes`` limits one file (folder/text input) or one record
    (JSONL line, CSV row). ``follow_links`` also reads symlinks in folders that point outside them. Problems with
    an input as a whole raise ``InputError`` here, for every input before the first record is read; problems with
    one record give an ``Article`` with ``error`` set.
    """
    items = [os.fspath(paths)] if isinstance(paths, (str, os.PathLike)) else [os.fspath(p) for p in paths]
    if not items:
        raise InputError("no input given")
    if items.count("-") > 1:
        raise InputError("stdin (-) can be read only once")
    stats = stats if stats is not None else ReadStats()
    opts = {"outlet": outlet or "", "max_bytes": max_bytes, "stats": stats, "follow_links": follow_links,
            "stdin": stdin if stdin is not None else sys.stdin}
    specs = [(path, _check(path, fmt)) for path in items]
    ready: dict[int, Iterator] = {}
    try:
        for i, (path, kind) in enumerate(specs):
            gen = _open(path, kind, **opts)  # raises InputError now, not on first iteration
            if i == 0 or path == "-":
                ready[i] = gen  # kept open; the others were only checked and are opened again in turn
            else:
                gen.close()
    except BaseException:
        for gen in ready.values():
            gen.close()
        raise
    return _stream(specs, ready, opts, stats)


def _open(path: str, kind: str, *, outlet: str, max_bytes: int, stats: ReadStats, follow_links: bool,
          stdin: IO) -> Iterator[Article | None]:
    """The reader generator of one input, run up to its first ``yield None`` (its whole-input checks)."""
    stream = stdin if path == "-" else None
    if kind == "dir":
        gen = read_dir(path, outlet, max_bytes, stats, follow_links)
    elif kind in ("txt", "html"):
        gen = read_text_file(path, kind, outlet, max_bytes)
    elif kind == "jsonl":
        gen = _read_jsonl(path, stream, outlet, max_bytes)
    elif kind in ("csv", "tsv"):
        gen = read_csv(path, stream, "\t" if kind == "tsv" else ",", outlet, max_bytes)
    else:
        gen = _read_parquet(path, outlet)
    next(gen)
    return gen


def _stream(specs: list[tuple[str, str]], ready: dict[int, Iterator], opts: dict,
            stats: ReadStats) -> Iterator[Article]:
    ids = UniqueIds()
    try:
        for i, (path, kind) in enumerate(specs):
            gen = ready.pop(i, None)
            if gen is None:
                try:
                    gen = _open(path, kind, **opts)
                except InputError as exc:  # it changed since it was checked: one error record for it
                    gen = iter([Article(id=Path(path).stem, source=path, outlet=opts["outlet"], error=str(exc))])
            try:
                for article in gen:
                    article = finish(article, ids)
                    stats.count(article)
                    yield article
            finally:
                close = getattr(gen, "close", None)
                if close is not None:
                    close()
    finally:
        for gen in ready.values():
            gen.close()


def finish(article: Article, ids: UniqueIds | None) -> Article:
    """``article`` with writable strings (``repair``) and, given the ids handed out so far, a unique id."""
    article = repair_article(article)
    if ids is None:
        return article
    rid = ids.take(article.id)
    if rid == article.id:
        return article
    return replace(article, id=rid, warnings=(*article.warnings, f"duplicate id {article.id!r}: renamed {rid}"))


def article_from_record(record: Any, *, fallback_id: str, source: str, outlet: str, warnings: Iterable[str] = (),
                        seen: UniqueIds | None = None) -> Article:
    """One record as a finished Article (for callers outside the readers, e.g. ``mediacheck.analyze``)."""
    article = record_to_article(record, fallback_id=fallback_id, source=source, outlet=outlet, warnings=warnings)
    return finish(article, seen)


# ---------------------------------------------------------------------------------------------- JSONL, Parquet


def _read_jsonl(path: str, stream: IO | None, outlet: str, max_bytes: int) -> Iterator[Article | None]:
    lines = Lines(path, stream, max_bytes)
    try:
        yield None
        for lineno, (line, warnings) in enumerate(lines, 1):
            source, fallback = f"{lines.name}:{lineno}", f"line-{lineno}"
            if line is None:
                yield Article(id=fallback, outlet=outlet, source=source, error=f"line {lineno}: {warnings[0]}")
                continue
            if not line.strip():
                continue
            try:
                record = _JSON.decode(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                yield Article(id=fallback, outlet=outlet, source=source, warnings=tuple(warnings),
                              error=f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            except (ValueError, RecursionError) as exc:
                yield Article(id=fallback, outlet=outlet, source=source, warnings=tuple(warnings),
                              error=f"line {lineno}: invalid JSON: {exc}")
                continue
            yield record_to_article(record, fallback_id=fallback, source=source, outlet=outlet, warnings=warnings,
                                    where=f"line {lineno}: ")
    finally:
        lines.close()


def _read_parquet(path: str, outlet: str) -> Iterator[Article | None]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(_PARQUET_HINT) from None
    try:
        pfile = pq.ParquetFile(path)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read Parquet file: {exc}") from None
    try:
        names = pfile.schema_arrow.names
        if not {"text", "html", "scraped"} & set(names):
            raise InputError(f"{path}: no 'text' or 'html' column (columns: {', '.join(names)})")
        yield None
        n = 0
        try:
            for batch in pfile.iter_batches(batch_size=1024):
                for record in batch.to_pylist():
                    n += 1
                    yield record_to_article(record, fallback_id=f"row-{n}", source=f"{path}:{n}", outlet=outlet)
        except (pa.ArrowException, OSError, ValueError) as exc:  # a corrupt row group: report it and stop
            yield Article(id=f"row-{n + 1}", outlet=outlet, source=f"{path}:{n + 1}",
                          error=f"cannot read Parquet rows from {n + 1} on: {exc}")
    finally:
        close = getattr(pfile, "close", None)  # ParquetFile.close exists in recent pyarrow only
        if close is not None:
            close()
