"""Bare amounts quoted on an exchange that prices metals per tonne are prices per tonne.

"LME aluminium closed at $2,540" or "three-month tin on the London Metal Exchange rose 1% to
$31,400" quote a price without writing "a tonne": the exchange's contracts are
priced per tonne (docs/annotation.md: prices are money per mass). Exchanges that quote metals per
pound or ounce (Comex) are not in the list, so their bare amounts stay money.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.components.quantities.measure import Found

# A sentence ends at a stop before a capital or a quote ("HG1! was" does not end one), or at a line break.
SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n")


class ExchangeQuotes:
    """Turns unscaled money of a sentence naming a per-tonne exchange into a price per tonne."""

    def __init__(self, exchanges: Iterable[str]) -> None:
        names = sorted(set(exchanges), key=len, reverse=True)
        self.cue = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None

    def apply(self, text: str, results: list[Found]) -> None:
        if self.cue is None or not any(_bare_money(found) for found in results):
            return
        cues = [match.start() for match in self.cue.finditer(text)]
        if not cues:
            return
        ends = [match.end() for match in SENTENCE_END.finditer(text)]
        for found in results:
            if not _bare_money(found):
                continue
            start = max((end for end in ends if end <= found.start), default=0)
            stop = min((end for end in ends if end > found.end), default=len(text))
            if any(start <= cue < stop for cue in cues):
                info = found.info
                info["quantity_type"], info["unit"] = "price", f"{info['currency']}/t"
                found.price_factor = 1.0


def _bare_money(found: Found) -> bool:
    """Money as a plain amount: no scale word ("$2bn" is a sum), no hundredths ("50 cents"), no rate."""
    info = found.info
    return (info["quantity_type"] == "money" and not found.scaled and not found.subunit and info["per"] is None
            and (info["value"] is not None or info["low"] is not None))
