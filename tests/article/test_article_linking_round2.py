"""Entity linking, issue 13 entities round 2 (``pipeline.article.linking``): a site keeps the name its owner
shares, short names of metal-named companies, middle names left out, and the word lists read as data
(``models/entities/linking.json``). Sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities
from pipeline.resources.entities import linking_words


def test_site_before_its_keyword_keeps_the_owner_name():
    text = "Tarrow Vanadium Ltd owns the Tarrow Vanadium Project. Tarrow Vanadium said costs fell."
    records = [
        entity_record("Tarrow Vanadium Ltd", 0),
        entity_record("Tarrow Vanadium", text.index("Tarrow Vanadium Project"), label="FACILITY"),
        entity_record("Tarrow Vanadium", text.rindex("Tarrow Vanadium"), label="PERSON"),
    ]
    linked = link_entities(records, text)
    assert (linked[1].label, linked[1].normalized) == ("FACILITY", "Tarrow Vanadium")
    assert (linked[2].label, linked[2].normalized) == ("ORG", "Tarrow Vanadium Ltd")


def test_short_name_of_a_company_named_after_copper():
    text = "Brindle Copper shares rose. Brindle's strategy is to grow."
    records = [entity_record("Brindle Copper", 0), entity_record("Brindle", text.index("Brindle's"), label="PERSON")]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [
        ("ORG", "Brindle Copper"),
        ("ORG", "Brindle Copper"),
    ]


def test_name_without_its_middle_names_is_the_same_person():
    text = "President Ann Marie Okonkwo Bello spoke. Later, Ann Bello said more. Ann Okonkwo Bello left."
    records = [
        entity_record("Ann Marie Okonkwo Bello", text.index("Ann Marie"), label="PERSON"),
        entity_record("Ann Bello", text.index("Ann Bello"), label="PERSON"),
        entity_record("Ann Okonkwo Bello", text.index("Ann Okonkwo"), label="PERSON"),
    ]
    assert {r.normalized for r in link_entities(records, text)} == {"Ann Marie Okonkwo Bello"}


def test_different_people_sharing_first_and_last_word_order_are_kept_apart():
    text = "Ann Marie Bello spoke. Bello Ann Marie did not."
    records = [
        entity_record("Ann Marie Bello", 0, label="PERSON"),
        entity_record("Bello Ann Marie", text.index("Bello Ann"), label="PERSON"),
    ]
    assert link_entities(records, text)[1].normalized == "Bello Ann Marie"


def test_linking_word_lists_are_data_and_share_the_legal_prefixes():
    words = linking_words()
    assert {"pt", "jsc"} <= {prefix.lower() for prefix in words.legal_prefixes}
    assert "copper" in words.short_form_suffixes
    assert "project" in words.site_keywords


def test_region_without_the_after_a_company_named_for_it_is_the_company():
    text = "Pilgara Minerals signed a deal. Pilgara's strategy is clear. Mines in the Pilgara grow."
    records = [
        entity_record("Pilgara Minerals", 0),
        entity_record("Pilgara", text.index("Pilgara's"), label="LOC"),
        entity_record("Pilgara", text.rindex("Pilgara"), label="LOC"),
    ]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [
        ("ORG", "Pilgara Minerals"),
        ("ORG", "Pilgara Minerals"),
        ("LOC", "Pilgara"),
    ]


def test_company_written_two_ways_is_one_company():
    text = "Tarrow Rare Earths Ltd agreed. Tarrow Rare Earths Limited said so. Ola-Brandt Mining and Ola Brandt Mining."
    records = [
        entity_record("Tarrow Rare Earths Ltd", 0),
        entity_record("Tarrow Rare Earths Limited", text.index("Tarrow Rare Earths Limited")),
        entity_record("Ola-Brandt Mining", text.index("Ola-Brandt"), label="FACILITY"),
        entity_record("Ola Brandt Mining", text.index("Ola Brandt")),
    ]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [
        ("ORG", "Tarrow Rare Earths Limited"),
        ("ORG", "Tarrow Rare Earths Limited"),
        ("ORG", "Ola-Brandt Mining"),
        ("ORG", "Ola-Brandt Mining"),
    ]
