"""Which path chose each event record's agent in the article pass (``agent_trail.AgentTrail``), a side channel."""

from __future__ import annotations

from pipeline.article.agent_trail import DERIVED, NO_AGENT, AgentTrail, unnoted
from pipeline.article.source import Article
from pipeline.schema.records import Argument, EventRecord, Mention, Trigger


def output(agent: str | None, start: int = 10) -> EventRecord:
    arguments = [Argument(role="agent", text=agent, ref=f"d#entity:{agent}")] if agent else []
    return EventRecord(id=f"d#event:{start}-{start + 6}:production_output", doc_id="d", event_type="production_output",
                       trigger=Trigger(text="output", start=start, end=start + 6), evidence="Its output rose.",
                       sentence=1, section=None, zone="body", arguments=arguments, modality="actual",
                       confidence=0.5, mentions=[Mention(start=start, end=start + 6)])


def test_a_record_keeps_the_stages_path_until_a_step_changes_its_agent() -> None:
    record = output("Kestrel")
    trail = AgentTrail({record.id: "possessor"})
    trail.start([record])
    trail.note("government", [record])
    assert trail.path(record.id) == "possessor"
    trail.note("inherited", [output("Norland")])
    assert trail.path(record.id) == "article:inherited"
    assert trail.before[record.id] == frozenset({"d#entity:Kestrel"})
    trail.note("industry", [output(None)])
    assert trail.path(record.id) == NO_AGENT


def test_a_stage_agent_without_a_named_path_is_derived_and_a_new_record_takes_its_step() -> None:
    trail = AgentTrail()
    trail.start([output("Kestrel"), output(None, start=40)])
    assert [trail.path(output("Kestrel").id), trail.path(output(None, start=40).id)] == [DERIVED, NO_AGENT]
    trail.note("happening_merge", [output("Norland", start=70)])
    assert trail.path(output(None, start=70).id) == "article:happening_merge"


def test_the_extractor_names_an_inherited_agent_and_writes_the_same_records(extractor) -> None:
    text = ("Kestrel Lithium lifts output at Marlin mine\n\nSpodumene output at the Marlin mine rose 12% to 40,000 "
            "tonnes in the March quarter, Kestrel Lithium said on Tuesday.\n\nProduction fell 5% to 30,000 tonnes "
            "in the June quarter.\n")
    (extraction,) = extractor.extract_many([Article(doc_id="t", text=text)], agent_trail=True)
    trail = extraction.agent_trail
    assert trail is not None
    paths = [(record.trigger.text, trail.path(record.id)) for record in extraction.records if record.type == "event"]
    assert paths == [("output", "subject"), ("Production", "article:inherited")]
    assert extraction.records == extractor.extract(text, doc_id="t")


def test_the_extractor_notes_no_trail_unless_asked(extractor) -> None:
    # production runs skip the side channel; the records are the ones a traced run writes
    text = "Kestrel Lithium said on Tuesday that spodumene output at the Marlin mine rose 12% to 40,000 tonnes.\n"
    (plain,) = extractor.extract_many([Article(doc_id="t", text=text)])
    (traced,) = extractor.extract_many([Article(doc_id="t", text=text)], agent_trail=True)
    assert plain.agent_trail is None and traced.agent_trail is not None
    assert [record.type for record in traced.records].count("event") >= 1
    assert plain.records == traced.records


def test_unnoted_hands_the_records_back() -> None:
    records = [output("Norland")]
    assert unnoted("antecedent", records) is records
