"""Read articles from a folder, a text/HTML file, JSONL, CSV/TSV or Parquet, one ``Article`` at a time.

Readers stream and never raise for a bad record: it comes out as an ``Article`` with ``error`` set, so every input
record reaches the output as a result or an error record. ``InputError`` is raised only when the input as a whole
cannot be read (missing path, unknown format, binary JSONL/CSV, CSV without a text column, missing extra).
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from ..model import Article
from .decode import DecodeError, LineDecoder, decode_bytes, normalise_newlines, sniff_binary

__all__ = ["FORMATS", "InputError", "ReadStats", "detect_format", "read_articles"]

DEFAULT_MAX_BYTES = 50 * 2**20
TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html"}
FORMATS = ("dir", "txt", "html", "jsonl", "csv", "tsv", "parquet")
_SUFFIX_FORMATS = {**TEXT_SUFFIXES, ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv",
                   ".parquet": "parquet", ".pq": "parquet"}
_KNOWN_FIELDS = ("id", "text", "html", "scraped", "outlet", "url", "published", "title", "lang")
_HEAD_BYTES = 1 << 16
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_PARQUET_HINT = "reading Parquet needs the 'parquet' extra: pip install 'mediacheck[parquet]'"


class InputError(Exception):
    """The input as a whole cannot be read; the message is meant for the user as is."""


@dataclass
class ReadStats:
    """Counters filled in while ``read_articles`` streams (pass one in as ``stats=``)."""

    records: int = 0  #: Articles yielded, error records included
    errors: int = 0  #: Articles yielded with ``error`` set
    warnings: int = 0  #: Articles yielded with at least one warning
    skipped_files: int = 0  #: files in a folder skipped for their extension (hidden files are not counted)

    def count(self, article: Article) -> None:
        self.records += 1
        self.errors += bool(article.error)
        self.warnings += bool(article.warnings)


def format_size(n: float) -> str:
    """``52428800`` -> ``'50 MiB'``, ``76755763`` -> ``'73.2 MiB'``, ``10`` -> ``'10 bytes'``."""
    for unit, size in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{int(n)} bytes"


def _too_big(size: int, limit: int, what: str = "file") -> str:
    return f"{what} is {format_size(size)}, over the {format_size(limit)} limit (--max-bytes)"


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


def read_articles(path: str, *, outlet: str | None = None, fmt: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO | None = None,
                  stats: ReadStats | None = None) -> Iterator[Article]:
    """Stream the articles in ``path`` (``-`` is stdin: JSONL unless ``fmt`` says ``csv``/``tsv``).

    ``outlet`` fills records that have no outlet of their own. ``max_bytes`` limits one file (folder/text input)
    or one record (JSONL line, CSV row). Problems with the input as a whole raise ``InputError`` here, before the
    first record; problems with one record give an ``Article`` with ``error`` set.
    """
    if path != "-" and not os.path.exists(path):
        raise InputError(f"{path}: no such file or folder")
    kind = detect_format(path, fmt)
    if path == "-":
        if kind not in ("jsonl", "csv", "tsv"):
            raise InputError(f"cannot read {kind} from stdin; use jsonl, csv or tsv")
        stream = stdin if stdin is not None else sys.stdin
    else:
        stream = None
        if kind == "dir" and not os.path.isdir(path):
            raise InputError(f"{path}: not a folder")
        if kind != "dir" and os.path.isdir(path):
            raise InputError(f"{path}: is a folder, not a {kind} file")
    if kind == "dir":
        gen = _read_dir(path, outlet or "", max_bytes, stats)
    elif kind in ("txt", "html"):
        gen = _read_text_file(path, kind, outlet or "", max_bytes)
    elif kind == "jsonl":
        gen = _read_jsonl(path, stream, outlet or "", max_bytes)
    elif kind in ("csv", "tsv"):
        gen = _read_csv(path, stream, "\t" if kind == "tsv" else ",", outlet or "", max_bytes)
    else:
        gen = _read_parquet(path, outlet or "")
    next(gen)  # run up to the first ``yield None``: InputError surfaces now, not on first iteration
    return _counted(gen, stats)


def _counted(gen: Iterator[Article], stats: ReadStats | None) -> Iterator[Article]:
    for article in gen:
        if stats is not None:
            stats.count(article)
        yield article


# ---------------------------------------------------------------------------------------------- files / folders


def _read_file(path: str, *, id: str, kind: str, outlet: str, max_bytes: int) -> Article:
    """One text/HTML file as an Article (an error Article if it is too big, binary or unreadable)."""
    base = {"id": id, "outlet": outlet, "source": path}
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                return Article(**base, error=_too_big(size, max_bytes))
            data = f.read(max_bytes + 1)
    except OSError as exc:
        return Article(**base, error=f"cannot read file: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return Article(**base, error=_too_big(len(data), max_bytes))
    hint = None
    if kind == "html":
        m = _META_CHARSET.search(data[:4096])
        hint = m.group(1).decode("ascii") if m else None
    try:
        text, warnings = decode_bytes(data, hint=hint)
    except DecodeError as exc:
        return Article(**base, error=str(exc))
    field = "html" if kind == "html" else "text"
    return Article(**base, **{field: text}, warnings=tuple(warnings))


def _read_text_file(path: str, kind: str, outlet: str, max_bytes: int) -> Iterator[Article | None]:
    yield None
    yield _read_file(path, id=Path(path).stem, kind=kind, outlet=outlet, max_bytes=max_bytes)


def _walk(root: str, rel: str = "") -> Iterator[tuple[str, OSError | None]]:
    """Relative paths of the regular files under ``root`` in sorted order, skipping hidden entries.

    An unreadable folder is yielded as ``(rel, error)``. Symlinked folders are not followed.
    """
    try:
        with os.scandir(os.path.join(root, rel)) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield rel, exc
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        sub = f"{rel}/{entry.name}" if rel else entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(root, sub)
            elif entry.is_file():
                yield sub, None
        except OSError as exc:
            yield sub, exc


def _read_dir(root: str, outlet: str, max_bytes: int, stats: ReadStats | None) -> Iterator[Article | None]:
    try:
        with os.scandir(root):
            pass
    except OSError as exc:
        raise InputError(f"{root}: cannot read folder: {exc.strerror or exc}") from None
    yield None
    seen: set[str] = set()
    for rel, exc in _walk(root):
        first = rel.split("/", 1)[0] if "/" in rel else ""
        where = outlet or first
        if exc is not None:
            yield Article(id=rel, outlet=where, source=os.path.join(root, rel),
                          error=f"cannot read: {exc.strerror or exc}")
            continue
        stem, suffix = os.path.splitext(rel)
        kind = TEXT_SUFFIXES.get(suffix.lower())
        if kind is None:
            if stats is not None:
                stats.skipped_files += 1
            continue
        article = _read_file(os.path.join(root, rel), id=stem, kind=kind, outlet=where, max_bytes=max_bytes)
        if stem in seen:
            article = _add_warning(article, "duplicate id")
        seen.add(stem)
        yield article


def _add_warning(article: Article, warning: str) -> Article:
    return replace(article, warnings=(*article.warnings, warning))


# ---------------------------------------------------------------------------------------------- records


def _as_str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _body(value: Any, name: str, warnings: list[str]) -> str:
    """A ``text``/``html`` value as a string; raises TypeError for lists, objects and the like."""
    if isinstance(value, str):
        return normalise_newlines(value)
    if isinstance(value, (bytes, bytearray)):
        text, more = decode_bytes(bytes(value))
        warnings.extend(more)
        return text
    if isinstance(value, (list, tuple, dict, Mapping)):
        kind = "an object" if isinstance(value, Mapping) else "a list"
        raise TypeError(f"field {name!r} is {kind}, expected a string")
    return normalise_newlines(_as_str(value))


_JSON_KIND = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


def _article_from_record(record: Any, *, fallback_id: str, source: str, outlet: str,
                         warnings: Iterable[str], seen: set[str]) -> Article:
    """Map one JSON/CSV/Parquet record to an Article (an error Article if it has no usable body)."""
    warns = list(warnings)
    if not isinstance(record, (dict, Mapping)):
        kind = _JSON_KIND.get(type(record), "a number")
        return Article(id=fallback_id, source=source, outlet=outlet, warnings=tuple(warns),
                       error=f"record is {kind}, expected an object")
    raw_id = record.get("id")
    rid = fallback_id if raw_id is None or raw_id == "" else _as_str(raw_id)
    rec_outlet = _as_str(record.get("outlet")) or outlet
    base = {"id": rid, "outlet": rec_outlet, "source": source}
    if rid in seen:
        warns.append("duplicate id")
    seen.add(rid)
    text_v, html_v = record.get("text"), record.get("html")
    if text_v is None:
        text_v = record.get("scraped")      # the ScrapingHub benchmark's name for scraped text
    if text_v is None and html_v is None:
        return Article(**base, warnings=tuple(warns), error="record has neither 'text' nor 'html'")
    try:
        text = _body(text_v, "text", warns) if text_v is not None else ""
        html = _body(html_v, "html", warns) if html_v is not None and not text else ""
    except (TypeError, DecodeError) as exc:
        return Article(**base, warnings=tuple(warns), error=str(exc))
    meta = {k: v for k, v in record.items() if k not in _KNOWN_FIELDS}
    return Article(**base, text=text, html=html, title=normalise_newlines(_as_str(record.get("title"))),
                   url=_as_str(record.get("url")), published=_as_str(record.get("published")),
                   lang=_as_str(record.get("lang")), meta=meta, warnings=tuple(warns))


class _Prefixed(io.RawIOBase):
    """A raw stream that replays ``head`` and then continues with ``rest`` (lets us sniff non-seekable stdin)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._read = getattr(rest, "read1", rest.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._read(len(buf))
        buf[: len(data)] = data
        return len(data)


def _binary(stream: IO) -> IO[bytes]:
    if isinstance(stream, io.TextIOBase):
        if getattr(stream, "buffer", None) is not None:
            return stream.buffer
        return io.BytesIO(stream.read().encode("utf-8"))  # e.g. io.StringIO in tests
    return stream


_UNICODE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                 (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class _Lines:
    """Decoded lines of a JSONL/CSV stream: ``(text, warnings)`` pairs; sniffs binary data up front.

    ``limit`` caps one line (longer lines come back as ``(None, [size message])`` and are skipped in
    constant memory); 0 means no cap.
    """

    def __init__(self, path: str, stream: IO | None, limit: int = 0) -> None:
        self.name = "<stdin>" if path == "-" else path
        try:
            raw = _binary(stream) if stream is not None else open(path, "rb")  # noqa: SIM115
            head = raw.read(_HEAD_BYTES)
        except OSError as exc:
            raise InputError(f"{self.name}: cannot read: {exc.strerror or exc}") from None
        self._closer = raw if stream is None else None
        what = sniff_binary(head)
        if what:
            self.close()
            raise InputError(f"{self.name}: binary file ({what}), not text")
        buffered = io.BufferedReader(_Prefixed(head, raw), buffer_size=1 << 16)
        self.limit = limit
        self.decoder: LineDecoder | None = None
        self.stream: IO = buffered
        for bom, encoding in _UNICODE_BOMS:
            if head.startswith(bom):
                self.stream = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
                break
        else:
            self.decoder = LineDecoder(head)

    def close(self) -> None:
        if self._closer is not None:
            self._closer.close()

    def _raw_lines(self) -> Iterator[tuple[Any, int]]:
        """Raw lines (bytes or str) and their size; ``None`` for a line over the limit."""
        nl = "\n" if self.decoder is None else b"\n"
        readline = self.stream.readline
        while True:
            line = readline(self.limit + 1) if self.limit else readline()
            if not line:
                return
            if self.limit and len(line) > self.limit and not line.endswith(nl):
                size = len(line)
                while True:  # skip the rest of the over-long line in bounded chunks
                    chunk = readline(1 << 20)
                    size += len(chunk)
                    if not chunk or chunk.endswith(nl):
                        break
                yield None, size
            else:
                yield line, len(line)

    def __iter__(self) -> Iterator[tuple[str | None, list[str]]]:
        first = True
        for line, size in self._raw_lines():
            if line is None:
                yield None, [_too_big(size, self.limit, "record")]
            elif self.decoder is None:
                if first and line.startswith("\ufeff"):
                    line = line[1:]
                warnings = []
                if "\x00" in line:
                    n = line.count("\x00")
                    line = line.replace("\x00", "")
                    warnings.append(f"removed {n} NUL byte{'s' if n != 1 else ''}")
                yield line, warnings
            else:
                if first and line.startswith(codecs.BOM_UTF8):
                    line = line[len(codecs.BOM_UTF8):]
                yield self.decoder.decode(line)
            first = False


def _read_jsonl(path: str, stream: IO | None, outlet: str, max_bytes: int) -> Iterator[Article | None]:
    lines = _Lines(path, stream, max_bytes)
    seen: set[str] = set()
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
                record = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                yield Article(id=fallback, outlet=outlet, source=source, warnings=tuple(warnings),
                              error=f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            except (ValueError, RecursionError) as exc:
                yield Article(id=fallback, outlet=outlet, source=source, warnings=tuple(warnings),
                              error=f"line {lineno}: invalid JSON: {exc}")
                continue
            article = _article_from_record(record, fallback_id=fallback, source=source, outlet=outlet,
                                           warnings=warnings, seen=seen)
            if article.error:
                article = _with_prefix(article, f"line {lineno}: ")
            yield article
    finally:
        lines.close()


def _with_prefix(article: Article, prefix: str) -> Article:
    return replace(article, error=prefix + article.error)


def _csv_field_limit() -> None:
    limit = 2**31 - 1  # fits a C long everywhere (sys.maxsize overflows on Windows)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def _read_csv(path: str, stream: IO | None, delimiter: str, outlet: str,
              max_bytes: int) -> Iterator[Article | None]:
    lines = _Lines(path, stream)
    pending: list[str] = []  # warnings of the lines the csv reader consumed for the current row

    def texts() -> Iterator[str]:
        for line, warnings in lines:
            pending.extend(warnings)
            yield line or ""

    _csv_field_limit()
    reader = csv.reader(texts(), delimiter=delimiter)
    try:
        try:
            header = next(reader)
        except StopIteration:
            header = []
        except csv.Error as exc:
            raise InputError(f"{lines.name}: cannot read the CSV header: {exc}") from None
        header = [h.strip() for h in header]
        if not header:
            raise InputError(f"{lines.name}: empty file, expected a header row")
        if not {"text", "html", "scraped"} & set(header):
            raise InputError(f"{lines.name}: no 'text' or 'html' column (columns: {', '.join(header)})")
        dupes = sorted({h for h in header if header.count(h) > 1})
        if dupes:
            raise InputError(f"{lines.name}: duplicate column(s): {', '.join(dupes)}")
    except InputError:
        lines.close()
        raise
    seen: set[str] = set()
    try:
        yield None
        while True:
            pending.clear()
            start = reader.line_num + 1
            base = {"id": f"line-{start}", "outlet": outlet, "source": f"{lines.name}:{start}"}
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Article(**base, warnings=tuple(pending), error=f"line {start}: malformed CSV: {exc}")
                continue
            if not row:
                continue  # blank line
            warnings = tuple(dict.fromkeys(pending))
            if len(row) != len(header):
                yield Article(**base, warnings=warnings,
                              error=f"line {start}: expected {len(header)} cells, found {len(row)}")
                continue
            size = sum(len(cell) for cell in row)
            if size > max_bytes:
                yield Article(**base, warnings=warnings, error=f"line {start}: {_too_big(size, max_bytes, 'record')}")
                continue
            article = _article_from_record(dict(zip(header, row)), fallback_id=base["id"], source=base["source"],
                                           outlet=outlet, warnings=warnings, seen=seen)
            if article.error:
                article = _with_prefix(article, f"line {start}: ")
            yield article
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
    names = pfile.schema_arrow.names
    if not {"text", "html", "scraped"} & set(names):
        raise InputError(f"{path}: no 'text' or 'html' column (columns: {', '.join(names)})")
    yield None
    seen: set[str] = set()
    n = 0
    try:
        for batch in pfile.iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                n += 1
                yield _article_from_record(record, fallback_id=f"row-{n}", source=f"{path}:{n}", outlet=outlet,
                                           warnings=(), seen=seen)
    except (pa.ArrowException, OSError, ValueError) as exc:  # a corrupt row group: report it and stop
        yield Article(id=f"row-{n + 1}", outlet=outlet, source=f"{path}:{n + 1}",
                      error=f"cannot read Parquet rows from {n + 1} on: {exc}")
    finally:
        close = getattr(pfile, "close", None)  # ParquetFile.close exists in recent pyarrow only
        if close is not None:
            close()
