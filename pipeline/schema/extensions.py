"""Every ``Doc`` and ``Span`` extension orewire uses, declared in one place."""

from __future__ import annotations

from spacy.tokens import Doc, Span

QUANTITY_GROUP = "orewire_quantities"
DATE_GROUP = "orewire_dates"
ENTITY_CANDIDATE_GROUP = "orewire_entity_rules"
# The model's own DATE and numeric entities, kept before the entity stage replaces doc.ents.
MODEL_DATE_GROUP = "orewire_model_dates"
MODEL_NUMERIC_GROUP = "orewire_model_numeric"

_DOC_EXTENSIONS: dict[str, object] = {
    "orewire_block": None,  # BlockContext
    "orewire_events": None,  # list[EventInfo]
    "orewire_warnings": None,  # list[str]: stages that failed on this doc
}
_SPAN_EXTENSIONS: dict[str, object] = {
    "orewire_entity": None,  # EntityInfo on spans in doc.ents
    "orewire_quantity": None,  # QuantityInfo on spans in doc.spans[QUANTITY_GROUP]
    "orewire_date": None,  # DateInfo on spans in doc.spans[DATE_GROUP]
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
