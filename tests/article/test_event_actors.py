"""Who acts (``pipeline.article.event_actors``, issue 12 round two): the item's actor from its heading, the title or
its lead; third parties; places are never actors. Hand-built records in our own words."""

from __future__ import annotations

import re

import pytest
from support import event_record
from support import policy_entity as entity

from pipeline.article.event_actors import cited_sources, item_actors, place_agent, relabelled_actor
from pipeline.article.event_inheritance import inherit_agent
from pipeline.article.event_pass import apply_policy
from pipeline.article.event_policy import is_public_body
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import Trigger


@pytest.fixture(scope="module")
def policy():
    return load_event_cues(ResourceReader()).document


def event(start, event_type, *arguments, sentence=5, section=None):
    return event_record(start, event_type, *arguments, sentence=sentence, section=section)


def agents(records):
    return [[a.text for a in r.arguments if a.role == "agent"] for r in records]


# A digest in our words: title "Fenwick Tightens Rules as Marlin Metals Doubles Output", a lead naming the
# Fenwick Mining Board, then an item headed "Kestrel drilling" whose first sentence names Kestrel Resources.
TITLE = [entity(0, "Fenwick", "GPE", zone="title", kb_id="FW"), entity(30, "Marlin Metals", zone="title")]
LEAD = [entity(100, "Fenwick Mining Board", sentence=1), entity(160, "Marlin Metals", sentence=2),
        entity(220, "Fenwick", "GPE", sentence=3, kb_id="FW")]
ITEM = [entity(400, "Kestrel", "ORG", zone="heading", section="Kestrel drilling", sentence=8),
        entity(430, "Kestrel Resources", sentence=9, section="Kestrel drilling")]
ZAMBIA = [entity(600, "Zambia", "GPE", zone="heading", section="Zambia drilling", sentence=12, kb_id="ZM"),
          entity(630, "Copperline plc", sentence=13, section="Zambia drilling"),
          entity(700, "Ridge Minerals", sentence=15, section="Zambia drilling")]


def test_the_heading_names_the_item_actor(policy):
    found = item_actors([*TITLE, *LEAD, *ITEM], "Kestrel drilling", policy)
    assert found["ORG"].text == "Kestrel"


def test_else_the_title_then_the_item_lead(policy):
    # no organisation in the heading: the title's company, named again in the text
    found = item_actors([*TITLE, *LEAD, *ZAMBIA], "Zambia drilling", policy)
    assert (found["ORG"].text, found["GPE"].text) == ("Marlin Metals", "Zambia")
    # a title company the text never names again is a misread headline word: the item's lead sentence decides
    once = [TITLE[0], entity(30, "Doubles Output", zone="title"), *LEAD[:1], *ZAMBIA]
    assert item_actors(once, "Zambia drilling", policy)["ORG"].text == "Copperline plc"


def test_an_item_never_takes_the_article_lead_actor(policy):
    # under a heading naming nobody, with no title actor, a company named only later in the item is not taken,
    # nor is the organisation of the article's lead
    later = [entity(420, "cobalt", "COMMODITY", sentence=10, section="Prices"),
             entity(430, "Tarn Lithium", sentence=11, section="Prices")]
    found = item_actors([*LEAD, *later], "Prices", policy)
    assert found["ORG"] is None
    # before any heading the article's lead is the item's lead
    assert item_actors(LEAD, None, policy)["ORG"].text in {"Fenwick Mining Board", "Marlin Metals"}


def test_records_of_a_sectioned_article_inherit(policy):
    drilling = event(650, "exploration", ("quantity", "4,200 m", None), sentence=14, section="Zambia drilling")
    ban = event(250, "export_restriction", ("commodity", "cobalt", None), ("quantity", "96,000 t", None), sentence=4)
    entities = [*TITLE, *LEAD, *ZAMBIA]
    kept = apply_policy([ban, drilling], entities, policy)
    assert agents(kept) == [["Fenwick"], ["Marlin Metals"]]
    assert agents(apply_policy([ban, drilling], entities, policy.model_copy(update={"inherit_in_sectioned": False}))
                  ) == [[], []]


def test_a_nationality_in_the_sentence_names_its_own_actor(policy):
    # "Fenwickian imports of cobalt fell 6% to 14,000 t" under Marlin's heading: not Marlin's output
    marlin = entity(10, "Marlin Metals", zone="heading", section="Marlin")
    fenwickian = entity(60, "Fenwickian", "NORP", sentence=5, section="Marlin", kb_id="FW")
    imports = event(80, "production_output", ("quantity", "14,000 t", None), section="Marlin")
    items = {"ORG": marlin, "GPE": None}
    assert agents([inherit_agent(imports, items, policy, entities=[marlin, fenwickian])]) == [[]]
    assert agents([inherit_agent(imports, items, policy, entities=[marlin])]) == [["Marlin Metals"]]


def test_inherited_actors_do_not_fold_two_rules_into_one(policy):
    # "The Fenwick State Council issued a decree ..." + "The rules take effect on March 1." stay two records
    council = entity(0, "Fenwick State Council", sentence=1)
    fenwick = entity(40, "Fenwick", "GPE", zone="title", kb_id="FW")
    again = entity(300, "Fenwick", "GPE", sentence=4, kb_id="FW")
    decree = event(60, "regulation", ("agent", council.text, council.id), ("date", "Tuesday", None), sentence=1)
    effect = event(200, "regulation", ("date", "March 1, 2026", None), sentence=2)
    kept = apply_policy([decree, effect], [council, fenwick, again], policy)
    assert agents(kept) == [["Fenwick State Council"], ["Fenwick"]]


@pytest.mark.parametrize("name", ["Export-Import Bank of Fenwick", "Fenwick Development Finance Corporation",
                                  "Fenwick Export Credit Agency", "Kestrel Territory Police", "Fenwick Army"])
def test_public_lenders_are_public_bodies(policy, name):
    # so they are never the inherited actor of a plant's output (a police force reports a mine accident; it owns no mine)
    assert is_public_body(entity(0, name), policy)


def test_a_resource_estimate_inherits_the_company(policy):
    marlin = [entity(0, "Marlin Metals", zone="title"), entity(50, "Marlin Metals", sentence=1)]
    resource = event(120, "resource_estimate", ("quantity", "74 Mt", None), sentence=3)
    assert agents(apply_policy([resource], marlin, policy)) == [["Marlin Metals"]]


@pytest.mark.parametrize(("agent", "role"), [
    (entity(0, "Yarra Creek", "FACILITY"), "project"),              # "Yarra Creek produced 12,000 t"
    (entity(0, "Pilbara Coast", "LOC"), "location"),
    (entity(0, "Nevada", "GPE", kb_id="US-NV"), "location"),        # "the Nevada plant will reach 40,000 t"
])
def test_a_place_is_never_the_actor(policy, agent, role):
    output = event(40, "production_output", ("agent", agent.text, agent.id), ("quantity", "12,000 t", None))
    moved = place_agent(output, {agent.id: agent}, policy)
    assert agents([moved]) == [[]] and (role, agent.text) in [(a.role, a.text) for a in moved.arguments]


def test_a_province_where_a_mine_stops_is_where_not_who(policy):
    # "Nickel mine closes in Thompson, Manitoba": a stoppage is its operator's, the province is its location
    manitoba = entity(0, "Manitoba", "GPE", kb_id="CA-MB")
    closure = event(40, "supply_disruption", ("agent", manitoba.text, manitoba.id))
    moved = place_agent(closure, {manitoba.id: manitoba}, policy)
    assert agents([moved]) == [[]] and ("location", "Manitoba") in [(a.role, a.text) for a in moved.arguments]


def test_a_country_where_an_industry_stops_is_where_not_who(policy):
    # "Heavy rains across Fenwick's tin belt have shut several smelters": the country is where, nobody named acts
    fenwick = entity(0, "Fenwick", "GPE", kb_id="FW")
    stoppage = event(40, "supply_disruption", ("agent", fenwick.text, fenwick.id)).model_copy(
        update={"evidence": "Heavy rains across Fenwick's tin belt have shut several smelters."})
    moved = place_agent(stoppage, {fenwick.id: fenwick}, policy)
    assert agents([moved]) == [[]] and ("location", "Fenwick") in [(a.role, a.text) for a in moved.arguments]
    # a nationality read as the country, too ("Fenwickian smelters were idled")
    norp = entity(0, "Fenwickian", "NORP", kb_id="FW")
    idled = event(40, "supply_disruption", ("agent", "Fenwick", norp.id)).model_copy(
        update={"evidence": "Fenwickian smelters were idled for a week."})
    assert agents([place_agent(idled, {norp.id: norp}, policy)]) == [[]]
    # its government named acting keeps the country ("the Fenwickian government's power curbs cut output")
    curbs = idled.model_copy(update={"evidence": "The Fenwickian government's power curbs cut smelter output."})
    assert agents([place_agent(curbs, {norp.id: norp}, policy)]) == [["Fenwick"]]
    # other types keep a country agent: its output, its ban
    output = stoppage.model_copy(update={"event_type": "production_output"})
    assert agents([place_agent(output, {fenwick.id: fenwick}, policy)]) == [["Fenwick"]]
    # nor is a country inherited by a stoppage: the item's company is, or nobody
    lead = [entity(0, "Fenwick", "GPE", sentence=1, kb_id="FW")]
    bare = event(100, "supply_disruption", ("quantity", "12", None), sentence=1)
    assert agents(apply_policy([bare], lead, policy)) == [[]]
    marlin = [entity(20, "Marlin Metals", sentence=1), entity(200, "Marlin Metals", sentence=2)]
    assert agents(apply_policy([bare], [*lead, *marlin], policy)) == [["Marlin Metals"]]


def test_a_named_site_takes_its_operator_never_its_country(policy):
    # "Chile's Toquepala mine raised its copper output by 5%": the mine's operator acts, not Chile
    chile = entity(0, "Chile", "GPE", zone="title", kb_id="CL")
    mine = entity(20, "Toquepala", "FACILITY", zone="title")
    lead = [entity(60, "Chile", "GPE", sentence=1, kb_id="CL"), entity(80, "Toquepala", "FACILITY", sentence=1)]
    output = event(100, "production_output", ("project", mine.text, mine.id), ("quantity", "5%", None), sentence=1)
    # no company named anywhere: the site stands for its operator (the gold lists a mine among its operator's names)
    assert agents(apply_policy([output], [chile, mine, *lead], policy)) == [["Toquepala"]]
    # a company the article is about is the operator
    marlin = [entity(40, "Marlin Copper", zone="title"), entity(90, "Marlin Copper", sentence=1)]
    assert agents(apply_policy([output], [chile, mine, *marlin, *lead], policy)) == [["Marlin Copper"]]
    # without a site the country's output stays the country's
    national = event(100, "production_output", ("quantity", "5%", None), sentence=1)
    assert agents(apply_policy([national], [chile, *lead], policy)) == [["Chile"]]
    # a site that only says where another thing acts stands for nobody ("a smelter at the Toquepala park produced")
    where = output.model_copy(update={"evidence": "A smelter at the Toquepala park produced 5% more copper."})
    assert agents(apply_policy([where], [chile, mine, *lead], policy)) == [[]]
    # and without the rule the site's country was inherited
    off = policy.model_copy(update={"operated_types": []})
    assert agents(apply_policy([output], [chile, mine, *lead], off)) == [["Chile"]]


def test_a_state_stays_the_actor_of_its_rules_and_a_country_of_its_output(policy):
    nevada = entity(0, "Nevada", "GPE", kb_id="US-NV")
    rule = event(40, "regulation", ("agent", nevada.text, nevada.id))
    assert place_agent(rule, {nevada.id: nevada}, policy) == rule
    fenwick = entity(0, "Fenwick", "GPE", kb_id="FW")
    output = event(40, "production_output", ("agent", fenwick.text, fenwick.id))
    assert place_agent(output, {fenwick.id: fenwick}, policy) == output


def test_a_city_never_acts_whatever_the_type(policy):
    # "OSLO - Fenwick and Kestrel signed a pact": the dateline city is where, and the country is the actor
    oslo = entity(0, "OSLO", "GPE")
    pact = event(40, "cooperation_agreement", ("agent", oslo.text, oslo.id), ("date", "June 3", None))
    moved = place_agent(pact, {oslo.id: oslo}, policy)
    assert agents([moved]) == [[]] and ("location", "OSLO") in [(a.role, a.text) for a in moved.arguments]
    assert place_agent(pact, {oslo.id: oslo}, policy.model_copy(update={"settlement_agent_role": None})) == pact


def test_a_speaker_gives_way_to_the_government_he_speaks_for(policy):
    # "The royalty rises to 9% on cobalt, said Tom Reeve, Fenwick's mines minister" -> Fenwick, not the minister
    fenwick = [entity(0, "Fenwick", "GPE", zone="title", kb_id="FW"), entity(30, "Fenwick", "GPE", sentence=1,
                                                                              kb_id="FW")]
    minister = entity(120, "Tom Reeve", "PERSON", sentence=3)
    royalty = event(100, "regulation", ("agent", minister.text, minister.id), ("quantity", "9%", None), sentence=3)
    assert agents(apply_policy([royalty], [*fenwick, minister], policy)) == [["Fenwick"]]
    kept = apply_policy([royalty], [*fenwick, minister], policy.model_copy(update={"speaker_labels": []}))
    assert agents(kept) == [["Tom Reeve"]]


def test_a_surname_read_as_an_organisation_is_the_speaker(policy):
    # "Marlin Zinc chairman Tom Reeve said ..." / "Last month Reeve signed a supply pact with Kestrel": Reeve is the
    # chairman (a person's surname read as an organisation), so the pact is Marlin Zinc's
    marlin = [entity(0, "Marlin Zinc", zone="title"), entity(30, "Marlin Zinc", sentence=1)]
    chairman = entity(50, "Tom Reeve", "PERSON", sentence=1)
    surname = entity(120, "Reeve", sentence=3)
    pact = event(140, "cooperation_agreement", ("agent", surname.text, surname.id), ("date", "Last month", None),
                 sentence=3)
    assert agents(apply_policy([pact], [*marlin, chairman, surname], policy)) == [["Marlin Zinc"]]
    # a one-word company that is no word of a person's name stays the actor
    kestrel = entity(120, "Kestrel", sentence=3)
    named = event(140, "cooperation_agreement", ("agent", kestrel.text, kestrel.id), ("date", "Last month", None),
                  sentence=3)
    assert agents(apply_policy([named], [*marlin, chairman, kestrel], policy)) == [["Kestrel"]]


def test_a_project_the_article_calls_an_organisation_is_the_actor(policy):
    # the sentence's parse read "Marlin-Kestrel has warned it may close shafts" as a facility; linking relabelled it
    company = entity(0, "Marlin-Kestrel", "ORG")
    mine = entity(40, "Lofdal", "FACILITY")
    by_id = {company.id: company, mine.id: mine}
    record = event_record(20, "supply_disruption", ("project", "Marlin-Kestrel", company.id))
    assert [(a.role, a.text) for a in relabelled_actor(record, by_id, policy).arguments] == [("agent", "Marlin-Kestrel")]
    site = event_record(20, "supply_disruption", ("project", "Lofdal", mine.id))
    assert relabelled_actor(site, by_id, policy) == site
    named = event_record(20, "supply_disruption", ("agent", "Nordbank", None), ("project", "Marlin-Kestrel", company.id))
    assert relabelled_actor(named, by_id, policy) == named


def test_a_nationality_describing_the_named_company_is_no_third_party(policy):
    # "Fenwickian miner Marlin Metals promises to cooperate with Norland": the nationality describes Marlin, who
    # acts; "Fenwickian imports rose as Marlin Metals ..." keeps the nationality as its own actor
    text = "Fenwickian miner Marlin Metals promises to cooperate with Norland."
    marlin = entity(text.index("Marlin"), "Marlin Metals", sentence=5)
    fenwickian = entity(0, "Fenwickian", "NORP", sentence=5, kb_id="FW")
    at = text.index("cooperate")
    pact = event(at, "cooperation_agreement", ("counterparty", "Norland", None)).model_copy(
        update={"evidence": text, "trigger": Trigger(text="cooperate", start=at, end=at + 9)})
    items = {"ORG": marlin, "GPE": None}
    assert agents([inherit_agent(pact, items, policy, entities=[marlin, fenwickian])]) == [["Marlin Metals"]]
    other = "Fenwickian imports rose as Marlin Metals agreed to cooperate with Norland."
    at = other.index("cooperate")
    imports = pact.model_copy(update={"evidence": other, "trigger": Trigger(text="cooperate", start=at, end=at + 9)})
    marlin_later = entity(other.index("Marlin"), "Marlin Metals", sentence=5)
    assert agents([inherit_agent(imports, items, policy, entities=[marlin_later, fenwickian])]) == [[]]


def test_of_two_names_named_as_often_the_one_that_acts_is_the_items_actor(policy):
    # "Prices of Ridge grades were unchanged" (Ridge: a product misread as a company), then "Kestrel Ltd raised
    # prices"; each name twice: Kestrel, the agent of a record, is the actor a subjectless output sentence inherits
    lead = [entity(0, "Ridge", sentence=1), entity(40, "Kestrel Ltd", sentence=2), entity(90, "Ridge", sentence=3),
            entity(300, "Kestrel Ltd", sentence=9)]
    assert item_actors(lead, None, policy)["ORG"].text == "Ridge"
    assert item_actors(lead, None, policy, acting=frozenset({"kestrel ltd"}))["ORG"].text == "Kestrel Ltd"
    raised = event(60, "price_movement", ("agent", "Kestrel Ltd", lead[1].id), ("quantity", "8%", None), sentence=2)
    output = event(200, "production_output", ("quantity", "126,000 t", None), sentence=6)
    assert agents(apply_policy([raised, output], lead, policy)) == [["Kestrel Ltd"], ["Kestrel Ltd"]]


# issue 12, round five: a name the article only cites is a source, never an actor (our own sentences)
def _mentions(text, *names):
    found, at = [], 0
    for name in names:
        at = text.index(name, at)
        found.append(entity(at, name))
        at += len(name)
    return found


@pytest.mark.parametrize(("text", "name"), [
    ("According to a report by Valley Courier, deputies found the parcel on a highway.", "Valley Courier"),
    ("Metals Wire Daily (Mar 3) -- Fenwick will stop exporting cobalt ore, its minister said.", "Metals Wire Daily"),
    ("A cobalt shortage could hit battery output, Nordbank Securities analysts told clients.", "Nordbank Securities"),
    ("A cobalt shortage could slow battery output, said analysts at Nordbank Securities in a note.",
     "Nordbank Securities"),
    # the consultant who wrote a study is its author, not the company that commissions it
    ("The scoping study was prepared by independent engineers Halden Consulting Ltd for the owner.",
     "Halden Consulting Ltd"),
])
def test_a_name_only_cited_is_a_source(policy, text, name):
    assert cited_sources(_mentions(text, name), text, policy) == {name.lower()}


def test_a_source_that_also_acts_stays_an_actor(policy):
    text = "According to Marlin Metals, output rose. Marlin Metals shut the Halden smelter on Monday."
    assert cited_sources(_mentions(text, "Marlin Metals", "Marlin Metals"), text, policy) == set()
    assert cited_sources(_mentions(text, "Marlin Metals"), "", policy) == set()


def test_the_inherited_countrys_own_nationality_is_no_third_party(policy):
    # "Mining laws will also be amended to shield Fenwickian refiners" in an item about Fenwick: Fenwick amends them
    fenwick = entity(0, "Fenwick", "GPE", zone="heading", section="Fenwick", kb_id="FW")
    fenwickian = entity(60, "Fenwickian", "NORP", sentence=5, section="Fenwick", kb_id="FW")
    laws = event(80, "regulation", ("date", "next year", None), section="Fenwick")
    items = {"ORG": None, "GPE": fenwick}
    assert agents([inherit_agent(laws, items, policy, entities=[fenwick, fenwickian])]) == [["Fenwick"]]


@pytest.mark.parametrize(("evidence", "trigger", "inherits"), [
    ("Primary global cobalt output rose from 90kt in 2010 to 170kt in 2020.", "output", False),
    ("The survey puts world cobalt reserves at 11 Mt.", "reserves", False),
    ("The mine's output rose to 12,000 t last year, the world's third largest.", "output", True),
])
def test_a_market_wide_statement_inherits_no_actor(policy, evidence, trigger, inherits):
    marlin = entity(0, "Marlin Metals", zone="title")
    start = 200 + evidence.index(trigger)
    record = event(start, "production_output", ("quantity", "12,000 t", None)).model_copy(update={
        "evidence": evidence, "trigger": Trigger(text=trigger, start=start, end=start + len(trigger))})
    assert agents([inherit_agent(record, {"ORG": marlin}, policy)]) == ([["Marlin Metals"]] if inherits else [[]])


@pytest.mark.parametrize(("evidence", "trigger", "inherits"), [
    ("Four battery makers plan to invest $2 billion in cathode plants next year.", "invest", False),
    ("Twelve smaller producers will invest in new kilns, the ministry said.", "invest", False),
    ("The company will invest $300 million in the new cathode plant.", "invest", True),
    ("In 2024 investors saw the company invest $300 million in a cathode plant.", "invest", True),
])
def test_counted_unnamed_actors_are_the_sentences_own(policy, evidence, trigger, inherits):
    marlin = entity(0, "Marlin Metals", zone="title")
    start = 200 + evidence.index(trigger)
    record = event(start, "investment", ("amount", "$2 billion", None)).model_copy(update={
        "evidence": evidence, "trigger": Trigger(text=trigger, start=start, end=start + len(trigger))})
    assert agents([inherit_agent(record, {"ORG": marlin}, policy)]) == ([["Marlin Metals"]] if inherits else [[]])


@pytest.mark.parametrize(("trigger", "expected"), [
    ("placement", "Marlin Metals"),         # a raise is the company's
    ("incentive scheme", "Fenwick"),        # state funding is the government's
    ("grants", "Fenwick"),
])
def test_a_raise_takes_the_company_and_state_funding_the_government(policy, trigger, expected):
    marlin, fenwick = entity(0, "Marlin Metals", zone="title"), entity(20, "Fenwick", "GPE", zone="title", kb_id="FW")
    record = event(200, "financing", ("amount", "$40m", None)).model_copy(update={
        "evidence": f"The {trigger} brings in $40m.", "trigger": Trigger(text=trigger, start=204, end=204 + len(trigger))})
    assert agents([inherit_agent(record, {"ORG": marlin, "GPE": fenwick}, policy)]) == [[expected]]


def test_a_site_owner_named_in_the_article_is_the_actor_of_its_output(policy):
    from pipeline.article.event_inheritance import site_owner

    text = ("A wall failed at a pit in Fenwick. Rescuers in Fenwick searched all night. Rain in Fenwick slowed the "
            "work. Roads in Fenwick stayed shut. The pit shipped 90,000 tonnes of ore in 2024. The pit, in the north "
            "of the country, is owned by Perth-based Marlin Metals.")
    starts = [m.start() for m in re.finditer("Fenwick", text)]
    fenwick = [entity(start, "Fenwick", "GPE", sentence=n, kb_id="FW") for n, start in enumerate(starts)]
    marlin = entity(text.index("Marlin Metals"), "Marlin Metals", sentence=5)
    output = event(text.index("shipped"), "production_output", ("quantity", "90,000 tonnes", None), sentence=4)
    assert site_owner([*fenwick, marlin], text, policy) == marlin
    assert agents(apply_policy([output], [*fenwick, marlin], policy, text=text)) == [["Marlin Metals"]]
    # a company named otherwise, not as an owner, is no owner; two owners name no one
    assert site_owner([*fenwick, marlin], text.replace("is owned by", "is near"), policy) is None
    two = text + " Its port is operated by Tarn Logistics."
    tarn = entity(two.index("Tarn Logistics"), "Tarn Logistics", sentence=6)
    assert site_owner([*fenwick, marlin, tarn], two, policy) is None
    # without the rule the country of the item was inherited
    off = policy.model_copy(update={"owner_phrases": []})
    assert agents(apply_policy([output], [*fenwick, marlin], off, text=text)) == [["Fenwick"]]


@pytest.mark.parametrize(("text", "inherits"), [
    ("A fire at a Fenwickian tin smelter has halted output since Sunday.", True),
    ("Sales at the Fenwickian manganese operations rose 12% in the quarter.", True),
    ("A fire at a Fenwickian state smelter has halted output since Sunday.", False),  # a public body's site
    ("Fenwickian smelters halted output since Sunday.", False),                      # a group of actors
    ("Fenwickian floods halted output since Sunday.", False),
])
def test_a_nationality_on_a_site_noun_says_where_not_who(policy, text, inherits):
    marlin = entity(10, "Marlin Metals", zone="heading", section="Marlin")
    start = 500
    fenwickian = entity(start + text.index("Fenwickian"), "Fenwickian", "NORP", sentence=5, section="Marlin",
                        kb_id="FW")
    at = text.index("halted") if "halted" in text else text.index("rose")
    word = text[at:].split()[0]
    record = event(start + at, "supply_disruption", ("date", "Sunday", None), section="Marlin").model_copy(
        update={"evidence": text, "trigger": Trigger(text=word, start=start + at, end=start + at + len(word))})
    items = {"ORG": marlin, "GPE": None}
    expected = [["Marlin Metals"]] if inherits else [[]]
    assert agents([inherit_agent(record, items, policy, entities=[marlin, fenwickian])]) == expected
    assert agents([inherit_agent(record, items, policy.model_copy(update={"site_nouns": []}),
                                 entities=[marlin, fenwickian])]) == [[]]


def test_a_rule_inherits_its_items_ministry_when_no_country_is_named(policy):
    # title "Fenwick Mines Ministry announces higher cobalt royalty"; "The royalty rate will rise to 14% from July."
    ministry = [entity(0, "Fenwick Mines Ministry", zone="title"), entity(60, "Fenwick Mines Ministry", sentence=1)]
    marlin = entity(120, "Marlin Metals", sentence=2)
    rule = event(200, "regulation", ("quantity", "14%", None), ("date", "July", None), sentence=4)
    (kept,) = apply_policy([rule], [*ministry, marlin, entity(300, "Marlin Metals", sentence=5)], policy)
    assert agents([kept]) == [["Fenwick Mines Ministry"]]
    # a company is never a rule's actor: with only Marlin named, the rule stays without agent
    (kept,) = apply_policy([rule], [marlin, entity(300, "Marlin Metals", sentence=5)], policy)
    assert agents([kept]) == [[]]


def test_a_heading_organisation_named_nowhere_else_is_no_item_actor(policy):
    # heading "Chart Patterns Point Higher" read as an organisation: the title's company, named again, acts instead
    misread = entity(400, "Chart Patterns Point", "ORG", zone="heading", section="Chart Patterns Point Higher",
                     sentence=8)
    found = item_actors([*TITLE, *LEAD, misread], "Chart Patterns Point Higher", policy)
    assert found["ORG"].text == "Marlin Metals"


def test_a_lender_is_never_the_inherited_company_of_the_work_it_funds(policy):
    # title "NorthFund lends Marlin Metals A$50m"; body: "NorthFund will lend Marlin Metals A$50m ... NorthFund's
    # board approved it", then "A feasibility study completed in March put the cost at A$60m." names no company
    entities = [entity(0, "NorthFund", zone="title"), entity(16, "Marlin Metals", zone="title"),
                entity(100, "NorthFund", sentence=1), entity(120, "Marlin Metals", sentence=1),
                entity(180, "NorthFund", sentence=2)]
    loan = event(110, "financing", ("agent", "NorthFund", entities[2].id),
                 ("beneficiary", "Marlin Metals", entities[3].id), ("amount", "A$50m", None), sentence=1)
    study = event(300, "feasibility_study", ("amount", "A$60m", None), ("date", "March", None), sentence=3)
    kept = apply_policy([loan, study], entities, policy)
    assert agents(kept) == [["NorthFund"], ["Marlin Metals"]]


def test_a_plant_read_as_an_organisation_is_no_funded_company(policy):
    # "Marlin Metals said lenders signed a US$600m facility for its Rowan Ridge acid leach plant." (the parser gave
    # the loan to Marlin Metals and the plant as beneficiary): Marlin Metals stays the company of the later study
    entities = [entity(0, "Marlin Metals", sentence=0), entity(80, "Rowan Ridge", sentence=0),
                entity(200, "Marlin Metals", sentence=1)]
    loan = event(40, "financing", ("agent", "Marlin Metals", entities[0].id),
                 ("beneficiary", "Rowan Ridge", entities[1].id), ("amount", "US$600m", None), sentence=0)
    loan = loan.model_copy(update={"evidence": "Marlin Metals said lenders signed a US$600m facility for its Rowan "
                                               "Ridge acid leach plant."})
    study = event(300, "feasibility_study", ("amount", "A$60m", None), ("date", "March", None), sentence=2)
    assert agents(apply_policy([loan, study], entities, policy))[1] == ["Marlin Metals"]
