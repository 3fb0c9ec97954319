"""Event stage: the modality of an event (actual, planned, possible, negated)."""

from __future__ import annotations

import pytest
from events_helpers import events_of


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
        # "No." before a figure abbreviates "number": the regulation was issued
        ("The Fenwick ministry issued Regulation No. 14/2021 on Monday.", "regulation", "actual"),
        ("The ministry issued no new regulation on Monday.", "regulation", "negated"),
        # a permit cancelled is the regulator's act (the rule's ``act_words``), not an act undone; "did not" still negates
        ("Fenwick's military council cancelled 40 mining concessions on Friday.", "regulation", "actual"),
        ("The council did not cancel the mining concessions of Marlin Metals.", "regulation", "negated"),
    ],
)
def test_modality(nlp, text, event_type, modality):
    assert {(t, m) for t, _, m in events_of(nlp, text)} >= {(event_type, modality)}
