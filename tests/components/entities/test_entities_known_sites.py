"""Issue 13, round 15 (second part): sites the news names without a head word (``known_sites.py``,
``models/entities/known_sites.jsonl``). Sentences invented for these tests; the site names are real, listed ones."""

from __future__ import annotations

from support import ents, make_block_doc


def test_a_listed_site_named_alone_is_a_facility(nlp):
    found = ents(make_block_doc(nlp, "Output at Greenbushes fell in the quarter, while Cigar Lake ran at full rate."))
    assert ("Greenbushes", "FACILITY") in found
    assert ("Cigar Lake", "FACILITY") in found


def test_a_longer_name_holding_a_listed_site_keeps_its_reading(nlp):
    found = ents(make_block_doc(nlp, "Rossing Uranium Ltd said on Monday that its workers had agreed a new wage deal."))
    assert ("Rossing Uranium Ltd", "ORG") in found
    assert ("Rossing", "FACILITY") not in found


def test_a_listed_name_before_a_district_word_is_the_place(nlp):
    found = ents(make_block_doc(nlp, "The president opened a graphite mine in Balama district on Thursday."))
    assert ("Balama", "FACILITY") not in found


def test_listed_sites_are_no_known_places_or_commodity_words(tables):
    assert tables.known_sites
    for name in tables.known_sites:
        assert name not in tables.gazetteer, name
        assert name not in tables.towns, name
        assert name.lower() not in tables.commodity_words, name
