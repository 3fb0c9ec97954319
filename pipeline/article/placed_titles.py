"""A place written between a person's title and name (issue 13, entities, fourteenth session).

Indian news names district officials by title, district and name: "District Mineral Officer Reasi A B", "Deputy
Commissioner Reasi C D" (the officer of Reasi district). The model reads the district as the person's given name.
When the article itself calls that word a division or settlement ("in Reasi district": ``defined_places``) and a
title-case word (the title) stands right before the three-or-more-word name, the place is no part of the name: the
person is the words after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.article.linking_labels import defined_places
from pipeline.schema.records import EntityRecord

# Fewest words a name must have for its first word to be read as a place: the place and a two-word name.
MIN_PLACED_NAME_WORDS = 3


def without_title_place(records: Sequence[EntityRecord], text: str) -> list[EntityRecord]:
    """The records with each person named after "<title> <division>" cut to the name (module docstring)."""
    places = defined_places(records, text)
    out: list[EntityRecord] = []
    for record in records:
        words = record.text.split()
        if record.label == "PERSON" and len(words) >= MIN_PLACED_NAME_WORDS and words[0] in places and _titled(record, text):
            rest = record.text[len(words[0]) :].lstrip()
            normalized = record.normalized[len(words[0]) :].lstrip() if record.normalized.startswith(words[0]) else rest
            record = record.model_copy(update={"text": rest, "start": record.end - len(rest), "normalized": normalized})
        out.append(record)
    return out


def _titled(record: EntityRecord, text: str) -> bool:
    """A title-case word (the person's title) right before the name, on its line."""
    before = text[max(record.start - 40, 0) : record.start].split("\n")[-1].split()
    return bool(before) and before[-1][:1].isupper() and before[-1].isalpha()
