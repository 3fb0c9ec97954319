"""Choosing the confidence scheme out of fold (benchmarks/confidence_fit.py): the table the article pass applies,
folds by article, shrinkage, isotonic fits and rewriting cues.json, on records and numbers of our own."""

from __future__ import annotations

import json

import pytest
from support import load_script

calibration = load_script("confidence")
fit = load_script("confidence_fit")


def scored(doc_id: str, roles: int, right: bool, modality: str = "actual") -> object:
    return calibration.Scored(doc_id, roles, modality, 0.5, right)


def test_a_modality_table_replaces_the_shift_for_planned_records() -> None:
    shifted = fit.Table((0.4, 0.6, 0.8), -0.1)
    own = fit.Table((0.4, 0.6, 0.8), 0.0, (0.2, 0.3, 0.5))
    planned, actual = scored("rn1", 7, True, "planned"), scored("rn1", 1, True)
    assert shifted.confidence(planned) == 0.7 and own.confidence(planned) == 0.5
    assert own.confidence(actual) == 0.6
    assert fit.Table((1.2,), 0.0).confidence(actual) == 0.99


def test_no_record_is_predicted_from_its_own_article() -> None:
    # two articles, one all right, one all wrong: fitted on the other, every record is predicted fully wrong
    items = [scored("rn1", 2, True), scored("rn1", 3, True), scored("rn2", 2, False)]
    predicted = fit.out_of_fold(items, fit.constant_table, folds=2)
    assert fit.folds_of(items, 2) == {"rn1": 0, "rn2": 1}
    assert {(item.doc_id, value) for item, value in predicted} == {("rn1", 0.01), ("rn2", 0.99)}
    assert fit.brier(predicted) > 0.97


def test_shrinkage_pulls_a_small_tier_toward_the_overall_share() -> None:
    items = [scored("rn1", 1, False) for _ in range(8)] + [scored("rn2", 4, True) for _ in range(8)]
    items += [scored("rn3", 5, False)]  # one wrong five-role record, pooled with the four-role ones
    raw = fit.shrunk_table(items, 0.0)
    pulled = fit.shrunk_table(items, 20.0)
    assert raw.by_roles[1] == 0.0 and raw.by_roles[4] == raw.by_roles[5] == 8 / 9
    assert 0.0 < pulled.by_roles[1] < pulled.by_roles[4] < 1.0
    assert all(a <= b for a, b in zip(pulled.by_roles, pulled.by_roles[1:], strict=False))


def test_grouped_tiers_share_one_value() -> None:
    items = [scored("rn1", 2, True), scored("rn1", 3, False), scored("rn2", 5, True)]
    table = fit.shrunk_table(items, 0.0, ((0, 1, 2, 3), (4, 5)))
    assert table.by_roles[2] == table.by_roles[3] == 0.5 and table.by_roles[5] == 1.0


def test_isotonic_keeps_a_planned_record_at_or_below_an_actual_one_with_as_many_roles() -> None:
    items = [scored("rn1", 2, True, "planned"), scored("rn1", 2, False), scored("rn2", 2, False),
             scored("rn2", 3, True)]
    table = fit.isotonic_table(items, modality_step=True)
    assert table.unreal_by_roles is not None
    assert table.unreal_by_roles[2] <= table.by_roles[2]
    assert abs(table.by_roles[2] - 1 / 3) < 1e-9  # the planned record's luck pooled with the actual misses
    assert fit.isotonic_table(items, modality_step=False).unreal_by_roles is None


CUES = """{
 "document": {
  "keep": 1,
  "confidence_by_roles": [
   0.4,
   0.8
  ],
  "modality_confidence": {
   "planned": -0.1,
   "possible": -0.1,
   "negated": -0.1
  },
  "after": 2
 }
}
"""


def test_rewriting_cues_keeps_every_other_key_and_reads_back() -> None:
    table = fit.Table((0.45, 0.7), 0.0, (0.3, 0.6))
    text = fit.with_table(CUES, table)
    assert fit.table_in(text) == table
    document = json.loads(text)["document"]
    assert document["keep"] == 1 and document["after"] == 2 and document["modality_confidence"] == {}
    assert fit.with_table(text, fit.table_in(CUES)) == CUES
    with pytest.raises(ValueError):
        fit.with_table(CUES.replace("confidence_by_roles", "other"), table)


def test_the_fit_reads_only_the_read_dev_half_and_the_check_only_the_held_out_part() -> None:
    parts = fit.read_parts()
    session = fit.latest_session(parts)
    read, held_out = fit.part_entries("read"), fit.part_entries("held-out")
    assert read and all(entry["split"] == "dev" for entry in read + held_out)
    last_read = max(part.last for part in parts if part.status("dev", session) == "read")
    assert max(int(entry["id"].removeprefix("rn")) for entry in read) <= last_read
    held = [part for part in parts if part.status("dev", session) == "held-out"]
    assert all(any(part.holds(entry["id"]) for part in held) for entry in held_out)
    assert not {entry["id"] for entry in read} & {entry["id"] for entry in held_out}
