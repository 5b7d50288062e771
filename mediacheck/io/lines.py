"""Decoded lines of a JSONL/CSV file or stream, sniffed for binary data up front; streams in bounded memory."""
from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import IO, Any

from .base import InputError, too_big
from .decode import LineDecoder, sniff_binary

__all__ = ["Lines"]

_HEAD_BYTES = 1 << 16
_UNICODE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                 (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


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


def _nul_free(line: str, warnings: list[str]) -> str:
    if "\x00" in line:
        n = line.count("\x00")
        line = line.replace("\x00", "")
        warnings.append(f"removed {n} NUL byte{'s' if n != 1 else ''}")
    return line


class Lines:
    """Decoded lines of a JSONL/CSV stream: ``(text, warnings)`` pairs.

    ``limit`` caps one line (longer lines come back as ``(None, [size message])`` and are skipped in constant
    memory); 0 means no cap. A text stream without a byte buffer (``io.StringIO``) is read as text.
    """

    def __init__(self, path: str, stream: IO | None, limit: int = 0) -> None:
        self.name = "<stdin>" if path == "-" else path
        self.limit = limit
        self.decoder: LineDecoder | None = None
        self._closer = None
        if isinstance(stream, io.TextIOBase) and getattr(stream, "buffer", None) is None:
            text = stream.read()
            head = text[:_HEAD_BYTES].encode("utf-8", "surrogatepass")
            self.stream: IO = io.StringIO(text)
        else:
            try:
                raw = stream if stream is not None else open(path, "rb")  # noqa: SIM115
                if isinstance(raw, io.TextIOBase):
                    raw = raw.buffer
                head = raw.read(_HEAD_BYTES)
            except OSError as exc:
                raise InputError(f"{self.name}: cannot read: {exc.strerror or exc}") from None
            self._closer = raw if stream is None else None
            buffered = io.BufferedReader(_Prefixed(head, raw), buffer_size=1 << 16)
            self.stream = buffered
            for bom, encoding in _UNICODE_BOMS:
                if head.startswith(bom):
                    self.stream = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
                    break
            else:
                self.decoder = LineDecoder(head)
        what = sniff_binary(head)
        if what:
            self.close()
            raise InputError(f"{self.name}: binary file ({what}), not text")

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
                yield None, [too_big(size, self.limit, "record")]
            elif self.decoder is None:
                if first and line.startswith("\ufeff"):
                    line = line[1:]
                warnings: list[str] = []
                yield _nul_free(line, warnings), warnings
            else:
                if first and line.startswith(codecs.BOM_UTF8):
                    line = line[len(codecs.BOM_UTF8):]
                yield self.decoder.decode(line)
            first = False
