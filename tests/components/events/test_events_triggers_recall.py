"""Event stage: wordings of events the trigger rules used to miss (issue 12, recall of the thirteenth session).

Each test is a sentence of our own for a kind of happening seen in at least two dev articles or silver texts from
different outlets; the rule ids are those of ``models/events/triggers.jsonl``.
"""

from __future__ import annotations

import pytest
from events_helpers import events_of

from pipeline import Article


@pytest.mark.parametrize("text", [
    "Fenwick's military council scrapped the mining concessions of dozens of firms, a decree read on radio said.",
    "Last week the council cancelled concessions granted to two local miners.",
    "The cancellations affect more than 40 permits for mining gold and bauxite.",
    "The ministry ordered exploration licences to be withdrawn from companies that breach the mining code.",
    "The mines directorate has canceled seven lithium concessions held by Kestrel Mining.",
])
def test_a_permit_a_state_cancels_is_a_regulation(nlp, text):
    assert ("regulation", "actual") in {(t, m) for t, _, m in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Marlin Metals cancelled its permit application in May.",
    "Kestrel cancelled its export licence for copper concentrate.",
])
def test_a_cancelled_application_or_export_licence_is_no_revocation(nlp, text):
    assert ("regulation", "actual") not in {(t, m) for t, _, m in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Fenwick published its first rare earth and tungsten output quotas of the year on Monday.",
    "The ore quota of Kestrel Nickel has been lowered to 10 million tonnes, down from 30 million tonnes.",
    "The ministry set the production quota for tungsten concentrate at 52,000 tonnes.",
])
def test_a_quota_on_mining_or_output_is_a_regulation_not_an_export_restriction(nlp, text):
    found = {t for t, _, _ in events_of(nlp, text)}
    assert "regulation" in found
    assert "export_restriction" not in found


def test_an_export_quota_stays_an_export_restriction(nlp):
    found = {t for t, _, _ in events_of(nlp, "Fenwick cut its rare earth export quotas by 10% for 2012.")}
    assert found == {"export_restriction"}


@pytest.mark.parametrize(("text", "trigger"), [
    ("In 2023 Kestrel Lithium unveiled a $300 million expansion of its Marlin mine.", "expansion"),
    ("The $3bn expansion will turn Marlin into a major copper mine.", "expansion"),
    ("Marlin approved a US$80 million (RM330 million) upgrade of its smelter on Monday.", "upgrade"),
    ("Kestrel last week unveiled expansion spending plans of A$400 million to lift output.", "expansion spending"),
])
def test_a_priced_expansion_is_an_investment(nlp, text, trigger):
    assert ("investment", trigger) in {(t, found) for t, found, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "The expansion of the Marlin mine will cost about $40 million.",  # the amount does not name the expansion
    "Kestrel agreed a $50 million extension of its loan facility.",  # a loan extended is financing
])
def test_an_expansion_without_its_price_is_no_investment(nlp, text):
    assert "investment" not in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "modality"), [
    ("With uranium prices weak, Kestrel placed the Marlin mill on care and maintenance in 2019.", "actual"),
    ("Kestrel said its Marlin lithium pit is to go onto care and maintenance by the end of June.", "planned"),
    ("Kestrel Nickel said it would put the Birch mine into care and maintenance from October.", "planned"),
])
def test_a_site_placed_on_care_and_maintenance_is_a_disruption(nlp, text, modality):
    assert ("supply_disruption", "care and maintenance", modality) in set(events_of(nlp, text))


@pytest.mark.parametrize("text", [
    "Kestrel is moving its mill from care and maintenance back to full production.",
    "The plant has been in care and maintenance since 2019.",
])
def test_a_restart_or_a_standing_care_and_maintenance_is_no_new_disruption(nlp, text):
    assert "supply_disruption" not in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "trigger"), [
    ("In August Fenwick imposed controls on gallium and germanium product exports.", "controls"),
    ("Norland imposed restrictions on rare earth magnet exports in April.", "restrictions"),
])
def test_a_restriction_on_a_trade_flow_named_words_later_is_an_export_restriction(nlp, text, trigger):
    assert ("export_restriction", trigger) in {(t, found) for t, found, _ in events_of(nlp, text)}


def test_a_control_on_something_else_is_no_export_restriction(nlp):
    text = "Fenwick tightened controls on mercury use in gold mining in April."
    assert "export_restriction" not in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "The placement follows a $30 million sum Marlin was given last year by the state government for its plant.",
    "Ottawa approved a grant for the project, in addition to the C$4 million committed by the Government of Norland.",
    "The state government committed A$20 million to the Kestrel hydrogen hub in May.",
])
def test_a_sum_a_government_gives_or_commits_is_financing(nlp, text):
    assert "financing" in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "The government committed to lower the royalty on copper by $5 a tonne.",
    "Kestrel committed $40 million to its Marlin project in 2024.",  # a company's own spending names no government
])
def test_a_commitment_without_a_state_sum_is_no_state_financing(nlp, text):
    assert ("financing", "committed") not in {(t, trigger) for t, trigger, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Cobalt oxide and nickel metal prices across Fenwick's spot markets continue to edge up on brisk buying.",
    "Lithium carbonate prices in most Fenwick regions began to slide last week.",
])
def test_a_move_verb_after_continue_or_begin_takes_the_subject_of_that_verb(nlp, text):
    assert "price_movement" in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Kestrel Ltd, which is a 7% shareholder of Marlin Metals, has stayed silent on the bid.",
    "Marlin Metals, backed by 30% shareholder Kestrel Ltd, expects to produce more cobalt this year.",
])
def test_a_holder_named_as_a_percent_shareholder_holds_an_investment(nlp, text):
    assert ("investment", "shareholder") in {(t, trigger) for t, trigger, _ in events_of(nlp, text)}


def test_a_shareholder_without_a_share_is_no_investment(nlp):
    text = "Kestrel Ltd, a major shareholder of Marlin Metals, voted against the plan on Monday."
    assert ("investment", "shareholder") not in {(t, trigger) for t, trigger, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "The stake lets Kestrel secure 150,000 tonnes of spodumene concentrate a year from Marlin's two mines.",
    "Under the plan Norvik will receive 5,000 tons of cobalt hydroxide per year from the Fenwick refinery.",
])
def test_securing_a_yearly_tonnage_of_a_commodity_is_a_supply_agreement(nlp, text):
    # issue 12, fourteenth session (supply.secure_volume; dev rn311)
    assert "supply_agreement" in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Kestrel secured approval to lift capacity to 40,000 tonnes of lithium a year.",
    "Marlin secured a loan to produce 20,000 tonnes of nickel a year.",
    "Kestrel secured 2,000 tonnes of copper in its first shipment.",
])
def test_a_permit_a_loan_or_a_one_off_tonnage_secured_is_no_supply_agreement(nlp, text):
    assert "supply_agreement" not in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Peru was the world's leading tin producer with 80% of global production in 2016.",
    "It is the biggest supplier of chromite in Fenwick with a market share of 60 percent.",
])
def test_a_producer_named_with_its_share_of_world_output_reports_output(nlp, text):
    # issue 12, fourteenth session (output.producer_share; dev rn131, rn139): the share figure makes the standing a fact
    assert "production_output" in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Marlin Metals is the world's largest tin producer.",
    "Marlin, a copper producer with 40% of its sales in China, raised its dividend.",
    "Kestrel, one of the world's top cobalt suppliers, cut its dividend.",
    "The world's biggest nickel producer, Fenwick, said demand was weak.",
    "Norland is the world's largest consumer of cobalt.",
])
def test_a_company_ranking_or_a_description_without_a_world_share_reports_no_output(nlp, text):
    # a company's rank describes the actor (the dev gold leaves it out); a named subject ranked is no standing
    assert "production_output" not in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Peru is the world's largest tin producer.", "producer"),
    ("Chile is South America's biggest lithium producer, though its mines sell mostly to glassmakers.", "producer"),
    ("Norland is one of the major suppliers of rare earths to Europe.", "suppliers"),
    ("Zambia is the leading exporter of cobalt in Africa.", "exporter"),
])
def test_a_country_ranked_among_producers_reports_its_output(nlp, text, trigger):
    # issue 12, fifteenth session, second round (output.ranked_producer; dev rn322, rn394, rn477): a country's rank
    # among a commodity's producers is a national output standing, the recent batches' convention
    assert ("production_output", trigger) in {(t, word) for t, word, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Kestrel Metals expects total PGM production from Canada to dip slightly this year.",
    "Marlin Resources said copper output at its two mines would climb in 2026.",
])
def test_output_as_the_subject_of_a_move_verb_is_production_output(nlp, text):
    # issue 12, fourteenth session (output.subject_move; dev rn65): the move verb may stand far from "output"
    assert "production_output" in {t for t, _, _ in events_of(nlp, text)}


def test_a_price_or_a_quota_moving_is_no_output(nlp):
    found = {t for t, _, _ in events_of(nlp, "Production quotas for tin will rise next year, the ministry said.")}
    assert "production_output" not in found


@pytest.mark.parametrize(("text", "trigger"), [
    ("The environment ministry gave the green light to the Kestrel copper mine expansion on Monday.", "green light"),
    ("Marlin said a milestone had been reached after the regulator gave its impact study a stamp of approval in May.",
     "stamp of approval"),
    ("Kestrel received the seal of approval from the state mines department last week.", "seal of approval"),
])
def test_approval_idioms_are_regulations(nlp, text, trigger):
    # issue 12, fifteenth session, second round (reg.green_light, reg.stamp_of_approval; dev rn322): an approval told
    # as an idiom, also in an "after" clause of a sentence holding a background cue
    assert ("regulation", trigger) in {(t, word) for t, word, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Kestrel is still awaiting the green light from the ministry.",
    "The traffic light turned green near the mine gate.",
])
def test_an_approval_idiom_awaited_or_hoped_for_is_no_regulation(nlp, text):
    assert "regulation" not in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "trigger"), [
    ("The forest service has released a draft decision to authorize drilling of baseline wells near the mine.",
     "authorize"),
    ("The president issued two determinations authorizing the use of federal funds for rare earth magnets.",
     "authorizing"),
])
def test_a_decision_or_an_official_authorising_is_a_regulation(nlp, text, trigger):
    # reg.allow_state: a decision, decree or determination authorises (the noun a verb completes is its subject), and
    # an adverbial participle shares its clause's subject (dev rn215, rn431)
    assert ("regulation", trigger) in {(t, word) for t, word, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    ("Marlin Metals officially opened its new cobalt refinery in Ontario on Friday.", "project_milestone", "opened"),
    ("Kestrel Mining broke ground on its $500 million graphite plant on Tuesday.", "project_milestone", "broke ground"),
    ("Kestrel mined 2.1 million tonnes of ore in 2024.", "production_output", "mined"),
    ("India launched a national mission to secure supplies of critical minerals in January.", "policy_strategy",
     "mission"),
])
def test_plain_wordings_of_openings_output_and_national_missions(nlp, text, event_type, trigger):
    # issue 12, fifteenth session, second round (milestone.opened_site, milestone.break_ground, output.mine_verb,
    # policy.strategy): common news wordings the lexicon lacked, sentences of our own
    assert (event_type, trigger) in {(t, word) for t, word, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "event_type"), [
    ("The deal could open the way for Kestrel to build a refinery.", "project_milestone"),
    ("Kestrel opened talks with the government about its mine.", "project_milestone"),
    ("About 40,000 tonnes of ore will be mined each year.", "production_output"),
])
def test_an_opened_way_or_talks_and_a_planned_tonnage_are_no_such_events(nlp, text, event_type):
    assert event_type not in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "types"), [
    # reg.authority_approves: a public body approving a project's expansion or build is the approval, one record
    ("The Chilean government has approved a US$1.5 billion expansion of the Tarvos copper mine, the operator said.",
     {"regulation"}),
    ("Harlow Minerals said the Government of Tasmania has approved the work plan for building the Pelham zinc mine.",
     {"regulation"}),
    # a company's board approving its own expansion is its investment, no regulation
    ("The Harlow Minerals board approved a $300 million expansion of the Pelham mine on Monday.", {"investment"}),
])
def test_an_authority_approving_a_project_is_a_regulation(extractor, text, types):
    # issue 12, seventeenth session: read dev articles typed the approved expansion or build as an investment or a
    # milestone of the government (same_act_agent_only folds it into the approval when both name that body)
    (extraction,) = extractor.extract_many([Article(doc_id="t", text=text)])
    records = extraction.records
    assert {r.event_type for r in records if r.type == "event"} & {"regulation", "investment", "project_milestone"} \
        == types
