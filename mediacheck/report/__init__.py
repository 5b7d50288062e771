"""Comparison reports across outlets: the pipeline, its tables, statistics and the HTML report.

The public names load on first use (PEP 562), so a process-pool worker that only runs the per-article stage
(``report.engine``) or the statistics (``report.stats``) starts without importing pandas.
"""
from __future__ import annotations

__all__ = ["Report", "ReportOptions", "analyze", "build_report"]


def __getattr__(name: str):
    if name in __all__:
        from mediacheck.report import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
