"""The event resources under ``models/events/``: they load, and the models reject what they do not know."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.resources.event_party_types import PartyTypeCues
from pipeline.resources.event_role_labels import RoleLabels
from pipeline.resources.events import DocumentPolicy, EventCues, EventWords, TokenSpec, TriggerRule, load_event_resources
from pipeline.resources.files import ResourceReader
from pipeline.schema.labels import EVENT_TYPES


def test_trigger_rules_load_and_cover_every_event_type():
    resources = load_event_resources(ResourceReader())
    rules = resources.rules
    assert len({rule.id for rule in rules}) == len(rules)
    assert {rule.event_type for rule in rules} == set(EVENT_TYPES)
    assert "say" in resources.words.say_verbs
    assert resources.words.irregular_forms["rise"] == ("rose", "risen")


def test_trigger_rule_rejects_unknown_keys_and_types():
    good = {"id": "x", "event_type": "export_restriction", "pattern": [{"lemma": ["ban"]}]}
    TriggerRule.model_validate(good)  # so each rejection below is for the one thing changed
    with pytest.raises(ValidationError, match="contxt_any"):
        TriggerRule.model_validate({**good, "contxt_any": ["export"]})
    with pytest.raises(ValidationError, match="event_type"):
        TriggerRule.model_validate({**good, "event_type": "weather"})
    TokenSpec.model_validate({"op": "?", "lemma": ["ban"]})
    with pytest.raises(ValidationError, match="needs 'lemma' or 'lower'"):
        TokenSpec.model_validate({"op": "?"})


def test_event_words_reject_an_unknown_list():
    words = load_event_resources(ResourceReader()).words.model_dump(mode="json")
    EventWords.model_validate(words)
    with pytest.raises(ValidationError, match="say_verb"):
        EventWords.model_validate({**words, "say_verb": ["say"]})


def test_party_types_load_and_reject_an_unknown_event_type():
    types = load_event_resources(ResourceReader()).cues.party_types
    assert "financing" in types.provider_types
    assert types.lending_noun_types <= types.provider_types  # a lender is read where a provider is
    assert types.agreement_types <= types.counterparty_types
    with pytest.raises(ValidationError, match="provider_types"):
        PartyTypeCues.model_validate({"provider_types": ["weather"]})
    with pytest.raises(ValidationError, match="lendr_types"):
        PartyTypeCues.model_validate({"lendr_types": ["financing"]})


def test_continued_types_load_and_reject_an_unknown_event_type():
    cues = load_event_resources(ResourceReader()).cues
    assert {"financing", "feasibility_study"} <= cues.continued_types  # a loan's terms, a study's capex follow it
    assert "price_movement" not in cues.continued_types  # a quotation continues by its subject, not by its type
    with pytest.raises(ValidationError, match="continued_types"):
        EventCues.model_validate({**cues.model_dump(), "continued_types": ["weather"]})


def test_role_labels_load_and_reject_an_unknown_label():
    labels = load_event_resources(ResourceReader()).cues.role_labels
    assert labels.masked_labels <= labels.name_labels  # a name masked in the context is a name a trigger is part of
    assert labels.state_labels <= labels.antecedent_labels  # a country acts as its state and is taken up as an actor
    assert "COMMODITY" not in labels.name_labels  # "lithium" is no name a trigger word hides in
    with pytest.raises(ValidationError, match="place_labels"):
        RoleLabels.model_validate({"place_labels": ["CITY"]})
    with pytest.raises(ValidationError, match="place_label"):
        RoleLabels.model_validate({"place_label": ["GPE"]})


def test_country_labels_load_and_reject_an_unknown_label():
    policy = load_event_resources(ResourceReader()).cues.document
    assert {"GPE", "NORP"} <= policy.country_labels  # "Canada" and "Canadian" both name a country
    assert "ORG" not in policy.country_labels  # a ministry is a public body, not a country
    with pytest.raises(ValidationError, match="country_labels"):
        DocumentPolicy.model_validate({"country_labels": ["NATION"]})
