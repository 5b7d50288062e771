"""mediacheck: clean scraped news articles and measure how outlets write."""
from mediacheck.cleaning import clean, clean_many
from mediacheck.dedup import DedupOptions, find_duplicates, headline_similarity
from mediacheck.model import Article, ArticleScore, CleanArticle, Cue, Removal, SentenceScore
from mediacheck.scoring import score, score_many

__version__ = "0.1.0"
__all__ = [
    "Article", "ArticleScore", "CleanArticle", "Cue", "DedupOptions", "Removal", "ReportOptions", "SentenceScore",
    "__version__", "analyze", "clean", "clean_many", "find_duplicates", "headline_similarity", "score", "score_many",
]


def analyze(df, **options):
    """Run the whole report (clean, score, dedup, compare outlets) on a pandas DataFrame of articles and return
    its tables as DataFrames; options as keywords or ``options=ReportOptions(...)``; see
    ``mediacheck.report.pipeline.analyze``."""
    from mediacheck.report.pipeline import analyze as _analyze

    return _analyze(df, **options)


def __getattr__(name: str):
    # ReportOptions lives with the report pipeline, which ``import mediacheck`` does not load
    if name == "ReportOptions":
        from mediacheck.report.pipeline import ReportOptions

        return ReportOptions
    raise AttributeError(f"module 'mediacheck' has no attribute {name!r}")
