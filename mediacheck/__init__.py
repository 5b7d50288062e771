"""mediacheck: clean scraped news articles and measure how outlets write.

The public names are loaded on first use (PEP 562), so ``import mediacheck`` and a command that only cleans do
not pay for the scorer, the de-duplicator or pandas.
"""
from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

#: public name -> module that defines it
_LAZY = {
    "clean": "mediacheck.cleaning", "clean_many": "mediacheck.cleaning",
    "DedupOptions": "mediacheck.dedup", "find_duplicates": "mediacheck.dedup",
    "headline_similarity": "mediacheck.dedup",
    "Article": "mediacheck.model", "ArticleScore": "mediacheck.model", "CleanArticle": "mediacheck.model",
    "Cue": "mediacheck.model", "Removal": "mediacheck.model", "SentenceScore": "mediacheck.model",
    "score": "mediacheck.scoring", "score_many": "mediacheck.scoring",
    "ReportOptions": "mediacheck.report.pipeline",
}
__all__ = sorted([*_LAZY, "__version__", "analyze"])


def analyze(df, **options):
    """Run the whole report (clean, score, dedup, compare outlets) on a pandas DataFrame of articles and return
    its tables as DataFrames; options as keywords or ``options=ReportOptions(...)``; see
    ``mediacheck.report.pipeline.analyze``."""
    from mediacheck.report.pipeline import analyze as _analyze

    return _analyze(df, **options)


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mediacheck' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value          # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
