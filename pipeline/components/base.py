"""The base class of orewire's spaCy components, and the production error handler.

Errors go through spaCy's error handler: ``raise_error`` (spaCy's default, strict, used
by the tests) re-raises; ``warn_and_keep`` (production, set by ``build_nlp``) leaves an
E010 warning on the Doc and keeps it, so the article is still written (SPEC §5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from pipeline.errors import ErrorCode, logger
from pipeline.resources.files import ResourceReader
from pipeline.schema.labels import WARNINGS_EXTENSION

ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]

TEXT_KEY = "orewire_text"
RESOURCES_FOLDER = "models"


def block_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc: spaCy rebuilds that string token by token on every access.

    The extractor stores the text it tokenised (which spaCy keeps verbatim) when it makes the Doc;
    otherwise the first call caches it. Retokenising never changes the text.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class OrewireComponent:
    """Base of orewire's spaCy components: data files read once from ``models/`` through a
    ``ResourceReader``, and saved with the pipeline so ``nlp.to_disk``/``spacy.load`` round-trip.

    A subclass implements ``setup(reader)`` (build its tables and matchers from the data files)
    and ``__call__(doc)``, without catching errors: spaCy's error handler decides (strict by
    default; ``warn_and_keep`` in production, set by ``build_nlp``).
    """

    name = "orewire_component"

    def __init__(self, nlp: Language, name: str) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.error_handler: ErrorHandler = raise_error
        self.reader = ResourceReader()
        self.setup(self.reader)

    def setup(self, reader: ResourceReader) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Annotate a stream of Docs; a failure goes to the error handler.

        spaCy's own ``Pipe.pipe`` drops a Doc whose component failed. Here a handler that
        returns (``warn_and_keep``) keeps the Doc with whatever the stage set before failing,
        so one block's failure never loses the block; a strict handler re-raises.
        """
        for doc in stream:
            try:
                doc = self(doc)
            except Exception as error:  # handed to spaCy's error handler, which re-raises when strict
                self.error_handler(self.name, self, [doc], error)
            yield doc

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """Use ``error_handler`` for failures (``build_nlp`` and ``nlp.set_error_handler`` call this)."""
        self.error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self.error_handler

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the data files this component was built from under ``path/models``."""
        self.reader.save(Path(path) / RESOURCES_FOLDER)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> OrewireComponent:
        """Rebuild from the data files a ``to_disk`` wrote (not from the packaged ``models/``)."""
        self.reader = ResourceReader(Path(path) / RESOURCES_FOLDER)
        self.setup(self.reader)
        return self


def warn_and_keep(proc_name: str, proc: object, docs: list[Doc], error: Exception) -> None:
    """Production error handler (SPEC §5): a stage that fails on a block leaves a warning on the
    Doc and the other stages' annotations in place; the article is still written."""
    logger.warning("%s failed on a block: %s", proc_name, error)
    for doc in docs:
        warnings = list(doc._.get(WARNINGS_EXTENSION) or [])
        warnings.append(f"{ErrorCode.E010_STAGE_FAILED.value}: stage {proc_name} failed: {type(error).__name__}: {error}")
        doc._.set(WARNINGS_EXTENSION, warnings)
