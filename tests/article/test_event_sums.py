"""One raise, one record (``pipeline.article.event_sums``): a subjectless sentence repeating a raise's sum retells it.
Hand-built records of our own sentences."""

from __future__ import annotations

import pytest
from support import event_record

from pipeline.article.event_happenings import merge_records
from pipeline.article.event_sums import fold_retold_sums, fold_totals
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader


@pytest.fixture(scope="module")
def policy():
    return load_event_cues(ResourceReader()).document


def test_a_subjectless_sentence_repeating_the_sum_folds_into_the_raise(policy):
    # "Kestrel Minerals completed a A$40 million placement." ... "The A$40 million raise was priced at a discount."
    records = [event_record(10, "financing", ("agent", "Kestrel Minerals", None), ("amount", "A$40 million", None),
                            sentence=1),
               event_record(90, "financing", ("amount", "A$40 million", None), sentence=3)]
    (kept,) = fold_retold_sums(records, policy, merge_records)
    assert [a.text for a in kept.arguments if a.role == "agent"] == ["Kestrel Minerals"]
    assert len(kept.mentions) == 2


@pytest.mark.parametrize("second", [
    # another sum is another tranche: "up to A$31 million came from the state fund"
    event_record(90, "financing", ("amount", "A$31 million", None), sentence=3),
    # a named actor acts on its own: "Nordbank lent A$40 million" is its own record
    event_record(90, "financing", ("agent", "Nordbank", None), ("amount", "A$40 million", None), sentence=3),
])
def test_other_sums_and_named_actors_stay(policy, second):
    first = event_record(10, "financing", ("agent", "Kestrel Minerals", None), ("amount", "A$40 million", None),
                         sentence=1)
    assert len(fold_retold_sums([first, second], policy, merge_records)) == 2


def test_a_highlight_retold_with_its_actor_and_sum_folds_across_sections(policy):
    # highlights: "A$60 million equity commitment from the Regional Growth Fund"; later, under a heading, the body:
    # "Harrow Minerals received a A$60 million commitment from the Regional Growth Fund."
    first = event_record(10, "investment", ("agent", "Regional Growth Fund", None), ("amount", "A$60 million", None),
                         sentence=1)
    second = event_record(400, "investment", ("agent", "Regional Growth Fund", None), ("amount", "A$60 million", None),
                          ("beneficiary", "Harrow Minerals", None), sentence=9, section="Funding")
    (kept,) = fold_retold_sums([first, second], policy, merge_records)
    assert {a.role for a in kept.arguments} == {"agent", "amount", "beneficiary"} and len(kept.mentions) == 2


# the quantities stage's reading of each sum: record id -> (currency, value)
AMOUNTS = {"q-total": ("USD", 60e6), "q-notes": ("USD", 50e6), "q-cad": ("CAD", 13.5e6), "q-usd": ("USD", 10e6)}


def _package(total: tuple[str, float] = ("USD", 60e6)):
    # "Marlin Metals arranged a US$60 million package in Ontario." ... "It sold US$50 million of notes." ... "and placed
    # C$13.5 million (US$10 million) of shares."
    amounts = {**AMOUNTS, "q-total": total}
    return amounts, [
        event_record(10, "financing", ("agent", "Marlin Metals Corp.", None), ("amount", "the package", "q-total"),
                     sentence=1),
        event_record(90, "financing", ("agent", "Marlin Metals", None), ("amount", "US$50 million", "q-notes"),
                     sentence=3),
        event_record(190, "financing", ("agent", "Marlin Metals", None), ("amount", "C$13.5 million", "q-cad"),
                     ("amount", "US$10 million", "q-usd"), sentence=5)]


def test_a_total_of_two_parts_folds_into_the_first_part_without_its_sum(policy):
    amounts, records = _package()
    kept = fold_totals(records, policy, merge_records, amounts)
    assert [r.trigger.start for r in kept] == [90, 190]
    assert [a.text for a in kept[0].arguments if a.role == "amount"] == ["US$50 million"]
    assert len(kept[0].mentions) == 2


@pytest.mark.parametrize("total", [("USD", 75e6), ("CAD", 60e6)])
def test_a_sum_that_is_not_the_parts_total_stays(policy, total):
    # another figure, or the same figure in another currency, is a happening of its own
    amounts, records = _package(total)
    assert len(fold_totals(records, policy, merge_records, amounts)) == 3


def test_another_actors_parts_make_no_total(policy):
    amounts, records = _package()
    records[2] = event_record(190, "financing", ("agent", "Nordbank", None), ("amount", "US$10 million", "q-usd"),
                              sentence=5)
    assert len(fold_totals(records, policy, merge_records, amounts)) == 3


def test_sums_the_quantities_stage_did_not_read_make_no_total(policy):
    _, records = _package()
    assert len(fold_totals(records, policy, merge_records, {})) == 3
