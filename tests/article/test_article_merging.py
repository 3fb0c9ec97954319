"""Merging an article's event records: anaphoric agents, follow-up sentences, headlines into bodies."""

from __future__ import annotations

import json

import pytest
from support import policy_entity

from pipeline.article.merging import EventMerger, agents_compatible
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import Argument, EntityRecord, EventRecord, Mention, Trigger

# headline, continuation and anaphor merging alone; the article-level policy is tested in
# tests/components/events/test_events_policy.py
CUES = load_event_cues(ResourceReader())
merge_events = EventMerger(CUES.anaphors, continued_types=CUES.continued_types,
                           antecedent_labels=CUES.role_labels.antecedent_labels)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [("Lynas", "Lynas Rare Earths", True), ("the United States", "United States", True),
     ("Tokyo", "Japan", False), (None, "Japan", True), ("Karratha's", "Karratha", True)],
)
def test_agents_compatible(first, second, expected):
    assert agents_compatible(first, second) is expected


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


def test_descriptive_anaphor_takes_the_latest_agent_of_its_section():
    pendra = _entity(0, "Pendra Minerals", "ORG", zone="body", section=None)
    records = [
        _event(16, "exploration", zone="body", section=None, evidence="Pendra Minerals began drilling.", sentence=0,
               agent=("Pendra Minerals", pendra.id)),
        _event(60, "supply_agreement", zone="body", section=None, evidence="The explorer signed an offtake.",
               sentence=1, agent=("The explorer", None)),
        _event(90, "supply_agreement", zone="body", section=None, evidence="It signed an offtake.", sentence=3,
               agent=("It", None)),
    ]
    merged = merge_events(records, [pendra])
    agents = [[(a.text, a.ref) for a in r.arguments if a.role == "agent"] for r in merged]
    # a pronoun two sentences on names nobody: unresolved, dropped at the end (the item's actor may be inherited)
    assert agents == [[("Pendra Minerals", pendra.id)], [("Pendra Minerals", pendra.id)], []]


def test_a_pronoun_takes_the_agent_of_the_sentence_right_before():
    # "Norway holds large cobalt reserves. It has sold 900 t since 2019." -> Norway, not the item's company
    norway = _entity(0, "Norway", "GPE", zone="body", section=None)
    marlin = _entity(200, "Marlin Metals", "ORG", zone="body", section=None)
    reserves = _event(7, "resource_estimate", zone="body", section=None, sentence=1,
                      evidence="Norway holds large cobalt reserves.", agent=("Norway", norway.id))
    sold = _event(60, "production_output", zone="body", section=None, sentence=2,
                  evidence="It has sold 900 t since 2019.", agent=("It", None))
    merged = merge_events([reserves, sold], [norway, marlin])
    assert [[(a.text, a.ref) for a in r.arguments if a.role == "agent"] for r in merged] == [
        [("Norway", norway.id)], [("Norway", norway.id)]]
    # two different actors in the sentence before: no guess
    kestrel = _entity(30, "Kestrel Mining", "ORG", zone="body", section=None)
    bought = _event(40, "supply_agreement", zone="body", section=None, sentence=1,
                    evidence="Kestrel Mining agreed to buy it.", agent=("Kestrel Mining", kestrel.id))
    merged = merge_events([reserves, bought, sold], [norway, kestrel, marlin])
    assert [a.text for a in merged[-1].arguments if a.role == "agent"] == []


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


# --- issue 12, round eight: who an anaphor names ----------------------------------------------------------------------

merge_with_policy = EventMerger.from_cues(load_event_cues(ResourceReader()))


def _agents(records: list[EventRecord]) -> list[list[str]]:
    return [[a.text for a in r.arguments if a.role == "agent"] for r in records]


def test_the_company_is_never_a_ministry():
    # "Marlin Metals produced 3 Moz" / "The Fenwick Ministry of Health ordered a halt" / "the company has produced 9 Moz"
    marlin = policy_entity(0, "Marlin Metals", sentence=0)
    ministry = policy_entity(60, "Fenwick Ministry of Health", sentence=1)
    records = [
        _event(14, "production_output", zone="body", section=None, evidence="Marlin Metals produced 3 Moz.",
               sentence=0, agent=("Marlin Metals", marlin.id)),
        _event(90, "regulation", zone="body", section=None, evidence="The ministry ordered a halt.", sentence=1,
               agent=("Fenwick Ministry of Health", ministry.id), trigger="order"),
        _event(150, "production_output", zone="body", section=None, evidence="The company has produced 9 Moz.",
               sentence=2, agent=("The company", None)),
    ]
    merged = merge_with_policy(records, [marlin, ministry])
    assert _agents(merged)[-1] == ["Marlin Metals"]


def test_a_public_body_anaphor_never_names_a_company():
    # "Peru's zinc output rose 4%, as Marlin Copper ramped up a mine." / "Tin output fell 8%, the ministry added.":
    # the ministry is Peru's (no ministry is named), never the company the sentence before names
    peru = policy_entity(0, "Peru", "GPE", sentence=0, kb_id="PE")
    marlin = policy_entity(40, "Marlin Copper", sentence=0)
    records = [
        _event(14, "production_output", zone="body", section=None, evidence="Peru's zinc output rose 4%.",
               sentence=0, agent=("Peru", peru.id)),
        _event(120, "production_output", zone="body", section=None, evidence="Tin output fell 8%, the ministry added.",
               sentence=1, agent=("the ministry", None)),
    ]
    assert _agents(merge_with_policy(records, [peru, marlin]))[-1] == ["Peru"]


def test_an_exchange_in_a_ticker_is_never_the_antecedent():
    # "Copper miner Kestrel Ltd (TSX:KST) plans a larger smelter." / "The Perth-based miner said it would invest $2bn."
    kestrel = policy_entity(0, "Kestrel Ltd", sentence=0)
    exchange = policy_entity(30, "TSX", sentence=0)
    records = [_event(120, "investment", zone="body", section=None, evidence="The Perth-based miner said it would "
                      "invest $2bn.", sentence=1, agent=("The Perth-based miner", None))]
    assert _agents(merge_with_policy(records, [kestrel, exchange])) == [["Kestrel Ltd"]]


def test_an_anaphor_takes_an_anaphor_resolved_before_it():
    # "Kestrel Ltd raised prices." / "The state-owned company raised output." / "The company aims to double output."
    kestrel = policy_entity(0, "Kestrel Ltd", sentence=0)
    grades = policy_entity(70, "Ridge", sentence=1)  # a later name that is no actor of any record
    records = [
        _event(40, "price_movement", zone="body", section=None, evidence="The state-owned company raised prices.",
               sentence=1, agent=("The state-owned company", None)),
        _event(120, "production_output", zone="body", section=None, evidence="The company aims to double output.",
               sentence=3, agent=("The company", None)),
    ]
    merged = merge_with_policy(records, [kestrel, grades])
    assert _agents(merged) == [["Kestrel Ltd"], ["Kestrel Ltd"]]


def test_the_government_is_the_country_its_sentence_names():
    # "Fenwick imported more germanium." / "Exports from Norland fell after the government imposed controls."
    fenwick = policy_entity(0, "Fenwick", "GPE", sentence=0, kb_id="FW")
    norland = policy_entity(60, "Norland", "GPE", sentence=1, kb_id="NL")
    records = [
        _event(10, "production_output", zone="body", section=None, evidence="Fenwick imported more germanium.",
               sentence=0, agent=("Fenwick", fenwick.id), trigger="imported"),
        _event(110, "export_restriction", zone="body", section=None,
               evidence="Exports from Norland fell after the government imposed controls.", sentence=1,
               agent=("the government", None), trigger="controls"),
    ]
    merged = merge_with_policy(records, [fenwick, norland])
    assert _agents(merged) == [["Fenwick"], ["Norland"]]


def test_a_price_move_naming_no_commodity_continues_the_quotation_before_it():
    # "Cobalt has risen 60% this year and now trades at $48,000 a ton." / "It then slipped to $47,500 a ton."
    text = "Cobalt has risen 60% this year and now trades at $48,000 a ton."
    risen = _event(7, "price_movement", zone="body", section=None, evidence=text, sentence=3, trigger="risen")
    risen = risen.model_copy(update={"arguments": [Argument(role="commodity", text="Cobalt", ref=None),
                                                   Argument(role="price", text="$48,000 a ton", ref=None)]})
    trades = _event(40, "price_movement", zone="body", section=None, evidence=text, sentence=3, trigger="trades")
    trades = trades.model_copy(update={"arguments": [Argument(role="price", text="$48,000 a ton", ref=None)]})
    slipped = _event(80, "price_movement", zone="body", section=None, evidence="It then slipped.", sentence=4,
                     trigger="slipped")
    (merged,) = merge_with_policy([risen, trades, slipped], [])
    assert merged.id == risen.id and len(merged.mentions) == 3
    # a quotation of its own figure is another quotation, even when its commodity went unrecognised
    held = _event(120, "price_movement", zone="body", section=None, evidence="Zircon held at 185 yuan/kg.",
                  sentence=5, trigger="held")
    held = held.model_copy(update={"arguments": [Argument(role="price", text="185 yuan/kg", ref=None)]})
    assert len(merge_with_policy([risen, held], [])) == 2


# --- one record per happening: a follow-up or headline naming another sum, year, buyer or commodity -----------------

def _with(record: EventRecord, *arguments: tuple[str, str]) -> EventRecord:
    return record.model_copy(update={"arguments": [*record.arguments,
                                                   *(Argument(role=role, text=text, ref=None) for role, text in arguments)]})


def test_a_follow_up_naming_another_sum_is_another_deal():
    # "In March, Kestrel Energy bought a 25% stake in Ridge for $40m." / "The deal also covered an $8m share purchase."
    kestrel = policy_entity(0, "Kestrel Energy", sentence=1)
    stake = _with(_event(30, "investment", zone="body", section=None, evidence="Kestrel Energy bought a stake.",
                         sentence=1, agent=("Kestrel Energy", kestrel.id), trigger="stake"),
                  ("quantity", "25%"), ("amount", "$40m"))
    shares = _with(_event(90, "investment", zone="body", section=None, evidence="It also covered a share purchase.",
                          sentence=2, agent=("Kestrel Energy", kestrel.id), trigger="purchase"), ("amount", "$8m"))
    assert len(merge_with_policy([stake, shares], [kestrel])) == 2
    # a follow-up that only adds terms continues the deal
    terms = _event(90, "investment", zone="body", section=None, evidence="The investment gives it a board seat.",
                   sentence=2, trigger="investment")
    (merged,) = merge_with_policy([stake, terms], [kestrel])
    assert len(merged.mentions) == 2


def test_a_title_on_one_commodity_never_folds_into_a_quotation_of_another():
    # title "Tungsten prices jump" over a body that only quotes rare earths: two quotations
    title = _with(_event(0, "price_movement", zone="title", section=None, evidence="Tungsten prices jump",
                         sentence=0, trigger="jump"), ("commodity", "Tungsten"))
    body = _with(_event(60, "price_movement", zone="body", section=None, evidence="Rare earth prices rose.",
                        sentence=2, trigger="rose"), ("commodity", "rare earths"))
    assert len(merge_with_policy([title, body], [])) == 2
    same = _with(body, ("commodity", "tungsten"))
    same = same.model_copy(update={"arguments": [a for a in same.arguments if a.text != "rare earths"]})
    (merged,) = merge_with_policy([title, same], [])
    assert merged.id == same.id and len(merged.mentions) == 2


def test_a_price_move_in_a_sentence_naming_another_commodity_is_its_own_quotation():
    # "Aluminium rose 0.1% to $2,890 a ton." / "Zinc gained 0.8% after hitting its best level since December."
    aluminium = _with(_event(9, "price_movement", zone="body", section=None, evidence="Aluminium rose 0.1%.",
                             sentence=4, trigger="rose"), ("commodity", "Aluminium"), ("quantity", "0.1%"))
    hitting = _with(_event(90, "price_movement", zone="body", section=None, evidence="Zinc gained after hitting a high.",
                           sentence=5, trigger="hitting"), ("date", "December"))
    zinc = policy_entity(60, "Zinc", "COMMODITY", sentence=5)
    assert len(merge_with_policy([aluminium, hitting], [zinc])) == 2
    # a sentence naming the same commodity again continues the quotation
    again = policy_entity(60, "aluminium", "COMMODITY", sentence=5)
    assert len(merge_with_policy([aluminium, hitting], [again])) == 1
