"""Article level: segmentation, hints, Doc → records, linking and merging, the extractor."""

from pipeline.article.source import Article

__all__ = ["Article"]
