"""Currency codes written beside an amount (issue 13, entities, sixteenth session).

Market copy writes a price with its ISO 4217 code before or after the number ("closed at CAD $12.09", "USD 4.5
million", "400 EUR a tonne"); the model reads the capitals as an organisation. Such a code next to a number or a
currency sign is the amount's currency (the quantity stage reads it), no entity. The codes come from pycountry's
ISO 4217 table, so every currency is known without a hand list; a code standing alone ("CAD" for a design tool, an
acronym that happens to spell a code) is left to the other rules.
"""

from __future__ import annotations

from functools import cache

import pycountry
from spacy.tokens import Span

from pipeline.components.entities.view import TokenColumns

CODE_LENGTH = 3


@cache
def iso_currency_codes() -> frozenset[str]:
    """Every ISO 4217 alphabetic code pycountry lists."""
    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def _amount_at(i: int, tokens: TokenColumns) -> bool:
    """Token ``i`` is a number or opens with a currency sign or digit ("$12.09", "12.5m")."""
    if i < 0 or i >= len(tokens.texts):
        return False
    text = tokens.texts[i]
    return tokens.like_num[i] or (bool(text) and (text[0].isdigit() or text[0] in "$€£¥₹"))


def priced_currency(span: Span, tokens: TokenColumns) -> bool:
    """The span is one ISO 4217 code written right before or after an amount."""
    if len(span) != 1:
        return False
    text = tokens.texts[span.start]
    if len(text) != CODE_LENGTH or not text.isupper() or text not in iso_currency_codes():
        return False
    return _amount_at(span.end, tokens) or _amount_at(span.start - 1, tokens)
