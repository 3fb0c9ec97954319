"""Precision, recall and F1: the one definition every score in orewire uses.

An empty denominator makes a ratio undefined, and undefined is ``None``, never a
guessed 0 or 1: precision is undefined when nothing was predicted, recall when
nothing was there to find, and F1 (``2tp / (2tp + fp + fn)``) only when both
sides are empty. One empty side with the other not is a real 0 (everything
missed, or every prediction wrong). Reports show ``None`` as ``UNDEFINED``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

UNDEFINED = "–"


class Scores(TypedDict):
    """Scores of one count of true positives, false positives and false negatives."""

    precision: float | None
    recall: float | None
    f1: float | None
    tp: int
    fp: int
    fn: int


def ratio(part: float, whole: float) -> float | None:
    """``part / whole``, or None when ``whole`` is 0 (undefined, not 0)."""
    return part / whole if whole else None


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 of the counts; None where undefined (see the module docstring).

    >>> precision_recall_f1(1, 1, 0)
    (0.5, 1.0, 0.6666666666666666)
    >>> precision_recall_f1(0, 0, 0)
    (None, None, None)
    >>> precision_recall_f1(0, 2, 0)
    (0.0, None, 0.0)
    """
    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def scores(self) -> Scores:
        """Precision, recall, F1 (None when undefined) and the counts."""
        precision, recall, f1 = precision_recall_f1(self.tp, self.fp, self.fn)
        return Scores(precision=precision, recall=recall, f1=f1, tp=self.tp, fp=self.fp, fn=self.fn)


def format_score(value: float | None, digits: int = 3) -> str:
    """A score with ``digits`` decimals, or ``UNDEFINED`` for None.

    >>> format_score(0.5), format_score(None)
    ('0.500', '–')
    """
    return UNDEFINED if value is None else f"{value:.{digits}f}"
