"""Currency codes written beside an amount (issue 13, entities, sixteenth session).

Market copy writes a price with its ISO 4217 code before or after the number ("closed at CAD $12.09", "USD 4.5
million", "400 EUR a tonne"); the model reads the capitals as an organisation. Such a code next to a number or a
currency sign is the amount's currency (the quantity stage reads it), no entity. The codes come from pycountry's
ISO 4217 table, so every currency is known without a hand list; a code standing alone ("CAD" for a design tool, an
acronym that happens to spell a code) is left to the other rules.

Likewise a country or nationality written as part of a currency's name inside an amount ("12 billion Namibian
dollars", "250 million US dollars") names the currency, no place: the currency nouns are the last words of the CLDR
English names (Babel) of every ISO 4217 currency, funds, metals and test codes (the "X" codes) left out.
"""

from __future__ import annotations

from functools import cache

import pycountry
from babel.numbers import get_currency_name
from spacy.tokens import Span

from pipeline.components.entities.listed_exchanges import index_name_part
from pipeline.components.entities.view import TokenColumns
from pipeline.resources.entity_cues import CueWords

CODE_LENGTH = 3
# ISO 4217 codes of precious metals, funds and test codes open with "X" (XAU gold, XDR drawing rights).
NON_NATIONAL_PREFIX = "X"
# Words before a currency's name that make it part of an amount ("12 billion Namibian dollars").
SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "mln", "bln", "bn", "m"})
PLACE_LABELS = frozenset({"GPE", "NORP"})


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


@cache
def currency_nouns() -> frozenset[str]:
    """The last word of each ISO 4217 currency's English name, singular and plural ("dollars", "rand"). A word that
    also closes a metal's, fund's or test code's name (XAU "troy ounce of gold") counts only when two national
    currencies or more share it ("dollars": XCD besides USD, AUD ...)."""
    national: dict[str, set[str]] = {}
    other: set[str] = set()
    for currency in pycountry.currencies:
        for count in (1, 2):
            last = get_currency_name(currency.alpha_3, count=count, locale="en").lower().split()[-1]
            if currency.alpha_3.startswith(NON_NATIONAL_PREFIX):
                other.add(last)
            elif last.isalpha():
                national.setdefault(last, set()).add(currency.alpha_3)
    return frozenset(word for word, codes in national.items() if word not in other or len(codes) > 1)


def currency_adjective(span: Span, tokens: TokenColumns) -> bool:
    """A GPE or NORP between an amount and a currency noun: part of the currency's name ("5 million US dollars")."""
    if span.label_ not in PLACE_LABELS or span.start == 0 or span.end >= len(tokens.texts):
        return False
    before = span.start - 1
    amount = tokens.like_num[before] or tokens.lowers[before] in SCALE_WORDS
    return amount and tokens.lowers[span.end] in currency_nouns()


def amount_part(span: Span, tokens: TokenColumns, cues: CueWords) -> bool:
    """The span is part of an amount's currency or of a stock index's name, no entity: "CAD $12", "5 million US
    dollars", "the ASX 200" (``listed_exchanges.index_name_part``)."""
    return priced_currency(span, tokens) or currency_adjective(span, tokens) or index_name_part(span, tokens, cues)
