"""Doc-to-record conversion, in one place.

Each processed block ``Doc`` carries its ``BlockContext`` (article offset,
zone, section); this module shifts every span to article offsets, attaches
sentence indices and ids, and returns validated pydantic records.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from spacy.tokens import Doc, Span

from pipeline.components.base import block_text
from pipeline.schema.annotations import NO_AGENT, BlockContext
from pipeline.schema.extensions import DATE_GROUP, QUANTITY_GROUP
from pipeline.schema.records import (
    Argument,
    DateRecord,
    EntityRecord,
    EventRecord,
    Mention,
    QuantityRecord,
    Subject,
    Trigger,
    event_record_id,
    span_record_id,
)

RecordT = TypeVar("RecordT", bound=BaseModel)
# Labels of names that are never part of an amount: a span of one of these inside a quantity's span is the amount's
# currency code or unit read as a name ("IDR 270 trillion", "a 200 MW plant": the model tags the capitals ORG).
NOT_IN_AMOUNTS = frozenset({"ORG", "PERSON", "LAW", "FACILITY"})


@dataclass
class BlockRecords:
    """The records of one block, with article offsets."""

    entities: list[EntityRecord] = field(default_factory=list)
    quantities: list[QuantityRecord] = field(default_factory=list)
    dates: list[DateRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    sentences: int = 0
    warnings: list[str] = field(default_factory=list)
    agent_paths: dict[str, str] = field(default_factory=dict)  # event record id -> the stage's agent path (not written)
    back_references: set[str] = field(default_factory=set)  # ids of records of a definite trigger ("the deal")


def _record(model: type[RecordT], warnings: list[str], **fields: Any) -> RecordT | None:
    """The validated record, or None with a warning: one mention a normaliser could not represent
    is dropped from the document, never allowed to turn the whole article into an error."""
    try:
        return model(**fields)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, item['loc']))}: {item['msg']}" for item in error.errors())
        warnings.append(f"dropped {fields.get('type') or model.__name__} {fields.get('text')!r}: {problems}")
        return None


class _BlockView:
    """Offsets and sentence lookup for one block ``Doc``."""

    def __init__(self, doc: Doc, sentence_base: int, context: BlockContext | None = None) -> None:
        self.doc = doc
        self.context: BlockContext = context if context is not None else doc._.orewire_block
        self.offset = self.context["offset"]
        self.text = block_text(doc)
        self.sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self.sentence_starts = [sentence.start_char for sentence in self.sentences]
        self.sentence_base = sentence_base

    def sentence_position(self, char: int) -> int:
        return max(bisect_right(self.sentence_starts, char) - 1, 0)

    def span_fields(self, span: Span) -> dict[str, Any]:
        return {
            "doc_id": self.context["doc_id"],
            "text": self.text[span.start_char : span.end_char],  # what ``span.text`` rebuilds token by token
            "start": self.offset + span.start_char,
            "end": self.offset + span.end_char,
            "sentence": self.sentence_base + self.sentence_position(span.start_char),
            "section": self.context["section"],
            "zone": self.context["zone"],
        }


def block_records(doc: Doc, *, sentence_base: int, context: BlockContext | None = None) -> BlockRecords:
    """Convert one processed block ``Doc`` into records (``context`` stands in for ``doc._.orewire_block``)."""
    view = _BlockView(doc, sentence_base, context)
    doc_id = view.context["doc_id"]
    text = view.text
    result = BlockRecords(sentences=len(view.sentences), warnings=list(doc._.orewire_warnings or []))
    by_offsets: dict[tuple[int, int], str] = {}
    seen: set[str] = set()

    def add(model: type[RecordT], kind: str, span: Span, payload: dict[str, Any]) -> RecordT | None:
        """One span record, unless another span already gave its id or it cannot be represented."""
        fields = view.span_fields(span)
        record_id = span_record_id(doc_id, kind, fields["start"], fields["end"])
        if record_id in seen:
            return None
        seen.add(record_id)
        record = _record(model, result.warnings, id=record_id, **fields, **payload)
        if record is not None:
            by_offsets.setdefault((fields["start"], fields["end"]), record_id)
        return record

    # each quantity's annotation read once (every ``span._`` access builds an object and a lookup key)
    quantities = [(span, quantity) for span in doc.spans.get(QUANTITY_GROUP, [])
                  if (quantity := span._.orewire_quantity) is not None]
    amounts = [(span.start_char, span.end_char) for span, _ in quantities]
    for ent in doc.ents:
        info = ent._.orewire_entity
        if ent.label_ in NOT_IN_AMOUNTS and any(start < ent.end_char and ent.start_char < end for start, end in amounts):
            continue
        if info is not None:
            entity = add(EntityRecord, "entity", ent, {"label": ent.label_, **info})
            if entity is not None:
                result.entities.append(entity)

    entity_ids = dict(by_offsets)
    for span, quantity in quantities:
        payload: dict[str, Any] = dict(quantity)
        subject_offsets = payload.pop("subject")
        payload["subject"] = None
        if subject_offsets is not None:
            start, end = subject_offsets
            article_span = (view.offset + start, view.offset + end)
            payload["subject"] = Subject(text=text[start:end], entity_id=_covering_entity(entity_ids, article_span))
        record = add(QuantityRecord, "quantity", span, payload)
        if record is not None:
            result.quantities.append(record)

    for span in doc.spans.get(DATE_GROUP, []):
        if span._.orewire_date is not None:
            date_record = add(DateRecord, "date", span, dict(span._.orewire_date))
            if date_record is not None:
                result.dates.append(date_record)

    for info in doc._.orewire_events or []:
        trigger_start, trigger_end = info["trigger"]
        start, end = view.offset + trigger_start, view.offset + trigger_end
        record_id = event_record_id(doc_id, start, end, info["event_type"])
        if record_id in seen:
            continue
        seen.add(record_id)
        result.agent_paths[record_id] = info.get("agent_path", NO_AGENT)
        if info.get("back_reference"):
            result.back_references.add(record_id)
        sentence = view.sentences[view.sentence_position(trigger_start)]
        arguments = [
            Argument(
                role=argument["role"],
                text=text[argument["start"] : argument["end"]],
                ref=by_offsets.get((view.offset + argument["start"], view.offset + argument["end"])),
            )
            for argument in info["arguments"]
        ]
        result.events.append(
            EventRecord(
                id=record_id,
                doc_id=doc_id,
                event_type=info["event_type"],
                trigger=Trigger(text=text[trigger_start:trigger_end], start=start, end=end),
                evidence=text[sentence.start_char : sentence.end_char],
                sentence=view.sentence_base + view.sentence_position(trigger_start),
                section=view.context["section"],
                zone=view.context["zone"],
                arguments=arguments,
                modality=info["modality"],
                confidence=round(float(info["confidence"]), 4),
                mentions=[Mention(start=start, end=end)],
            )
        )
    return result


def _covering_entity(entity_ids: dict[tuple[int, int], str], span: tuple[int, int]) -> str | None:
    if span in entity_ids:
        return entity_ids[span]
    start, end = span
    for (entity_start, entity_end), record_id in entity_ids.items():
        if entity_start <= start and end <= entity_end:
            return record_id
    return None


def kept_subjects(quantities: list[QuantityRecord], entities: list[EntityRecord]) -> list[QuantityRecord]:
    """The quantities with a subject's ``entity_id`` cleared where article linking dropped that entity record."""
    kept = {entity.id for entity in entities}
    return [quantity.model_copy(update={"subject": quantity.subject.model_copy(update={"entity_id": None})})
            if quantity.subject is not None and quantity.subject.entity_id not in kept | {None} else quantity
            for quantity in quantities]


def kept_arguments(events: list[EventRecord], dropped: set[str]) -> list[EventRecord]:
    """The events without the arguments that name an entity record article linking dropped (``dropped`` ids: a
    cyclone read as a person is no agent, the event's actor is then found as for an event without one)."""
    return [event.model_copy(update={"arguments": [a for a in event.arguments if a.ref not in dropped]})
            if any(a.ref in dropped for a in event.arguments) else event for event in events]
