"""ORG names only the model gives, with no role in a clause (``pipeline.components.entities.support``): marked
when every sign is missing, left alone when a rule gives the name, the name is a party in its clause or it modifies
what a source gives. Parses are written by hand on ``spacy.blank("en")``'s vocab; sentences invented for these tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from pipeline.components.entities.support import unsupported_model_names
from pipeline.resources.entities import DEFAULT_FOLDER
from pipeline.resources.files import ResourceReader
from pipeline.resources.model_support import MODEL_SUPPORT_FILE, ModelSupport
from pipeline.schema.labels import UNSUPPORTED_MODEL_GROUP

WEAK_ROLES = ResourceReader().json(f"{DEFAULT_FOLDER}/{MODEL_SUPPORT_FILE}", ModelSupport).weak_roles
SOURCE_NOUNS = frozenset({"data", "figures"})
VOCAB = spacy.blank("en").vocab


def parsed(words: list[str], heads: list[int], deps: list[str], name: tuple[int, int, str]) -> tuple[Doc, Span]:
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    span = Span(doc, name[0], name[1], label=name[2])
    doc.ents = [span]
    return doc, span


# "Fund managers cited Kessa standards ." : "Kessa" only modifies "standards"
MODIFIER = (["Fund", "managers", "cited", "Kessa", "standards", "."], [1, 2, 2, 4, 2, 2],
            ["compound", "nsubj", "ROOT", "compound", "dobj", "punct"])


def test_a_model_name_that_only_modifies_a_noun_is_marked():
    doc, span = parsed(*MODIFIER, (3, 4, "ORG"))
    key = {(3, 4, "ORG")}
    assert unsupported_model_names(doc.ents, key, set(), WEAK_ROLES, SOURCE_NOUNS) == [span]
    assert unsupported_model_names(doc.ents, key, key, WEAK_ROLES, SOURCE_NOUNS) == [], "a rule gives it too"
    assert unsupported_model_names(doc.ents, set(), set(), WEAK_ROLES, SOURCE_NOUNS) == [], "no model span"


def test_only_organisations_are_marked():
    doc, _ = parsed(*MODIFIER, (3, 4, "GPE"))
    assert unsupported_model_names(doc.ents, {(3, 4, "GPE")}, set(), WEAK_ROLES, SOURCE_NOUNS) == []


def test_a_subject_and_a_cited_source_have_support():
    # "Kessa cited Norlex data ." : the subject is a party; "Norlex data" cites a source
    words, heads = ["Kessa", "cited", "Norlex", "data", "."], [1, 1, 3, 1, 1]
    deps = ["nsubj", "ROOT", "compound", "dobj", "punct"]
    subject, _ = parsed(words, heads, deps, (0, 1, "ORG"))
    assert unsupported_model_names(subject.ents, {(0, 1, "ORG")}, set(), WEAK_ROLES, SOURCE_NOUNS) == []
    source, _ = parsed(words, heads, deps, (2, 3, "ORG"))
    assert unsupported_model_names(source.ents, {(2, 3, "ORG")}, set(), WEAK_ROLES, SOURCE_NOUNS) == []
    assert unsupported_model_names(source.ents, {(2, 3, "ORG")}, set(), WEAK_ROLES, frozenset())


def test_the_stage_marks_nothing_without_a_model(blank_entities):
    doc = blank_entities("Brennick Mining Ltd standards apply to Kessa data.")
    assert [ent.text for ent in doc.ents if ent.label_ == "ORG"], "the pattern rules still find the company"
    assert list(doc.spans[UNSUPPORTED_MODEL_GROUP]) == []



def test_a_stock_exchange_modifying_its_market_is_not_marked():
    # "Fund managers cited Kessa standards ." with "Kessa" an exchange's name: it names the market, no false company
    doc, span = parsed(*MODIFIER, (3, 4, "ORG"))
    key = {(3, 4, "ORG")}
    assert unsupported_model_names(doc.ents, key, set(), WEAK_ROLES, SOURCE_NOUNS, frozenset({"Kessa"})) == []
    assert unsupported_model_names(doc.ents, key, set(), WEAK_ROLES, SOURCE_NOUNS, frozenset({"Norlex"})) == [span]
