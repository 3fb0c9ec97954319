"""The ``orewire_event_merger`` component: the extractor's event merging on a user's own ``nlp``."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

import pipeline.components.merging  # noqa: F401  (registers the factory in this process)
from pipeline.components.merging import EventMergerComponent
from pipeline.components.nlp import STAGES, default_model_name

# One paragraph each: "The explorer" and "it" take Pendra Minerals; the NPV sentence continues the study.
PARAGRAPHS = [
    "Pendra Minerals began drilling at its Corsa graphite project in March. The explorer signed an offtake "
    "agreement with a battery maker in June, and it expects to start production in 2027.",
    "Glencore released a feasibility study for its Kaluma copper project on Tuesday. The study shows an NPV of "
    "US$1.1 billion. The miner plans to build the mine next year.",
]
EXPECTED = [
    [("exploration", "drilling", "Pendra Minerals"), ("supply_agreement", "offtake", "Pendra Minerals"),
     ("project_milestone", "start production", "Pendra Minerals")],
    [("feasibility_study", "feasibility", "Glencore")],
]


def user_nlp(*, merger: bool) -> spacy.language.Language:
    """What a user builds: their own model, orewire's stages added by name."""
    nlp = spacy.load(default_model_name())
    for stage in STAGES:
        nlp.add_pipe(stage)
    if merger:
        nlp.add_pipe("orewire_event_merger")
    return nlp


def doc_events(nlp, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    return [(event["event_type"], doc.text[slice(*event["trigger"])],
             next((doc.text[a["start"]:a["end"]] for a in event["arguments"] if a["role"] == "agent"), None))
            for event in doc._.orewire_events]


def extracted_events(extractor, text: str) -> list[tuple[str, str, str | None]]:
    return [(record.event_type, record.trigger.text, next((a.text for a in record.arguments if a.role == "agent"), None))
            for record in extractor.extract(text) if record.type == "event"]


@pytest.fixture(scope="module")
def merged_nlp():
    return user_nlp(merger=True)


@pytest.mark.parametrize(("text", "expected"), list(zip(PARAGRAPHS, EXPECTED, strict=True)))
def test_user_nlp_with_the_merger_agrees_with_the_extractor(extractor, merged_nlp, text, expected):
    assert extracted_events(extractor, text) == expected
    assert doc_events(merged_nlp, text) == expected


def test_without_the_merger_the_stages_alone_disagree():
    unmerged = user_nlp(merger=False)
    assert doc_events(unmerged, PARAGRAPHS[0])[1] == ("supply_agreement", "offtake", "The explorer")
    assert ("feasibility_study", "NPV", None) in doc_events(unmerged, PARAGRAPHS[1])


def test_merger_leaves_a_doc_without_events_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_event_merger")
    doc = nlp("Nothing happened.")
    assert doc._.orewire_events is None


def test_user_pipeline_round_trips_through_disk_with_the_merger(merged_nlp, tmp_path):
    merged_nlp.to_disk(tmp_path)
    assert (tmp_path / "orewire_event_merger" / "models" / "events" / "cues.json").is_file()
    loaded = spacy.load(tmp_path)
    assert isinstance(loaded.get_pipe("orewire_event_merger"), EventMergerComponent)
    assert doc_events(loaded, PARAGRAPHS[0]) == EXPECTED[0]


@pytest.mark.skipif("orewire_event_merger" not in {ep.name for ep in entry_points(group="spacy_factories")},
                    reason="the installed package predates the orewire_event_merger entry point: pip install -e .")
def test_a_fresh_process_adds_the_merger_by_name():
    import subprocess
    import sys

    code = "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('orewire_event_merger'); print(nlp.pipe_names)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "['orewire_event_merger']"
