"""``counts``: the counted noun found by its tag, or by its shape when no tagger ran (``--profile fast``)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.quantities.counts import count_modifier, plural_noun
from pipeline.components.quantities.interpret import share_of_earlier_count
from pipeline.schema.labels import QUANTITY_GROUP


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("word", ["projects", "mines", "refineries", "tonnes", "Smelters"])
def test_untagged_plural_nouns_by_shape(blank, word):
    assert plural_noun(blank(word)[0], tagged=False)


@pytest.mark.parametrize("word", ["bus", "gas", "analysis", "class", "is", "was", "its", "this", "s", "2s"])
def test_untagged_words_that_only_end_in_s_are_no_plural(blank, word):
    assert not plural_noun(blank(word)[0], tagged=False)


def test_tagged_plural_nouns_follow_the_tag(blank):
    doc = blank("three smelters")
    doc[1].tag_, doc[1].pos_ = "NNS", "NOUN"
    assert plural_noun(doc[1], tagged=True)
    doc[1].tag_, doc[1].pos_ = "VBZ", "VERB"
    assert not plural_noun(doc[1], tagged=True)


def test_untagged_modifiers_are_content_words_and_hyphens(blank):
    doc = blank("new reverse-circulation of the")
    assert [count_modifier(token, tagged=False) for token in doc] == [True, True, True, True, False, False]


def test_fast_extraction_counts_without_a_tagger():
    from pipeline import Extractor

    fast = Extractor(reference_date="2026-01-15", strict=True, profile="fast")
    records = fast.extract("The agency listed 19 strategic projects and three new refineries in Europe.")
    counts = {(record.text, record.unit) for record in records if record.type == "quantity"}
    assert counts == {("19", None), ("three", None)}


@pytest.mark.parametrize(("text", "expected"), [
    # a collective noun names many though it looks singular: it is counted like a plural
    ("The flood trapped 21 staff underground.", [("21", "staff")]),
    ("Some 35 mining personnel were flown out.", [("35", "personnel")]),
    # a singular noun that is no collective still counts nothing
    ("Pit 7 reopened.", []),
    # a number glued to a letter names a basket or a standard, not a count
    ("The reef carries 6E metals and 3PGE grades.", []),
    ("Both 5G towers were built.", []),
])
def test_collective_nouns_are_counted(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    found = [(span.text, span._.orewire_quantity["unit_text"]) for span in doc.spans[QUANTITY_GROUP]
             if span._.orewire_quantity["quantity_type"] == "count"]
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list of numbered categories after a count: each number counts the count's noun
    ("The plan funds 18 projects in mining, 9 refining and 3 recycling.",
     [("18", "projects"), ("9", "projects"), ("3", "projects")]),
    # a number that is no list item keeps its own reading
    ("The plan funds 18 projects in mining; 9 of them are late.", [("18", "projects")]),
])
def test_numbered_category_lists_count_the_noun(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    found = [(span.text, span._.orewire_quantity["unit_text"]) for span in doc.spans[QUANTITY_GROUP]
             if span._.orewire_quantity["quantity_type"] == "count"]
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a rank hyphenated to a number is a rank, as "the top three" is
    ("The deal makes Malawi one of the top-five rutile exporters.", []),
    ("Shares of the bottom-ten performers fell.", []),
    # a hyphenated rank word that is no rank before the number leaves the count alone
    ("Four top-tier copper mines were auctioned.", [("Four", "mines")]),
])
def test_hyphenated_ranks_are_no_counts(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    found = [(span.text, span._.orewire_quantity["unit_text"]) for span in doc.spans[QUANTITY_GROUP]
             if span._.orewire_quantity["quantity_type"] == "count"]
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    # plain digits between a capitalised word and a lower-case one are the number of a name, no count
    ("The miner cut its Scope 3 emissions by a fifth.", []),
    ("Fleet owners bought 900 Class 8 trucks for the haul road.", []),
    ("Step 2 of the plan covers 6 mines.", [("6", "mines")]),
    ("Investors took up the Tranche 2 shares on Friday.", []),
    # a qualifier or determiner opening the sentence is no name: the count stays
    ("Nearly 40 projects applied for the grant.", [("40", "projects")]),
    ("Some 300 workers walked out.", [("300", "workers")]),
    # a title-case headline capitalises the counted noun too: the count stays
    ("India to Auction 20 Critical Mineral Blocks", [("20", "Blocks")]),
])
def test_numbers_of_names_are_no_counts(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    found = [(span.text, span._.orewire_quantity["unit_text"]) for span in doc.spans[QUANTITY_GROUP]
             if span._.orewire_quantity["quantity_type"] == "count"]
    assert found == expected


_LABELS = st.sampled_from(["Scope", "Class", "Tranche", "Zone", "Series", "Category", "Area", "Fab"])
_NOUNS = st.sampled_from(["emissions", "trucks", "shares", "holes", "bonds", "plants", "licences"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=_LABELS, number=st.integers(min_value=1, max_value=999), noun=_NOUNS)
def test_any_numbered_name_inside_a_sentence_counts_nothing(nlp, label: str, number: int, noun: str) -> None:
    doc = make_block_doc(nlp, f"The company said its {label} {number} {noun} were sold last year.")
    counts = [span.text for span in doc.spans[QUANTITY_GROUP] if span._.orewire_quantity["quantity_type"] == "count"]
    assert counts == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.integers(min_value=2, max_value=9999), noun=_NOUNS)
def test_a_number_after_a_lower_case_word_still_counts(nlp, number: int, noun: str) -> None:
    doc = make_block_doc(nlp, f"The company said it sold {number:,} {noun} last year.")
    counts = [span.text for span in doc.spans[QUANTITY_GROUP] if span._.orewire_quantity["quantity_type"] == "count"]
    assert counts == [f"{number:,}"]


@pytest.mark.parametrize(("text", "expected"), [
    # whatever a source opener counts is who the story quotes, not a fact
    ("The mine could be the region's largest, according to two companies involved.", []),
    ("Exports resumed, the agency said, citing three shipping firms.", []),
    # the same noun counted outside a source opener stays a count
    ("Two companies involved in the bid pulled out.", [("Two", "companies")]),
])
def test_counts_after_a_source_opener_are_sources(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    found = [(span.text, span._.orewire_quantity["unit_text"]) for span in doc.spans[QUANTITY_GROUP]
             if span._.orewire_quantity["quantity_type"] == "count"]
    assert found == expected


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(opener=st.sampled_from(["according to", "citing", "quoting"]), number=st.integers(min_value=2, max_value=99),
       noun=st.sampled_from(["companies", "traders", "firms", "buyers", "reports", "people"]))
def test_nothing_a_source_opener_counts_is_a_count(nlp, opener: str, number: int, noun: str) -> None:
    doc = make_block_doc(nlp, f"Output fell sharply, {opener} {number} {noun} in the region.")
    assert [span.text for span in doc.spans[QUANTITY_GROUP]
            if span._.orewire_quantity["quantity_type"] == "count"] == []


@pytest.mark.parametrize(("text", "expected"), [
    # a set something is picked from: the spelled number after "the" is its size, a count
    ("Crews relined one of the two roasting kilns at the plant.", [("two", "kilns")]),
    ("Among the nine cobalt grades tracked in May, most rose.", [("nine", "grades")]),
    ("Tin ranked among the six largest exports by value.", [("six", "exports")]),
    ("Each of the three refineries trimmed output.", [("three", "refineries")]),
    # "the" alone, or after a word that picks no member, re-counts things named before: no count
    ("The two kilns were relined in March.", []),
    ("Trade between the two nations grew.", []),
    ("Both of the three refineries are old.", []),
])
def test_the_size_of_a_set_picked_from_is_a_count(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    found = [(span.text, span._.orewire_quantity["unit_text"]) for span in doc.spans[QUANTITY_GROUP]
             if span._.orewire_quantity["quantity_type"] == "count"]
    assert found == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.sampled_from(["two", "three", "five", "eight", "twelve"]), noun=_NOUNS,
       opener=st.sampled_from(["one of", "each of", "among", "two of", "none of"]))
def test_a_spelled_number_counts_after_a_set_opener_only(nlp, word: str, noun: str, opener: str) -> None:
    counted = make_block_doc(nlp, f"The company said {opener} the {word} {noun} were sold last year.")
    bare = make_block_doc(nlp, f"The company said the {word} {noun} were sold last year.")
    assert word in [span.text for span in counted.spans[QUANTITY_GROUP]]
    assert word not in [span.text for span in bare.spans[QUANTITY_GROUP]]


@pytest.mark.parametrize(("text", "expected"), [
    # a bare number, "or" and the percentage it is of a whole counted earlier in the sentence: a count and its share
    ("Of 48 pits inspected, 36 pits passed and the other 12 or 25% failed.",
     [("48", None), ("36", None), ("12", None), ("25%", "%")]),
    ("Of 3,200 claims filed, 800 or 25% were refused.", [("3,200", None), ("800", None), ("25%", "%")]),
    # no whole it is the share of: two percentages, as before
    ("Recoveries may improve 10 or 15% next year.", [("10", "%"), ("15%", "%")]),
    ("Of 48 pits inspected, 12 or 30% may close.", [("48", None), ("12", "%"), ("30%", "%")]),
])
def test_a_count_and_its_share_are_no_two_percentages(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    assert [(span.text, span._.orewire_quantity["unit"]) for span in doc.spans[QUANTITY_GROUP]] == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(whole=st.integers(20, 5000), part_share=st.integers(5, 95))
def test_share_of_an_earlier_count_property(whole: int, part_share: int) -> None:
    """Whatever the whole, a part written with its own share rounded to a whole percent is that share; a percentage
    off by more than one point is not."""
    part = max(1, whole * part_share // 100)
    share = round(100 * part / whole)
    before = f"Of {whole:,} sites, the remaining "
    assert share_of_earlier_count(before, part, share)
    assert not share_of_earlier_count(before, part, share + 2)


@pytest.mark.parametrize(("text", "expected"), [
    # "hundred" scales the number before it, as "thousand" does; "one" before a scale word is a number
    ("Two hundred drillers were hired.", [("Two hundred", 200)]),
    ("About one hundred trucks waited at the border.", [("one hundred", 100)]),
    ("One thousand claims were filed.", [("One thousand", 1000)]),
    ("A hundred trucks waited.", [("A hundred", 100)]),
    # "one" alone counts nothing; a vague "several hundred" has no value
    ("One smelter closed.", []),
    ("Several hundred drillers were hired.", []),
])
def test_hundreds_are_counted_with_their_number(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    assert [(span.text, span._.orewire_quantity["value"]) for span in doc.spans[QUANTITY_GROUP]] == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tens=st.sampled_from(["", "twenty-", "thirty-"]), ones=st.sampled_from(["two", "five", "nine"]),
       scale=st.sampled_from([("hundred", 100), ("thousand", 1000)]))
def test_spelled_scaled_counts_multiply(nlp, tens: str, ones: str, scale: tuple[str, int]) -> None:
    """"<spelled number> hundred|thousand <noun>" is that number times the scale."""
    values = {"two": 2, "five": 5, "nine": 9}
    number = values[ones] + (20 if tens == "twenty-" else 30 if tens == "thirty-" else 0)
    word, factor = scale
    doc = make_block_doc(nlp, f"The miner hired {tens}{ones} {word} contractors.")
    assert [span._.orewire_quantity["value"] for span in doc.spans[QUANTITY_GROUP]] == [number * factor]


@pytest.mark.parametrize(("text", "expected"), [
    # any counted noun that speaks or is polled is a source the story quotes, not a fact
    ("Smelters will cut runs next month, three refiners told the paper.", []),
    ("Shipments slowed in June, two exporters said.", []),
    ("The average call of 40 economists polled last week was for a small rise.", []),
    ("Two of the sources said the licence was delayed.", []),
    # "said to" describes the noun, and counted nouns that do not speak stay counts
    ("The group bought two deposits said to hold lithium.", [("two", "deposits")]),
    ("Two of the smelters shut in May.", [("Two", None)]),  # a partitive count names no noun of its own
    ("The state sold three exploration blocks in May.", [("three", "blocks")]),
])
def test_counted_nouns_that_speak_are_sources(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    found = [(span.text, span._.orewire_quantity["unit_text"]) for span in doc.spans[QUANTITY_GROUP]
             if span._.orewire_quantity["quantity_type"] == "count"]
    assert found == expected


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.integers(min_value=2, max_value=999), noun=st.sampled_from(["producers", "buyers", "firms", "miners"]),
       verb=st.sampled_from(["said", "told reporters", "say"]))
def test_no_count_of_a_noun_followed_by_a_speech_verb(nlp, number: int, noun: str, verb: str) -> None:
    doc = make_block_doc(nlp, f"Prices will stay firm this year, {number} {noun} {verb}.")
    assert [span.text for span in doc.spans[QUANTITY_GROUP]
            if span._.orewire_quantity["quantity_type"] == "count"] == []


@pytest.mark.parametrize(("text", "expected"), [
    # countries, states and provinces say where things are; the read dev gold leaves them out (docs/realnews.md)
    ("The refiner ships cathode to more than 60 countries.", []),
    ("The tender offered nine graphite blocks spread over four states.", [("nine", "blocks")]),
    ("Known deposits lie in 14 provinces, most of them in the north.", []),
    ("Twelve nations signed the charter in Lima.", []),
    # a later number whose noun is elided still counts the domain noun, not the places
    ("The agency sold six copper blocks in three provinces, taking the total to 19.",
     [("six", "blocks"), ("19", "blocks")]),
    # domain objects in the same sentence are still counted
    ("The miner runs five smelters in two countries.", [("five", "smelters")]),
])
def test_places_are_no_counted_objects(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    found = [(span.text, span._.orewire_quantity["unit_text"]) for span in doc.spans[QUANTITY_GROUP]
             if span._.orewire_quantity["quantity_type"] == "count"]
    assert found == expected


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.integers(min_value=2, max_value=998), place=st.sampled_from(["countries", "states", "provinces"]),
       noun=_NOUNS)
def test_a_number_of_places_never_counts_while_its_domain_noun_does(nlp, number: int, place: str, noun: str) -> None:
    # below 1000: "1800 holes" would read as a year, a rule of its own
    doc = make_block_doc(nlp, f"The group holds {number + 1} {noun} across {number} {place}.")
    counts = [(span.text, span._.orewire_quantity["unit_text"]) for span in doc.spans[QUANTITY_GROUP]
              if span._.orewire_quantity["quantity_type"] == "count"]
    assert counts == [(str(number + 1), noun)]
