"""benchmarks/realnews_parts.py: every article of the set sits in one part, and each half's status follows the
reading history the parts file records."""

from __future__ import annotations

import pytest

from benchmarks.realnews import read_manifest
from benchmarks.realnews_parts import Part, latest_session, part_scores, read_dev_ids, read_parts


def test_every_article_of_the_set_sits_in_exactly_one_part():
    parts = read_parts()
    for entry in read_manifest():
        assert sum(part.holds(entry["id"]) for part in parts) == 1, entry["id"]


def test_a_dev_half_is_held_out_in_one_session_and_read_from_a_later_one():
    part = Part(first=539, last=568, annotated_in=15, dev_held_out_in=16, dev_read_from=17)
    assert [part.status("dev", session) for session in (15, 16, 17, 18)] == ["unseen", "held-out", "read", "read"]
    assert {part.status("test", session) for session in (15, 16, 17, 18)} == {"unseen"}


def test_the_latest_session_is_the_last_one_the_file_names():
    parts = [Part(1, 10, 1, None, 3), Part(11, 20, 4, 5, None)]
    assert latest_session(parts) == 5


def test_an_article_with_no_output_counts_in_its_part_and_scores_zero():
    entry = next(entry for entry in read_manifest() if entry["id"] == "rn01")
    scores = part_scores(read_parts(), {"rn01": []}, {"rn01": entry["split"]})
    row = scores[f"rn01-rn508 {entry['split']}"]
    assert row["articles"] == 1
    assert row["entity"] == 0.0
    other_half = "test" if entry["split"] == "dev" else "dev"
    assert scores[f"rn01-rn508 {other_half}"]["articles"] == 0


def test_read_dev_ids_run_from_the_first_article_to_the_last_read_part() -> None:
    parts = [Part(first=1, last=10, annotated_in=1, dev_held_out_in=None, dev_read_from=2),
             Part(first=11, last=20, annotated_in=2, dev_held_out_in=3, dev_read_from=4),
             Part(first=21, last=30, annotated_in=3, dev_held_out_in=4, dev_read_from=None)]
    assert read_dev_ids(parts) == "rn01-rn20"


def test_read_dev_ids_refuse_a_gap_between_read_parts() -> None:
    parts = [Part(first=1, last=10, annotated_in=1, dev_held_out_in=None, dev_read_from=2),
             Part(first=11, last=20, annotated_in=2, dev_held_out_in=3, dev_read_from=None),
             Part(first=21, last=30, annotated_in=3, dev_held_out_in=None, dev_read_from=3)]
    with pytest.raises(ValueError, match="without a gap"):
        read_dev_ids(parts)


def test_the_set_s_read_dev_ids_end_where_a_read_part_ends() -> None:
    parts = read_parts()
    last = int(read_dev_ids().removeprefix("rn01-rn"))
    assert any(part.last == last and part.dev_read_from is not None for part in parts)
