"""Model-only ORG names kept as event parties (benchmarks/argument_orgs.py): the three buckets, each event record's
outcome with its agent, without it and with the fallback run's agent, and the fixed decision rule, on records and
numbers of our own."""

from __future__ import annotations

from typing import Any

from support import load_script

from pipeline.evaluation.facts import parse_gold_line
from pipeline.schema.records import Argument, EventRecord, Mention, Trigger

measure = load_script("argument_orgs")

TEXT = "Velmont approval came first. Tarrow Cobalt signed a loan with Quillan Bank. Orrin Group loan talks ended."


def entity(text: str, label: str = "ORG", at: int | None = None) -> dict[str, Any]:
    start = TEXT.index(text) if at is None else at
    return {"type": "entity", "id": f"d#entity:{start}-{start + len(text)}", "label": label, "normalized": text,
            "text": text, "start": start, "end": start + len(text), "zone": "body", "kb_id": None}


def loan(agent: dict[str, Any] | None, at: int = 50) -> dict[str, Any]:
    arguments = [] if agent is None else [{"role": "agent", "text": agent["text"], "ref": agent["id"]}]
    return {"type": "event", "id": f"d#event:{at}-{at + 4}:financing", "event_type": "financing",
            "arguments": arguments}


def span_of(record: dict[str, Any], origin: str, dep: str, head: str) -> dict[tuple[int, int, str], dict[str, str]]:
    return {(record["start"], record["end"], record["label"]): {"origin": origin, "dep": dep, "head": head,
                                                                "role": dep}}


def financing(*agents: str) -> Any:
    return parse_gold_line({"kind": "event", "event_type": "financing", "agents": list(agents)})


def known(name: str) -> Any:
    return parse_gold_line({"kind": "entity", "label": "ORG", "name": name})


def test_groups_fall_in_the_bucket_their_mentions_and_the_events_say() -> None:
    velmont, tarrow, orrin = entity("Velmont"), entity("Tarrow Cobalt"), entity("Orrin Group")
    spans = {**span_of(velmont, "model", "compound", "approval"), **span_of(tarrow, "model", "nsubj", "signed"),
             **span_of(orrin, "pattern:legal_name", "nsubj", "ended")}
    records = [velmont, tarrow, orrin, loan(tarrow), loan(orrin, at=90)]
    found = measure.bucket_groups(records, spans, measure.Tables.load(), [known("Tarrow Cobalt")])
    assert found["argument_only"] == {("ORG", "Velmont")}, "every mention the model's, in a noun-modifier role"
    assert found["model_agent"] == {("ORG", "Tarrow Cobalt")}, "the model's name as given, and a loan's agent"
    assert found["absent_agent"] == {("ORG", "Orrin Group")}, "an agent whose name the gold lacks"


def test_a_record_is_counted_with_its_agent_without_it_and_with_the_fallback_agent() -> None:
    tarrow, quillan = entity("Tarrow Cobalt"), entity("Quillan Bank")
    records = [tarrow, quillan, loan(tarrow)]
    fallback = [tarrow, quillan, loan(quillan)]
    gold = [known("Quillan Bank"), financing("Quillan Bank")]
    counts = measure.BucketCounts()
    measure.measure_article("d", gold, records, {("ORG", "Tarrow Cobalt")}, fallback, counts)
    assert (counts.groups, counts.right_groups, counts.articles) == (1, 0, {"d"})
    assert counts.records["agent"]["wrong_agent"] == 1 and counts.records["removed"]["wrong_agent"] == 1
    assert counts.records["fallback"]["matched"] == 1
    assert counts.matched_share("agent") == 0.0 and counts.matched_share("fallback") == 1.0


def test_a_record_the_fallback_run_lacks_is_gone_and_a_wrong_type_is_told_apart() -> None:
    tarrow = entity("Tarrow Cobalt")
    counts = measure.BucketCounts()
    gold = [parse_gold_line({"kind": "event", "event_type": "investment", "agents": ["Tarrow Cobalt"]})]
    measure.measure_article("d", gold, [tarrow, loan(tarrow)], {("ORG", "Tarrow Cobalt")}, [tarrow], counts)
    assert counts.records["agent"]["wrong_type"] == 1 and counts.records["fallback"]["gone"] == 1


def test_the_decision_needs_low_precision_enough_articles_a_better_fallback_and_no_loss() -> None:
    counts = measure.BucketCounts(groups=5, right_groups=2, articles={"a", "b", "c", "e"})
    counts.records["agent"]["matched"], counts.records["agent"]["wrong_agent"] = 1, 3
    counts.records["fallback"]["matched"], counts.records["fallback"]["wrong_agent"] = 2, 2
    base, same = {"entity": 0.9, "event": 0.6}, {"entity": 0.9, "event": 0.6}
    assert measure.qualifies(counts, base, same)
    assert not measure.qualifies(counts, base, {"entity": 0.9, "event": 0.59}), "the run without it loses event F1"
    fewer = measure.BucketCounts(groups=5, right_groups=2, articles={"a", "b", "c"}, records=counts.records)
    assert not measure.qualifies(fewer, base, same), "three articles are too few"
    precise = measure.BucketCounts(groups=4, right_groups=2, articles=counts.articles, records=counts.records)
    assert not measure.qualifies(precise, base, same), "precision .5 is not under the bar"
    assert not measure.qualifies(measure.BucketCounts(), base, same), "an empty bucket (the read dev half's) keeps it"


def test_the_fallback_runs_drop_the_exception_or_the_named_agents() -> None:
    def event(*refs: str) -> EventRecord:
        return EventRecord(id="d#event:50-54:financing", doc_id="d", event_type="financing",
                           trigger=Trigger(text="loan", start=50, end=54), evidence="Tarrow Cobalt signed a loan.",
                           sentence=1, section=None, zone="body", modality="actual", confidence=0.5,
                           arguments=[Argument(role=role, text="x", ref=ref)
                                      for role, ref in zip(("agent", "counterparty"), refs, strict=False)],
                           mentions=[Mention(start=50, end=54)])

    seen: list[Any] = []
    measure.no_event_support(lambda records, marked, events: seen.append(list(events)) or records)([], set(), [event()])
    assert seen == [[]], "no event counts as support"
    stripping = measure.agents_stripped(lambda events, dropped: events, {"d": {"d#entity:29-42"}})
    kept = stripping([event("d#entity:29-42", "d#entity:62-74")], set())
    assert [(a.role, a.ref) for a in kept[0].arguments] == [("counterparty", "d#entity:62-74")]
