"""Antecedents of an event's anaphoric agent ("the company", "the government", "it") and which records are headlines.

Pure functions on records, used by the event merger (``pipeline/article/merging.py``): the one country a sentence
names, the actor its section's heading names, the actor of the latest earlier record or the sentence before, and the
agent of the sentence right before for a pronoun.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.article.event_actors import PARTY_ROLES, is_country, name_key
from pipeline.schema.labels import HEADLINE_ZONES
from pipeline.schema.records import EntityRecord, EventRecord
from pipeline.text.headlines import is_headline_text


def is_standfirst(record: EventRecord) -> bool:
    """A title-case summary paragraph before the first heading ("Roundup for the Week: X Moved to ..."),
    or a verbless label line the layout left in the body ("Export curbs")."""
    if record.zone != "body" or record.section is not None:
        return False
    evidence = record.evidence.strip()
    short_label = len(evidence.split()) <= 4 and evidence[-1:] not in ".!?"
    return short_label or is_headline_text(evidence.rstrip(".!?"), max_words=80)


def is_headline_record(record: EventRecord) -> bool:
    if record.zone in HEADLINE_ZONES or is_standfirst(record):
        return True
    return record.zone == "related" and record.section is not None and record.evidence.strip() == record.section.strip()


def sentence_antecedent(record: EventRecord, labels: frozenset[str],
                        entities: Sequence[EntityRecord]) -> EntityRecord | None:
    """The one country its own sentence names before the trigger, for an anaphor that can name a country ("Exports
    from Fenwick fell after the government imposed controls" -> Fenwick); None when it names none or several, or
    when the country is another party of the record. Organisations are left to the heading and recency: a sentence
    names lenders, buyers and forums beside the company it is about."""
    if "GPE" not in labels:
        return None
    parties = {a.ref for a in record.arguments if a.role in PARTY_ROLES}
    named = [e for e in entities if e.label == "GPE" and is_country(e) and e.sentence == record.sentence
             and e.zone == record.zone and e.start < record.trigger.start and e.id not in parties]
    if len({name_key(e.normalized) for e in named}) != 1:
        return None
    return named[0]


def recent_entity(record: EventRecord, records: list[EventRecord], labels: frozenset[str],
                  entities: Sequence[EntityRecord], *, actor_labels: frozenset[str]) -> EntityRecord | None:
    """The organisation or government (``actor_labels``, of the anaphor's ``labels``) a descriptive anaphor ("the
    miner", "the group") takes when no heading names
    one: the agent of the latest earlier event of its section when that event is in the sentence right before,
    else the first such entity the sentence right before names (its subject, as a rule: "Marlin has long sought
    steady ore supply. The company signed a deal with Kestrel ..." -> Marlin, not the actor of an older event), else
    that older event's agent, else the last such entity named earlier in the section, else the first the article
    title names."""
    labels = labels & actor_labels
    if not labels:
        return None
    by_id = {entity.id: entity for entity in entities}
    before = [e for e in entities if e.label in labels and e.sentence == record.sentence - 1
              and e.section == record.section and e.zone == record.zone]
    for other in sorted(records, key=lambda r: r.trigger.start, reverse=True):
        if other.section != record.section or other.sentence >= record.sentence or is_headline_record(other):
            continue
        agent = next((by_id.get(a.ref or "") for a in other.arguments if a.role == "agent"), None)
        if agent is not None and agent.label in labels:
            return min(before, key=lambda e: e.start) if before and other.sentence < record.sentence - 1 else agent
    earlier = [e for e in entities if e.label in labels and e.section == record.section
               and e.sentence < record.sentence and e.zone not in HEADLINE_ZONES]
    if before:
        return min(before, key=lambda e: e.start)
    if earlier:
        return max(earlier, key=lambda e: e.start)
    titled = [e for e in entities if e.label in labels and e.zone == "title"]
    return titled[0] if titled else None


def previous_agent(record: EventRecord, records: list[EventRecord], labels: frozenset[str],
                   entities: Sequence[EntityRecord]) -> EntityRecord | None:
    """The actor a pronoun ("it", "they") takes when no heading names one: the agent of a record of the sentence
    right before it, in its section ("Fenwick holds large cobalt reserves. It has sold 900 t since 2020." ->
    Fenwick); None when that sentence reports no act with an agent of the labels (the pronoun's that the record's
    type may take: "Its shares jumped" never takes a country), or two different ones."""
    by_id = {entity.id: entity for entity in entities}
    found = {by_id[a.ref].id: by_id[a.ref] for other in records
             if other.section == record.section and other.zone == record.zone and other.sentence == record.sentence - 1
             for a in other.arguments if a.role == "agent" and a.ref in by_id and by_id[a.ref].label in labels}
    if len({name_key(entity.normalized) for entity in found.values()}) != 1:
        return None
    return next(iter(found.values()))


def heading_agent(record: EventRecord, records: list[EventRecord], labels: frozenset[str],
                  entities: Sequence[EntityRecord]) -> EntityRecord | None:
    by_id = {entity.id: entity for entity in entities}
    for other in records:
        if (other.section != record.section or other.zone not in {"heading", "related"}
                or not is_headline_record(other) or other.trigger.start > record.trigger.start):
            continue
        for argument in other.arguments:
            entity = by_id.get(argument.ref or "")
            if argument.role == "agent" and entity is not None and entity.label in labels:
                return entity
    if record.section is None:
        return None
    heading = [e for e in entities if e.label in labels and e.section == record.section
               and e.zone in {"heading", "related"} and e.start < record.trigger.start]
    return heading[0] if heading else None
