"""A nationality word taken into the front of a body's name (issue 13, entities, seventeenth session, fourth round).

News puts a nationality before a body as a description ("a venture between Australian Kestrel Mining and the
state", "the Vietnamese National Assembly passed"), and the model takes the adjective into the name. The name is
the rest: the same article writes it without the adjective ("Kestrel Mining said"), or the rest is a body the
organisation table knows ("National Assembly"). A name the table knows whole ("European Commission") and a lone
head the article writes alone ("the Commission") are no such case. Real names that open with a nationality ("Indian
Rare Earths", "Australian Strategic Materials") are never written without it and are no known body, so they stay
whole. The nationality words are the NORP rows of ``nationalities.jsonl`` (through the gazetteer the entity stage
loaded, which the extractor hands in); a country's short form before a body ("U.S. Export-Import Bank") is left
alone, as the gold keeps it in the name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.resources.entities import GazetteerEntry
from pipeline.schema.records import EntityRecord, EventRecord

PREFIX_LABELS = frozenset({"NORP"})
LONGEST_PREFIX = 2  # words: "South Korean"


def prefix_and_rest(name: str, table: Mapping[str, GazetteerEntry]) -> tuple[str, str] | None:
    """The nationality word(s) that open ``name`` and the capitalised rest, or None ("Australian Kestrel Mining")."""
    words = name.split(" ")
    for size in range(min(LONGEST_PREFIX, len(words) - 1), 0, -1):
        prefix, rest = " ".join(words[:size]), " ".join(words[size:])
        entry, rest_entry = table.get(prefix), table.get(rest)
        if (entry is not None and entry.label in PREFIX_LABELS and rest[:1].isupper()
                and (rest_entry is None or rest_entry.label == "ORG")):  # "Indian Ocean": the rest is no body
            return prefix, rest
    return None


def bare_name(record: EntityRecord, bare_orgs: dict[str, EntityRecord],
              table: Mapping[str, GazetteerEntry]) -> tuple[str, str] | None:
    """The rest of a prefixed ORG and its normalized form, when the article or the organisation table knows it."""
    if record.label != "ORG" or record.text in table or (split := prefix_and_rest(record.text, table)) is None:
        return None  # "European Commission": a body the table knows by its whole name
    rest = split[1]
    if rest in bare_orgs and " " in rest:  # a lone head ("the Commission") is a short form of the whole name
        return rest, bare_orgs[rest].normalized
    known = table.get(rest)
    if known is not None and known.label == "ORG":
        return rest, known.normalized
    return None


def without_country_prefixes(
    records: Sequence[EntityRecord], table: Mapping[str, GazetteerEntry]
) -> tuple[list[EntityRecord], dict[str, EntityRecord]]:
    """The records with a nationality word dropped from the front of a body's name; old id -> new record.

    ``table`` is the gazetteer (places, aliases, nationalities, organisations) the entity stage loaded."""
    bare_orgs = {record.text: record for record in records if record.label == "ORG"}
    result: list[EntityRecord] = []
    renamed: dict[str, EntityRecord] = {}
    for record in records:
        found = bare_name(record, bare_orgs, table)
        if found is None:
            result.append(record)
            continue
        rest, normalized = found
        start = record.end - len(rest)
        new = record.model_copy(update={"id": f"{record.doc_id}#entity:{start}-{record.end}", "text": rest,
                                        "start": start, "normalized": normalized, "kb_id": None})
        renamed[record.id] = new
        result.append(new)
    return result, renamed


def renamed_arguments(events: list[EventRecord], renamed: dict[str, EntityRecord]) -> list[EventRecord]:
    """The events with each argument on a renamed record pointing at it under its new text and id."""
    if not renamed:
        return events
    return [event.model_copy(update={"arguments": [
        argument.model_copy(update={"text": renamed[argument.ref].text, "ref": renamed[argument.ref].id})
        if argument.ref in renamed else argument for argument in event.arguments]})
        if any(argument.ref in renamed for argument in event.arguments) else event for event in events]
