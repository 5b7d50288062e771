"""decode_bytes: UTF-8 first, guessed encodings with warnings, NUL stripping, binary refusal."""
from __future__ import annotations

import codecs

import pytest

from mediacheck.io.decode import DecodeError, LineDecoder, decode_bytes, sniff_binary


def test_utf8_plain_and_bom():
    assert decode_bytes("Café “quoted”".encode()) == ("Café “quoted”", [])
    assert decode_bytes(codecs.BOM_UTF8 + "Café".encode()) == ("Café", [])


def test_cp1252_guessed_with_warning():
    text, warnings = decode_bytes(b"Caf\xe9 \x93quoted\x94")
    assert text == "Café “quoted”"
    assert warnings == ["decoded as cp1252 (guessed; input was not valid UTF-8)"]


@pytest.mark.parametrize("text,encoding", [
    ("Привет, как дела? Это тестовая статья о новостях.", "cp1251"),
    ("Zażółć gęślą jaźń, to jest polski tekst", "cp1250"),
])
def test_non_western_single_byte_guess(text, encoding):
    decoded, warnings = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert warnings and "guessed" in warnings[0]


def test_utf16_with_bom():
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        data = "Grüße\r\naus Köln".encode(encoding)
        if encoding == "utf-16-be":
            data = codecs.BOM_UTF16_BE + data
        assert decode_bytes(data) == ("Grüße\naus Köln", [])


def test_utf16_without_bom_guessed():
    text, warnings = decode_bytes("plain ascii news text".encode("utf-16-le"))
    assert text == "plain ascii news text"
    assert "utf-16-le" in warnings[0]


def test_mostly_utf8_with_stray_bytes():
    text, warnings = decode_bytes("Le café était très bon, “quoted” – ".encode() + b"\x93x\x94")
    assert text.endswith("– “x”")
    assert warnings == ["mostly UTF-8; 2 invalid byte sequence(s) decoded as cp1252"]


def test_nul_bytes_stripped_with_warning():
    assert decode_bytes(b"ab\x00cd") == ("abcd", ["removed 1 NUL byte"])


def test_newlines_normalised():
    assert decode_bytes(b"a\r\nb\rc\n")[0] == "a\nb\nc\n"


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
    (b"PK\x03\x04\x14\x00", "ZIP archive"),
    (b"\x1f\x8b\x08\x00", "GZIP archive"),
])
def test_binary_magic_refused(data, what):
    with pytest.raises(DecodeError, match=rf"binary file \({what}\), not text"):
        decode_bytes(data)


def test_binary_by_nul_ratio_and_controls():
    with pytest.raises(DecodeError, match="NUL bytes"):
        decode_bytes(b"abc\x00\x01\x02\x00" * 100)
    with pytest.raises(DecodeError, match="control bytes"):
        decode_bytes(bytes(range(1, 9)) * 50 + b"text")
    assert sniff_binary(b"ordinary text\twith tabs\x0c and form feeds\n") is None


def test_empty():
    assert decode_bytes(b"") == ("", [])


def test_20_mb():
    data = ("Le café était très bon. " * 900_000).encode()
    text, warnings = decode_bytes(data)
    assert len(text) == 900_000 * 24 and not warnings
    cp = ("Le café était très bon. " * 900_000).encode("cp1252")
    text, warnings = decode_bytes(cp)
    assert text.startswith("Le café") and warnings


def test_line_decoder_uses_one_guess_per_file():
    head = "Café au lait\nnaïve façade\n".encode("cp1252")
    dec = LineDecoder(head)
    assert dec.encoding == "cp1252"
    assert dec.decode(b"plain\n") == ("plain\n", [])
    assert dec.decode(b"cr\xe8me\n") == ("crème\n", ["decoded as cp1252 (guessed; input was not valid UTF-8)"])
    utf8 = LineDecoder("Café\n".encode())
    assert utf8.encoding is None
    assert utf8.decode("ünï\n".encode()) == ("ünï\n", [])
    text, warnings = utf8.decode(b"Caf\xe9\n")
    assert text == "Café\n" and "cp1252" in warnings[0]
