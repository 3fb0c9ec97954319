"""The one precision/recall/F1 definition: a table of counts with hand-computed scores."""

from __future__ import annotations

import pytest

from pipeline.evaluation.metrics import UNDEFINED, Counts, format_score, precision_recall_f1, ratio


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [
        (2, 0, 0, (1.0, 1.0, 1.0)),
        (1, 1, 1, (0.5, 0.5, 0.5)),
        (1, 3, 0, (0.25, 1.0, 0.4)),
        # nothing in gold, nothing predicted: every ratio undefined (not 0, not 1)
        (0, 0, 0, (None, None, None)),
        # nothing in gold, something predicted: precision and F1 are a real 0, recall undefined
        (0, 2, 0, (0.0, None, 0.0)),
        # something in gold, nothing predicted: recall and F1 are a real 0, precision undefined
        (0, 0, 3, (None, 0.0, 0.0)),
    ],
)
def test_precision_recall_f1(tp, fp, fn, expected):
    assert precision_recall_f1(tp, fp, fn) == pytest.approx(expected)


def test_counts_add_and_score():
    total = Counts(1, 0, 2)
    total.add(Counts(1, 2, 0))
    assert total == Counts(2, 2, 2)
    assert total.scores() == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 2, "fp": 2, "fn": 2}
    assert Counts().scores()["f1"] is None


def test_ratio_and_format():
    assert ratio(3, 4) == 0.75
    assert ratio(0, 0) is None
    assert format_score(2 / 3) == "0.667"
    assert format_score(0.0) == "0.000"
    assert format_score(None) == UNDEFINED == "–"
