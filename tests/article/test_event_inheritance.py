"""A sentence that names no actor (``pipeline.article.event_inheritance``): a named site that opens the sentence as
its subject acts itself instead of the item's company (issue 12, the actor, twentieth session). Hand-built records
in our own words."""

from __future__ import annotations

import pytest
from support import event_record
from support import policy_entity as entity

from pipeline.article.event_inheritance import inherit_agent
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import Trigger

START = 500  # the sentence's offset in the article


@pytest.fixture(scope="module")
def policy():
    return load_event_cues(ResourceReader()).document


def agents(record):
    return [a.text for a in record.arguments if a.role == "agent"]


def site_record(text: str, site: str, trigger: str, event_type: str = "production_output", *, others=()):
    """The record of ``text`` (sentence 5 of an item about Marlin Metals) naming ``site`` as its project, and the
    entities of the article: Marlin in the lead, the site and ``others`` (name, label) in the sentence."""
    mine = entity(START + text.index(site), site, "FACILITY", sentence=5)
    named = [entity(START + text.index(name), name, label, sentence=5) for name, label in others]
    at = START + text.index(trigger)
    record = event_record(at, event_type, ("project", mine.text, mine.id), sentence=5).model_copy(
        update={"evidence": text, "trigger": Trigger(text=trigger, start=at, end=at + len(trigger))})
    return record, [entity(10, "Marlin Metals", sentence=0), mine, *named]


@pytest.mark.parametrize(("text", "site", "trigger", "event_type", "others", "expected"), [
    # the site opens the sentence: it acts, not the item's company
    ("The Kestrel mine produced 9,000 t of nickel last year.", "Kestrel", "produced", "production_output", (),
     "Kestrel"),
    ("Set near the coast, the Tarn Lithium Plant started operations in March.", "Tarn Lithium Plant", "started",
     "project_milestone", (), "Tarn Lithium Plant"),
    # a place: the site is where another thing happens
    ("Output at the Kestrel mine rose 4% in May.", "Kestrel", "rose", "production_output", (), "Marlin Metals"),
    # a company named before the site is the subject ("Y said its X mine ...")
    ("Dunmore said the Kestrel mine produced 9,000 t.", "Kestrel", "produced", "production_output",
     (("Dunmore", "ORG"),), "Marlin Metals"),
    # the speaker's own output: "our production"
    ("The Kestrel expansion will double our production by 2028.", "Kestrel", "production", "production_output", (),
     "Marlin Metals"),
    # a pronoun before the trigger is the subject
    ("It will lift the Kestrel plant's capacity to 1 Mt.", "Kestrel", "capacity", "production_output", (),
     "Marlin Metals"),
    # the site after the trigger is no subject
    ("Production rose 4% at Kestrel.", "Kestrel", "Production", "production_output", (), "Marlin Metals"),
    # a type a site does not do inherits as before: a deal, the holder of a resource (docs/annotation.md)
    ("The Kestrel mine signed a supply deal with a smelter.", "Kestrel", "deal", "supply_agreement", (),
     "Marlin Metals"),
    ("The Kestrel deposit holds an estimated resource of 40 Mt.", "Kestrel", "resource", "resource_estimate", (),
     "Marlin Metals"),
])
def test_a_site_that_opens_the_sentence_acts_itself(policy, text, site, trigger, event_type, others, expected):
    record, entities = site_record(text, site, trigger, event_type, others=others)
    items = {"ORG": entities[0], "GPE": None}
    assert agents(inherit_agent(record, items, policy, entities=entities)) == [expected]


def test_without_the_rule_the_items_company_is_inherited(policy):
    record, entities = site_record("The Kestrel mine produced 9,000 t of nickel last year.", "Kestrel", "produced")
    off = policy.model_copy(update={"leading_site_types": []})
    assert agents(inherit_agent(record, {"ORG": entities[0], "GPE": None}, off, entities=entities)) == ["Marlin Metals"]



def opening_record(text: str, trigger: str, *, tagged_here=()):
    """The record of ``text`` (sentence 6 of an item about Marlin Metals, project-free) and the article's entities:
    Marlin in the lead, Kestrel Ore tagged in sentence 2 only, and ``tagged_here`` names tagged in this sentence."""
    at = START + text.index(trigger)
    record = event_record(at, "merger_acquisition", sentence=6).model_copy(
        update={"evidence": text, "trigger": Trigger(text=trigger, start=at, end=at + len(trigger))})
    here = [entity(START + text.index(name), name, sentence=6) for name in tagged_here]
    return record, [entity(10, "Marlin Metals", sentence=0), entity(200, "Kestrel Ore", sentence=2), *here]


@pytest.mark.parametrize(("text", "trigger", "tagged_here", "expected"), [
    # a name the article tags elsewhere opens the sentence untagged: it is the subject and acts
    ("Kestrel Ore may complete its purchase of the smelter by June, officials said.", "purchase", (), ["Kestrel Ore"]),
    ("“Kestrel Ore will buy the smelter,” a banker said.", "buy", (), ["Kestrel Ore"]),
    # no known name opens it: the item's company acts, as before
    ("The buyer may complete its purchase of the smelter by June.", "purchase", (), ["Marlin Metals"]),
    # tagged in this sentence, the name was the parse's to place (here it found no subject): the rule stays out
    ("Kestrel Ore may complete its purchase of the smelter by June.", "purchase", ("Kestrel Ore",), ["Marlin Metals"]),
    # a longer word that starts like the name is no mention of it
    ("Kestrel Orebody owners may complete the purchase by June.", "purchase", (), ["Marlin Metals"]),
])
def test_an_untagged_name_opening_the_sentence_acts(policy, text, trigger, tagged_here, expected):
    record, entities = opening_record(text, trigger, tagged_here=tagged_here)
    marlin = entities[0]
    assert agents(inherit_agent(record, {"ORG": marlin, "GPE": None}, policy, entities=entities)) == expected
