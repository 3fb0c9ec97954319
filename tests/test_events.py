"""Event stage: trigger rules, classification per type, modality, arguments and the document-level merge."""

from __future__ import annotations

import json

import pytest
from conftest import make_block_doc
from pydantic import ValidationError

from pipeline.components.events.rules import (
    EventCues,
    TokenSpec,
    TriggerRule,
    agents_compatible,
    compile_pattern,
    inflections,
    phrase_in,
)
from pipeline.components.events.stage import is_headline_text, merge_events
from pipeline.resources.files import load_json, load_jsonl
from pipeline.schema.records import EVENT_TYPES, Argument, EntityRecord, EventRecord, Mention, Trigger


def events_of(nlp, text: str, *, zone: str = "body") -> list[tuple[str, str, str]]:
    doc = make_block_doc(nlp, text, zone=zone)
    return [(e["event_type"], doc.text[slice(*e["trigger"])], e["modality"]) for e in doc._.orewire_events]


def types_of(nlp, text: str, *, zone: str = "body") -> set[str]:
    return {event_type for event_type, _, _ in events_of(nlp, text, zone=zone)}


def parties_of(nlp, text: str, event_type: str) -> list[tuple[str, str]]:
    doc = make_block_doc(nlp, text)
    (event,) = [e for e in doc._.orewire_events if e["event_type"] == event_type]
    return [(a["role"], doc.text[a["start"]:a["end"]]) for a in event["arguments"]
            if a["role"] in {"agent", "counterparty", "beneficiary"}]


# --- resources and pure helpers ------------------------------------------------------------------------------------


def test_trigger_rules_load_and_cover_every_event_type():
    rules = load_jsonl("events/triggers.jsonl", TriggerRule)
    assert len({rule.id for rule in rules}) == len(rules)
    assert {rule.event_type for rule in rules} == set(EVENT_TYPES)
    load_json("events/cues.json", EventCues)


def test_trigger_rule_rejects_unknown_keys_and_types():
    with pytest.raises(ValidationError):
        TriggerRule.model_validate({"id": "x", "event_type": "export_restriction", "pattern": [{"lemma": ["ban"]}],
                                    "contxt_any": ["export"]})
    with pytest.raises(ValidationError):
        TriggerRule.model_validate({"id": "x", "event_type": "weather", "pattern": [{"lemma": ["rain"]}]})
    with pytest.raises(ValidationError):
        TokenSpec.model_validate({"op": "?"})


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("ban", {"bans", "banned", "banning"}),
        ("sign", {"signs", "signed", "signing"}),
        ("rise", {"rises", "rose", "risen", "rising"}),
        ("supply", {"supplies", "supplied"}),
        ("acquire", {"acquires", "acquired", "acquiring"}),
    ],
)
def test_inflections_cover_headline_forms(lemma, forms):
    assert forms <= inflections(lemma)


def test_compile_pattern_gives_a_lemma_and_a_surface_pattern():
    lemma_pattern, form_pattern = compile_pattern([TokenSpec(lemma=["ban"]), TokenSpec(lower=["on"], op="?")])
    assert lemma_pattern == [{"LEMMA": {"IN": ["ban"]}}, {"LOWER": {"IN": ["on"]}, "OP": "?"}]
    assert "banned" in form_pattern[0]["LOWER"]["IN"]
    assert form_pattern[1] == {"LOWER": {"IN": ["on"]}, "OP": "?"}


def test_phrase_in_words_phrases_and_symbols():
    words = {"export", "ban"}
    assert phrase_in(words, "an export ban", "export")
    assert phrase_in(words, "signed a memorandum of understanding", "memorandum of understanding")
    assert phrase_in(words, "at 75,000 yuan/mt", "/mt")
    assert not phrase_in(words, "the stock-building ends", "stock")
    assert not phrase_in(words, "exporters", "exporter s")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [("Lynas", "Lynas Rare Earths", True), ("the United States", "United States", True),
     ("Tokyo", "Japan", False), (None, "Japan", True), ("Karratha's", "Karratha", True)],
)
def test_agents_compatible(first, second, expected):
    assert agents_compatible(first, second) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Vietnam Passes Rare Earth Export Ban", True), ("Malaysia, France Advance Rare Earth Processing Pact", True),
     ("Vietnam passed a rare earth export ban on Monday.", False), ("Supply side", False)],
)
def test_is_headline_text(text, expected):
    assert is_headline_text(text) is expected


# --- classification: one positive sentence per type, and negatives -----------------------------------------------

POSITIVES = [
    ("Indonesia banned exports of nickel ore from January 2020.", "export_restriction", "banned"),
    ("Parliament amended the mining code to raise royalties on lithium producers.", "regulation", "amended"),
    ("The government unveiled a national critical minerals strategy on Monday.", "policy_strategy", "strategy"),
    ("Ivanhoe Mines reported a new copper discovery at its Kamoa project.", "exploration", "discovery"),
    ("Malaysia holds rare earth reserves of about 16 million mt, the sixth-largest in the world.",
     "resource_estimate", "reserves"),
    ("Lynas commissioned its Kalgoorlie processing plant in November.", "project_milestone", "commissioned"),
    ("Glencore signed an offtake agreement with Tesla for cobalt hydroxide.", "supply_agreement", "offtake"),
    ("The World Bank approved a US$200 million loan to Zambia for mine rehabilitation.", "financing", "loan"),
    ("Rio Tinto will invest US$2.5 billion in the Rincon lithium project.", "investment", "invest"),
    ("The company released a feasibility study showing an after-tax NPV of US$1.1 billion.",
     "feasibility_study", "feasibility"),
    ("Lithium carbonate prices fell 5% to 75,000 yuan/mt this week.", "price_movement", "fell"),
    ("Shares of Albemarle rose 8% on Tuesday.", "stock_movement", "rose"),
    ("Australia and India signed a memorandum of understanding on critical minerals.",
     "cooperation_agreement", "memorandum"),
    ("Chile and Argentina are in talks over a joint lithium strategy.", "negotiation", "in talks"),
    ("Anglo American agreed to acquire Teck Resources for US$53 billion.", "merger_acquisition", "acquire"),
    ("Codelco produced 1.3 million tonnes of copper in 2024.", "production_output", "produced"),
    ("Workers went on strike at the Escondida copper mine on Monday, halting output.", "supply_disruption", "strike"),
]


def test_positive_table_covers_every_type():
    assert {event_type for _, event_type, _ in POSITIVES} == set(EVENT_TYPES)


@pytest.mark.parametrize(("text", "event_type", "trigger"), POSITIVES)
def test_positive_sentence(nlp, text, event_type, trigger):
    assert (event_type, trigger) in {(t, trig) for t, trig, _ in events_of(nlp, text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Indonesia exports most of its nickel to China.", "export_restriction"),
        ("The company sells its lithium to battery makers in Asia.", "export_restriction"),
        ("Under the supply agreement, the price of spodumene is US$900/t.", "price_movement"),
        ("The study assumes a long-term lithium price of US$20,000/t.", "price_movement"),
        ("Pricing will be linked to a basket of published indices with a floor price.", "price_movement"),
        ("Chief executive Jane Smith joined the company in 2019.", "cooperation_agreement"),
        ("The exploration licence covers 200 square kilometres.", "exploration"),
        ("The plant was commissioned in 2012 and has long supplied the region.", "project_milestone"),
        ("Officials plan to visit the mine next week.", "policy_strategy"),
        ("The fund's investment advice is for reference only.", "investment"),
        ("Khazanah, Malaysia's sovereign wealth fund, could team up with a Chinese group.", "financing"),
        ("The mine ran close to nameplate capacity in December.", "supply_disruption"),
        ("Shares in the miner rose 4% after the stock-building season ended.", "price_movement"),
        ("The company agreed to acquire a 70% controlling stake in the project.", "investment"),
        ("The US agency will take a 19.9% minority stake in the developer.", "merger_acquisition"),
        ("A correction of up to 5% is possible once the holiday stock-building ends.", "stock_movement"),
        ("Production could stop if talks with management fail.", "negotiation"),
        ('"We want the value to stay at home," the adviser said of the deal.', "cooperation_agreement"),
    ],
)
def test_negative_sentence(nlp, text, absent):
    assert absent not in types_of(nlp, text)


def test_export_alone_is_trade_volume_not_restriction(nlp):
    assert types_of(nlp, "China exported about 12.8 mt of gallium in 2025.") == {"production_output"}


def test_price_and_stock_are_told_apart(nlp):
    assert types_of(nlp, "Shares in Karratha fell 7.4% to A$1.38 on Wednesday.") == {"stock_movement"}
    assert types_of(nlp, "Pr-Nd oxide rose 2% to 437,000 yuan/mt on Thursday.") == {"price_movement"}


def test_two_clauses_give_two_price_movements(nlp):
    text = "Terbium oxide held at 1.7 million yuan/mt, and dysprosium oxide edged up to 1,410 yuan/kg."
    assert [(t, trig) for t, trig, _ in events_of(nlp, text)] == [("price_movement", "held"),
                                                                   ("price_movement", "edged")]


def test_several_types_in_one_sentence(nlp):
    text = ("Vietnam's National Assembly voted through a revised Law on Geology and Minerals that bars "
            "companies from selling unprocessed rare earth ore abroad.")
    assert types_of(nlp, text) == {"regulation", "export_restriction"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indonesia Bans Nickel Ore Exports", {("export_restriction", "Bans")}),
        ("Glencore Signs Cobalt Offtake With Tesla", {("supply_agreement", "Offtake")}),
        ("Cobalt Prices Climb as Congo Extends Quotas", {("price_movement", "Climb"),
                                                        ("export_restriction", "Quotas")}),
    ],
)
def test_title_case_headlines(nlp, text, expected):
    assert {(t, trig) for t, trig, _ in events_of(nlp, text, zone="heading")} == expected


def test_no_events_in_boilerplate_or_dateline(nlp):
    assert events_of(nlp, "Indonesia banned exports of nickel ore.", zone="boilerplate") == []
    assert events_of(nlp, "Dec 12, 2025 16:05", zone="dateline") == []


def test_zone_may_be_unknown(nlp):
    doc = nlp.make_doc("Indonesia banned exports of nickel ore.")
    doc._.orewire_block = None
    doc = nlp(doc)
    assert [e["event_type"] for e in doc._.orewire_events] == ["export_restriction"]


# --- modality ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("Indonesia banned exports of nickel ore.", "export_restriction", "actual"),
        ("Indonesia will ban exports of bauxite from June.", "export_restriction", "planned"),
        ("The company plans to acquire a copper miner in Peru.", "merger_acquisition", "planned"),
        ("The mine is expected to begin production in 2027.", "project_milestone", "planned"),
        ("The plant is set to start production in March.", "project_milestone", "planned"),
        ("India may tighten auction rules for mining blocks.", "regulation", "possible"),
        ("The agency is considering a loan of US$400 million to the project.", "financing", "possible"),
        ("Cobalt could reach $28/lb by the end of the first half.", "price_movement", "possible"),
        ("The government did not ban exports of copper concentrate.", "export_restriction", "negated"),
        ("No agreement has been reached on the supply contract.", "supply_agreement", "negated"),
        ("Chile and Argentina are in talks over a joint lithium strategy.", "negotiation", "actual"),
    ],
)
def test_modality(nlp, text, event_type, modality):
    assert {(t, m) for t, _, m in events_of(nlp, text)} >= {(event_type, modality)}


# --- arguments -----------------------------------------------------------------------------------------------------


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


def test_confidence_is_a_probability(nlp):
    doc = make_block_doc(nlp, "Glencore signed an offtake agreement with Tesla. Cobalt Prices Climb")
    assert doc._.orewire_events
    assert all(0.0 <= e["confidence"] <= 1.0 for e in doc._.orewire_events)


# --- document level: merge_events on hand-built records ----------------------------------------------------------


def _event(start: int, event_type: str, *, zone: str, section: str | None, evidence: str, sentence: int,
           agent: tuple[str, str | None] | None = None, trigger: str = "x") -> EventRecord:
    arguments = [Argument(role="agent", text=agent[0], ref=agent[1])] if agent else []
    end = start + len(trigger)
    return EventRecord(
        id=f"d#event:{start}-{end}:{event_type}", doc_id="d", event_type=event_type,
        trigger=Trigger(text=trigger, start=start, end=end), evidence=evidence, sentence=sentence, section=section,
        zone=zone, arguments=arguments, modality="actual", confidence=0.7, mentions=[Mention(start=start, end=end)],
    )


def _entity(start: int, text: str, label: str, *, zone: str, section: str | None) -> EntityRecord:
    return EntityRecord(id=f"d#entity:{start}-{start + len(text)}", doc_id="d", text=text, start=start,
                        end=start + len(text), sentence=0, section=section, zone=zone, label=label,
                        normalized=text, kb_id=None)


def test_merge_heading_into_body_keeps_body_trigger_and_id():
    heading = "Tronox Lines Up Export Credit Support"
    tronox = _entity(0, "Tronox", "ORG", zone="heading", section=heading)
    head = _event(14, "financing", zone="heading", section=heading, evidence=heading, sentence=0,
                  agent=("Tronox", tronox.id), trigger="Credit")
    body = _event(60, "financing", zone="body", section=heading, evidence="Tronox has secured ...", sentence=1,
                  agent=("US Export-Import Bank", None), trigger="financing")
    (merged,) = merge_events([head, body], [tronox])
    assert merged.id == body.id
    assert merged.trigger == body.trigger
    assert [(m.start, m.end) for m in merged.mentions] == [(14, 20), (60, 69)]
    assert [(a.role, a.text) for a in merged.arguments] == [("agent", "US Export-Import Bank")]
    assert merged.confidence == 0.75


def test_heading_of_another_type_or_section_does_not_merge():
    head = _event(0, "financing", zone="heading", section="A", evidence="A", sentence=0)
    other_type = _event(10, "investment", zone="body", section="A", evidence="...", sentence=1)
    other_section = _event(30, "financing", zone="body", section="B", evidence="...", sentence=2)
    merged = merge_events([head, other_type, other_section], [])
    assert [r.id for r in merged] == [other_type.id, other_section.id]


def test_unmerged_teaser_headline_without_body_is_kept_and_repeats_merge():
    title = "Brazil Drafts Rare Earth Plan"
    first = _event(0, "policy_strategy", zone="related", section=title, evidence=title, sentence=0)
    again = _event(40, "policy_strategy", zone="related", section=title, evidence=title, sentence=1)
    (kept,) = merge_events([first, again], [])
    assert kept.id == first.id
    assert [(m.start, m.end) for m in kept.mentions] == [(0, 1), (40, 41)]


def test_title_merges_with_compatible_body_event_anywhere():
    title = _event(0, "export_restriction", zone="title", section=None, evidence="Vietnam Bans Ore Exports",
                   sentence=0, agent=("Vietnam", "d#entity:0-7"))
    other = _event(100, "export_restriction", zone="body", section="S", evidence="...", sentence=3,
                   agent=("Vietnam", "d#entity:90-97"))
    vietnam = _entity(90, "Vietnam", "GPE", zone="body", section="S")
    (merged,) = merge_events([title, other], [_entity(0, "Vietnam", "GPE", zone="title", section=None), vietnam])
    assert merged.id == other.id
    assert len(merged.mentions) == 2


def test_the_company_takes_the_heading_agent_or_is_dropped():
    heading = "Karratha Agrees Lithium Deal"
    karratha = _entity(0, "Karratha", "ORG", zone="heading", section=heading)
    body = _event(50, "merger_acquisition", zone="body", section=heading, evidence="The company agreed ...",
                  sentence=1, agent=("The company", None))
    (resolved,) = merge_events([body], [karratha])
    assert [(a.role, a.text, a.ref) for a in resolved.arguments] == [("agent", "Karratha", karratha.id)]

    orphan = _event(50, "merger_acquisition", zone="body", section=None, evidence="The company agreed ...",
                    sentence=1, agent=("The company", None))
    (dropped,) = merge_events([orphan], [])
    assert dropped.arguments == []


def test_follow_up_sentence_of_a_study_is_one_event():
    study = _event(0, "feasibility_study", zone="body", section="S", evidence="It released a feasibility study.",
                   sentence=1, trigger="feasibility")
    metrics = _event(40, "feasibility_study", zone="body", section="S", evidence="The NPV is C$812 million.",
                     sentence=2, trigger="NPV")
    (merged,) = merge_events([study, metrics], [])
    assert merged.id == study.id
    assert len(merged.mentions) == 2


# --- end to end: the extractor on small articles ------------------------------------------------------------------

ARTICLE = """Indonesia Bans Bauxite Exports From June

Published: Jan 10, 2026 09:00

Export curbs

Indonesia Moves to Halt Bauxite Shipments

Indonesia's government banned exports of unprocessed bauxite from June 10, 2026, the energy ministry said.
"""


def test_headline_and_paragraph_give_one_event(extractor):
    records = extractor.extract(ARTICLE, doc_id="a")
    events = [r for r in records if r.type == "event"]
    assert [(e.event_type, e.trigger.text, e.zone) for e in events] == [("export_restriction", "banned", "body")]
    (event,) = events
    assert len(event.mentions) >= 2
    ids = {r.id for r in records}
    assert all(a.ref is None or a.ref in ids for a in event.arguments)
    assert event.id == f"a#event:{event.trigger.start}-{event.trigger.end}:export_restriction"
    assert ARTICLE[event.trigger.start:event.trigger.end] == "banned"


def test_event_ids_are_deterministic(extractor):
    first = [r.model_dump() for r in extractor.extract(ARTICLE, doc_id="a") if r.type == "event"]
    second = [r.model_dump() for r in extractor.extract(ARTICLE, doc_id="a") if r.type == "event"]
    assert json.dumps(first) == json.dumps(second)


# --- argument scope, roles and coordinated acts (issue 6 follow-up) -----------------------------------------------


def arguments_of(nlp, text: str, event_type: str) -> set[tuple[str, str]]:
    doc = make_block_doc(nlp, text)
    events = [e for e in doc._.orewire_events if e["event_type"] == event_type]
    return {(a["role"], doc.text[a["start"]:a["end"]]) for e in events for a in e["arguments"]}


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


def test_coordinated_restriction_acts_are_separate_events(nlp):
    events = events_of(nlp, "The DRC suspended cobalt exports in February, extended the halt in June, and then "
                            "replaced it in October with quotas.")
    assert len([e for e in events if e[0] == "export_restriction"]) >= 2
    single = events_of(nlp, "Karratha kept its production guidance of 190 kt and expects shipments of 45,000 dmt.")
    assert len([e for e in single if e[0] == "production_output"]) == 1


def test_extended_requirement_is_export_restriction(nlp):
    assert "export_restriction" in types_of(nlp, "MOFCOM extended the export licensing requirement to antimony "
                                                 "products in September.")
    assert "export_restriction" not in types_of(nlp, "The company extended the drilling program to the north.")


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


def test_descriptive_anaphor_takes_the_latest_agent_of_its_section():
    pendra = _entity(0, "Pendra Minerals", "ORG", zone="body", section=None)
    records = [
        _event(16, "exploration", zone="body", section=None, evidence="Pendra Minerals began drilling.", sentence=0,
               agent=("Pendra Minerals", pendra.id)),
        _event(60, "supply_agreement", zone="body", section=None, evidence="The explorer signed an offtake.",
               sentence=1, agent=("The explorer", None)),
        _event(90, "supply_agreement", zone="body", section=None, evidence="It signed an offtake.", sentence=2,
               agent=("It", None)),
    ]
    merged = merge_events(records, [pendra])
    agents = [[(a.text, a.ref) for a in r.arguments if a.role == "agent"] for r in merged]
    assert agents == [[("Pendra Minerals", pendra.id)], [("Pendra Minerals", pendra.id)], []]


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("Tungsten prices held steady at US$340 per mtu in Rotterdam.", "price_movement", "actual"),
        ("Cobalt was unchanged at US$15.50 per lb this week.", "price_movement", "actual"),
        ("Lithium carbonate prices were flat at 75,000 yuan/t.", "price_movement", "actual"),
        ("Zinvo Resources restarted the Ferrow plant on Monday.", "project_milestone", "actual"),
        ("Zinvo Resources will restart the Ferrow mine in May.", "project_milestone", "planned"),
        ("Harlan Metals could lose up to 20% of its output because of the drought.", "supply_disruption", "possible"),
        ("Harlan Metals may cut output at the Yarrow smelter.", "supply_disruption", "possible"),
        ("The Bellgard project hosts a resource of 212Mt at 0.58% V2O5.", "resource_estimate", "actual"),
        ("Pendra Minerals announced a maiden resource for its Corsa graphite project.", "resource_estimate", "actual"),
        ("Pendra Minerals reported an ore reserve of 12Mt at 1.2% Li2O.", "resource_estimate", "actual"),
        ("Zambia launched a tender for mining rights over three cobalt blocks.", "regulation", "actual"),
        ("Peru raised the tax on mining profits to 30%.", "regulation", "actual"),
        ("China cut its rare earth mining quotas for 2026 by 5%.", "regulation", "actual"),
        ("Orvane Metals idled the Braxton smelter in March.", "supply_disruption", "actual"),
        ("Prices firmed to US$340 per mtu on Tuesday.", "price_movement", "actual"),
    ],
)
def test_blind_set_missed_types(nlp, text, event_type, modality):
    assert (event_type, modality) in {(t, m) for t, _, m in events_of(nlp, text)}


def test_government_subject_is_agent_of_tax_change_and_mining_quota_is_no_export_restriction(nlp):
    assert parties_of(nlp, "Peru raised the tax on mining profits to 30%.", "regulation") == [("agent", "Peru")]
    assert "export_restriction" not in types_of(nlp, "China cut its rare earth mining quotas for 2026 by 5%.")
    assert "export_restriction" in types_of(nlp, "China cut its rare earth export quotas for 2026 by 5%.")


def test_resource_holder_is_the_reporting_company(nlp):
    assert parties_of(nlp, "Pendra Minerals reported an ore reserve of 12Mt at 1.2% Li2O.",
                      "resource_estimate") == [("agent", "Pendra Minerals")]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Perth-based firm sells concentrate at US$900/t to traders.", "price_movement"),
        ("Analysts said the firm had a strong balance sheet.", "price_movement"),
        ("The company idled 40 workers during the wet season.", "supply_disruption"),
        ("About 200 workers were idled by the dispute over pay.", "supply_disruption"),
        ("Orvane Metals has not contracted any of its future output.", "supply_agreement"),
        ("Under the ASX listing rules, the company must disclose material information.", "regulation"),
        ("The rules of the index are reviewed every quarter.", "regulation"),
        ("Output from the region has historically been small.", "production_output"),
        ("The company will resume talks with its lenders next week.", "project_milestone"),
        ("Harlan Metals could lose its market share to cheaper rivals.", "supply_disruption"),
        ("The miner sold a 2% royalty to Quarry Capital for US$10 million.", "regulation"),
    ],
)
def test_blind_set_weak_word_negatives(nlp, text, absent):
    assert absent not in types_of(nlp, text)


def test_contracted_output_is_a_supply_agreement(nlp):
    assert "supply_agreement" in types_of(nlp, "Orvane Metals has contracted 80% of its output to a battery maker.")


# --- broader analyst vocabulary (invented sentences) ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "event_type"), [
    ("Trafigura will provide a US$50 million prepayment for concentrate from the mine.", "supply_agreement"),
    ("Kestrel Minerals closed a A$30 million entitlement offer.", "financing"),
    ("The company launched a A$45 million rights issue to fund construction.", "financing"),
    ("Osprey Resources issued US$100 million of convertible notes.", "financing"),
    ("The miner sold a 2% royalty to Franco-Nevada for US$60 million.", "financing"),
    ("Shareholders approved the scheme of arrangement with Pilbara Minerals.", "merger_acquisition"),
    ("Glencore agreed to buy out its partner in the copper mine.", "merger_acquisition"),
    ("Sumitomo agreed to subscribe for shares worth US$25 million in Ioneer.", "investment"),
    ("Lynas reached FID on the heavy rare earths plant.", "project_milestone"),
    ("The company received the environmental permit for the mine in May.", "project_milestone"),
    ("Assays returned 12 metres at 2.1% lithium oxide.", "exploration"),
    ("A BFS for the project is due in the first half of 2026.", "feasibility_study"),
    ("Glencore declared force majeure on cobalt deliveries.", "supply_disruption"),
    ("Canada unveiled a critical minerals roadmap.", "policy_strategy"),
    ("The US plans a strategic stockpile of cobalt.", "policy_strategy"),
    ("Australia added five minerals to its critical minerals list.", "policy_strategy"),
    ("Rio Tinto made a bid for the lithium developer.", "negotiation"),
    ("The plant has a nameplate capacity of 40,000 tonnes a year.", "production_output"),
])
def test_broader_vocabulary_fires(nlp, text, event_type):
    assert event_type in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    ("The offtake market remains opaque, analysts said.", "supply_agreement"),
    ("Rights issues are common in the sector.", "financing"),
    ("The miner added ore to the run-of-mine stockpile.", "policy_strategy"),
    ("The government sold gallium to the national defense stockpile.", "policy_strategy"),
    ("The ministry invited bids for the lithium blocks at auction.", "negotiation"),
    ("The assay laboratory in Perth was busy.", "exploration"),
    ("The refinery lifted force majeure on Monday.", "supply_disruption"),
    ("The company has not received the mining permit.", "project_milestone"),
])
def test_broader_vocabulary_guards(nlp, text, event_type):
    assert event_type not in types_of(nlp, text)
