"""One stake purchase, one record (``pipeline.article.event_stakes``): the stake's size decides between acquisition
and investment. Hand-built records of our own sentences."""

from __future__ import annotations

import pytest
from support import event_record

from pipeline.article.event_stakes import fold_stakes, stake_share
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader


@pytest.fixture(scope="module")
def policy():
    return load_event_cues(ResourceReader()).document


def types(records):
    return sorted(r.event_type for r in records)


@pytest.mark.parametrize(("share", "kept"), [
    # "Marlin Metals is acquiring a 9% stake in Kestrel": short of control, an investment
    ("9%", "investment"),
    # "Marlin Metals completed its purchase of a 70 per cent interest in the Halden mine": control, an acquisition
    ("70 per cent", "merger_acquisition"),
])
def test_one_stake_purchase_keeps_the_type_its_size_says(policy, share, kept):
    records = [event_record(10, "merger_acquisition", ("agent", "Marlin Metals", None), ("quantity", share, None)),
               event_record(30, "investment", ("agent", "Marlin Metals", None), ("quantity", share, None))]
    assert types(fold_stakes(records, policy)) == [kept]


def test_a_retelling_by_the_same_buyer_in_another_sentence_folds_too(policy):
    records = [event_record(10, "investment", ("agent", "Marlin Metals", None), ("quantity", "9%", None), sentence=1),
               event_record(90, "merger_acquisition", ("agent", "Marlin Metals", None), ("quantity", "9%", None),
                            sentence=4)]
    assert types(fold_stakes(records, policy)) == ["investment"]


def test_different_stakes_or_no_stake_stay_two_records(policy):
    # "Marlin Metals bought Kestrel outright and took 5% of Ridge Minerals": two purchases
    records = [event_record(10, "merger_acquisition", ("agent", "Marlin Metals", None)),
               event_record(40, "investment", ("agent", "Marlin Metals", None), ("quantity", "5%", None))]
    assert types(fold_stakes(records, policy)) == ["investment", "merger_acquisition"]
    assert stake_share(records[0]) is None and stake_share(records[1]) == 5.0
