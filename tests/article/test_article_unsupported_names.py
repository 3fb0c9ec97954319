"""Names the story gives no support (``pipeline.article.unsupported_names``): ORG/PERSON groups written only on
headline lines are dropped unless an event takes them as a party, and so is a person named once with no person
cue around it (a company's word in the name makes it that ORG). Sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.unsupported_names import (
    headline_only,
    listing_exchanges,
    uncued_persons,
    without_headline_only,
    without_uncued_persons,
)


def _record(name: str, text: str, label: str, at: str | None = None, zone: str = "body"):
    return entity_record(name, text.index(at or name), label=label).model_copy(update={"zone": zone})


def test_group_written_only_on_headline_lines_is_dropped():
    text = "Brackwater Daily\nTarnfield Metals opens a mill\nTarnfield Metals said the mill will open in May."
    records = [_record("Brackwater Daily", text, "ORG", zone="title"),
               _record("Tarnfield Metals", text, "ORG", "Tarnfield Metals opens", zone="heading"),
               _record("Tarnfield Metals", text, "ORG", "Tarnfield Metals said")]
    assert headline_only(records) == {0}
    assert [record.text for record in without_headline_only(records, set())] == ["Tarnfield Metals", "Tarnfield Metals"]


def test_headline_only_name_an_event_takes_as_party_is_kept():
    text = "Orwell Cobalt Signs Offtake\nThe contract runs to 2031."
    records = [_record("Orwell Cobalt", text, "ORG", zone="title")]
    assert without_headline_only(records, {records[0].id}) == records
    assert without_headline_only(records, set()) == []


def test_exchange_opening_a_listing_line_is_spared():
    text = "Harlan Gold Limited\nJSE Share code: HGL\nAIX: HGL, HGL.Y (GDR)\nThe LSE index fell; Harlan said output rose."
    records = [_record("JSE", text, "ORG", "JSE Share", zone="heading"), _record("AIX", text, "ORG", zone="heading"),
               _record("LSE", text, "ORG", zone="heading")]
    assert listing_exchanges(records, text) == {records[0].id, records[1].id}
    kept = without_headline_only(records, listing_exchanges(records, text))
    assert [(record.text, record.start) for record in kept] == [("JSE", text.index("JSE Share")), ("AIX", text.index("AIX"))]


def test_headline_only_rule_leaves_places_and_commodities():
    text = "Cobalt exports from Norland rise\nShipments grew."
    records = [_record("Cobalt", text, "COMMODITY", zone="title"), _record("Norland", text, "GPE", zone="title")]
    assert headline_only(records) == set()


def test_person_with_a_role_or_speech_cue_is_kept():
    text = ("Mining economics lecturer Oda Brennvik expects more. Prices rose, Lars Tvedt commented. "
            "The ban was lifted by the administration under Pell Orvard.")
    records = [_record("Oda Brennvik", text, "PERSON"), _record("Lars Tvedt", text, "PERSON"),
               _record("Pell Orvard", text, "PERSON")]
    assert uncued_persons(records, text) == set()


def test_person_is_kept_when_one_of_its_mentions_has_a_cue():
    text = "Then Kell Ambry arrived. Later Kell Ambry left, she said."
    records = [_record("Kell Ambry", text, "PERSON", "Kell Ambry arrived"),
               _record("Kell Ambry", text, "PERSON", "Kell Ambry left")]
    assert uncued_persons(records, text) == set()
    text = "Then Kell Ambry arrived. Later Kell Ambry left for good."
    records = [_record("Kell Ambry", text, "PERSON", "Kell Ambry arrived"),
               _record("Kell Ambry", text, "PERSON", "Kell Ambry left")]
    assert uncued_persons(records, text) == {0, 1}


def test_uncued_person_is_dropped_or_becomes_the_company_it_names():
    text = "Ore goes by rail to Vessa Harbour for export. Grants went to Lumo Battery Oy for a plant."
    records = [_record("Vessa Harbour", text, "PERSON"), _record("Lumo Battery Oy", text, "PERSON")]
    assert uncued_persons(records, text) == {0, 1}
    kept = without_uncued_persons(records, text)
    assert [(record.text, record.label) for record in kept] == [("Lumo Battery Oy", "ORG")]
