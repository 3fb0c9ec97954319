"""The entity component's parts on their own: merge policy, pattern precheck, vetting table,
country suffixes and prefixes, headline lines, date-shaped spans and bracketed series tags."""

from __future__ import annotations

from typing import get_args

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.gazetteer_match import country_suffix_end
from pipeline.components.entities.headlines import headline_token_indices
from pipeline.components.entities.merge import merge_entities
from pipeline.components.entities.normalise import expand_country_prefix
from pipeline.components.entities.refine import in_brackets
from pipeline.components.entities.shapes import date_shaped
from pipeline.components.entities.vetting import VETTERS
from pipeline.components.entities.view import TokenColumns
from pipeline.components.pattern_words import required_words
from pipeline.resources.entities import PatternCheck, load_entity_tables
from pipeline.resources.files import ResourceReader


@pytest.fixture(scope="module")
def tables():
    return load_entity_tables(ResourceReader())


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def test_merge_keeps_model_name_that_contains_a_place(blank):
    doc = blank.make_doc("Export Finance Australia lends")
    rules = [Span(doc, 2, 3, label="GPE")]
    assert [(s.text, s.label_) for s in merge_entities(rules, [Span(doc, 0, 3, label="ORG")])] == [
        ("Export Finance Australia", "ORG")
    ]
    rule_org = [Span(doc, 0, 3, label="ORG")]
    assert [(s.text, s.label_) for s in merge_entities(rule_org, [Span(doc, 2, 4, label="GPE")])] == [
        ("Export Finance Australia", "ORG")
    ]


def test_merge_prefers_a_rule_span_over_an_overlapping_model_span(blank):
    doc = blank.make_doc("Lynas Rare Earths said")
    rules = [Span(doc, 0, 3, label="ORG")]
    model = [Span(doc, 0, 2, label="PERSON")]
    assert [(s.text, s.label_) for s in merge_entities(rules, model)] == [("Lynas Rare Earths", "ORG")]


def test_merge_keeps_the_model_name_two_overlapping_rules_read_from_its_ends(blank):
    doc = blank.make_doc("the Global Office of Mining Affairs said")
    rules = [Span(doc, 1, 3, label="ORG"), Span(doc, 2, 6, label="ORG")]  # "Global Office", "Office of Mining Affairs"
    model = [Span(doc, 1, 6, label="ORG")]
    assert [(s.text, s.label_) for s in merge_entities(rules, model)] == [("Global Office of Mining Affairs", "ORG")]
    apart = [Span(doc, 1, 3, label="ORG"), Span(doc, 3, 6, label="ORG")]  # side by side, not overlapping: rules win
    assert [s.text for s in merge_entities(apart, model)] == ["Global Office", "of Mining Affairs"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("U.S. Department of War", "United States Department of War"),
        ("US Geological Survey", "United States Geological Survey"),
        ("U.S. International Development Finance Corporation", "U.S. International Development Finance Corporation"),
        ("USA Rare Earth", "USA Rare Earth"),
    ],
)
def test_country_prefix_of_federal_bodies_is_expanded(tables, name, expected):
    assert expand_country_prefix(name, tables) == expected


def test_every_pattern_check_has_a_vetting_function(tables):
    assert set(VETTERS) == set(get_args(PatternCheck))
    assert {row.check for row in tables.token_patterns} <= set(VETTERS)


def test_pattern_family_precheck_gives_the_matcher_output(nlp, tables):
    stage = nlp.get_pipe("orewire_entities")
    single = Matcher(nlp.vocab)
    for number, row in enumerate(tables.token_patterns):
        single.add(f"{row.label}|{row.id}|{number}", [row.pattern], greedy="LONGEST")
    for text in (
        "Karratha Lithium Ltd and Namibia Critical Metals signed under the Critical Raw Materials Act.",
        "The Ministry of Mines said the Lofdal project and the Round Top deposit advanced.",
        "Prices were flat on Monday.",
        # words of one mandatory token but not of the other ("trade" without "ministry"), and then both
        "Trade officials and mining analysts met in Kestrel; Fenwick's mines ministry said the ministry of trade agreed.",
    ):
        doc = make_block_doc(nlp, text)
        assert sorted(stage.patterns.matches(doc)) == sorted(single(doc))
    assert required_words([{"ORTH": "Law"}, {"LOWER": "on"}]) == [("ORTH", frozenset({"Law"})), ("LOWER", frozenset({"on"}))]
    assert required_words([{"ORTH": {"IN": ["U.S."]}, "OP": "?"}, {"TEXT": {"REGEX": "x"}}]) == []
    assert required_words([{"LOWER": {"IN": ["mines", "trade"]}, "IS_LOWER": True}, {"ORTH": "ministry", "OP": "+"}]) == [
        ("LOWER", frozenset({"mines", "trade"})), ("ORTH", frozenset({"ministry"}))]


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("Lynas Rare Earths Malaysia, a unit", 3, 4),
        ("Lynas Rare Earths Malaysia's plant", 3, 3),
        ("Lynas Rare Earths Malaysia Plant", 3, 3),
        ("Iluka Resources South Africa.", 2, 4),
    ],
)
def test_a_country_closing_a_company_name_joins_it(blank, tables, text, end, expected):
    """The country closes the name: not before a possessive nor a further capitalised word."""
    assert country_suffix_end(blank.make_doc(text), end, tables.gazetteer) == expected


def test_headline_tokens_are_the_title_case_line_only(blank):
    doc = blank.make_doc("Overseas Rare Earth Roundup Moves Higher\nprices were flat in the week.")
    indices = headline_token_indices("body", TokenColumns(doc))
    assert sorted(indices) == list(range(7))  # the six title-case words and the line break ending them
    assert headline_token_indices("title", TokenColumns(doc)) == set(range(len(doc)))


@pytest.mark.parametrize(
    ("text", "expected"), [("Mar 3, 2026", True), ("Monday", True), ("March Resources", False), ("2026", False)]
)
def test_date_shaped_spans(blank, text, expected):
    doc = blank.make_doc(text)
    assert date_shaped(doc[:]) is expected


def test_series_tag_in_brackets(blank):
    text = "Oxide Extends Gains [Orewire Rare Earth Prices]"
    doc = blank.make_doc(text)
    assert [in_brackets(doc[i : i + 1], text) for i in (0, 5)] == [False, True]


def test_first_word_of_a_hyphen_adjective_is_no_name(nlp):
    found = ents(make_block_doc(nlp, "Villagers opposed the Anglo-Australian mining group, which stayed on."))
    assert ("Australian", "NORP") in found
    assert not any(text == "Anglo" for text, _ in found)


def test_first_surname_of_a_law_nickname_is_no_person(nlp):
    found = ents(make_block_doc(nlp, "Ore was still sold despite the Dodd-Frank rules on tin."))
    assert not any(label == "PERSON" for _, label in found)


def test_company_cut_at_its_hyphen_is_the_whole_compound(nlp):
    found = ents(make_block_doc(nlp, "The fund Varsak-Tolyn estimates reserves at 410 tons."))
    assert not any(text == "Varsak" for text, _ in found)


def test_two_nationalities_joined_by_a_hyphen_stay_two(nlp):
    found = ents(make_block_doc(nlp, "A Kazakh-Chinese venture will mine the deposit."))
    assert ("Kazakh", "NORP") in found and ("Chinese", "NORP") in found
