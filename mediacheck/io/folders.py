"""Folders and single text/HTML files as Articles: a sub-folder names the outlet, the relative path stem is the id.

Hidden entries, other extensions, broken symlinks, special files and (unless ``follow_links``) symlinks that
resolve outside the input folder are skipped and counted per reason in ``ReadStats.skipped``.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..model import Article
from .base import InputError, ReadStats, too_big
from .decode import DecodeError, decode_bytes

__all__ = ["TEXT_SUFFIXES", "read_dir", "read_file", "read_text_file"]

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_file(path: str, *, id: str, kind: str, outlet: str, max_bytes: int) -> Article:
    """One text/HTML file as an Article (an error Article if it is too big, binary or unreadable)."""
    base = {"id": id, "outlet": outlet, "source": path}
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                return Article(**base, error=too_big(size, max_bytes))
            data = f.read(max_bytes + 1)
    except OSError as exc:
        return Article(**base, error=f"cannot read file: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return Article(**base, error=too_big(len(data), max_bytes))
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


def read_text_file(path: str, kind: str, outlet: str, max_bytes: int) -> Iterator[Article | None]:
    yield None
    yield read_file(path, id=Path(path).stem, kind=kind, outlet=outlet, max_bytes=max_bytes)


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(root: str, stats: ReadStats, follow_links: bool) -> Iterator[tuple[str, OSError | None]]:
    """Relative paths of the files to read under ``root``, sorted; an unreadable entry as ``(rel, error)``."""
    root_real = os.path.realpath(root)
    linked: set[str] = set()  # real paths of folders entered through a symlink (stops loops)

    def walk(rel: str) -> Iterator[tuple[str, OSError | None]]:
        try:
            with os.scandir(os.path.join(root, rel)) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield rel, exc
            return
        for entry in entries:
            sub = f"{rel}/{entry.name}" if rel else entry.name
            if entry.name.startswith("."):
                stats.skip("hidden")
                continue
            try:
                if entry.is_symlink():
                    real = os.path.realpath(entry.path)
                    if not os.path.exists(real):
                        stats.skip("broken symlink")
                    elif not follow_links and not _inside(real, root_real):
                        stats.skip("symlink out of the input folder")
                    elif os.path.isdir(real):
                        if real in linked or _inside(os.path.realpath(os.path.join(root, rel)), real):
                            stats.skip("symlink loop")
                        else:
                            linked.add(real)
                            yield from walk(sub)
                    elif os.path.isfile(real):
                        yield sub, None
                    else:
                        stats.skip("not a regular file")
                elif entry.is_dir(follow_symlinks=False):
                    yield from walk(sub)
                elif entry.is_file(follow_symlinks=False):
                    yield sub, None
                else:
                    stats.skip("not a regular file")
            except OSError as exc:
                yield sub, exc

    yield from walk("")


def read_dir(root: str, outlet: str, max_bytes: int, stats: ReadStats,
             follow_links: bool = False) -> Iterator[Article | None]:
    """Yield ``None`` once ``root`` is known to be readable (``InputError`` before that), then its Articles."""
    try:
        with os.scandir(root):
            pass
    except OSError as exc:
        raise InputError(f"{root}: cannot read folder: {exc.strerror or exc}") from None
    yield None
    for rel, exc in _walk(root, stats, follow_links):
        where = outlet or (rel.split("/", 1)[0] if "/" in rel else "")
        if exc is not None:
            yield Article(id=rel, outlet=where, source=os.path.join(root, rel),
                          error=f"cannot read: {exc.strerror or exc}")
            continue
        stem, suffix = os.path.splitext(rel)
        kind = TEXT_SUFFIXES.get(suffix.lower())
        if kind is None:
            stats.skip("not .txt/.html")
            continue
        yield read_file(os.path.join(root, rel), id=stem, kind=kind, outlet=where, max_bytes=max_bytes)
