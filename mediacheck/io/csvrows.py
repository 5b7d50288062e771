"""CSV/TSV rows as Articles, recovering from an unterminated quote instead of losing the rows after it.

A quoted field is taken as unterminated when it runs to the end of the file, when it runs into a later line that
starts a row of its own (the quote that "closes" it opens a field there: ``b3,O,"text``), or when it grows past
``max_bytes`` over lines shaped like rows. That row becomes an error record naming the line the quote opened on,
and the lines after that line are read again as rows. Other sloppy quoting is read leniently, as before.
"""
from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator

from ..model import Article
from .base import InputError, format_size, too_big
from .lines import Lines
from .records import record_to_article

__all__ = ["read_csv"]

_Entry = tuple[int, str, list]  # line number, text, decoding warnings
_Spot = tuple[int, int]  # line index, column


class _Runaway(Exception):
    """The row being read grew past the byte limit."""


class _Feed:
    """Lines for ``csv.reader`` with their numbers, a pushback queue and a byte cap on the current row."""

    def __init__(self, lines: Lines, limit: int) -> None:
        self._source = iter(lines)
        self.pending: deque[_Entry] = deque()
        self.lineno = 0
        self.limit = limit
        self.start_row()

    def start_row(self) -> None:
        self.row: list[_Entry] = []
        self.size = 0
        self.eof = False

    def take(self) -> _Entry | None:
        """The next line, not counted in the current row; None at the end of the input."""
        if self.pending:
            return self.pending.popleft()
        try:
            text, warnings = next(self._source)
        except StopIteration:
            self.eof = True
            return None
        self.lineno += 1
        return self.lineno, text or "", warnings

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        entry = self.take()
        if entry is None:
            raise StopIteration
        self.row.append(entry)
        self.size += len(entry[1])
        if self.limit and self.size > self.limit:
            raise _Runaway
        return entry[1]

    def push_back(self, entries: list[_Entry]) -> None:
        self.pending.extendleft(reversed(entries))

    def warnings(self, entries: list[_Entry] | None = None) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for entry in (self.row if entries is None else entries) for w in entry[2]))


def _scan(texts: list[str], delimiter: str, inq: bool = False,
          strict: bool = True) -> tuple[bool, _Spot | None, _Spot | None]:
    """Follow the quoting of ``texts`` as the csv module does (starting inside a quoted field if ``inq``).

    Returns whether a quoted field is still open, where the last quoted field opened, and (``strict``) the first
    quote that closes a field but is followed by neither the delimiter nor a newline, where the scan stops.
    """
    where = None
    for li, line in enumerate(texts):
        i, n, at_start = 0, len(line), not inq
        while i < n:
            if inq:
                j = line.find('"', i)
                if j < 0:
                    break
                if j + 1 < n and line[j + 1] == '"':
                    i = j + 2
                    continue
                if strict and j + 1 < n and line[j + 1] not in (delimiter, "\r", "\n"):
                    return True, where, (li, j)
                inq, at_start, i = False, False, j + 1
            elif at_start and line[i] == '"':
                inq, at_start, where, i = True, False, (li, i), i + 1
            else:
                j = line.find(delimiter, i)
                if j < 0:
                    break
                i, at_start = j + 1, True
    return inq, where, None


def _looks_like_rows(texts: list[str], width: int, delimiter: str) -> bool:
    """True when most of ``texts`` (lines swallowed by a runaway quote) parse as rows of ``width`` cells."""
    try:
        rows = [r for r in csv.reader(texts[:200], delimiter=delimiter) if r]
    except csv.Error:
        return False
    return len(rows) >= 2 and 2 * sum(len(r) == width for r in rows) >= len(rows)


class _Reader:
    def __init__(self, lines: Lines, delimiter: str, outlet: str, max_bytes: int) -> None:
        self.lines, self.delimiter, self.outlet, self.max_bytes = lines, delimiter, outlet, max_bytes
        self.feed = _Feed(lines, max_bytes)
        self.strict = csv.reader(self.feed, delimiter=delimiter, strict=True)
        self.lenient = csv.reader(self.feed, delimiter=delimiter)

    def header(self) -> None:
        name = self.lines.name
        try:
            header = next(self.lenient)
        except StopIteration:
            header = []
        except csv.Error as exc:
            raise InputError(f"{name}: cannot read the CSV header: {exc}") from None
        except _Runaway:
            raise InputError(f"{name}: the CSV header is over the {format_size(self.max_bytes)} limit") from None
        if self.feed.eof:  # the header ran into the end of the file inside a quoted field
            raise InputError(f"{name}: unterminated quote in the CSV header")
        header = [h.strip() for h in header]
        if not header:
            raise InputError(f"{name}: empty file, expected a header row")
        if not {"text", "html", "scraped"} & set(header):
            raise InputError(f"{name}: no 'text' or 'html' column (columns: {', '.join(header)})")
        dupes = sorted({h for h in header if header.count(h) > 1})
        if dupes:
            raise InputError(f"{name}: duplicate column(s): {', '.join(dupes)}")
        self.names, self.width = header, len(header)

    def _base(self, start: int) -> dict:
        return {"id": f"line-{start}", "outlet": self.outlet, "source": f"{self.lines.name}:{start}"}

    def articles(self) -> Iterator[Article]:
        feed = self.feed
        while True:
            feed.start_row()
            try:
                row = next(self.strict)
            except StopIteration:
                return
            except _Runaway:
                yield self._runaway()
                continue
            except csv.Error:
                if feed.eof:  # "unexpected end of data": a quoted field ran to the end of the file
                    yield self._unterminated("runs to the end of the file")
                    continue
                row = self._swallowed() or self._lenient()
                if isinstance(row, Article):
                    yield row
                    continue
            if row:  # else a blank line
                yield self._article(row)

    def _article(self, row: list[str]) -> Article:
        start = self.feed.row[0][0]
        base = self._base(start)
        if len(row) != self.width:
            return Article(**base, warnings=self.feed.warnings(),
                           error=f"line {start}: expected {self.width} cells, found {len(row)}")
        return record_to_article(dict(zip(self.names, row)), fallback_id=base["id"], source=base["source"],
                                 outlet=self.outlet, warnings=self.feed.warnings(), where=f"line {start}: ")

    def _swallowed(self) -> Article | None:
        """The error record when the quote that broke strict parsing opens a field of a later row, else None."""
        texts = [entry[1] for entry in self.feed.row]
        _, where, bad = _scan(texts, self.delimiter)
        if where is None or bad is None or bad[0] <= where[0]:
            return None
        k, col = bad
        prefix, sep = texts[k][:col], self.delimiter
        cells = prefix.count(sep)
        if prefix and not prefix.endswith(sep) or cells >= self.width:
            return None
        if not prefix and len(next(csv.reader([texts[k]], delimiter=sep), [])) != self.width:
            return None
        if any(t.strip() and t.count(sep) != self.width - 1 for t in texts[where[0] + 1:k]):
            return None
        return self._unterminated(f"runs into line {self.feed.row[k][0]}, which starts a row of its own", strict=True)

    def _lenient(self) -> list[str] | Article:
        """Read the current row again with the csv module's lenient quoting (``"a"b`` -> ``ab``)."""
        feed = self.feed
        start = feed.row[0][0]
        feed.push_back(feed.row)
        feed.start_row()
        try:
            row = next(self.lenient)
        except _Runaway:
            return self._runaway()
        except csv.Error as exc:
            return Article(**self._base(start), warnings=feed.warnings(), error=f"line {start}: malformed CSV: {exc}")
        if feed.eof:
            return self._unterminated("runs to the end of the file")
        return row

    def _unterminated(self, how: str, strict: bool = False) -> Article:
        """The error record of a row whose last quoted field never closes; the lines after it are read again."""
        feed = self.feed
        texts = [entry[1] for entry in feed.row]
        li, col = _scan(texts, self.delimiter, strict=strict)[1] or (0, 0)
        opened, start = feed.row[li][0], feed.row[0][0]
        try:  # the cells before the broken field (id, outlet, ...) still name the record
            cells = next(csv.reader(["".join(texts[:li]) + texts[li][:col]], delimiter=self.delimiter), [])[:-1]
        except csv.Error:
            cells = []
        again, kept = feed.row[li + 1:], feed.row[: li + 1]
        feed.push_back(again)
        base = self._base(start)
        known = record_to_article({**dict(zip(self.names, cells)), "text": ""}, fallback_id=base["id"],
                                  source=base["source"], outlet=self.outlet)  # only to read id, outlet, meta
        n = len(again)
        follow = "" if not n else "; the line after it is read again as a row" if n == 1 else \
            f"; the {n} lines after it are read again as rows"
        return Article(id=known.id, input_id=known.input_id, outlet=known.outlet, source=base["source"],
                       meta=known.meta, warnings=feed.warnings(kept),
                       error=f"line {opened}: unterminated quote: the quoted field opened on this line {how}{follow}")

    def _runaway(self) -> Article:
        """The current row grew past ``max_bytes``: an unterminated quote, or one record that is too big."""
        feed = self.feed
        start = feed.row[0][0]
        texts = [entry[1] for entry in feed.row]
        inq, where, _ = _scan(texts, self.delimiter, strict=False)
        if inq and _looks_like_rows(texts[where[0] + 1:], self.width, self.delimiter):
            return self._unterminated(f"runs past the {format_size(self.max_bytes)} limit (--max-bytes)")
        size, warnings = feed.size, feed.warnings()
        while inq:  # skip the rest of the too-big record without keeping it
            entry = feed.take()
            if entry is None:
                break
            size += len(entry[1])
            inq = _scan([entry[1]], self.delimiter, inq=True, strict=False)[0]
        return Article(**self._base(start), warnings=warnings,
                       error=f"line {start}: {too_big(size, self.max_bytes, 'record')}")


def read_csv(path: str, stream, delimiter: str, outlet: str, max_bytes: int) -> Iterator[Article | None]:
    """Yield ``None`` once the header is checked (``InputError`` before that), then one Article per row."""
    lines = Lines(path, stream)
    if csv.field_size_limit() < 2**31 - 1:
        csv.field_size_limit(2**31 - 1)  # fits a C long everywhere (sys.maxsize overflows on Windows)
    try:
        reader = _Reader(lines, delimiter, outlet, max_bytes)
        reader.header()
        yield None
        yield from reader.articles()
    finally:
        lines.close()
