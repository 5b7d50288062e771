"""What every reader shares: ``InputError``, ``ReadStats`` and size messages."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article

__all__ = ["DEFAULT_MAX_BYTES", "InputError", "ReadStats", "format_size", "too_big"]

DEFAULT_MAX_BYTES = 50 * 2**20


class InputError(Exception):
    """The input as a whole cannot be read; the message is meant for the user as is."""


@dataclass
class ReadStats:
    """Counters filled in while ``read_articles`` streams (pass one in as ``stats=``)."""

    records: int = 0  #: Articles yielded, error records included
    errors: int = 0  #: Articles yielded with ``error`` set
    warnings: int = 0  #: Articles yielded with at least one warning
    skipped_files: int = 0  #: folder entries skipped, all reasons (the sum of ``skipped``)
    skipped: dict[str, int] = field(default_factory=dict)  #: folder entries skipped, per reason

    def count(self, article: Article) -> None:
        self.records += 1
        self.errors += bool(article.error)
        self.warnings += bool(article.warnings)

    def skip(self, reason: str) -> None:
        """Count one folder entry skipped for ``reason`` (e.g. ``'hidden'``)."""
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        self.skipped_files += 1

    def skipped_summary(self) -> str:
        """``'3 files skipped: 2 hidden, 1 symlink out of the input folder'``, or ``''`` when nothing was."""
        if not self.skipped_files:
            return ""
        reasons = sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
        n = self.skipped_files
        return f"{n} file{'s' if n != 1 else ''} skipped: " + ", ".join(f"{k} {why}" for why, k in reasons)


def format_size(n: float) -> str:
    """``52428800`` -> ``'50 MiB'``, ``76755763`` -> ``'73.2 MiB'``, ``10`` -> ``'10 bytes'``."""
    for unit, size in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{int(n)} bytes"


def too_big(size: int, limit: int, what: str = "file") -> str:
    return f"{what} is {format_size(size)}, over the {format_size(limit)} limit (--max-bytes)"
