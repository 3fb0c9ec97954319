"""The ``orewire_event_merger`` component: the extractor's event merging, applied to one Doc.

``Extractor`` merges the event records of a whole article (``pipeline.article.merging``). A user
who adds orewire's stages to their own ``nlp`` gets the same decisions on a one-block text by adding
this component last: it builds the Doc's records, merges them with the same ``EventMerger``, and
writes the merged events back to ``doc._.orewire_events`` (block offsets, as the events stage does).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.article.build import BlockRecords, block_records
from pipeline.article.merging import EventMerger
from pipeline.components.base import OrewireComponent, block_text
from pipeline.resources.events import CUES_FILE, load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.resources.happening_folds import load_happening_folds
from pipeline.schema import extensions  # noqa: F401  (registers the Doc and Span extensions)
from pipeline.schema.annotations import ArgumentInfo, BlockContext, EventInfo
from pipeline.schema.labels import EVENTS_EXTENSION
from pipeline.schema.records import Argument, EventRecord

EVENT_MERGER_FACTORY = "orewire_event_merger"
# a Doc made outside the extractor has no block context: it is read as one body block of its own
DEFAULT_DOC_ID = "doc"


def default_context() -> BlockContext:
    return BlockContext(offset=0, zone="body", section=None, reference=None, doc_id=DEFAULT_DOC_ID)


class EventMergerComponent(OrewireComponent):
    """Merges the Doc's events: anaphoric agents resolved, follow-ups and headline events folded in."""

    def __init__(self, nlp: Language, name: str = EVENT_MERGER_FACTORY, *, cues_file: str = CUES_FILE) -> None:
        self.cues_file = cues_file
        super().__init__(nlp, name)

    def setup(self, reader: ResourceReader) -> None:
        self.merger = EventMerger.from_cues(load_event_cues(reader, self.cues_file), load_happening_folds(reader))

    def __call__(self, doc: Doc) -> Doc:
        events: list[EventInfo] = doc._.get(EVENTS_EXTENSION) or []
        if not events:
            return doc
        context = doc._.orewire_block or default_context()
        records = block_records(doc, sentence_base=0, context=context)
        # records index the article from the block's offset: pad the block's text to match
        merged = self.merger(records.events, records.entities, " " * context["offset"] + doc.text, dates=records.dates)
        locate = _ArgumentLocator(doc, events, records, context["offset"])
        doc._.set(EVENTS_EXTENSION, [locate.event_info(record) for record in merged])
        return doc


class _ArgumentLocator:
    """Turns merged records back into block-offset payloads.

    An argument that points at a record takes that record's span; any other argument came from one of
    the Doc's events (the merged event's own first), so it takes the span it had there.
    """

    def __init__(self, doc: Doc, events: list[EventInfo], records: BlockRecords, offset: int) -> None:
        self.text = block_text(doc)
        self.events = events
        self.offset = offset
        self.spans = {span.id: (span.start - offset, span.end - offset)
                      for span in [*records.entities, *records.quantities, *records.dates]}

    def event_info(self, record: EventRecord) -> EventInfo:
        trigger = [record.trigger.start - self.offset, record.trigger.end - self.offset]
        own = [event for event in self.events if (event["event_type"], event["trigger"]) == (record.event_type, trigger)]
        pool = [argument for event in [*own, *self.events] for argument in event["arguments"]]
        return EventInfo(
            event_type=record.event_type,
            trigger=trigger,
            modality=record.modality,
            confidence=record.confidence,
            arguments=[self._locate(argument, pool) for argument in record.arguments],
        )

    def _locate(self, argument: Argument, pool: list[ArgumentInfo]) -> ArgumentInfo:
        if argument.ref is not None and argument.ref in self.spans:
            start, end = self.spans[argument.ref]
            return ArgumentInfo(role=argument.role, start=start, end=end)
        for candidate in pool:
            if candidate["role"] == argument.role and self.text[candidate["start"]:candidate["end"]] == argument.text:
                return ArgumentInfo(role=argument.role, start=candidate["start"], end=candidate["end"])
        raise ValueError(f"argument {argument.text!r} of {argument.role} is in none of the Doc's events")


@Language.factory(
    EVENT_MERGER_FACTORY,
    default_config={"cues_file": CUES_FILE},
    assigns=["doc._.orewire_events"],
    requires=["doc._.orewire_events", "doc.ents", "span._.orewire_entity"],
)
def make_event_merger(nlp: Language, name: str, cues_file: str) -> EventMergerComponent:
    """The Doc-level event merger; ``cues_file`` names the anaphor table under ``models/``."""
    return EventMergerComponent(nlp, name, cues_file=cues_file)
