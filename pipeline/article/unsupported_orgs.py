"""ORG groups no mention of which has support (issue 13, entities, eighteenth session).

The entity stage marks each ORG mention only the model gives whose root modifies another noun or stands in a line
with no verb (``pipeline/components/entities/support.py``, ``models/entities/model_support.json``). A group
(label, normalized: the unit an entity is written and scored by) is dropped when every one of its mentions is so
marked and no block event takes one of them as an argument: one mention with a rule's, a clause's or an event's
support keeps the name.
"""

from __future__ import annotations

from collections.abc import Iterable, Set

from spacy.tokens import Doc

from pipeline.schema.labels import BLOCK_EXTENSION, UNSUPPORTED_MODEL_GROUP
from pipeline.schema.records import EntityRecord, EventRecord, span_record_id

DROPPED_LABEL = "ORG"  # a mention linking gave another label is judged under that label's rules, not here


def marked_ids(docs: Iterable[Doc]) -> set[str]:
    """The entity record ids of the mentions the entity stage marked as unsupported, over an article's block docs."""
    found: set[str] = set()
    for doc in docs:
        if UNSUPPORTED_MODEL_GROUP not in doc.spans:
            continue
        context = getattr(doc._, BLOCK_EXTENSION)
        offset = context["offset"]
        found.update(span_record_id(context["doc_id"], "entity", offset + span.start_char, offset + span.end_char)
                     for span in doc.spans[UNSUPPORTED_MODEL_GROUP])
    return found


def without_unsupported_orgs(records: list[EntityRecord], marked: Set[str],
                             events: Iterable[EventRecord]) -> list[EntityRecord]:
    """``records`` less the ORG groups every mention of which is in ``marked`` and no argument of ``events`` names."""
    if not marked:
        return records
    arguments = {argument.ref for event in events for argument in event.arguments if argument.ref}
    supported = {(record.label, record.normalized) for record in records
                 if record.label != DROPPED_LABEL or record.id not in marked or record.id in arguments}
    return [record for record in records if (record.label, record.normalized) in supported]
