"""Article-level event decisions of round four (``pipeline.article.event_policy``): who a company-type record
inherits, who bans exports, markets never act, one act named by one sum. Hand-built records in our own words."""

from __future__ import annotations

import pytest
from support import event_record as event
from support import policy_entity as entity

from pipeline.article.event_happenings import fold_same_act
from pipeline.article.event_pass import apply_policy
from pipeline.article.event_policy import (
    drop_private_agent,
    is_industry_body,
    is_market,
    is_media,
    is_public_body,
)
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import Argument


@pytest.fixture(scope="module")
def policy():
    return load_event_cues(ResourceReader()).document


def agents(records):
    return [[a.text for a in r.arguments if a.role == "agent"] for r in records]


@pytest.mark.parametrize(("name", "public"), [
    ("Fenwick Energy Department", True),
    ("Loan Programs Office", True),
    ("Marlin Metals", False),
    # a government word of two words needs both ("white house"); "White Rock" alone holds one of them
    ("the White House", True),
    ("White Rock Metals", False),
])
def test_public_bodies_are_named_as_such(policy, name, public):
    assert is_public_body(entity(0, name), policy) is public


def test_a_company_type_inherits_a_company_never_a_department(policy):
    # "Fenwick Energy Department grants loan for Marlin lithium plant" ... "The plant will produce 40,000 t a year."
    department = [entity(0, "Fenwick Energy Department", zone="title"), entity(60, "Fenwick Energy Department"),
                  entity(120, "Fenwick Energy Department", sentence=1)]
    marlin = entity(90, "Marlin Metals")
    output = event(200, "production_output", ("quantity", "40,000 t", None), sentence=2)
    (kept,) = apply_policy([output], [*department, marlin], policy)
    assert agents([kept]) == [["Marlin Metals"]]
    (kept,) = apply_policy([output], [*department, marlin], policy.model_copy(update={"company_types": []}))
    assert agents([kept]) == [["Fenwick Energy Department"]]


@pytest.mark.parametrize(("actor", "dropped"), [
    (entity(0, "Marlin Metals"), True),                       # "Marlin promises to work with Fenwick after the ban"
    (entity(0, "Tomas Brel", "PERSON"), True),                # a minister speaking for the state
    (entity(0, "Fenwick", "GPE", kb_id="FW"), False),
    (entity(0, "Fenwick Ministry of Trade"), False),
])
def test_only_a_state_bans_exports(policy, actor, dropped):
    ban = event(40, "export_restriction", ("agent", actor.text, actor.id), ("commodity", "manganese", None))
    cleaned = drop_private_agent(ban, {actor.id: actor}, policy)
    assert (agents([cleaned]) == [[]]) is dropped
    # other types keep a company agent
    halt = event(40, "supply_disruption", ("agent", actor.text, actor.id))
    assert drop_private_agent(halt, {actor.id: actor}, policy) == halt


def test_a_company_named_on_a_ban_gives_way_to_the_country(policy):
    fenwick = entity(0, "Fenwick", "GPE", kb_id="FW")
    marlin = entity(30, "Marlin Metals")
    ban = event(60, "export_restriction", ("agent", "Marlin Metals", marlin.id), ("commodity", "manganese", None))
    (kept,) = apply_policy([ban], [fenwick, marlin], policy)
    assert agents([kept]) == [["Fenwick"]]


def test_a_market_is_never_an_actor(policy):
    exchange = entity(0, "Kestrel Battery Exchange")
    marlin = entity(200, "Marlin Metals", sentence=3)
    assert is_market(exchange, policy)
    assert not is_market(marlin, policy)
    # "Following the announcement, Marlin shares jumped 8%." under a lead that names the exchange most
    shares = event(300, "stock_movement", ("quantity", "8%", None), sentence=4)
    (kept,) = apply_policy([shares], [exchange, entity(40, "Kestrel Battery Exchange"), marlin], policy)
    assert agents([kept]) == [["Marlin Metals"]]
    moved = event(300, "stock_movement", ("agent", "Kestrel Battery Exchange", exchange.id), ("quantity", "8%", None))
    # the exchange loses the agent role; a share move left with no company is dropped (agent_required_types)
    assert apply_policy([moved], [exchange], policy) == []
    moved_price = event(300, "price_movement", ("agent", "Kestrel Battery Exchange", exchange.id), ("quantity", "8%", None))
    (kept,) = apply_policy([moved_price], [exchange], policy)
    assert agents([kept]) == [[]]


@pytest.mark.parametrize(("name", "media"), [
    ("Fenwick Daily Asia", True),
    ("Valley News Observer", True),
    ("Marlin Metals", False),
    ("Kestrel Pressworks", False),
])
def test_news_outlets_are_named_as_such(policy, name, media):
    assert is_media(entity(0, name), policy) is media


def test_a_news_outlet_is_never_an_actor(policy):
    # title "Marlin Metals finds lithium in Fenwick valley"; "speaking to the Valley News Observer, an officer said
    # lithium was also discovered in the samples" -> the find is Marlin's, not the newspaper's
    marlin = entity(0, "Marlin Metals", zone="title")
    paper = entity(120, "Valley News Observer", sentence=2)
    found = event(200, "exploration", ("agent", "Valley News Observer", paper.id), ("date", "in May", None),
                  sentence=2)
    (kept,) = apply_policy([found], [marlin, entity(40, "Marlin Metals"), paper], policy)
    assert agents([kept]) == [["Marlin Metals"]]
    (kept,) = apply_policy([found], [marlin, entity(40, "Marlin Metals"), paper],
                           policy.model_copy(update={"media_words": []}))
    assert agents([kept]) == [["Valley News Observer"]]


def test_one_sum_of_money_in_headline_and_body_is_one_act(policy):
    # "Fenwick weighing US$1 billion loan for lithium mine" ... "The ministry is in talks to lend US$1 billion ..."
    loan = event(10, "financing", ("amount", "US$1 billion", None), sentence=0, zone="title")
    talks = event(90, "negotiation", ("agent", "Fenwick Energy Department", None),
                  ("amount", "US$1 billion", None), sentence=2)
    (merged,) = fold_same_act([loan, talks], policy, {})
    assert merged.event_type == "negotiation"
    assert [(m.start, m.end) for m in merged.mentions] == [(10, 14), (90, 94)]
    # another sum, or the rule off, keeps two records
    other = loan.model_copy(update={"arguments": [Argument(role="amount", text="US$300 million", ref=None)]})
    assert len(fold_same_act([other, talks], policy, {})) == 2
    assert len(fold_same_act([loan, talks], policy.model_copy(update={"same_act_by_amount": False}), {})) == 2


def test_an_output_figure_told_twice_is_one_record(policy):
    # standfirst "Silver output dipped 2% to 140 MT" and body "silver production fell by 2% to 140 metric tonnes"
    marlin = entity(0, "Marlin Metals", sentence=1)
    standfirst = event(30, "production_output", ("agent", "Marlin Metals", marlin.id), ("commodity", "silver", None),
                       ("quantity", "140 MT", None), sentence=1)
    body = event(300, "production_output", ("agent", "Marlin Metals", marlin.id), ("commodity", "silver", None),
                 ("quantity", "140 metric tonnes", None), sentence=6)
    other = event(500, "production_output", ("agent", "Marlin Metals", marlin.id), ("commodity", "silver", None),
                  ("quantity", "152 metric tonnes", None), sentence=8)
    kept = apply_policy([standfirst, body, other], [marlin], policy)
    assert [len(r.mentions) for r in kept] == [2, 1]
    alone = policy.model_copy(update={"same_happening": [t for t in policy.same_happening if t != "production_output"]})
    assert len(apply_policy([standfirst, body, other], [marlin], alone)) == 3


def test_a_short_name_and_the_full_name_are_one_actor(policy):
    # "Marlin" in the standfirst, "Marlin Metals Ltd" in the body: one company, one happening
    short, full = entity(0, "Marlin", sentence=1), entity(200, "Marlin Metals Ltd", sentence=5)
    first = event(20, "production_output", ("agent", "Marlin", short.id), ("quantity", "2,76,000 tonnes", None))
    second = event(220, "production_output", ("agent", "Marlin Metals Ltd", full.id),
                   ("quantity", "276,000 tonnes", None), sentence=5)
    assert len(apply_policy([first, second], [short, full], policy)) == 1


def test_two_output_clauses_of_one_sentence_stay_two(policy):
    # "Fenwick exported 12 t of gallium, while its germanium shipments fell to 20 t": two figures, two records
    fenwick = entity(0, "Fenwick", "GPE", kb_id="FW")
    gallium = event(10, "production_output", ("agent", "Fenwick", fenwick.id), ("quantity", "12 t", None),
                    ("commodity", "gallium", None), sentence=2)
    shipments = event(60, "production_output", ("agent", "Fenwick", fenwick.id), ("quantity", "12 t", None),
                      sentence=2)
    assert len(apply_policy([gallium, shipments], [fenwick], policy)) == 2
    across = policy.model_copy(update={"clause_happenings": []})
    assert len(apply_policy([gallium, shipments], [fenwick], across)) == 1


def test_a_subjectless_retelling_of_one_figure_joins_the_named_record(policy):
    # lead "Copper output rose 6% to 41,000 t in the quarter." names no one and inherits Marlin Metals, which the
    # body names: "Marlin Metals lifted copper output 6% to 41,000 tonnes": one happening, told twice
    marlin = entity(0, "Marlin Metals", sentence=0)
    lead = event(40, "production_output", ("commodity", "copper", None), ("quantity", "41,000 t", None), sentence=1)
    body = event(300, "production_output", ("agent", "Marlin Metals", marlin.id), ("commodity", "copper", None),
                 ("quantity", "41,000 tonnes", None), sentence=5)
    kept = apply_policy([lead, body], [marlin], policy)
    assert agents(kept) == [["Marlin Metals"]] and len(kept[0].mentions) == 2
    # another commodity with the same figure, or no figure shared, is another happening
    zinc = event(300, "production_output", ("agent", "Marlin Metals", marlin.id), ("commodity", "zinc", None),
                 ("quantity", "41,000 tonnes", None), sentence=5)
    assert len(apply_policy([lead, zinc], [marlin], policy)) == 2
    later = event(300, "production_output", ("agent", "Marlin Metals", marlin.id), ("commodity", "copper", None),
                  ("quantity", "38,500 tonnes", None), sentence=5)
    assert len(apply_policy([lead, later], [marlin], policy)) == 2


def test_an_act_that_did_not_happen_gives_no_record_but_failed_talks_do(policy):
    # "Marlin Metals has not announced a capital cost for Halden" reports no study
    study = event(10, "feasibility_study", ("agent", "Marlin Metals", None)).model_copy(update={"modality": "negated"})
    # "negotiators failed on Sunday to reach an agreement": the talks took place
    talks = event(60, "negotiation", ("agent", "Marlin Metals", None)).model_copy(update={"modality": "negated"})
    kept = apply_policy([study, talks], [entity(0, "Marlin Metals")], policy)
    assert [r.event_type for r in kept] == ["negotiation"]


def test_a_policy_of_banning_exports_is_the_export_restriction(policy):
    # "Fenwick's president said the government would draw up a policy of banning cobalt ore exports."
    ban = event(60, "export_restriction", ("agent", "Fenwick", None))
    plan = event(40, "policy_strategy", ("agent", "Fenwick", None))
    folded = fold_same_act([plan, ban], policy, {})
    assert [r.event_type for r in folded] == ["export_restriction"]


@pytest.mark.parametrize("exchange", ["Frankfurt", "LME", "SHFE"])
def test_an_exchange_named_in_a_ticker_line_never_acts(policy, exchange):
    # "Marlin Metals (NYSE: MRL) (Frankfurt: M3L) said output rose": the lead names the exchange, the company acts
    listed = entity(0, exchange)
    marlin = entity(200, "Marlin Metals", sentence=3)
    output = event(300, "production_output", ("quantity", "8,000 tonnes", None), sentence=4)
    (kept,) = apply_policy([output], [listed, entity(40, exchange), entity(80, exchange), marlin], policy)
    assert agents([kept]) == [["Marlin Metals"]]


def test_a_raise_or_a_stake_without_a_subject_inherits_the_company(policy):
    # "Marlin Metals lines up funds for its Ostra lithium plant" ... "The company raised $40m in a placement."
    marlin = [entity(0, "Marlin Metals", zone="title"), entity(60, "Marlin Metals")]
    raised = event(200, "financing", ("amount", "$40m", None), sentence=2)
    stake = event(300, "investment", ("amount", "$12m", None), sentence=3)
    assert agents(apply_policy([raised, stake], marlin, policy)) == [["Marlin Metals"], ["Marlin Metals"]]


def test_state_funding_without_a_subject_inherits_the_government(policy):
    # "Fenwick opens a $900m minerals fund" ... "Up to $300m will be available in grants this year."
    fenwick = [entity(0, "Fenwick", "GPE", zone="title", kb_id="FW"), entity(40, "Fenwick", "GPE", kb_id="FW")]
    grants = event(200, "financing", ("amount", "$300m", None), sentence=2)
    (kept,) = apply_policy([grants], fenwick, policy)
    assert agents([kept]) == [["Fenwick"]]


@pytest.mark.parametrize(("name", "body"), [
    ("Fenwick Chamber of Mines", True),
    ("Kestrel Nickel Producers Association", True),
    ("Marlin Metals", False),
    ("Fenwick Energy Department", False),
])
def test_industry_bodies_are_named_as_such(policy, name, body):
    assert is_industry_body(entity(0, name), policy) is body


def test_an_item_about_an_industry_body_gives_its_output_to_the_country(policy):
    # "Fenwick chamber warns of power cuts" ... the Fenwick Chamber of Mines said ... "Cobalt output fell 4%."
    chamber = [entity(0, "Fenwick Chamber of Mines", zone="title"), entity(60, "Fenwick Chamber of Mines")]
    fenwick = entity(100, "Fenwick", "GPE", kb_id="FW")
    marlin = entity(400, "Marlin Metals", sentence=5)
    output = event(200, "production_output", ("quantity", "4%", None), ("commodity", "cobalt", None), sentence=2)
    (kept,) = apply_policy([output], [*chamber, fenwick, marlin], policy)
    assert agents([kept]) == [["Fenwick"]]


def test_an_agreement_to_pay_for_something_is_the_financing(policy):
    # "Marlin struck an exclusivity agreement with a bank for US$45 million in debt financing": one act, a financing
    loan = event(60, "financing", ("amount", "US$45 million", None))
    pact = event(30, "cooperation_agreement", ("agent", "Marlin", None))
    folded = fold_same_act([pact, loan], policy, {})
    assert [r.event_type for r in folded] == ["financing"]
    assert agents(folded) == [["Marlin"]]


def test_a_lone_deal_with_no_agent_keeps_its_other_side_as_party(policy):
    buyer = entity(60, "Kestrel Trading")
    deal = event(30, "supply_agreement", ("counterparty", "Kestrel Trading", buyer.id))
    (kept,) = apply_policy([deal], [buyer], policy)
    assert agents([kept]) == [["Kestrel Trading"]]


def test_beside_a_deal_with_an_actor_the_agentless_retelling_takes_no_party(policy):
    seller, buyer = entity(0, "Marlin Metals"), entity(60, "Kestrel Trading", sentence=1)
    named = event(20, "supply_agreement", ("agent", "Marlin Metals", seller.id), sentence=0)
    retold = event(90, "supply_agreement", ("counterparty", "Kestrel Trading", buyer.id), sentence=1)
    kept = apply_policy([named, retold], [seller, buyer], policy)
    assert ["Kestrel Trading"] not in agents(kept)
