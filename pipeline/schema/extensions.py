"""Registering every ``Doc`` and ``Span`` extension orewire uses (names in ``schema.labels``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.schema.labels import (  # noqa: F401  (group names re-exported for the stages)
    BLOCK_EXTENSION,
    DATE_EXTENSION,
    DATE_GROUP,
    ENTITY_CANDIDATE_GROUP,
    ENTITY_EXTENSION,
    EVENTS_EXTENSION,
    MODEL_DATE_GROUP,
    MODEL_NUMERIC_GROUP,
    QUANTITY_EXTENSION,
    QUANTITY_GROUP,
    WARNINGS_EXTENSION,
)

_DOC_EXTENSIONS: dict[str, object] = {
    BLOCK_EXTENSION: None,  # BlockContext
    EVENTS_EXTENSION: None,  # list[EventInfo]
    WARNINGS_EXTENSION: None,  # list[str]: stages that failed on this doc
}
_SPAN_EXTENSIONS: dict[str, object] = {
    ENTITY_EXTENSION: None,  # EntityInfo on spans in doc.ents
    QUANTITY_EXTENSION: None,  # QuantityInfo on spans in doc.spans[QUANTITY_GROUP]
    DATE_EXTENSION: None,  # DateInfo on spans in doc.spans[DATE_GROUP]
}


def register_extensions() -> None:
    """Declare the extensions; safe to call more than once."""
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()
