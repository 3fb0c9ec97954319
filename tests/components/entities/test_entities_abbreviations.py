"""Places written as abbreviations (``components/entities/abbreviations.py``): news-style state abbreviations after a
town ("Ariz.", "Mich.", "N.S."), and the all-caps town that opens a dateline before one. Sentences invented for
these tests."""

from __future__ import annotations

from support import ents, make_block_doc, normalized


def _records(extractor, text):
    from pipeline import Article

    [extraction] = list(extractor.extract_many([Article(doc_id="t", text=text)]))
    return [(r.text, r.label, r.normalized, r.kb_id) for r in extraction.records if r.type == "entity"]


def test_news_style_state_after_a_town_is_the_state(nlp):
    doc = make_block_doc(nlp, "The lithium claims sit in Pershing County, Nev. The drills arrive in spring.")
    assert ("Nev.", "GPE") in ents(doc)
    assert ("Nevada", "GPE") in normalized(doc)


def test_states_in_a_list_of_towns_are_each_their_state(nlp):
    doc = make_block_doc(nlp, "Crews moved from Ridgecrest, Calif., and Natchez, Miss. and Truro, N.S. last year.")
    assert {("California", "GPE"), ("Mississippi", "GPE"), ("Nova Scotia", "GPE")} <= normalized(doc)
    assert len({(e.start, e.end) for e in doc.ents}) == len(doc.ents)  # a list member is tagged once


def test_state_abbreviation_without_a_town_before_it_is_no_place(nlp):
    doc = make_block_doc(nlp, "Output rose, Ariz. said nothing of it, and the mill stopped.")
    assert not any(label == "GPE" and text == "Ariz." for text, label in ents(doc))


def test_dateline_town_before_a_state_abbreviation_is_a_place_and_the_station_a_credit(extractor):
    found = _records(extractor, "KESTON, Mich. (WKRV) - Brackwater Copper Company plans to start work on its Selden mine.")
    assert ("KESTON", "GPE", "Keston", None) in found
    assert ("Mich.", "GPE", "Michigan", "US-MI") in found
    assert not any(record[0] == "WKRV" for record in found)


def test_dateline_county_abbreviation_names_the_county(extractor):
    found = _records(extractor, "TARLOW Co., Ala. (WXTV) - Dunmere Graphite LLC will build a plant near the river.")
    assert ("TARLOW Co.", "GPE", "Tarlow County", None) in found
    assert not any(record[1] == "ORG" and record[0].startswith("TARLOW") for record in found)


def test_all_caps_words_before_a_state_inside_a_sentence_are_no_dateline(extractor):
    found = _records(extractor, "The report by KORVA, Tex. analysts was late, and the mine kept running.")
    assert not any(record[0] == "KORVA" and record[1] == "GPE" for record in found)
