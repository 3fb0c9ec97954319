"""Helpers for the event stage tests: run a sentence through the full pipeline and read its events."""

from __future__ import annotations

from support import make_block_doc


def events_of(nlp, text: str, *, zone: str = "body") -> list[tuple[str, str, str]]:
    doc = make_block_doc(nlp, text, zone=zone)
    return [(e["event_type"], doc.text[slice(*e["trigger"])], e["modality"]) for e in doc._.orewire_events]


def types_of(nlp, text: str, *, zone: str = "body") -> set[str]:
    return {event_type for event_type, _, _ in events_of(nlp, text, zone=zone)}


def parties_of(nlp, text: str, event_type: str) -> list[tuple[str, str]]:
    doc = make_block_doc(nlp, text)
    (event,) = [e for e in doc._.orewire_events if e["event_type"] == event_type]
    return [(a["role"], doc.text[a["start"]:a["end"]]) for a in event["arguments"]
            if a["role"] in {"agent", "counterparty", "beneficiary"}]


def arguments_of(nlp, text: str, event_type: str) -> set[tuple[str, str]]:
    doc = make_block_doc(nlp, text)
    events = [e for e in doc._.orewire_events if e["event_type"] == event_type]
    return {(a["role"], doc.text[a["start"]:a["end"]]) for e in events for a in e["arguments"]}
