"""Issue 13, entities round 5: a person glued to the organisation a title names ("<title> of <organisation>
<name>"), address state codes and regional abbreviations read by the source's country, "Washington, DC", a
nationality before a ministry, unknown NORPs as short names, body datelines, and names closed by a quoted acronym.
Sentences invented for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.names import trailing_person


def _span(doc, text, label="ORG"):
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 9, len(doc)) + 1):
            if doc[start:end].text == text:
                return Span(doc, start, end, label=label)
    raise AssertionError(text)


def test_person_after_a_titled_organisation_is_split_off(nlp, tables):
    doc = make_block_doc(nlp, "Officials met the Chairman of Korvane Copper Mining Jin Haolan in Almaty on Monday.")
    split = trailing_person(_span(doc, "Korvane Copper Mining Jin Haolan"), tables)
    assert split is not None
    assert [(part.text, part.label_) for part in split] == [("Korvane Copper Mining", "ORG"), ("Jin Haolan", "PERSON")]


def test_organisation_without_a_title_or_with_a_place_stays_whole(nlp, tables):
    untitled = make_block_doc(nlp, "Shares of Korvane Copper Mining Jin Haolan rose.")
    assert trailing_person(_span(untitled, "Korvane Copper Mining Jin Haolan"), tables) is None
    placed = make_block_doc(nlp, "She is the head of Korvane Mining Western Australia.")
    assert trailing_person(_span(placed, "Korvane Mining Western Australia"), tables) is None


def test_pipeline_gives_the_organisation_and_the_person(nlp):
    doc = make_block_doc(nlp, "Talks were held with the chairman of Shandong Nonferrous Metal Mining Wang Jun, officials said.")
    found = ents(doc)
    assert ("Shandong Nonferrous Metal Mining", "ORG") in found
    assert ("Wang Jun", "PERSON") in found


def _article_entities(extractor, text, url=None):
    from pipeline import Article

    [extraction] = list(extractor.extract_many([Article(doc_id="t", text=text, url=url)]))
    return [(r.text, r.label, r.normalized, r.kb_id) for r in extraction.records if r.type == "entity"]


def test_state_code_in_an_address_is_the_subdivision(extractor):
    found = _article_entities(
        extractor, "HALIFAX, NS, May 5, 2026 - Corvane Metals Inc. said its mill near Brackwater, La. The mill runs."
    )
    assert ("NS", "GPE", "Nova Scotia", "CA-NS") in found
    assert ("La.", "GPE", "Louisiana", "US-LA") in found


def test_shared_state_code_follows_the_source_country(extractor):
    text = "Ore leaves Kalgoorlie, WA, by rail, and the WA Government approved the plan."
    assert ("WA", "GPE", "Western Australia", "AU-WA") in _article_entities(extractor, text, "https://news.example.com.au/a")
    assert not any(found[0] == "WA" for found in _article_entities(extractor, text))


def test_sa_is_the_region_of_the_source_country(extractor):
    text = "Platinum output from SA will dip this year, while Traxys Europe SA buys more."
    south_african = _article_entities(extractor, text, "https://www.example.co.za/mining/a")
    assert ("SA", "GPE", "South Africa", "ZA") in south_african
    assert any(found[0] == "Traxys Europe SA" for found in south_african)
    australian = _article_entities(extractor, text, "https://www.example.com.au/a")
    assert ("SA", "GPE", "South Australia", "AU-SA") in australian
    assert not any(found[:2] == ("SA", "GPE") for found in _article_entities(extractor, text))


def test_washington_dc_is_the_literal_city(nlp):
    doc = make_block_doc(nlp, "The lenders met at a Washington, DC office of the fund on Monday.")
    assert ("Washington, DC", "GPE") in ents(doc)
    assert [e._.orewire_entity["normalized"] for e in doc.ents if e.text == "Washington, DC"] == ["Washington"]


def test_nationality_before_a_ministry_stays_outside_its_name(nlp):
    for text in ("On Friday the Malawian Ministry of Mines issued new rules.", "The Malawian Ministry of Mines issued new rules."):
        found = ents(make_block_doc(nlp, text))
        assert ("Malawian", "NORP") in found
        assert ("Ministry of Mines", "ORG") in found


def test_regional_and_added_nationality_adjectives(nlp):
    found = ents(make_block_doc(nlp, "Algerian traders shipped ore to a Central African smelter last year."))
    assert ("Algerian", "NORP") in found
    assert ("Central African", "NORP") in found


def _stage_with_model_span(text: str, start: int, end: int, label: str):
    """The entity stage on a blank pipeline, given one model span (as the statistical model would set it)."""
    import spacy

    nlp = spacy.blank("en")
    stage = nlp.add_pipe("orewire_entities")
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": None, "doc_id": "t"}
    doc.ents = [Span(doc, start, end, label=label)]
    return [(e.text, e.label_) for e in stage(doc).ents]


def test_unknown_nationality_is_read_as_a_short_name():
    assert _stage_with_model_span("Investors cheered Talvora output on Monday.", 2, 3, "NORP") == [("Talvora", "ORG")]
    assert _stage_with_model_span("Investors cheered Algerian output on Monday.", 2, 3, "NORP") == [("Algerian", "NORP")]


def test_capital_opening_the_story_before_a_colon_is_its_dateline(nlp):
    def normalised(text):
        return [(e.text, e._.orewire_entity["normalized"]) for e in make_block_doc(nlp, text).ents if e.label_ == "GPE"]

    assert normalised(" date 2026-03-02 New Delhi: Two ministers on Monday opened a magnet plant.") == [("New Delhi", "New Delhi")]
    assert normalised("Output fell.\nCanberra - The treasurer opened a lithium plant.") == [("Canberra", "Canberra")]
    assert normalised("Beijing said on Monday it would curb exports.") == [("Beijing", "China")]
    assert normalised("Talks with Beijing stalled: officials left.") == [("Beijing", "China")]


def test_romance_name_closed_by_a_quoted_acronym_is_one_organisation(extractor):
    text = "The mine is owned by Corvane (40%) and Salta Energia y Mineria Sociedad del Estado (“SEMSE”). SEMSE agreed."
    found = _article_entities(extractor, text)
    assert ("Salta Energia y Mineria Sociedad del Estado", "ORG", "Salta Energia y Mineria Sociedad del Estado", None) in found
    assert not any(item[0] in {"Salta", "Mineria Sociedad"} for item in found)


def test_headline_name_cut_to_one_glued_word_is_dropped(nlp):
    doc = make_block_doc(nlp, "Energy Fuels' Kestrel Mine in Utah Receives Final Approvals", zone="title")
    assert not any(text == "Fuels" for text, _ in ents(doc))


@pytest.mark.parametrize("text", [
    "The Minister of Lands and Natural Resources, Kofi Mensah, signed the lease on Monday.",
    "The licence was issued by Energy and Minerals Minister Sam Okoro on Friday.",
])
def test_portfolios_inside_a_minister_title_are_no_organisations(nlp, text):
    assert not any(label == "ORG" for _, label in ents(make_block_doc(nlp, text)))


def test_ministry_with_two_portfolios_is_one_body(nlp):
    found = ents(make_block_doc(nlp, "The Ministry of Energy and Natural Resources issued the permit last week."))
    assert ("Ministry of Energy and Natural Resources", "ORG") in found


@pytest.mark.parametrize(
    "title",
    [
        "KMBR Announces Nickel Royalty Increase for Smelters",
        "Ministry to Enhance Critical Minerals Sector With New Fund",
        "Tarvo to Auction Mineral Blocks Including Lithium and Graphite",
    ],
)
def test_headline_verbs_are_no_part_of_a_name_on_a_title_line(nlp, title):
    found = ents(make_block_doc(nlp, title, zone="title"))
    assert not any(label == "ORG" and len(name.split()) > 1 for name, label in found)


def test_headline_words_do_not_cut_a_name_the_organisation_table_knows(nlp):
    found = ents(make_block_doc(nlp, "Export Finance Australia lends A$300m to two graphite miners", zone="title"))
    assert ("Export Finance Australia", "ORG") in found and ("Australia", "ORG") not in found
