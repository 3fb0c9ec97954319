"""The path that chose an event's agent (``agents.AgentChoice.path``), carried on ``EventInfo["agent_path"]``."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.schema.annotations import NO_AGENT


def agent_paths(nlp, text: str) -> dict[str, tuple[str, list[str]]]:
    doc = make_block_doc(nlp, text)
    return {event["event_type"]: (event["agent_path"], [doc.text[a["start"]:a["end"]] for a in event["arguments"]
                                                        if a["role"] == "agent"])
            for event in doc._.orewire_events}


@pytest.mark.parametrize(("text", "event_type", "path", "agent"), [
    ("Zambia imposed export controls on cobalt on Friday.", "export_restriction", "subject", "Zambia"),
    ("Kestrel Lithium was acquired by Norland Capital on Monday.", "merger_acquisition", "passive_by", "Norland Capital"),
    ("The acquisition of Kestrel Lithium by Norland Capital was completed on Monday.", "merger_acquisition", "noun_by",
     "Norland Capital"),
    ("Marlin Metals' lithium output rose 12% in the quarter.", "production_output", "possessor", "Marlin Metals"),
    ("Kestrel Lithium won a $40 million loan from Nordbank on Tuesday.", "financing", "giver_from", "Nordbank"),
    ("Canadian funding for the refinery was approved on Friday.", "financing", "nationality", "Canadian"),
])
def test_each_record_names_the_path_that_chose_its_agent(nlp, text, event_type, path, agent):
    assert agent_paths(nlp, text)[event_type] == (path, [agent])


def test_a_record_without_an_agent_has_no_path(nlp):
    paths = agent_paths(nlp, "Lithium carbonate prices fell 4% on Tuesday.")
    assert paths and all(path == NO_AGENT and not agents for path, agents in paths.values())
