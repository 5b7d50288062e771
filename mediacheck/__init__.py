"""mediacheck: clean scraped news articles and measure how outlets write."""
from mediacheck.cleaning import clean, clean_many
from mediacheck.model import Article, CleanArticle, Removal

__version__ = "0.1.0"
__all__ = ["Article", "CleanArticle", "Removal", "clean", "clean_many", "__version__"]
