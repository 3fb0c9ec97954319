"""Entity linking, issue 13 entities round 3 (``pipeline.article.linking``): a place the article calls a district
or village keeps that reading in its other mentions, and a movement's bare head word ("the Front") is its name.
Sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import find_abbreviations, link_entities


def test_name_called_a_district_is_a_place_in_every_mention():
    text = "Leaders of the Ossaro district met. Trucks will not pass through Ossaro. Ossaro wants a new school."
    records = [
        entity_record("Ossaro", text.index("Ossaro"), label="GPE"),
        entity_record("Ossaro", text.index("Ossaro."), label="ORG"),
        entity_record("Ossaro", text.rindex("Ossaro"), label="NORP"),
    ]
    assert [record.label for record in link_entities(records, text)] == ["GPE", "GPE", "GPE"]


def test_name_without_a_division_word_keeps_its_label():
    text = "Ossaro Holdings met. Trucks will not pass Ossaro. Ossaro is in talks."
    records = [entity_record("Ossaro", text.index("Ossaro."), label="GPE"), entity_record("Ossaro", text.rindex("Ossaro"))]
    assert [record.label for record in link_entities(records, text)] == ["GPE", "ORG"]


def test_bare_front_is_the_movement_named_before():
    text = "The Ossaro Defence Front said it would march. Ana Ruiz, a member of the Front, spoke to reporters."
    records = [entity_record("Ossaro Defence Front", 4), entity_record("Front", text.rindex("Front"))]
    assert link_entities(records, text)[1].normalized == "Ossaro Defence Front"


def test_first_word_of_an_earlier_company_is_that_company():
    text = "Brenmoor Nickel agreed a sale. Brenmoor Pacific Trading was not part of it. Each Brenmoor share rose."
    records = [
        entity_record("Brenmoor Nickel", 0),
        entity_record("Brenmoor Pacific Trading", text.index("Brenmoor Pacific")),
        entity_record("Brenmoor", text.rindex("Brenmoor"), label="NORP"),
    ]
    linked = link_entities(records, text)[2]
    assert (linked.label, linked.normalized) == ("ORG", "Brenmoor Nickel")


def test_first_word_before_the_company_or_of_a_place_stays():
    text = "Brenmoor said so. Brenmoor Pacific agreed a sale in Chile. Chile Copper Board said so."
    records = [
        entity_record("Brenmoor", 0),
        entity_record("Brenmoor Pacific", text.index("Brenmoor Pacific")),
        entity_record("Chile", text.index("Chile."), label="GPE", kb_id="CL"),
        entity_record("Chile Copper Board", text.rindex("Chile")),
    ]
    linked = link_entities(records, text)
    assert linked[0].normalized == "Brenmoor"
    assert (linked[2].label, linked[2].normalized) == ("GPE", "Chile")


def test_short_form_takes_the_linked_name_of_its_full_name():
    text = "PT Corvane Pacific raised output. Corvane Pacific plans more. Analysts like Corvane shares."
    records = [
        entity_record("PT Corvane Pacific", 0),
        entity_record("Corvane Pacific", text.index("Corvane Pacific plans")),
        entity_record("Corvane", text.rindex("Corvane"), label="NORP"),
    ]
    assert [record.normalized for record in link_entities(records, text)] == ["PT Corvane Pacific"] * 3


def test_quoted_abbreviation_of_a_press_release_is_defined():
    text = 'Corvane imports REE mineral concentrate ("REEC") from Tarrow. The REEC arrives by sea; so does the (“ORE”) line.'
    long = entity_record("REE mineral concentrate", text.index("REE mineral"), label="COMMODITY")
    short = entity_record("REEC", text.rindex("REEC"))
    assert find_abbreviations([long, short], text) == {"REEC": long}
    assert (link_entities([long, short], text)[1].label, link_entities([long, short], text)[1].normalized) == (
        "COMMODITY", "REE mineral concentrate")
