"""benchmarks/commodity_split.py: a record split per commodity, scored both ways with the scorer's own matching.
Gold facts and records are made up for the tests."""

from __future__ import annotations

from support import gold_event

from benchmarks.commodity_split import SplitCounts, commodity_keys


def metal(index: int, name: str, *elements: str) -> dict:
    return {"type": "entity", "id": f"m{index}", "label": "COMMODITY", "text": name, "normalized": name,
            "commodity": {"name": name, "elements": list(elements), "form": None}}


def control(index: int, *metals: dict) -> dict:
    arguments = [{"role": "agent", "text": "Fenwick", "ref": None},
                 *({"role": "commodity", "text": m["text"], "ref": m["id"]} for m in metals)]
    return {"type": "event", "id": f"e{index}", "event_type": "export_restriction", "arguments": arguments}


GALLIUM, GERMANIUM, NICKEL_ORE, NICKEL = metal(1, "gallium", "Ga"), metal(2, "germanium", "Ge"), \
    metal(3, "nickel ore", "Ni"), metal(4, "nickel", "Ni")
RARE_EARTHS = metal(5, "rare earths")
ENTITIES = {m["id"]: m for m in (GALLIUM, GERMANIUM, NICKEL_ORE, NICKEL, RARE_EARTHS)}


def test_commodities_are_told_apart_by_elements_and_a_group_counts_only_alone() -> None:
    assert commodity_keys(control(1, GALLIUM, GERMANIUM, RARE_EARTHS), ENTITIES) == [("Ga",), ("Ge",)]
    assert commodity_keys(control(1, NICKEL_ORE, NICKEL), ENTITIES) == [("Ni",)]
    assert commodity_keys(control(1, RARE_EARTHS), ENTITIES) == [("",)]


def test_a_split_counts_the_gold_events_it_wins_back_and_the_false_records_it_adds() -> None:
    gold = [gold_event("export_restriction", "Fenwick"), gold_event("export_restriction", "Fenwick")]
    records = [GALLIUM, GERMANIUM, RARE_EARTHS, control(1, GALLIUM, GERMANIUM, RARE_EARTHS)]
    counts = SplitCounts()
    counts.add("d", gold, records, "export_restriction", 2)
    counts.add("f", gold[:1], [GALLIUM, GERMANIUM, control(2, GALLIUM, GERMANIUM)], "export_restriction", 2)
    assert (counts.split, counts.added, counts.gained) == (2, 2, 1)
    assert counts.split_articles == {"d", "f"} and counts.gain_articles == {"d"}


def test_a_record_below_the_minimum_or_of_another_type_is_not_split() -> None:
    counts = SplitCounts()
    counts.add("d", [], [GALLIUM, GERMANIUM, control(1, GALLIUM, GERMANIUM)], "export_restriction", 3)
    counts.add("d", [], [GALLIUM, GERMANIUM, control(1, GALLIUM, GERMANIUM)], "regulation", 2)
    assert (counts.split, counts.added) == (0, 0)
