"""Trading symbols defined by a listing bracket (``pipeline.article.linking_symbols``). Names invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities
from pipeline.article.linking_symbols import listed_symbols, listing_after


def _normalized(text: str, names: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    records = [entity_record(name, text.index(at), label=label) for name, label, at in names]
    return [(record.text, record.normalized) for record in link_entities(records, text)]


def test_symbol_after_exchange_is_the_company_later():
    text = "Farrow Nickel NL (ASX: FNX) agreed to the bid. FNX shares jumped 20% on Monday."
    linked = _normalized(text, [("Farrow Nickel", "ORG", "Farrow Nickel"), ("ASX", "ORG", "ASX"),
                                ("FNX", "ORG", "FNX shares")])
    assert linked == [("Farrow Nickel", "Farrow Nickel"), ("ASX", "ASX"), ("FNX", "Farrow Nickel")]


def test_symbol_first_listing_and_its_bracket_reading_are_the_company():
    text = "Quillan Graphite Inc. (QGR: TSX-V; QGRF: OTCQX) reported results. QGR plans a plant."
    linked = _normalized(text, [("Quillan Graphite Inc.", "ORG", "Quillan"), ("QGR", "ORG", "QGR:"),
                                ("OTCQX", "ORG", "OTCQX"), ("QGR", "ORG", "QGR plans")])
    assert [name for _, name in linked] == ["Quillan Graphite Inc.", "Quillan Graphite Inc.", "OTCQX", "Quillan Graphite Inc."]


def test_symbol_with_market_suffix_is_defined_without_it():
    text = "Dunmore Antimony Corporation (DAC.US) signed a contract. DAC will deliver the metal."
    mentions = [entity_record("Dunmore Antimony Corporation", 0), entity_record("DAC", text.index("DAC will"))]
    assert set(listed_symbols(mentions, text)) == {"DAC.US", "DAC"}
    assert _normalized(text, [("Dunmore Antimony Corporation", "ORG", "Dunmore"), ("DAC", "ORG", "DAC will")])[1] == \
        ("DAC", "Dunmore Antimony Corporation")


def test_bracket_that_is_no_listing_defines_no_symbol():
    text = "Farrow Nickel (FN: a unit of Tallis) and Tallis Group (Perth, WA) said FN would grow."
    mentions = [entity_record("Farrow Nickel", 0), entity_record("Tallis Group", text.index("Tallis Group"))]
    assert listed_symbols(mentions, text) == {}


def test_exchange_name_is_never_a_symbol():
    text = "Farrow Nickel (NYSE: ASX) was listed. ASX said so."
    assert listed_symbols([entity_record("Farrow Nickel", 0)], text) == {}


def test_listing_after_reads_the_bracket_whatever_the_label():
    text = "Marrish Metals (ASX: MMX) and Marrish (the town) both grew."
    first, second = entity_record("Marrish Metals", 0, label="GPE"), entity_record("Marrish", text.index("Marrish ("), label="GPE")
    assert listing_after(first, text)
    assert not listing_after(second, text)
