"""mediacheck: clean scraped news articles and measure how outlets write."""
from mediacheck.cleaning import clean, clean_many
from mediacheck.dedup import find_duplicates, headline_similarity
from mediacheck.model import Article, ArticleScore, CleanArticle, Cue, Removal, SentenceScore
from mediacheck.scoring import score, score_many

__version__ = "0.1.0"
__all__ = [
    "Article", "ArticleScore", "CleanArticle", "Cue", "Removal", "SentenceScore", "__version__", "analyze", "clean",
    "clean_many", "find_duplicates", "headline_similarity", "score", "score_many",
]


def analyze(df, **options):
    """Run the whole report (clean, score, dedup, compare outlets) on a pandas DataFrame of articles and return
    its tables as DataFrames; see ``mediacheck.report.pipeline.analyze``."""
    from mediacheck.report.pipeline import analyze as _analyze

    return _analyze(df, **options)
