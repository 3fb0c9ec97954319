"""Event stage vetting: the context and the object a trigger needs before it reports an event (batch 8 silver
reading: word senses that describe a thing, a cost or a rank rather than report an act). Sentences of our own."""

from __future__ import annotations

import pytest
from events_helpers import events_of, types_of


@pytest.mark.parametrize(("text", "absent"), [
    # closing a placement or a deal, or cutting a cost, stops no plant (the rule's object_none)
    ("Kestrel is starting construction at its Halden tungsten mine after closing a $5 million private placement "
     "in July.",
     "supply_disruption"),
    ("The new kiln will reduce the cash cost of production at Halden by around 15%.", "supply_disruption"),
    ("The new kiln will reduce the cash cost of production at Halden by around 15%.", "production_output"),
    # a rank lost to a rival is no lost output
    ("The venture should help Fenwick regain leadership in cobalt production, a position it lost to Kestrelia "
     "a decade ago.", "supply_disruption"),
    # bringing money forward is no schedule change of a project
    ("To speed up deliveries to buyers and bring forward cash receipts, Marlin Metals is planning larger "
     "shipments from its port.", "project_milestone"),
    # a company's spending with local suppliers is no supply deal
    ("Since 2019 the Halden mine has spent over $2 billion with local suppliers, 80% of the company's total "
     "procurement.", "supply_agreement"),
    # a phrase describing a company as a partner, not a partnership formed
    ("A long-standing partner of Fenwick with twenty years in the country, Kestrel has a record as an investor.",
     "cooperation_agreement"),
    # "team" as a group of people, not "team up"
    ("It was a hard year for the Halden graphite team and the nearby towns, the manager said.",
     "cooperation_agreement"),
    # buying all of a plant's output is a purchase of product, not of the company
    ("The defence ministry has agreed to buy 100% of the plant's output for ten years.", "merger_acquisition"),
    # a warrant that could give a stake moves no share price
    ("The deal also has a warrant to buy more common shares, potentially giving the ministry a 12% stake in "
     "Marlin Metals once exercised.",
     "stock_movement"),
    # a list of what a venture will do names its business, not acts reported
    ("Kestrel said the venture will carry out cobalt exploration, extraction, refining and marketing activities in "
     "the basin until 2060.", "exploration"),
    ("Kestrel said the venture will carry out cobalt exploration, extraction, refining and commercialization "
     "activities in the basin until 2060.", "project_milestone"),
    # investment named as what is wanted or targeted, not made
    ("The chief executive expects a need for more investment in nickel beyond Fenwick later this decade.",
     "investment"),
    ("Kestrel cited the new tax regime as providing a better environment for investment.", "investment"),
    ("The Fenwick industry ministry targets investment in local smelting to reach $20 billion in 2026.",
     "investment"),
])
def test_senses_that_report_no_event(nlp, text, absent):
    assert absent not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    # the same rules still fire on the act they are for
    ("Marlin Metals suspended production at its Halden smelter in March after a fire.", "supply_disruption"),
    ("Marlin Metals will close the Halden mine next year, cutting 300 jobs.", "supply_disruption"),
    ("Marlin Metals agreed to buy 100% of Kestrel Mining for $2 billion.", "merger_acquisition"),
    ("Marlin Metals and Kestrel Mining will team up to build a graphite anode plant.", "cooperation_agreement"),
    ("Kestrel will invest $2 billion in the Halden smelter.", "investment"),
    # one act named with its commodity is no list
    ("Kestrel will carry out cobalt exploration at its Halden licence this summer.", "exploration"),
    # a supply arrangement written as "X supplies Y ... under an agreement" is a supply agreement
    ("The Halden mine ships Norvik Batteries 1,500 t of graphite fines a month under a deal signed in 2022.",
     "supply_agreement"),
])
def test_the_acts_still_fire(nlp, text, event_type):
    assert event_type in types_of(nlp, text)


def test_a_share_verb_used_as_a_noun_or_modifier_is_no_act(nlp):
    # "mine" naming a place (an object of "around"), like "refined" describing oxides, mines or refines nothing
    text = ("Fenwick makes about 90 percent of global primary cobalt output, and much of it is centred around the "
            "Halden mine in the north.")
    assert ("production_output", "mine") not in {(t, trigger) for t, trigger, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    # the object shared with a coordinated verb is the trigger's object too: buying minerals is procurement
    "The programme will pair private money with a $5 billion loan from the state bank to acquire and stockpile "
    "critical minerals.",
    # a noun trigger's "of" object: acquiring resources is no takeover
    "The sale is expected to help the strategic acquisition and development of these scarce resources.",
])
def test_acquiring_minerals_or_resources_is_no_takeover(nlp, text):
    assert "merger_acquisition" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    # a word of a company's name is no object word
    "Marlin agreed to acquire Kestrel Resources for $90 million.",
    "Marlin completed the acquisition of Kestrel Minerals on Monday.",
])
def test_acquiring_a_company_named_after_resources_still_is(nlp, text):
    assert "merger_acquisition" in types_of(nlp, text)


def test_site_named_like_a_trigger_word_reports_nothing(nlp):
    """A one-word site name that spells a trigger ("Rose") is the site outside headline lines, not the verb."""
    text = ("Up to $9 million will help Harlow Lithium Corp. build a substation to serve its Rose Lithium-Tantalum "
            "Mining Project in Quebec.")
    assert "price_movement" not in types_of(nlp, text)
