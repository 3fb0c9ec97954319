"""The confidence calibration script (benchmarks/confidence.py): labels from the scorer's one-to-one matching,
role tiers, the monotone fit and precision at or above a value, on records and numbers of our own."""

from __future__ import annotations

from support import load_script

from pipeline.evaluation.facts import parse_gold_line
from pipeline.schema.records import Argument, EntityRecord, EventRecord, Mention, Trigger

calibration = load_script("confidence")


def marlin() -> EntityRecord:
    return EntityRecord(id="d#entity:0-13", doc_id="d", text="Marlin Metals", label="ORG", normalized="Marlin Metals",
                        start=0, end=13, sentence=1, section=None, zone="body", kb_id=None)


def loan(start: int, roles: tuple[str, ...], modality: str = "actual") -> EventRecord:
    arguments = [Argument(role=role, text="Marlin Metals" if role == "agent" else "x",
                          ref="d#entity:0-13" if role == "agent" else None) for role in roles]
    return EventRecord(id=f"d#event:{start}-{start + 4}:financing", doc_id="d", event_type="financing",
                       trigger=Trigger(text="loan", start=start, end=start + 4), evidence="Marlin Metals took a loan.",
                       sentence=1, section=None, zone="body", arguments=arguments, modality=modality,
                       confidence=0.5, mentions=[Mention(start=start, end=start + 4)])


def scored(roles: int, right: bool, confidence: float = 0.5, modality: str = "actual") -> object:
    return calibration.Scored("rn1", roles, modality, confidence, right)


def test_one_gold_event_makes_only_one_of_two_like_records_right() -> None:
    gold = [parse_gold_line({"kind": "event", "event_type": "financing", "agents": ["Marlin Metals"]})]
    records = [record.model_dump(mode="json")
               for record in (marlin(), loan(20, ("agent", "amount")), loan(90, ("agent",), "planned"))]
    items = calibration.scored_records("rn1", gold, records)
    assert [(item.roles, item.modality, item.right) for item in items] == [(2, "actual", True), (1, "planned", False)]


def test_role_tiers_pool_the_last_and_split_modalities() -> None:
    items = [scored(7, True), scored(5, False), scored(1, True, modality="planned")]
    assert calibration.by_roles(items)[calibration.MAX_ROLES] == (2, 1)
    assert calibration.by_roles(items, exclude=calibration.UNREAL)[1] == (0, 0)
    assert calibration.by_roles(items, modalities=calibration.UNREAL)[1] == (1, 1)


def test_monotone_pools_a_dip_and_fills_empty_tiers() -> None:
    fitted = calibration.monotone({0: (0, 0), 1: (10, 5), 2: (10, 8), 3: (10, 6), 4: (0, 0), 5: (4, 4)})
    assert fitted == {0: 0.5, 1: 0.5, 2: 0.7, 3: 0.7, 4: 0.7, 5: 1.0}
    assert calibration.round_to(0.66) == 0.65 and calibration.round_to(0.78) == 0.8


def test_modality_shift_is_how_far_planned_records_fall_below_the_table() -> None:
    items = [scored(2, False, modality="planned"), scored(2, True, modality="negated"), scored(2, True)]
    assert abs(calibration.modality_shift(items, {2: 0.7}) - (0.5 - 0.7)) < 1e-9
    assert calibration.modality_shift([scored(2, True)], {2: 0.7}) == 0.0


def test_at_or_above_counts_records_from_each_value_up() -> None:
    items = [scored(1, False, 0.45), scored(4, True, 0.8), scored(5, False, 0.85), scored(5, True, 0.85)]
    counts = calibration.at_or_above(items, (0.5, 0.8, 0.9))
    assert counts == {0.5: (3, 2), 0.8: (3, 2), 0.9: (0, 0)}
