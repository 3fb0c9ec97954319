"""Event stage: agents, counterparties, beneficiaries and the other arguments of an event."""

from __future__ import annotations

import pytest
from events_helpers import arguments_of, parties_of
from support import make_block_doc

from pipeline.components.events.sentences import DocIndex, Sentence, is_dateline


def test_agent_is_the_subject_and_counterparty_the_other_side(nlp):
    text = "Glencore signed an offtake agreement with Tesla for cobalt hydroxide."
    assert parties_of(nlp, text, "supply_agreement") == [("agent", "Glencore"), ("counterparty", "Tesla")]


def test_lender_is_agent_and_borrower_beneficiary(nlp):
    text = "Tronox has secured a $6 billion financing intent from the Export-Import Bank of the United States."
    roles = dict(parties_of(nlp, text, "financing"))
    assert roles["agent"].endswith("Export-Import Bank of the United States")
    assert roles["beneficiary"] == "Tronox"


def test_possessive_owner_and_talk_partners(nlp):
    assert parties_of(nlp, "Shares of Albemarle rose 8% on Tuesday.", "stock_movement") == [("agent", "Albemarle")]
    assert parties_of(nlp, "Talks between China and Malaysia remain at an early stage.", "negotiation") == [
        ("agent", "China"), ("counterparty", "Malaysia")]


def test_price_movement_has_no_commodity_agent(nlp):
    assert parties_of(nlp, "Lithium carbonate prices fell 5% to 75,000 yuan/mt this week.", "price_movement") == []


def test_amount_date_and_effective_date_point_at_records(nlp):
    doc = make_block_doc(nlp, "Indonesia will ban exports of bauxite from June 10, 2026.")
    (event,) = doc._.orewire_events
    spans = {(s.start_char, s.end_char) for s in [*doc.ents, *doc.spans["orewire_dates"]]}
    effective = [a for a in event["arguments"] if a["role"] == "effective_date"]
    assert [doc.text[a["start"]:a["end"]] for a in effective] == ["June 10, 2026"]
    assert all((a["start"], a["end"]) in spans for a in event["arguments"])

    doc = make_block_doc(nlp, "The World Bank approved a US$200 million loan to Zambia.")
    (event,) = doc._.orewire_events
    quantities = {(s.start_char, s.end_char) for s in doc.spans["orewire_quantities"]}
    amounts = [a for a in event["arguments"] if a["role"] == "amount"]
    assert [doc.text[a["start"]:a["end"]] for a in amounts] == ["US$200 million"]
    assert (amounts[0]["start"], amounts[0]["end"]) in quantities


def test_study_trigger_keeps_the_results_of_its_noun_phrase(nlp):
    arguments = arguments_of(nlp, "The company released a feasibility study showing an NPV of US$1.1 billion.",
                             "feasibility_study")
    assert ("amount", "US$1.1 billion") in arguments


def test_location_is_the_place_not_an_owner_or_nationality(nlp):
    placed = arguments_of(nlp, "Nova Minerals started production at its plant in Texas in March.",
                          "project_milestone")
    assert ("location", "Texas") in placed
    owner = arguments_of(nlp, "REAlloys, a U.S. magnet maker, signed a five-year offtake agreement with Lynas.",
                         "supply_agreement")
    assert not any(role == "location" for role, _ in owner)


def test_share_prices_are_price_role(nlp):
    moved = arguments_of(nlp, "Shares in Karratha fell 7.4% to A$1.38 on Wednesday.", "stock_movement")
    assert ("price", "A$1.38") in moved and ("amount", "A$1.38") not in moved
    placing = arguments_of(nlp, "Kafue raised £8.5 million through a placing at 4.2p a share.", "financing")
    assert ("price", "4.2p") in placing and ("amount", "£8.5 million") in placing


def test_nationality_of_the_other_party_is_counterparty(nlp):
    parties = parties_of(nlp, "Khazanah could team up with a Chinese state-owned group to build the plant.",
                         "cooperation_agreement")
    assert ("counterparty", "Chinese") in parties
    assert ("agent", "Chinese") not in parties


def test_official_acting_in_office_gives_his_government(nlp):
    parties = parties_of(nlp, "EU trade commissioner Maros Sefcovic and Kazakhstan's industry minister signed a "
                              "roadmap on raw materials.", "cooperation_agreement")
    assert parties[0] == ("agent", "EU")


def test_forecaster_is_not_the_agent_of_a_price_move(nlp):
    parties = parties_of(nlp, "Orewire expects Pr-Nd oxide to trade at 430,000-450,000 yuan/mt next week.",
                         "price_movement")
    assert ("agent", "Orewire") not in parties


# --- blind-set error categories (invented names) --------------------------------------------------------------------


def test_dateline_city_is_not_the_agent(nlp):
    assert parties_of(nlp, "SYDNEY, March 3 — Korvana Minerals shares fell 12% after the assay results.",
                      "stock_movement") == [("agent", "Korvana Minerals")]


@pytest.mark.parametrize(
    "text",
    [
        "Korvana Minerals chief executive Tom Bellweather said the company will start construction in July.",
        "Tom Bellweather, chief executive of Korvana Minerals, said the miner would begin production next year.",
    ],
)
def test_speaker_anaphor_takes_the_speakers_organisation(nlp, text):
    assert parties_of(nlp, text, "project_milestone") == [("agent", "Korvana Minerals")]


def test_borrower_is_beneficiary_and_lender_agent(nlp):
    expected = [("agent", "Bank Orvell"), ("beneficiary", "Daltrix Lithium")]
    assert parties_of(nlp, "Daltrix Lithium secured a US$50 million loan from Bank Orvell for the Pelham project.",
                      "financing") == expected
    assert parties_of(nlp, "Bank Orvell lent Daltrix Lithium US$50 million to build the plant.", "financing") == expected


def test_government_subject_is_agent_of_tax_change(nlp):
    assert parties_of(nlp, "Peru raised the tax on mining profits to 30%.", "regulation") == [("agent", "Peru")]


def test_resource_holder_is_the_reporting_company(nlp):
    assert parties_of(nlp, "Pendra Minerals reported an ore reserve of 12Mt at 1.2% Li2O.",
                      "resource_estimate") == [("agent", "Pendra Minerals")]


@pytest.mark.parametrize(("text", "event_type", "parties"), [
    # the party after "from" on an investment or financing noun provides it; the subject receives it
    ("Marlin Metals welcomed a A$90 million equity investment from the Northern Growth Fund for its smelter.",
     "investment", [("agent", "Northern Growth Fund"), ("beneficiary", "Marlin Metals")]),
    # a takeover approach received from a rival: the rival bids
    ("Shares in Kestrel Ore jumped after it received a takeover approach from Marlin Metals.",
     "merger_acquisition", [("agent", "Marlin Metals"), ("beneficiary", "Kestrel Ore")]),
])
def test_the_party_after_from_provides_the_money_or_the_bid(nlp, text, event_type, parties):
    assert parties_of(nlp, text, event_type) == parties


def test_a_headline_lender_after_from_is_the_agent(nlp):
    doc = make_block_doc(nlp, "Marlin Metals Wins US$40 Million Loan From the European Investment Bank",
                         zone="title")
    (event,) = [e for e in doc._.orewire_events if e["event_type"] == "financing"]
    assert [doc.text[a["start"]:a["end"]] for a in event["arguments"] if a["role"] == "agent"] == [
        "European Investment Bank"]


def test_a_place_describing_a_company_is_not_a_government(nlp):
    text = "The Quebec graphite explorer expects to produce 20,000 tonnes of graphite a year."
    assert parties_of(nlp, text, "production_output") == []


@pytest.mark.parametrize(("text", "event_type", "parties"), [
    # a country owning a company noun describes the company: the name beside it acts
    ("Peru's state-owned zinc miner Marlin Metals posted a 30 percent drop in zinc production in the second quarter.",
     "production_output", [("agent", "Marlin Metals")]),
    # a country owning a named mine says where it is: the mine is the project, nobody is the agent here
    ("Chile's Toquepala mine raised its copper production by 5% in May.", "production_output", []),
    # with no other name beside it the owner stays the actor
    ("Vietnam's assembly passed a law banning rare earth ore exports on Monday.", "export_restriction",
     [("agent", "Vietnam")]),
])
def test_a_place_owning_a_company_noun_or_a_named_site_only_describes_it(nlp, text, event_type, parties):
    assert parties_of(nlp, text, event_type) == parties


def test_a_headline_place_owning_a_named_site_is_not_the_agent(nlp):
    doc = make_block_doc(nlp, "Chile's Toquepala mine lifts 2025 copper output goal", zone="title")
    (event,) = [e for e in doc._.orewire_events if e["event_type"] == "production_output"]
    assert [doc.text[a["start"]:a["end"]] for a in event["arguments"] if a["role"] == "agent"] == []


def test_a_hyphenated_pair_names_both_sides_of_a_pact(nlp):
    text = "Japan on Tuesday signed a Japan-India framework agreement on critical minerals."
    assert parties_of(nlp, text, "cooperation_agreement") == [("agent", "Japan"), ("counterparty", "India")]


def test_a_descriptive_possessor_of_the_trigger_is_its_agent(nlp):
    # "the country's output": the country acts, whoever else the article names; a pronoun owner is left alone
    text = "The country's 2024 tin output is forecast at 9,000 t, the energy minister said."
    assert parties_of(nlp, text, "production_output") == [("agent", "The country")]


def test_the_country_of_a_statistic_is_the_country_not_the_item_company(extractor):
    text = ("Bolivia to trim tin output\n\nBorel Tin will cut planned tin output by 15%, the company said on Monday."
            "\n\nThe country's 2024 tin output is forecast at 9,000 t, the energy minister said.")
    events = [r for r in extractor.extract(text, doc_id="t", published="2025-06-01") if r.type == "event"
              and r.event_type == "production_output"]
    assert [[a.text for a in r.arguments if a.role == "agent"] for r in events] == [["Bolivia"]]


@pytest.mark.parametrize(("text", "event_type", "agent"), [
    ("Traders reacted to Peru's announcement of an export ban on copper concentrate.", "export_restriction", "Peru"),
    ("Marlin Metals noted the Chilean government's decision to ban lithium exports from 2027.", "export_restriction",
     "Chilean"),
])
def test_the_owner_of_a_decision_or_announcement_does_the_act(nlp, text, event_type, agent):
    assert ("agent", agent) in parties_of(nlp, text, event_type)


@pytest.mark.parametrize("verb", ["warned", "disclosed", "cautioned"])
def test_the_subject_of_a_reporting_verb_speaks_for_its_pronoun(nlp, verb):
    text = f"Marlin Metals {verb} it might close two unprofitable shafts at its nickel mine this year."
    assert parties_of(nlp, text, "supply_disruption") == [("agent", "Marlin Metals")]


# --- issue 12, round eight: agent selection -------------------------------------------------------------------------


def test_an_upper_case_place_before_a_colon_is_a_dateline(nlp):
    for text, expected in [("NEW DELHI:  Japan and Kenya signed a cobalt pact.", True),
                           ("Kenya: a cobalt pact was signed with Japan.", False)]:
        doc = make_block_doc(nlp, text)
        sentence = Sentence(doc[:], False, text, DocIndex(doc, text))
        assert is_dateline(doc.ents[0], sentence) is expected


def test_the_body_named_on_a_possessive_actor_noun_owns_the_act(nlp):
    # "the Fenwick government's approval of its export permits": the government approves, not the waiting company
    text = "Marlin Metals halted a kiln while it waited for the Fenwick government's approval of its export permits."
    assert parties_of(nlp, text, "export_restriction") == [("agent", "Fenwick")]


def test_the_members_named_after_including_act_not_their_nationality(nlp):
    text = ("Large Chinese battery makers, including Tarn Lithium, Gorse Cobalt Group and Venn Metals, have acquired "
            "nickel mines worth a combined $400 million in Zambia.")
    assert parties_of(nlp, text, "merger_acquisition") == [("agent", "Tarn Lithium"), ("agent", "Gorse Cobalt Group")]


def test_a_permit_received_from_a_regulator_names_the_regulator(nlp):
    # the giver of a permit acts (regulation); the company that receives it is the beneficiary, as with a loan
    parties = parties_of(nlp, "Marlin Metals said it had received the water licence for its Kestrel mine from the "
                              "Western Lands Agency.", "regulation")
    assert ("agent", "Western Lands Agency") in parties
    assert ("beneficiary", "Marlin Metals") in parties


@pytest.mark.parametrize("title", [
    "Lead Producer to Shut Ohio Smelter Early, Pay $50 Million in Fines",
    "Kestrel Metals Shuts Quebec Nickel Mine",
])
def test_a_headline_place_naming_the_object_is_where_not_who(nlp, title):
    # a place right before the noun it qualifies ("Ohio Smelter") locates the object; it does not shut anything
    doc = make_block_doc(nlp, title, zone="title")
    (event,) = [e for e in doc._.orewire_events if e["event_type"] == "supply_disruption"]
    assert not [a for a in event["arguments"] if a["role"] == "agent"]


@pytest.mark.parametrize(("text", "event_type", "agent"), [
    # a nationality on the company noun describes the company named beside it ...
    ("The Australian mining company Kestrel Resources said its graphite mine has begun commercial production.",
     "project_milestone", "Kestrel Resources"),
    # ... and on a definite company noun with no name it is an anaphor for the article pass, not a government
    ("The Canadian firm has completed its takeover of Norvik Metals.", "merger_acquisition", "The Canadian firm"),
    # a nationality on a public body still names its government
    ("Chinese authorities approved a ban on exports of graphite.", "export_restriction", "Chinese"),
])
def test_a_nationality_describing_a_company_is_not_its_agent(nlp, text, event_type, agent):
    assert parties_of(nlp, text, event_type)[0] == ("agent", agent)


@pytest.mark.parametrize("text", [
    "A Canadian mining company has halted work on its cobalt smelter after prices fell.",
    "An Australian graphite miner has halted work on its smelter after prices fell.",
])
def test_a_nationality_on_an_indefinite_company_noun_is_no_government(nlp, text):
    # "a Canadian mining company" names some company, not Canada: the country does not halt anything
    agents = [name for role, name in parties_of(nlp, text, "supply_disruption") if role == "agent"]
    assert agents == []


def test_a_source_describing_a_deposit_is_not_its_holder(nlp):
    text = ("The Halden deposit was described by the Fenwick Geological Survey as one of the largest copper resources "
            "in Africa, with 40 million tonnes of ore.")
    assert parties_of(nlp, text, "resource_estimate") == []


def test_the_giver_named_on_the_received_paper_is_the_lender(nlp):
    # "for a loan" hangs on the verb, "from the bank" on the letter the company received
    text = ("Last spring Kestrel Resources received a letter of intent from the Export-Import Bank of Fenwick for a "
            "loan of up to $1.8 billion to build a mine.")
    roles = dict(parties_of(nlp, text, "financing"))
    assert roles["agent"] == "Export-Import Bank of Fenwick"  # a bank takes its "of" complement (entities)
    assert roles["beneficiary"] == "Kestrel Resources"


def test_a_party_after_the_verb_is_not_its_unparsed_subject(nlp):
    text = "It has also invested $30 million with the Kestrel Institute of Technology in a shared research laboratory."
    assert ("agent", "Kestrel Institute of Technology") not in parties_of(nlp, text, "investment")


def test_a_subject_pronoun_is_left_to_the_article_pass(nlp):
    # "It" with no speaker above it: the stage names the pronoun, the article pass resolves it (or drops it)
    assert parties_of(nlp, "It has supplied about 900 tonnes of cobalt since 2019.", "production_output") == [
        ("agent", "It")]
    # a speaker above it still wins, and a named subject is untouched
    assert parties_of(nlp, "Marlin Metals said it has supplied 900 tonnes of cobalt since 2019.",
                      "production_output") == [("agent", "Marlin Metals")]
    assert parties_of(nlp, "Norway has supplied about 900 tonnes of cobalt since 2019.", "production_output") == [
        ("agent", "Norway")]


def test_a_head_of_state_named_with_a_nationality_acts_for_the_country(nlp):
    # the nationality before a capitalised office is the government (the article pass makes it the country)
    assert parties_of(nlp, "Chilean President Ana Lind on Monday commissioned a copper smelter near the coast.",
                      "project_milestone") == [("agent", "Chilean")]
    # a lower-case job title names no office of a state
    assert ("agent", "Chilean") not in parties_of(
        nlp, "Chilean chief executive Ana Lind on Monday commissioned a copper smelter near the coast.",
        "project_milestone")


def test_a_subject_pronoun_takes_up_the_subject_of_the_sentence_before(nlp):
    text = "China has been buying much cobalt from Fenwick Metals. It imported 3,500 tonnes of cobalt in 2021."
    assert parties_of(nlp, text, "production_output") == [("agent", "China")]
    # a sentence before whose subject is no organisation or country leaves the pronoun to the article pass
    text = "Demand for cobalt has been strong. It imported 3,500 tonnes of cobalt in 2021."
    assert parties_of(nlp, text, "production_output") == [("agent", "It")]


@pytest.mark.parametrize(("text", "holder"), [
    # the subject of a finding verb holds the deposit it found
    ("Norway last spring found its first cobalt deposits near Bergen, estimated at 2 million tonnes.", "Norway"),
    ("Peru identified tin deposits of some 40,000 tonnes in the Puno highlands, the ministry said.", "Peru"),
    # the owner of the reserves noun holds them
    ("Zambia's proven cobalt reserves increased to 900,000 tonnes after the survey by Marlin Metals.", "Zambia"),
])
def test_the_holder_of_reserves_is_named_around_the_reserves_noun(nlp, text, holder):
    assert parties_of(nlp, text, "resource_estimate") == [("agent", holder)]


def test_a_nationality_on_the_reserves_noun_is_their_holder(nlp):
    assert parties_of(nlp, "The survey cut its Peruvian tin reserve estimate to 90,000 tonnes.",
                      "resource_estimate") == [("agent", "Peruvian")]


def test_a_government_owner_with_a_nationality_is_that_nation_not_an_anaphor(nlp):
    # "the Fenwickian government" is the country the nationality names, never the item's actor by anaphora
    assert parties_of(nlp, "The Chinese government's export curbs on gallium took effect in August.",
                      "export_restriction") == [("agent", "Chinese")]


def test_the_owner_of_a_licence_holds_it_and_the_subject_revokes_it(nlp):
    text = "Niamey has revoked Marlin Uranium's mining licence."
    assert parties_of(nlp, text, "regulation") == [("agent", "Niamey")]


def test_reserves_stated_in_a_country_are_held_by_that_country(nlp):
    assert ("agent", "Chile") in parties_of(
        nlp, "By comparison, known reserves in Chile are put at 40 million tonnes.", "resource_estimate")
    # a passive find reported by a survey: the country holds the reserves, the survey only says so
    assert parties_of(nlp, "A further 2.1 Mt of lithium reserves were identified in Bolivia, the USGS says.",
                      "resource_estimate") == [("agent", "Bolivia")]


def test_a_finder_named_as_subject_still_holds_reserves_found_in_a_country(nlp):
    assert parties_of(nlp, "Kestrel Metals identified reserves of 3 million tonnes in Bolivia.",
                      "resource_estimate") == [("agent", "Kestrel Metals")]


def test_a_main_clause_pronoun_takes_up_the_subject_of_the_clause_before_it(nlp):
    text = "While Indonesia remains the top nickel producer, it banned exports of ore in 2020."
    assert parties_of(nlp, text, "export_restriction") == [("agent", "Indonesia")]


def test_a_country_subject_of_a_relative_clause_is_the_agent_of_its_share(nlp):
    # issue 12, fourteenth session (dev rn381): the relative pronoun's antecedent acts, although it is the object of "on"
    text = "Buyers want to depend less on Chile, which now supplies about 30 percent of global copper output."
    assert parties_of(nlp, text, "production_output") == [("agent", "Chile")]
    place = "Buyers want to depend less on Chile, where miners produce about 30 percent of global copper output."
    assert ("agent", "Chile") not in parties_of(nlp, place, "production_output")  # "where" names a place, not a subject


def test_a_source_of_supplies_is_no_lender_of_financing_named_as_a_means(nlp):
    # issue 12, fourteenth session (words.json means_preps; dev rn381): "through financing" is how the subject secures
    # supplies; the country the supplies come from lends nothing
    text = "Canada is moving to secure future nickel supplies from Peru through direct financing of mining projects."
    assert ("agent", "Peru") not in parties_of(nlp, text, "financing")
    lender = "Marlin received a letter of support from Nordbank for a loan of up to $50 million."
    assert ("agent", "Nordbank") in parties_of(nlp, lender, "financing")  # a giver on the object is still the lender
