"""Prices an article quotes again, in a later paragraph, without their unit (an article-level pass).

The quantity stage reads one block at a time: a price carries into the rest of its sentence and into the next
sentence of its block (``pipeline.components.quantities.finder.carry_prices``), not across paragraphs. Market
reports do write a quoted price again, or the next metal's, in a later paragraph without "a tonne":

- the same amount as a price quoted earlier, in its currency ("... below US$10 per lb" in the headline, "the price
  would dip below US$10" paragraphs later) is that price again, in its mass unit;
- in an article naming an exchange that prices metals per tonne (``words.json`` ``per_tonne_exchanges``), an amount
  that a movement or quote verb leads to ("Nickel rose 0.2% to $15,320", "lead was up 0.3% at $2,032"), of the
  order of a per-tonne price the article quoted before in that currency (within ``NEXT_PRICE_SPREAD``), is a price
  per tonne.

Only unscaled amounts as written ("$2bn" is a sum, "45 cents" a subunit: their value differs from their digits)
and never in a sentence quoting shares or market value (``currencies.json`` ``listing_cues``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.components.quantities.exchanges import SENTENCE_END
from pipeline.components.quantities.finder import NEXT_PRICE_SPREAD
from pipeline.resources.quantities import load_tables
from pipeline.schema.records import QuantityRecord
from pipeline.text.numbers import DIGITS, parse_digits, tidy
from pipeline.text.regex import alternation

# The words a quote verb may stand back from its amount ("rose 0.2% to $15,320").
QUOTE_REACH = 40
# How far from an amount its sentence's bounds are looked for.
SENTENCE_REACH = 400
# Two amounts are the same when they differ by less than this share.
SAME_AMOUNT = 1e-9


@dataclass(frozen=True)
class _Cues:
    exchange: re.Pattern[str] | None
    listing: re.Pattern[str] | None
    quote_verb: re.Pattern[str] | None


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    tables = load_tables()
    words = tables.words

    def pattern(forms: list[str], flags: int = 0) -> re.Pattern[str] | None:
        return re.compile(rf"\b(?:{alternation(forms)})\b", flags) if forms else None

    return _Cues(exchange=pattern(words.per_tonne_exchanges),
                 listing=pattern(tables.currencies.listing_cues, re.IGNORECASE),
                 quote_verb=pattern([*words.movement_words, *words.quote_verbs], re.IGNORECASE))


def written_number(text: str) -> float | None:
    """The first number written in a quantity's text ("US$10 per lb" -> 10.0), or None."""
    match = DIGITS.search(text)
    return parse_digits(match.group()) if match is not None else None


def _unscaled_money(record: QuantityRecord) -> bool:
    """Money whose value is its digits as written: no scale word, no subunit, no rate, one amount."""
    if record.quantity_type != "money" or record.value is None or record.per is not None or record.currency is None:
        return False
    written = written_number(record.text)
    return written is not None and abs(written - record.value) <= SAME_AMOUNT * max(written, 1.0)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]``, looked for at most ``SENTENCE_REACH`` characters away."""
    low, high = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    ends = [match.end() for match in SENTENCE_END.finditer(text, low, high)]
    return max((e for e in ends if e <= start), default=low), min((e for e in ends if e > end), default=high)


def carried_prices(quantities: list[QuantityRecord], text: str) -> list[QuantityRecord]:
    """``quantities`` (in text order) with unscaled money amounts that repeat an earlier price as prices."""
    cues = _cues()
    exchange = cues.exchange is not None and cues.exchange.search(text) is not None
    quoted: dict[tuple[str, float], float] = {}  # (currency, amount as written) -> factor to the price per tonne
    per_tonne: dict[str, list[float]] = {}  # currency -> prices quoted per tonne as written
    result: list[QuantityRecord] = []
    for record in quantities:
        currency = record.currency
        if record.quantity_type == "price" and currency is not None and record.value is not None:
            written = written_number(record.text)
            if written:
                quoted[(currency, written)] = record.value / written
                if abs(record.value - written) <= SAME_AMOUNT * written:
                    per_tonne.setdefault(currency, []).append(written)
        elif _unscaled_money(record) and currency is not None and record.value is not None:
            factor = _factor(record, currency, record.value, text, cues, quoted, per_tonne if exchange else {})
            if factor is not None:
                record = QuantityRecord.model_validate({**record.model_dump(), "quantity_type": "price",
                                                        "unit": f"{currency}/t", "value": tidy(record.value * factor)})
        result.append(record)
    return result


def _factor(record: QuantityRecord, currency: str, value: float, text: str, cues: _Cues,
            quoted: dict[tuple[str, float], float], per_tonne: dict[str, list[float]]) -> float | None:
    """The factor turning ``record`` into a price per tonne, or None when it stays money."""
    start, end = _sentence(text, record.start, record.end)
    if cues.listing is not None and cues.listing.search(text, start, end) is not None:
        return None
    same = quoted.get((currency, value))
    if same is not None:
        return same
    if not value or cues.quote_verb is None or cues.quote_verb.search(text, max(start, record.start - QUOTE_REACH),
                                                                          record.start) is None:
        return None
    if any(price / NEXT_PRICE_SPREAD <= value <= price * NEXT_PRICE_SPREAD for price in per_tonne.get(currency, [])):
        return 1.0
    return None
