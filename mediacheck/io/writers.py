"""Write result records (plain dicts) as JSONL, CSV/TSV or Parquet; JSONL and CSV stream record by record.

Lone surrogates in any string (which UTF-8 cannot encode) are written as U+FFFD, so a record never stops a write.
"""
from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .decode import normalise_newlines
from .repair import replace_surrogates

__all__ = ["OUTPUT_FORMATS", "OutputError", "RecordSink", "neutralise_cell", "output_format", "write_records"]

OUTPUT_FORMATS = ("jsonl", "csv", "tsv", "parquet")
_SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".parquet": "parquet",
                   ".pq": "parquet"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PARQUET_BATCH = 1000
_PARQUET_HINT = "writing Parquet needs the 'parquet' extra: pip install 'mediacheck[parquet]'"
_INT64 = (-(2**63), 2**63 - 1)


class OutputError(Exception):
    """The output cannot be written (unknown format, missing extra, unwritable path); message is user-facing."""


def neutralise_cell(value: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would run as a formula (starts with ``= + - @``, tab or CR; OWASP)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def output_format(path: str | None, fmt: str | None = None) -> str:
    """The output format for ``path`` (one of ``OUTPUT_FORMATS``): ``fmt`` if given, JSONL for stdout."""
    if fmt:
        fmt = fmt.lower().lstrip(".")
        fmt = {"ndjson": "jsonl", "pq": "parquet"}.get(fmt, fmt)
        if fmt not in OUTPUT_FORMATS:
            raise OutputError(f"unknown output format {fmt!r} (expected one of: {', '.join(OUTPUT_FORMATS)})")
        return fmt
    if path is None or path == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        raise OutputError(f"{path}: unknown output format {suffix or '(no extension)'!r}; "
                          "expected .jsonl, .csv, .tsv or .parquet")
    return _SUFFIX_FORMATS[suffix]


def _finite(value: Any) -> Any:
    """NaN / infinity (e.g. a share with nothing to divide) become null: JSON has no NaN."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def _json(value: Any) -> str:
    text = json.dumps(_finite(value), ensure_ascii=False, separators=(",", ":"), default=str, allow_nan=False)
    return replace_surrogates(text)


@contextmanager
def _open_text(path: str | None, stdout: IO[str] | None) -> Iterator[IO[str]]:
    """A UTF-8 text stream for ``path`` (``None``/``-``: stdout, left open)."""
    if path is None or path == "-":
        out = stdout if stdout is not None else sys.stdout
        buffer = getattr(out, "buffer", None)
        if buffer is None:  # e.g. io.StringIO
            yield out
            return
        out.flush()
        wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()  # keep stdout open
        return
    try:
        f = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    with f:
        yield f


def _select(record: dict, columns: Sequence[str] | None) -> dict:
    return record if columns is None else {c: record.get(c) for c in columns}


def write_records(records: Iterable[dict], path: str | None, *, fmt: str | None = None,
                  columns: Sequence[str] | None = None, stdout: IO[str] | None = None) -> int:
    """Write ``records`` to ``path`` and return how many were written.

    ``path`` ``None`` or ``-`` writes to ``stdout`` (default ``sys.stdout``), JSONL unless ``fmt`` says otherwise.
    ``columns`` picks and orders the fields (default: all fields, CSV/Parquet take the first record's keys).
    CSV cells: lists and dicts as compact JSON, ``None`` as empty, formula-like strings neutralised, CR as newline.
    """
    kind = output_format(path, fmt)
    if kind == "parquet":
        if path is None or path == "-":
            raise OutputError("Parquet cannot be written to stdout; give an output file")
        return _write_parquet(records, path, columns)
    with _open_text(path, stdout) as out:
        if kind == "jsonl":
            return _write_jsonl(records, out, columns)
        return _write_csv(records, out, columns, "\t" if kind == "tsv" else ",")


def _write_jsonl(records: Iterable[dict], out: IO[str], columns: Sequence[str] | None) -> int:
    n = 0
    for record in records:
        out.write(_json(_select(record, columns)) + "\n")
        out.flush()
        n += 1
    return n


def _csv_cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, str):  # CR would be left unquoted by the csv module and read back as a row break
        return normalise_newlines(neutralise_cell(replace_surrogates(value)))
    if isinstance(value, (list, tuple, dict)):
        return _json(list(value) if isinstance(value, tuple) else value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return normalise_newlines(replace_surrogates(str(value)))


def _write_csv(records: Iterable[dict], out: IO[str], columns: Sequence[str] | None, delimiter: str) -> int:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    n = 0
    for record in records:
        if columns is None:
            columns = list(record)
        if n == 0:
            writer.writerow([_csv_cell(str(c)) for c in columns])
        writer.writerow([_csv_cell(record.get(c)) for c in columns])
        n += 1
    if n == 0 and columns:
        writer.writerow([_csv_cell(str(c)) for c in columns])
    out.flush()
    return n


# ---------------------------------------------------------------------------------------------- Parquet


def _is_str_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def _is_int64(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and _INT64[0] <= value <= _INT64[1]


def _column_type(values: list[Any]) -> str:
    """``bool``/``int``/``float``/``list`` (of strings) when every non-null value fits, else ``str``.

    Dicts (e.g. ``meta``) and lists holding anything but strings make a ``str`` column of compact JSON, so mixed
    values never break the Arrow schema; a column of empty lists only is taken as a list of strings.
    """
    present = [v for v in values if v is not None]
    if not present:
        return "str"
    if all(isinstance(v, bool) for v in present):
        return "bool"
    if all(_is_int64(v) for v in present):
        return "int"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "float"
    if all(_is_str_list(v) for v in present):
        return "list"
    return "str"


def _parquet_value(value: Any, kind: str, column: str) -> Any:
    if value is None:
        return None
    if kind == "str":
        if isinstance(value, str):
            return replace_surrogates(value)
        return _json(list(value) if isinstance(value, tuple) else value) if isinstance(value, (list, tuple, dict)) \
            else replace_surrogates(str(value))
    if kind == "list" and isinstance(value, (list, tuple)):
        return [replace_surrogates(v) if isinstance(v, str) else _json(v) for v in value]
    ok = {"bool": lambda v: isinstance(v, bool),
          "int": _is_int64,
          "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
          "list": lambda v: False}[kind](value)
    if not ok:
        raise OutputError(f"column {column!r} changes type: {kind} earlier, then {type(value).__name__} {value!r}")
    return value


def _write_parquet(records: Iterable[dict], path: str, columns: Sequence[str] | None) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise OutputError(_PARQUET_HINT) from None
    types = {"str": pa.string(), "bool": pa.bool_(), "int": pa.int64(), "float": pa.float64(),
             "list": pa.list_(pa.string())}
    kinds: dict[str, str] | None = None
    writer = None
    n = 0

    def flush(batch: list[dict]) -> None:
        nonlocal kinds, writer
        cols = list(columns) if columns is not None else list(batch[0]) if batch else []
        if kinds is None:
            kinds = {c: _column_type([r.get(c) for r in batch]) for c in cols}
            schema = pa.schema([(replace_surrogates(str(c)), types[kinds[c]]) for c in cols])
            try:
                writer = pq.ParquetWriter(path, schema)
            except (OSError, pa.ArrowException) as exc:
                raise OutputError(f"{path}: cannot write: {exc}") from None
        data = [pa.array([_parquet_value(r.get(c), kinds[c], c) for r in batch], type=types[kinds[c]]) for c in kinds]
        writer.write_table(pa.Table.from_arrays(data, schema=writer.schema))

    batch: list[dict] = []
    try:
        for record in records:
            if columns is None and n == 0:
                columns = list(record)
            batch.append(record)
            n += 1
            if len(batch) >= _PARQUET_BATCH:
                flush(batch)
                batch = []
        if batch or writer is None:
            flush(batch)
    finally:
        if writer is not None:
            writer.close()
    return n


class RecordSink:
    """Push-style writer: ``put`` records one at a time (from any loop), ``close`` finishes the file.

    Runs ``write_records`` on a thread fed by a bounded queue, so several tables can be written at once in
    constant memory with the same formats and cell rules as ``write_records``.
    """

    _DONE = object()

    def __init__(self, path: str, *, fmt: str | None = None, columns: Sequence[str] | None = None) -> None:
        import queue
        import threading

        output_format(path, fmt)            # fail early on an unknown format
        self.path = path
        self.queue: queue.Queue = queue.Queue(maxsize=4096)
        self.error: BaseException | None = None
        self.count = 0

        def run() -> None:
            try:
                self.count = write_records(self._drain(), path, fmt=fmt, columns=columns)
            except BaseException as exc:  # noqa: BLE001 - re-raised by close()
                self.error = exc
                while self.queue.get() is not self._DONE:
                    pass

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def _drain(self) -> Iterator[dict]:
        while (item := self.queue.get()) is not self._DONE:
            yield item

    def put(self, record: dict) -> None:
        self.queue.put(record)

    def close(self) -> int:
        """Finish writing; returns the number of records written (re-raises a write error)."""
        self.queue.put(self._DONE)
        self.thread.join()
        if self.error:
            raise self.error
        return self.count
