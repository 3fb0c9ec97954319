"""Event stage: a ranked list gives one record per party named with a figure of its own (``party_figures``).

Sentences of our own for the comparison statistics news prints beside a country's or a company's output or
reserves (issue 12, fourteenth session; dev articles rn291 and rn394 from two outlets).
"""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline import Article


def records_of(nlp, text: str, event_type: str) -> list[dict[str, str]]:
    """Per record of ``event_type``: role -> text of its agent and quantity arguments."""
    doc = make_block_doc(nlp, text)
    return [{a["role"]: doc.text[a["start"]:a["end"]] for a in event["arguments"] if a["role"] in {"agent", "quantity"}}
            for event in doc._.orewire_events if event["event_type"] == event_type]


def test_each_country_behind_the_agent_with_its_own_tonnage_is_an_output_record(nlp):
    text = ("Australia produced 4,000 tonnes of cobalt in 2022, which put it third after Congo's 100,000 tonnes and "
            "Russia's 8,000 tonnes.")
    records = records_of(nlp, text, "production_output")
    assert {(r.get("agent"), r.get("quantity")) for r in records} == {
        ("Australia", "4,000 tonnes"), ("Congo", "100,000 tonnes"), ("Russia", "8,000 tonnes")}


def test_reserves_listed_country_by_country_are_one_record_each(nlp):
    text = ("Known graphite reserves in Chile are put at 40 million tonnes, in Brazil at 30 million tonnes and in Peru "
            "at 10 million tonnes.")
    agents = {r.get("agent"): r.get("quantity") for r in records_of(nlp, text, "resource_estimate")}
    assert agents == {"Chile": "40 million tonnes", "Brazil": "30 million tonnes", "Peru": "10 million tonnes"}


def test_second_only_to_a_country_with_a_figure_ranks_that_country(nlp):
    text = "Australia holds 1.2 million tonnes of cobalt reserves, second only to Congo, with 3.1 million tonnes."
    agents = {r.get("agent") for r in records_of(nlp, text, "resource_estimate")}
    assert agents == {"Australia", "Congo"}


@pytest.mark.parametrize("text", [
    # a buyer after "to" produces nothing
    "Marlin Metals shipped 5,000 tonnes of nickel to China at 3,000 tonnes a month.",
    # a province is where, not who
    "Output in the Philippines reached 9 million tonnes, with Palawan at 2 million tonnes.",
])
def test_a_buyer_or_a_province_with_a_figure_is_no_record_of_its_own(nlp, text):
    assert len(records_of(nlp, text, "production_output")) == 1


def test_a_list_without_a_figure_of_the_agent_does_not_split(nlp):
    text = "Chile's 40 million tonnes of reserves are the largest."
    assert len(records_of(nlp, text, "resource_estimate")) <= 1


def test_the_article_keeps_each_party_record(extractor):
    text = ("Cobalt output figures for 2022 published\n\n"
            "Australia produced 4,000 tonnes of cobalt in 2022, which put it third after Congo's 100,000 tonnes and "
            "Russia's 8,000 tonnes, a survey showed on Tuesday.")
    (extraction,) = extractor.extract_many([Article(doc_id="pf1", text=text, published="2025-06-01")])
    entities = {r.id: r for r in extraction.records if r.type == "entity"}
    agents = {entities[a.ref].normalized if a.ref in entities else a.text
              for r in extraction.records if r.type == "event" and r.event_type == "production_output"
              for a in r.arguments if a.role == "agent"}
    assert {"Australia", "Russia"} <= agents
    assert any("Congo" in agent for agent in agents)
