"""The base class of orewire's spaCy components: a failing stage degrades, never crashes."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.errors import ErrorCode, logger

TEXT_KEY = "orewire_text"


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
