"""Entity linking, issue 13 entities round 8 (``pipeline.article.linking_forms``): a one-word short name set after an
organisation's name, a defined acronym with its body's head word, and company names closing in a commodity word.
Sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities


def _linked(text: str, names: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    records = [entity_record(name, text.index(at), label=label) for name, label, at in names]
    return [(record.label, record.normalized) for record in link_entities(records, text)]


def test_short_name_after_a_comma_closing_the_sentence_is_the_organisation():
    text = "Supply is tight, said the Nordic Alloys Federation,\nNordalloy. Prices fell, Nordalloy added."
    names = [("Nordic Alloys Federation", "ORG", "Nordic"), ("Nordalloy", "PERSON", "Nordalloy."),
             ("Nordalloy", "PERSON", "Nordalloy added")]
    assert _linked(text, names) == [("ORG", "Nordic Alloys Federation")] * 3


def test_a_name_in_a_list_is_no_short_name():
    text = "It supplies Orvane Motors, Kestrel, and Bravia in Europe."
    names = [("Orvane Motors", "ORG", "Orvane"), ("Kestrel", "ORG", "Kestrel"), ("Bravia", "ORG", "Bravia")]
    assert _linked(text, names) == [("ORG", "Orvane Motors"), ("ORG", "Kestrel"), ("ORG", "Bravia")]


def test_defined_acronym_with_its_head_word_is_the_body():
    text = "A loan from the Export Finance Bank (EFB) is likely. The EFB Bank has not decided."
    names = [("Export Finance Bank", "ORG", "Export"), ("EFB", "ORG", "EFB)"), ("EFB Bank", "ORG", "EFB Bank")]
    assert _linked(text, names)[2] == ("ORG", "Export Finance Bank")


def test_short_name_of_a_company_closing_in_a_commodity_word():
    text = "Tarrow Silicon will shut the plant. Tarrow said costs rose."
    names = [("Tarrow Silicon", "ORG", "Tarrow Silicon"), ("Tarrow", "ORG", "Tarrow said")]
    assert _linked(text, names)[1] == ("ORG", "Tarrow Silicon")


def test_a_place_after_a_comma_is_no_short_name():
    text = "Output fell, said the Mineral Resources Authority, Lusaka."
    names = [("Mineral Resources Authority", "ORG", "Mineral"), ("Lusaka", "GPE", "Lusaka")]
    assert _linked(text, names)[1] == ("GPE", "Lusaka")


def test_one_word_name_opening_a_short_line_before_the_full_name():
    text = "Tarrow declares force majeure on ore\n\nTarrow Bay Mining Ltd said on Monday that shipments stopped."
    names = [("Tarrow", "ORG", "Tarrow declares"), ("Tarrow Bay Mining Ltd", "ORG", "Tarrow Bay")]
    assert _linked(text, names)[0] == ("ORG", "Tarrow Bay Mining Ltd")
    text = "Tarrow said output rose. Tarrow Bay Mining Ltd is its unit."
    names = [("Tarrow", "ORG", "Tarrow said"), ("Tarrow Bay Mining Ltd", "ORG", "Tarrow Bay")]
    assert _linked(text, names)[0] == ("ORG", "Tarrow")


def test_closing_part_of_a_facility_name_is_that_facility():
    text = "It idled its unit, Benito Juarez, this week. Juarez opened in 2001. A mine called Division El Loa shut; the El Loa mine"
    names = [("Benito Juarez", "FACILITY", "Benito"), ("Juarez", "FACILITY", "Juarez opened"),
             ("Division El Loa", "FACILITY", "Division"), ("El Loa", "GPE", "El Loa mine")]
    assert _linked(text, names) == [("FACILITY", "Benito Juarez")] * 2 + [("FACILITY", "Division El Loa")] * 2
