"""The base class of orewire's spaCy components: a failing stage degrades, never crashes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import ErrorCode, logger
from pipeline.resources.files import ResourceReader

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


class GuardedStage:
    """Runs ``process`` and turns an exception into a warning on the ``Doc``.

    SPEC §5: a stage that fails on an article degrades that article and keeps
    the other stages' records, so the batch goes on.
    """

    name = "orewire_stage"

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.process(doc)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, ArithmeticError,
                OverflowError, RecursionError, RuntimeError) as error:
            logger.warning("%s failed on a block: %s", self.name, error)
            warnings = list(doc._.orewire_warnings or [])
            warnings.append(f"{ErrorCode.E010_STAGE_FAILED.value}: stage {self.name} failed: {type(error).__name__}: {error}")
            doc._.orewire_warnings = warnings
            return doc

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError


class OrewireComponent:
    """Base of orewire's spaCy components: data files read once from ``models/`` through a
    ``ResourceReader``, and saved with the pipeline so ``nlp.to_disk``/``spacy.load`` round-trip.

    A subclass implements ``setup(reader)`` (build its tables and matchers from the data files)
    and ``__call__(doc)``. Failures are not caught here: spaCy's error handler decides
    (strict by default; ``warn_and_keep`` in production, set by ``build_nlp``).
    """

    name = "orewire_component"

    def __init__(self, nlp: Language, name: str) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.reader = ResourceReader()
        self.setup(self.reader)

    def setup(self, reader: ResourceReader) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

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
        warnings = list(doc._.orewire_warnings or [])
        warnings.append(f"{ErrorCode.E010_STAGE_FAILED.value}: stage {proc_name} failed: {type(error).__name__}: {error}")
        doc._.orewire_warnings = warnings
