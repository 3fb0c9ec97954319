"""PERSON names the article itself writes as an organisation (issue 13, entities, nineteenth session, second round).

The model reads a company's name as a person's now and then, most often a name in another language ("Velka Rudna"
as the object of a verb) or a name followed by its head's title, which it takes into the person ("Velka Rudna Chief"
before "Executive Ann Example"). When another mention of the same article carries the very name as an ORG, the
PERSON reading is the mistake: the mention becomes that ORG, a title word after the name cut off. Read dev: four
mentions in two articles of the newly opened dev text, all wrong as persons; no PERSON of the older read dev text
shares a name with an ORG of its article.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.resources.person_cues import person_cues
from pipeline.schema.records import EntityRecord


def organisation_persons(records: Sequence[EntityRecord]) -> tuple[list[EntityRecord], dict[str, EntityRecord]]:
    """``records`` (linked) with each PERSON mention (no kb id) whose text is an ORG mention's text of the article, or
    such a text followed by title words only ("X Chief"), cut to that text and given the ORG mention's label and
    linked name; and, by old id, each record whose id the cut changed (events point their arguments at the new one)."""
    organisations: dict[str, EntityRecord] = {}
    for record in records:
        if record.label == "ORG" and " " in record.text:
            organisations.setdefault(record.text, record)
    if not organisations:
        return list(records), {}
    titles = person_cues().title_words
    result: list[EntityRecord] = []
    renamed: dict[str, EntityRecord] = {}
    for record in records:
        name = _organisation_in(record, organisations, titles) if record.label == "PERSON" else None
        if name is not None and record.kb_id is None:
            organisation = organisations[name]
            made = record.model_copy(update={
                "id": f"{record.doc_id}#entity:{record.start}-{record.start + len(name)}",
                "text": name, "end": record.start + len(name), "label": "ORG",
                "normalized": organisation.normalized, "kb_id": organisation.kb_id,
            })
            if made.id != record.id:
                renamed[record.id] = made
            record = made
        result.append(record)
    return result, renamed


def _organisation_in(record: EntityRecord, organisations: dict[str, EntityRecord], titles: frozenset[str]) -> str | None:
    """The organisation's name ``record`` holds: its whole text, or the text before trailing title words."""
    words = record.text.split(" ")
    for cut in range(len(words), 1, -1):
        name = " ".join(words[:cut])
        if name in organisations and all(word.lower() in titles for word in words[cut:]):
            return name
    return None
