"""Measured folds (``pipeline.article.happening_folds``): where two records of one type stand, which details tell
them apart, and the fold of the patterns ``models/events/happening_folds.json`` keeps. Records and sentences are our
own."""

from __future__ import annotations

import pytest
from support import event_record, policy_entity

from pipeline.article.happening_folds import fold_measured, pair_pattern, place
from pipeline.resources.files import ResourceReader
from pipeline.resources.happening_folds import load_happening_folds
from pipeline.schema.records import EventRecord, Mention, Trigger

KESTREL = policy_entity(0, "Kestrel Mining")
NORLAND = policy_entity(300, "Norland Resources")
BY_ID = {entity.id: entity for entity in (KESTREL, NORLAND)}
EVIDENCE = "the miner said on Tuesday that its quarterly figures were better than expected."  # a body sentence


def record(start: int, event_type: str, trigger: str, *arguments: tuple, sentence: int = 1, zone: str = "body",
           section: str | None = None, modality: str = "actual", actor=KESTREL) -> EventRecord:
    """A record of ``actor`` with its own trigger word."""
    parties = ((("agent", actor.text, actor.id),) if actor is not None else ())
    base = event_record(start, event_type, *parties, *arguments, sentence=sentence, zone=zone, section=section)
    return base.model_copy(update={"trigger": Trigger(text=trigger, start=start, end=start + len(trigger)),
                                   "modality": modality, "evidence": EVIDENCE,
                                   "mentions": [Mention(start=start, end=start + len(trigger))]})


@pytest.fixture(scope="module")
def patterns():
    return load_happening_folds(ResourceReader()).patterns()


@pytest.mark.parametrize(("second", "expected"), [
    ({"sentence": 1}, "sentence"),
    ({"sentence": 3}, "near"),                      # two sentences on: a follow-up
    ({"sentence": 9}, "far"),
    ({"sentence": 1, "section": "Outlook"}, "section"),
    ({"sentence": 0, "zone": "title"}, "headline-body"),
])
def test_where_two_records_stand(second, expected) -> None:
    first = record(10, "production_output", "output", sentence=1)
    assert place(first, record(90, "production_output", "produced", **second)) == expected


def test_the_pattern_names_each_detail_both_give_with_no_value_shared() -> None:
    # "Kestrel's copper output reached 40,000 t" and "it produced 40,000 t of copper": nothing apart but the words
    output = record(10, "production_output", "output", ("commodity", "copper", None), ("quantity", "40,000 t", None))
    produced = record(60, "production_output", "produced", ("commodity", "copper", None), ("quantity", "40,000 t", None))
    assert pair_pattern(output, produced) == ("sentence", "trigger")
    # "... and 12,000 t of zinc": another commodity and another figure
    zinc = record(90, "production_output", "output", ("commodity", "zinc", None), ("quantity", "12,000 t", None),
                  sentence=2, modality="planned")
    assert pair_pattern(output, zinc) == ("near", "commodity", "figure", "modality")
    # one side naming a detail the other lacks tells nothing apart; plurals are one trigger word
    assert pair_pattern(output, record(90, "production_output", "outputs", sentence=6)) == ("far",)


def test_a_same_sentence_output_twin_folds_into_one_record_with_both_mentions(patterns) -> None:
    # "Kestrel's output rose as the mine produced more copper": one happening under two words
    output = record(10, "production_output", "output", ("commodity", "copper", None))
    produced = record(40, "production_output", "produced", ("quantity", "40,000 t", None))
    (folded,) = fold_measured([output, produced], patterns, BY_ID)
    assert folded.id == output.id
    assert {(m.start, m.end) for m in folded.mentions} == {(10, 16), (40, 48)}
    assert {a.role for a in folded.arguments} == {"agent", "commodity", "quantity"}


def test_what_the_fold_leaves_apart(patterns) -> None:
    output = record(10, "production_output", "output", ("quantity", "40,000 t", None))
    # another figure in the sentence: two outputs ("output of 40,000 t, while it shipped 9,000 t")
    assert len(fold_measured([output, record(40, "production_output", "shipped", ("quantity", "9,000 t", None))],
                             patterns, BY_ID)) == 2
    # another actor: Norland's production is its own
    assert len(fold_measured([output, record(40, "production_output", "produced", actor=NORLAND)],
                             patterns, BY_ID)) == 2
    # the same shape in a type the read dev half gave no evidence for (two quotations in one sentence)
    rose = record(10, "price_movement", "rose", actor=None)
    assert len(fold_measured([rose, record(40, "price_movement", "traded", actor=None)], patterns, BY_ID)) == 2
    # the same words a section apart: a pattern the rule did not fold
    assert len(fold_measured([output, record(90, "production_output", "produced", section="Outlook")],
                             patterns, BY_ID)) == 2
    # no patterns: nothing folds
    assert len(fold_measured([output, record(40, "production_output", "produced")], frozenset(), BY_ID)) == 2


def test_the_event_merger_folds_the_measured_patterns_last(patterns) -> None:
    from pipeline.article.merging import EventMerger
    from pipeline.resources.events import load_event_cues

    reader = ResourceReader()
    cues = load_event_cues(reader)
    measured, plain = EventMerger.from_cues(cues, load_happening_folds(reader)), EventMerger.from_cues(cues)
    assert measured.folds == patterns and plain.folds == frozenset()
    # "Kestrel Mining's copper output rose as its Ridge mine produced 40,000 t": the argument sets differ, so the
    # clause rule keeps two records; the measured fold makes them one
    output = record(10, "production_output", "output", ("commodity", "copper", None))
    produced = record(40, "production_output", "produced", ("quantity", "40,000 t", None))
    assert len(plain([output, produced], [KESTREL])) == 2
    (folded,) = measured([output, produced], [KESTREL])
    assert {(m.start, m.end) for m in folded.mentions} == {(10, 16), (40, 48)}
