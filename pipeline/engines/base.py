"""What every engine shares: the picklable extractor options, chunking, resuming, one chunk's extraction.

Every engine yields one ``Rendered`` outcome per input item, in input order, so the
writer produces the same bytes whatever the engine or worker count. Engines import
this module only, never each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from pipeline.article.extractor import Extractor
from pipeline.article.source import Article
from pipeline.components.nlp import DEFAULT_BLAS, ModelNotFound, default_model_name
from pipeline.errors import ErrorCode, OrewireError, UsageError, logger
from pipeline.io.writer import Rendered, render, safe_error_line

Item = Article | OrewireError


@dataclass(frozen=True)
class ExtractorOptions:
    """What a worker needs to build its own ``Extractor`` (picklable).

    ``strict`` lets a failing stage raise instead of leaving an E010 warning (tests only).
    """

    model: str | None = None
    reference_date: str | None = None
    batch_size: int = 64
    time_budget: float | None = 60.0
    strict: bool = False
    profile: str = "default"
    blas: str = DEFAULT_BLAS
    date_direction: str = "nearest"
    date_windows: str = "rolling"

    def build(self) -> Extractor:
        return Extractor(model=self.model, reference_date=self.reference_date, batch_size=self.batch_size,
                         time_budget=self.time_budget, strict=self.strict, profile=self.profile, blas=self.blas,
                         date_direction=self.date_direction, date_windows=self.date_windows)


def check_model(model: str | None) -> None:
    """Fail early, without loading it, when the model is neither an installed package nor a path.

    Raises:
        ModelNotFound: the model cannot be found.
    """
    import spacy.util

    name = model or default_model_name()
    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise ModelNotFound(f"spaCy model {name!r} is not installed; install it or pick another with --model")


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def item_doc_id(item: Item) -> str:
    return item.doc_id if isinstance(item, Article) else (item.doc_id or "?")


def skip_done(items: Iterable[Item], count: int, last_doc_id: str | None) -> Iterator[Item]:
    """Skip the ``count`` items a resumed run already wrote, checking the input has not changed.

    Raises:
        UsageError: the input no longer starts with the items the journal recorded.
    """
    iterator = iter(items)
    last = None
    for item in islice(iterator, count):
        last = item
    if count and (last is None or item_doc_id(last) != last_doc_id):
        raise UsageError(f"cannot resume: the input changed (item {count} is not {last_doc_id!r})")
    return iterator


def extract_rendered(extractor: Extractor, items: list[Item]) -> list[Rendered]:
    """Extract, validate and serialise a chunk of items, one ``Rendered`` per item.

    This is the article boundary of every engine: whatever an article raises becomes that
    article's E012 error record. A chunk that raises is redone one article at a time, so
    only the article at fault is lost.
    """
    try:
        extractions = list(extractor.extract_many(items, chunk_size=max(1, len(items))))
    except Exception as error:
        if len(items) == 1:
            return [failed_rendered(items[0], error)]
        return [rendered for item in items for rendered in extract_rendered(extractor, [item])]
    return [_render_one(item, extraction) for item, extraction in zip(items, extractions, strict=True)]


def _render_one(item: Item, extraction: Any) -> Rendered:
    try:
        return render(extraction, words=_words(item))
    except Exception as error:
        return failed_rendered(item, error)


def failed_rendered(item: Item, error: BaseException) -> Rendered:
    """The outcome of an article that raised: one error record, built so that it cannot fail itself."""
    doc_id = item_doc_id(item)
    logger.error("article %r failed: %s: %s", doc_id, type(error).__name__, error)
    if isinstance(item, OrewireError):  # a bad-input item whose own record could not be built
        error = item
    elif not isinstance(error, OrewireError):
        error = OrewireError(ErrorCode.E012_INTERNAL, f"{type(error).__name__}: {error}", stage="extract")
    line = safe_error_line(doc_id, getattr(item, "source", None), error)
    return Rendered(doc_id, error_line=line)


def _words(item: Item) -> int:
    return len(item.text.split()) if isinstance(item, Article) else 0
