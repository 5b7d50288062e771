"""Generated hostile input files for the fuzz run (tests/test_fuzz_cli.py; ``python -m tests.hostile`` prints counts).

``make_corpus(folder, n, seed)`` writes ``n`` files of every input kind mediacheck reads (JSONL, CSV, TSV, text,
HTML, Parquet) filled with what breaks readers: lone surrogates, C0 controls and NULs, bidi overrides, wrong JSON
types, broken JSON and CSV quoting, odd encodings, binary bytes, broken and deeply nested HTML, over-long records.
Each file comes with the number of records it holds (``None`` when the file as a whole is unreadable, which is a
usage error, exit 2).
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

BODY = ("The council approved the budget on Tuesday after a long debate. Officials said the plan may add two "
        "hundred teachers, and critics said the money would run out.")
ODD = ["\ud800", "\udfff", "\x00", "\x01", "\x1b[31m", "\x7f", "\u202e", "\u2066", "\u200f", "\ufeff", "\ufffe",
       "\U0001f600", "e\u0301", "\u00a0", "\r", "\u2028", "'", '"', "<script>alert(1)</script>", "=HYPERLINK(\"x\")",
       "+1", "-2", "@SUM(A1)", "../../etc/passwd", "\\", "\t", "null", "NaN", "\u0660\u0661"]
VALUES = [None, True, False, 0, -1, 2**70, 3.5, float("nan"), float("inf"), "", [], {}, ["a", 1], {"x": {"y": [1]}}]
UNKNOWN = -1     # CSV: how many rows a broken quote leaves depends on recovery; checked as read = out + errors
MAX_BYTES = 64 * 1024  # the fuzz runs read with --max-bytes 64K, so the long records below are over it


@dataclass(frozen=True)
class HostileFile:
    path: Path
    records: int | None    # records it holds; None = unreadable as a whole (usage error); UNKNOWN = not counted
    kind: str


def _odd(rng: random.Random, n: int = 3) -> str:
    words = BODY.split()
    for _ in range(n):
        words.insert(rng.randrange(len(words) + 1), rng.choice(ODD))
    return " ".join(words)


def _value(rng: random.Random):
    return rng.choice(VALUES) if rng.random() < 0.5 else _odd(rng)


def _json_line(rng: random.Random, k: int) -> str:
    roll = rng.random()
    if roll < 0.1:
        return rng.choice(["{broken", "[1, 2]", "42", '"text"', "null", '{"id": "x", "text": "a"', "{'a': 1}",
                           '{"id": 1e999, "text": "x"}', "[" * 5000 + "]" * 5000])
    if roll < 0.15:
        return json.dumps({"id": f"long{k}", "text": "word " * (MAX_BYTES // 4)})
    rec = {"id": rng.choice([f"r{k}", "dup", "dup", k, 1.5, True, None, _odd(rng, 1), ""]),
           "text": _value(rng) if rng.random() < 0.4 else _odd(rng),
           "title": _value(rng) if rng.random() < 0.3 else _odd(rng, 1),
           "outlet": rng.choice(["Daily", "Wire", "", _odd(rng, 1)[:20], "\u202eevil", None, 7, "(no outlet)"]),
           "published": rng.choice(["2024-03-05", "9999-99-99", "yesterday", "", 20240305, None,
                                    "Tue, 05 Mar 2024 10:00:00 GMT", "2024-02-30"])}
    if rng.random() < 0.3:
        rec["html"] = rng.choice(["<p>unclosed <div><<<>", "<html>" + "<div>" * 2000 + BODY, _odd(rng)])
    if rng.random() < 0.3:
        rec[rng.choice(["leaning", "meta", "author", "\ud800key", ""])] = _value(rng)
    if rng.random() < 0.2:
        rec.pop(rng.choice(["text", "title", "id"]), None)
    return json.dumps(rec, ensure_ascii=rng.random() < 0.5, allow_nan=True)


def _jsonl(path: Path, rng: random.Random) -> HostileFile:
    lines = [_json_line(rng, k) for k in range(rng.randint(1, 12))]
    blank = ["", "   "] if rng.random() < 0.3 else []
    data = "\n".join(lines + blank) + ("\n" if rng.random() < 0.7 else "")
    raw = data.encode("utf-8", "surrogatepass")
    if rng.random() < 0.2:
        raw = b"\xef\xbb\xbf" + raw
    path.write_bytes(raw)
    return HostileFile(path, sum(1 for line in lines if line.strip()), "jsonl")


def _csv(path: Path, rng: random.Random, sep: str) -> HostileFile:
    roll = rng.random()
    if roll < 0.08:
        path.write_text(f"id{sep}title\nx{sep}y\n", encoding="utf-8")      # no text column
        return HostileFile(path, None, "csv")
    rows = [f"id{sep}outlet{sep}title{sep}text"]
    for k in range(rng.randint(1, 8)):
        text = _odd(rng).replace('"', "'").replace("\r", " ").replace("\u2028", " ").replace("\ufeff", "")
        text = text.replace("\x00", "").replace(sep, " ")
        rows.append(sep.join([f"c{k}", rng.choice(["Daily", "=cmd", ""]), f'"{text[:40]}"', f'"{text}"']))
    if rng.random() < 0.3:
        rows.insert(rng.randrange(1, len(rows) + 1), f'u1{sep}O{sep}"open{sep}x')   # unterminated quote
    if rng.random() < 0.2:
        rows.append(f"w1{sep}too{sep}many{sep}cells{sep}here")
    data = "\n".join(rows) + "\n"
    enc = rng.choice(["utf-8", "utf-8", "latin-1", "utf-16"])
    path.write_bytes(data.encode(enc, "replace"))
    return HostileFile(path, UNKNOWN, "csv")


def _text(path: Path, rng: random.Random) -> HostileFile:
    roll = rng.random()
    if roll < 0.1:
        data = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(300))
    elif roll < 0.2:
        data = b""
    elif roll < 0.3:
        data = ("Caf\u00e9 " + BODY).encode("latin-1")
    elif roll < 0.4:
        data = ("Title\n\n" + BODY).encode("utf-16")
    elif roll < 0.45:
        data = ("x" * (MAX_BYTES + 10)).encode()
    else:
        data = ("Skip to content\n" + _odd(rng, 1) + "\n\n" + _odd(rng, 6) + "\nShare this\n").encode(
            "utf-8", "surrogatepass")
    path.write_bytes(data)
    return HostileFile(path, 1, "txt")


def _html(path: Path, rng: random.Random) -> HostileFile:
    pages = ["<html><body><p>unclosed <div><<<><p>" + BODY,
             "<html>" + "<div>" * 3000 + "<p>" + BODY + "</p>",
             "<script>" + "x" * 1000 + "</script>",
             f"<html><head><meta charset='bogus-charset'><title>{_odd(rng, 1)}</title></head><body>"
             f"<article><h1>{_odd(rng, 1)}</h1><p>{_odd(rng)}</p></article></body></html>",
             "\x00\x00\x00<html>",
             "<!DOCTYPE html><html><body><iframe src=javascript:alert(1)></iframe><p>" + BODY + "</p>"]
    data = rng.choice(pages).encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    return HostileFile(path, 1, "html")


def _parquet(path: Path, rng: random.Random) -> HostileFile:
    path.write_bytes(b"PAR1" + bytes(rng.randrange(256) for _ in range(200)))
    return HostileFile(path, None, "parquet")


def make_corpus(folder: Path, n: int, seed: int = 0) -> list[HostileFile]:
    """``n`` hostile files in ``folder`` (mostly JSONL, then CSV/TSV, text, HTML and a few broken Parquet)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(n):
        roll = rng.random()
        if roll < 0.45:
            out.append(_jsonl(folder / f"f{k}.jsonl", rng))
        elif roll < 0.6:
            out.append(_csv(folder / f"f{k}.csv", rng, ","))
        elif roll < 0.65:
            out.append(_csv(folder / f"f{k}.tsv", rng, "\t"))
        elif roll < 0.8:
            out.append(_text(folder / f"f{k}.txt", rng))
        elif roll < 0.97:
            out.append(_html(folder / f"f{k}.html", rng))
        else:
            out.append(_parquet(folder / f"f{k}.parquet", rng))
    return out


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        files = make_corpus(Path(tmp), int(sys.argv[1]) if len(sys.argv) > 1 else 300)
        kinds: dict[str, int] = {}
        for f in files:
            kinds[f.kind] = kinds.get(f.kind, 0) + 1
        print(kinds)
