"""The free same-type agent misses (benchmarks/agent_misses.py): the record paired with a missed gold event, its
class, and gold events gained and lost between two runs, on records and names of our own."""

from __future__ import annotations

import sys

import pytest
from support import load_script, unread_dev_ids

from pipeline.evaluation.facts import parse_gold_line

misses = load_script("agent_misses")


def entity(name: str, start: int, label: str = "ORG", sentence: int = 1) -> dict:
    return {"type": "entity", "id": f"d#entity:{start}", "text": name, "normalized": name, "label": label,
            "sentence": sentence, "zone": "body"}


def output(start: int, agent: dict | None, *others: tuple[str, dict], sentence: int = 1) -> dict:
    arguments = [{"role": "agent", "text": agent["text"], "ref": agent["id"]}] if agent is not None else []
    arguments += [{"role": role, "text": party["text"], "ref": party["id"]} for role, party in others]
    return {"type": "event", "id": f"d#event:{start}", "event_type": "production_output", "arguments": arguments,
            "sentence": sentence, "zone": "body", "evidence": f"sentence {sentence}"}


def gold(*agents: str, names: tuple[tuple[str, str], ...] = ()) -> list:
    facts = [parse_gold_line({"kind": "entity", "label": label, "name": name}) for name, label in names]
    return [*facts, parse_gold_line({"kind": "event", "event_type": "production_output", "agents": list(agents)})]


MARLIN, KESTREL, FENWICK = entity("Marlin Metals", 0), entity("Kestrel", 20, "FACILITY"), entity("Fenwick", 40, "GPE")
DUNMORE = entity("Dunmore Holdings", 60, sentence=0)


@pytest.mark.parametrize(("agents", "record", "entities", "expected"), [
    (("Tarn Mining",), output(100, MARLIN), [MARLIN], "entity_miss"),
    (("Kestrel",), output(100, MARLIN, ("project", KESTREL)), [MARLIN, KESTREL], "site_actor"),
    (("Fenwick",), output(100, MARLIN, ("beneficiary", FENWICK)), [MARLIN, FENWICK], "role_swap"),
    (("Fenwick",), output(100, MARLIN), [MARLIN, FENWICK], "country_vs_body"),
    (("Marlin Metals",), output(100, entity("Marlin Metals Fenwick", 80)), [MARLIN, entity("Marlin Metals Fenwick", 80)],
     "name_overlap"),
    (("Dunmore Holdings",), output(100, MARLIN), [MARLIN, DUNMORE], "actor_before"),
    (("Dunmore Holdings",), output(100, None), [DUNMORE], "actor_before"),
    (("Marlin Metals",), output(100, None), [MARLIN], "actor_in_sentence"),
    (("Marlin Metals",), output(100, None, sentence=0), [MARLIN], "actor_after"),
])
def test_a_free_record_of_the_type_gets_the_first_class_that_holds(agents, record, entities, expected):
    (case,) = misses.cases("d", gold(*agents), [*entities, record], {record["id"]: ("subject", [])})
    assert case.klass == expected
    assert case.detail == ("free: record without agent" if record["arguments"][:1] == [] or
                           record["arguments"][0]["role"] != "agent" else "free: another agent")


def test_the_record_naming_the_golds_actor_in_its_sentence_is_paired_first():
    first, second = output(100, MARLIN, sentence=1), output(200, MARLIN, ("project", KESTREL), sentence=2)
    kestrel = {**KESTREL, "sentence": 2}
    (case,) = misses.cases("d", gold("Kestrel"), [MARLIN, kestrel, first, second],
                           {first["id"]: ("subject", []), second["id"]: ("article:inherited", [])})
    assert (case.klass, case.path) == ("site_actor", "article:inherited")


def test_a_matched_gold_event_is_no_case_and_gains_and_losses_are_counted_both_ways():
    record = output(100, MARLIN)
    assert misses.cases("d", gold("Marlin Metals"), [MARLIN, record], {}) == []
    gained, lost, changed = misses.gained_lost({"a": 3, "b": 2, "c": 1}, {"a": 4, "b": 0, "c": 1})
    assert (gained, lost, changed) == (1, 2, [("a", 1), ("b", -2)])


def test_ids_past_the_read_dev_half_are_refused(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["agent_misses.py", "--ids", unread_dev_ids()])
    with pytest.raises(SystemExit):
        misses.main()
