"""orewire: structured facts from critical-minerals news."""

__version__ = "0.1.0"

from pipeline.article.extractor import Extraction, Extractor  # noqa: E402
from pipeline.article.source import Article  # noqa: E402

__all__ = ["Article", "Extraction", "Extractor", "__version__"]
