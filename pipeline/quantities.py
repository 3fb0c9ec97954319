"""Quantity stage: numbers with units, currencies and scale words, normalised.

(Initial version: the quantity issue replaces it with the full parser.)
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .annotations import QuantityInfo
from .extensions import QUANTITY_GROUP
from .stage import GuardedStage

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
CURRENCY_PREFIXES = {"US$": "USD", "$": "USD", "C$": "CAD", "A$": "AUD", "€": "EUR", "£": "GBP"}
SIMPLE_QUANTITY = re.compile(
    r"(?P<currency>US\$|C\$|A\$|\$|€|£)?(?P<number>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion))?"
    r"(?:\s*(?P<unit>%|mt\b|tonnes\b))?"
)


class QuantityStage(GuardedStage):
    name = "orewire_quantities"

    def process(self, doc: Doc) -> Doc:
        spans = []
        for match in SIMPLE_QUANTITY.finditer(doc.text):
            currency, unit = match["currency"], match["unit"]
            if not currency and not unit:
                continue
            value = float(match["number"].replace(",", "")) * SCALES.get(match["scale"] or "", 1.0)
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            if currency:
                kind, canonical, code = "money", CURRENCY_PREFIXES[currency], CURRENCY_PREFIXES[currency]
            elif unit == "%":
                kind, canonical, code = "percent", "%", None
            else:
                kind, canonical, code = "mass", "t", None
            span._.orewire_quantity = QuantityInfo(
                quantity_type=kind, value=value, low=None, high=None, unit=canonical,
                unit_text=currency or unit, currency=code, qualifier=None, per=None, subject=None,
            )
            spans.append(span)
        doc.spans[QUANTITY_GROUP] = spans
        return doc


@Language.factory("orewire_quantities", assigns=[f"doc.spans"], requires=[])
def make_quantity_stage(nlp: Language, name: str) -> QuantityStage:
    return QuantityStage()
