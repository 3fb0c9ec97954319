"""Plants and ports named once between a determiner and their head word (``components/entities/plant_names.py``).
Sentences invented for these tests; the model's label is set by hand on ``spacy.blank("en")``."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.components.entities.plant_names import lone_plant_name


@pytest.fixture(scope="module")
def blank_tables(blank_entities):
    return blank_entities.get_pipe("orewire_entities").tables


def _named(blank_entities, text: str, name: str, label: str) -> Span:
    doc = blank_entities.make_doc(text)
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 3, len(doc)) + 1):
            if doc[start:end].text == name:
                return Span(doc, start, end, label=label)
    raise AssertionError(name)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The first cargo left the Velkor process plant on Monday.", "Velkor", "LOC"),
        ("The first cargo left the Velkor process plant on Monday.", "Velkor", "ORG"),
        ("Coal trains unload at the Ostrava Nova port twice a week.", "Ostrava Nova", "GPE"),
        ("Coal trains unload at the Harvik bulk terminal twice a week.", "Harvik", "ORG"),
        ("Output rose at Kestrel's Velkor process plant in May.", "Velkor", "GPE"),  # an owner stands for "the"
    ],
)
def test_unknown_name_before_a_plant_or_port_word_names_it(blank_entities, blank_tables, text, name, label):
    assert lone_plant_name(_named(blank_entities, text, name, label), blank_tables)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Ships call at the Durban port twice a week.", "Durban", "GPE"),  # a town the town table knows
        ("The Velkor process plant is new, and Velkor said it would run it.", "Velkor", "LOC"),  # an owner comes back
        ("A Velkor process plant was sold.", "Velkor", "LOC"),  # no "the" or owner before it
        ("The first cargo left the Velkor plant on Monday.", "Velkor", "LOC"),  # a place before a bare plant word
    ],
)
def test_known_town_recurring_owner_or_undetermined_name_is_no_plant(blank_entities, blank_tables, text, name, label):
    assert not lone_plant_name(_named(blank_entities, text, name, label), blank_tables)
