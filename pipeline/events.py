"""Event stage: classify sentences into the SPEC taxonomy with triggers and arguments.

(Initial version: the event issue replaces it with lexicons and argument attachment.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .annotations import EventInfo
from .stage import GuardedStage

TRIGGER_LEMMAS = {"ban": "export_restriction", "sign": "cooperation_agreement", "finance": "financing"}


class EventStage(GuardedStage):
    name = "orewire_events"

    def process(self, doc: Doc) -> Doc:
        events: list[EventInfo] = []
        for token in doc:
            event_type = TRIGGER_LEMMAS.get(token.lemma_.lower())
            if event_type:
                events.append(EventInfo(
                    event_type=event_type, trigger=[token.idx, token.idx + len(token)],
                    modality="actual", confidence=0.5, arguments=[],
                ))
        doc._.orewire_events = events
        return doc


@Language.factory("orewire_events", assigns=["doc._.orewire_events"], requires=["token.lemma"])
def make_event_stage(nlp: Language, name: str) -> EventStage:
    return EventStage()


def merge_events(records: list, entities: list) -> list:
    """Document-level merge of events reported twice; identity for now."""
    return records
