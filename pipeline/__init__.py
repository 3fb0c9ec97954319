"""orewire: structured facts from critical-minerals news."""

from pipeline.article.extractor import Extraction, Extractor
from pipeline.article.source import Article
from pipeline.version import __version__

__all__ = ["Article", "Extraction", "Extractor", "__version__"]
