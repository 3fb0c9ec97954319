"""Names cut by the end of an excerpt (``pipeline.article.cut_text``, through ``link_entities``): a text that stops
inside a word drops the name reaching its end; a text ending with a stop keeps it. Lines invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.cut_text import cut_names, cut_off
from pipeline.article.linking import link_entities


def test_text_ending_inside_a_word_is_cut():
    assert cut_off("Output fell at the Brask mill.\n") is None
    assert cut_off("Output fell at the Brask mi \n") == len("Output fell at the Brask mi")
    assert cut_off("He spoke to the (Agency)") is None


def test_name_reaching_the_cut_end_is_dropped_and_earlier_names_stay():
    text = "Nordvik Metals cited a study by the think-tank Institute for Str"
    records = [entity_record("Nordvik Metals", 0, label="ORG"),
               entity_record("Institute for Str", text.index("Institute"), label="ORG")]
    assert cut_names(records, text) == {1}
    assert [record.text for record in link_entities(records, text)] == ["Nordvik Metals"]


def test_name_closing_a_finished_sentence_stays():
    text = "Output was sold to Nordvik Metals."
    records = [entity_record("Nordvik Metals", text.index("Nordvik"), label="ORG")]
    assert cut_names(records, text) == set()
    assert len(link_entities(records, text)) == 1
