"""Sources the story cites (``components/entities/sources.py``): a web outlet after a citing phrase or before a
reporting verb, and a data provider after "according to" that a data word closes, are ORGs. Sentences invented."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


@pytest.mark.parametrize(("sentence", "source"), [
    ("Output fell 4% in May, according to Orevista data.", "Orevista"),
    ("According to Metalwire.com, the smelter will restart in June.", "Metalwire.com"),
    ("Spot prices climbed again, Orevista.com reported.", "Orevista.com"),
    ("Kazakh output doubled, as reported by Rudnik.kz.", "Rudnik.kz"),  # a country's domain (pycountry: KZ)
    ("According to Orevista.co.za, the smelter will restart.", "Orevista.co.za"),
])
def test_cited_source_is_an_organisation(blank_entities, sentence, source):
    assert (source, "ORG") in ents(make_block_doc(blank_entities, sentence))


@pytest.mark.parametrize("sentence", [
    "Exports fell, according to Chilean customs data.",  # a nationality keeps its reading
    "Visit Metalwire.com for the full table.",  # a web address not cited
    "Output fell, according to Chile data.",  # a known place
    "Output fell, as reported by Orevista.xq on Monday.",  # no top-level domain
])
def test_no_source_without_citing_or_for_known_words(blank_entities, sentence):
    assert not [name for name, label in ents(make_block_doc(blank_entities, sentence)) if label == "ORG"]
