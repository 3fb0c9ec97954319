"""Which article-pass step removed a record (``pipeline.article.record_trail``): a filter drops, a fold names the
record that took the trigger, and a fold into a record dropped later ends in that drop. Records are our own."""

from __future__ import annotations

from support import event_record as event

from pipeline.article.record_trail import RecordTrail, Removal
from pipeline.schema.records import Mention


def test_a_filter_step_drops_and_a_fold_step_names_the_record_that_holds_the_trigger() -> None:
    kept, folded, bare = event(10, "financing", ("agent", "Marlin", None)), event(60, "financing"), event(90, "exploration")
    trail = RecordTrail()
    trail.start([kept, folded, bare])
    trail.note("unanchored", [kept, folded])
    joined = kept.model_copy(update={"mentions": [Mention(start=10, end=14), Mention(start=60, end=64)]})
    trail.note("happening_merge", [joined])
    assert trail.removed[bare.id] == Removal("unanchored", None)
    assert trail.removed[folded.id] == Removal("happening_merge", joined.id)
    assert trail.fate(kept.id) is None and trail.last[bare.id] == bare


def test_a_fold_into_a_record_dropped_later_ends_in_that_drop_and_background_is_named() -> None:
    first, second = event(10, "investment"), event(40, "investment")
    trail = RecordTrail()
    trail.start([first, second])
    trail.note("article_fold", [first.model_copy(update={"mentions": [Mention(start=10, end=14), Mention(start=40, end=44)]})])
    trail.note("agent_required", [])
    assert trail.fate(second.id) == Removal("agent_required", None)
    other = RecordTrail()
    other.start([first])
    other.note("non_agent", [])  # the step that also leaves out background records
    assert other.fate(first.id) == Removal("background", None)


def test_the_agent_trail_it_extends_still_names_the_step_that_changed_an_agent() -> None:
    record = event(10, "financing")
    trail = RecordTrail()
    trail.start([record])
    trail.note("inherited", [event(10, "financing", ("agent", "Marlin Metals", None))])
    assert trail.path(record.id) == "article:inherited"
