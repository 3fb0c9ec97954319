"""The small value types of the quantity stage: an amount (one number or a range) and a found quantity."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.schema.annotations import QuantityInfo
from pipeline.text.numbers import tidy


@dataclass(frozen=True)
class Amount:
    """The number of a quantity, or the two ends of a range (then ``value`` is None)."""

    value: float | None = None
    low: float | None = None
    high: float | None = None

    def times(self, factor: float) -> Amount:
        """The amount in another unit ("250 kg" is 0.25 t).

        >>> Amount(low=1.68, high=1.7).times(1e6)
        Amount(value=None, low=1680000.0, high=1700000.0)
        """
        return Amount(*(None if number is None else tidy(number * factor) for number in (self.value, self.low, self.high)))

    def negated(self) -> Amount:
        """The amount below zero ("minus 3%"); a range keeps its low end first.

        >>> Amount(low=2.0, high=3.0).negated()
        Amount(value=None, low=-3.0, high=-2.0)
        """
        flip = [None if number is None else -number for number in (self.value, self.high, self.low)]
        return Amount(flip[0], flip[1], flip[2])


def quantity_info(kind: str, amount: Amount, *, unit: str | None = None, unit_text: str | None = None,
                  currency: str | None = None, qualifier: str | None = None, per: str | None = None) -> QuantityInfo:
    """The payload of one quantity span; ``subject`` is decided later, from the Doc."""
    return QuantityInfo(quantity_type=kind, value=amount.value, low=amount.low, high=amount.high, unit=unit,
                        unit_text=unit_text, currency=currency, qualifier=qualifier, per=per, subject=None)


@dataclass
class Found:
    """A quantity found in a block's text, before it becomes a span.

    A bare number (no unit, currency or scale) is only a candidate count (``count_noun``) until
    the noun after it is checked; ``spelled``, ``number`` and ``before`` are what that check reads.
    """

    start: int
    end: int
    info: QuantityInfo
    count_noun: bool = False
    spelled: bool = False
    number: float = 0.0  # the bare number as written, before scaling
    before: str = ""  # the text right before the quantity (``qualifiers.WINDOW`` characters)
    scaled: bool = False  # "41.2 million" is kept as a count even without a noun
    price_factor: float = 1.0  # a price's conversion to per tonne, shared with a money amount before it
    subunit: bool = False  # written in hundredths of its currency ("50 cents", "20 pence", "4.2p")
