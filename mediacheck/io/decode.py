"""Turn raw input bytes into text: UTF-8 first, then a guessed encoding, refusing binary data.

Every decision that is not plain UTF-8 comes back as a human-readable warning.
"""
from __future__ import annotations

import codecs
import re

__all__ = ["DecodeError", "LineDecoder", "decode_bytes", "guess_encoding", "normalise_newlines", "sniff_binary"]

SNIFF_BYTES = 8192
_GUESS_SAMPLE = 1 << 16

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"PAR1", "Parquet file"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"OggS", "Ogg media"),
    (b"RIFF", "RIFF media"),
)

# C0 controls that never appear in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII_UTF8 = re.compile("[^\x00-\x7f\ufffd]")
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŸŽž"
    "\u00a0€£¥§©®°«»¿¡·–—‘’‚“”„…•′″™"
)


class DecodeError(ValueError):
    """The data is not text (binary file) and cannot be decoded."""


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("mediacheck-cp1252", _cp1252_fallback)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_binary(head: bytes) -> str | None:
    """Describe ``head`` (the first bytes of some data) when it is binary, else return None.

    Text with a UTF-16/32 BOM, or UTF-16 without BOM, counts as text.
    """
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if head.startswith(b"BZh") and head[4:10] == b"1AY&SY":
        return "BZIP2 archive"
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    sample = head[:SNIFF_BYTES]
    if not sample:
        return None
    if _utf16_without_bom(sample):
        return None
    nul = sample.count(0)
    if nul / len(sample) > 0.01:
        return f"{nul} NUL bytes in the first {len(sample)} bytes"
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if controls > 2 and controls / len(sample) > 0.05:
        return f"{controls} control bytes in the first {len(sample)} bytes"
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NULs sit on one byte parity only (ASCII-range UTF-16), else None."""
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_cp1252(data: bytes) -> bool:
    """True when ``data`` decodes as cp1252 into plausible Western text.

    Single-byte Cyrillic, Greek or Central-European text also decodes as cp1252, but into long runs of accented
    letters or odd symbols; Western text has isolated accented letters and typographic punctuation.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    runs = _NON_ASCII_RUN.findall(text)
    if not runs:
        return True
    chars = "".join(runs)
    odd = sum(1 for c in chars if c not in _WESTERN)
    long_runs = sum(1 for r in runs if len(r) > 2)
    return odd <= 0.05 * len(chars) and long_runs <= 0.1 * len(runs)


def guess_encoding(data: bytes) -> str | None:
    """Guess the encoding of non-UTF-8 ``data``: plausible cp1252 first, else charset-normalizer's best match."""
    sample = data if len(data) <= 2 * _GUESS_SAMPLE else data[:_GUESS_SAMPLE] + data[-_GUESS_SAMPLE:]
    if _looks_cp1252(sample):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


def _decode_unicode_bom(data: bytes, encoding: str) -> tuple[str, list[str]]:
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as exc:
        warning = f"invalid {encoding} data ({exc.reason}); replaced with U+FFFD"
        return data.decode(encoding, errors="replace"), [warning]


def _mostly_utf8(loose: str, data: bytes) -> bool:
    """True when ``loose`` (``data`` decoded as UTF-8 with replacement) has more real non-ASCII characters than
    invalid sequences, i.e. the data is UTF-8 with a few stray bytes rather than another encoding."""
    if not _NON_ASCII_UTF8.search(loose):
        return False
    bad = loose.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(loose) - len(loose.encode("ascii", errors="ignore")) - bad
    return non_ascii >= bad


def _decode_non_utf8(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode data that is not valid UTF-8; return the text and the warning saying how."""
    loose = data.decode("utf-8", errors="replace")
    if _mostly_utf8(loose, data):  # real multi-byte UTF-8 next to a few stray bytes: a mixed file
        bad = loose.count("\ufffd") - data.count(b"\xef\xbf\xbd")
        text = data.decode("utf-8", errors="mediacheck-cp1252")
        return text, f"mostly UTF-8; {bad} invalid byte sequence(s) decoded as cp1252"
    if hint:
        try:
            return data.decode(hint), f"decoded as {hint} (declared; input was not valid UTF-8)"
        except (UnicodeDecodeError, LookupError):
            pass
    encoding = guess_encoding(data)
    if encoding:
        try:
            return data.decode(encoding), f"decoded as {encoding} (guessed; input was not valid UTF-8)"
        except (UnicodeDecodeError, LookupError):
            return (data.decode(encoding, errors="replace"),
                    f"decoded as {encoding} (guessed; input was not valid UTF-8; some bytes replaced with U+FFFD)")
    return loose, "input was not valid UTF-8 and its encoding could not be guessed; bad bytes replaced with U+FFFD"


def _strip_nul(text: str, warnings: list[str]) -> str:
    if "\x00" in text:
        n = text.count("\x00")
        warnings.append(f"removed {n} NUL byte{'s' if n != 1 else ''}")
        text = text.replace("\x00", "")
    return text


def decode_bytes(data: bytes, *, hint: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data`` to text with newlines normalised to ``\\n``; return ``(text, warnings)``.

    Order: BOM (UTF-8/16/32), plain UTF-8, BOM-less UTF-16, the ``hint`` encoding (e.g. an HTML ``<meta charset>``),
    then a guess. NUL characters are removed with a warning. Raises ``DecodeError`` for binary data.
    """
    warnings: list[str] = []
    what = sniff_binary(data[:SNIFF_BYTES])
    if what:
        raise DecodeError(f"binary file ({what}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                data = data[len(bom):]
                break
            text, warnings = _decode_unicode_bom(data, encoding)
            return normalise_newlines(_strip_nul(text, warnings)), warnings
    text = None
    utf16 = _utf16_without_bom(data[:SNIFF_BYTES])
    if utf16:  # checked first: ASCII-range UTF-16 is also valid UTF-8, with a NUL after every character
        try:
            text = data.decode(utf16)
            warnings.append(f"decoded as {utf16} (guessed from NUL byte pattern; no BOM)")
        except UnicodeDecodeError:
            text = None
    if text is None:
        text = _utf8(data)
    if text is None:
        text, warning = _decode_non_utf8(data, hint)
        warnings.append(warning)
    return normalise_newlines(_strip_nul(text, warnings)), warnings


def _utf8(data: bytes) -> str | None:
    """``data`` as UTF-8, else None. Encoded lone surrogates (CESU-8 / WTF-8 bytes such as ``ED A0 80``) are
    decoded to the surrogate itself, which ``repair.repair_article`` later replaces with U+FFFD and reports."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


class LineDecoder:
    """Decode a line-oriented file (JSONL, CSV) line by line, with one encoding decision per file.

    ``head`` is the first bytes of the file. When it is not valid UTF-8, its guessed encoding is used for every
    line, and every line with non-ASCII bytes carries the warning; otherwise lines are UTF-8 and only a bad line
    is guessed on its own.
    Newlines are left as they are (the csv module needs them); NULs are removed with a warning.
    """

    def __init__(self, head: bytes) -> None:
        self.encoding: str | None = None
        self.warning = ""
        head = head.removeprefix(codecs.BOM_UTF8)
        cut = head.rfind(b"\n")
        sample = head[: cut + 1] if cut >= 0 else head
        try:
            sample.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError as exc:
            if cut < 0 and exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
                return  # a multi-byte character cut by the head boundary
            if _mostly_utf8(sample.decode("utf-8", errors="replace"), sample):
                return  # mostly UTF-8: bad lines are handled one by one
            encoding = guess_encoding(sample)
            if encoding:
                self.encoding = encoding
                self.warning = f"decoded as {encoding} (guessed; input was not valid UTF-8)"

    def decode(self, raw: bytes) -> tuple[str, list[str]]:
        """Return the text of one raw line and its warnings."""
        warnings: list[str] = []
        if self.encoding and not raw.isascii():
            text = raw.decode(self.encoding, errors="replace")
            warnings.append(self.warning)
        elif self.encoding:
            text = raw.decode("ascii")
        else:
            text = _utf8(raw)
            if text is None:
                text, warning = _decode_non_utf8(raw)
                warnings.append(warning)
        return _strip_nul(text, warnings), warnings
