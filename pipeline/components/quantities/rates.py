"""The rate period of a quantity (SPEC ``per``): "400 tpa", "4,000 mt a month", "annual capacity
of 400 mt", "FY2026 production guidance of 190-210 kt" are rates; "a year earlier" is not."""

from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.components.quantities.measure import Found
from pipeline.components.quantities.patterns import SPACE

# Words after which "a year"/"per month" dates a comparison instead of giving a rate.
_NOT_A_RATE_AFTER = r"(?!\s+(?:earlier|ago|before|later|previously|prior|on|back)\b)"
_RATE_WORD = r"(?i:annual|annualised|annualized|yearly|monthly|daily)"

# "/y", " per year", " annually" right after the amount.
PERIOD_AFTER = re.compile(
    rf"(?:{SPACE}?/{SPACE}?(?P<slash>y|yr|year|a|annum|month|mo|day|d|week|wk)"
    rf"|(?:{SPACE}|-)(?i:per|a|an|each|every)(?:{SPACE}|-)(?P<word>year|annum|month|day|week)"  # "5-million-tonne-per-annum"
    rf"|{SPACE}(?P<adverb>(?i:annually|yearly|per{SPACE}annum|p\.a\.|pa|monthly|daily|weekly)))(?![A-Za-z])"
    + _NOT_A_RATE_AFTER
)
# "annual capacity of about 400 mt": a rate word at most two words before the amount.
ANNUAL_BEFORE = re.compile(
    rf"\b(?P<word>{_RATE_WORD})\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:(?i:of|at|to|reach|reached|reaching)\s+)?"
    r"(?:(?i:about|around|some|nearly|roughly|up to|over|more than|at least|approximately|almost|close to)\s+)?$"
)
# "4,000 mt of mixed rare earth feed a year", "100 mt of annual capacity".
ANNUAL_AFTER = re.compile(
    r"\s+of\s+(?:(?:[\w-]+\s+)?(?P<word>annual|yearly)\b"
    r"|(?:[\w-]+\s+){1,4}?(?:a|an|per|each|every)\s+(?P<rate>year|annum|month|day|week)\b"
    r"|(?:[\w-]+\s+){0,3}[\w-]+\s+(?P<adverb>annually|yearly)\b"  # "69,000 tonnes of graphite annually"
    + _NOT_A_RATE_AFTER + ")",
    re.IGNORECASE,
)
# "annual capacity targets of Pr-Nd alloy (400 mt), dysprosium oxide (30 mt) and ...": a rate
# word governing a list of "commodity (amount)" items sets ``per`` for every amount of the list.
_ITEM = r"[\w-]+(?:[ \u00a0][\w-]+){0,3}"
ANNUAL_LIST = re.compile(
    rf"\b(?P<word>{_RATE_WORD})\s+(?:[\w-]+\s+){{0,2}}?of\s+"
    rf"(?:{_ITEM}\s*\([^()\n]{{1,30}}\)\s*,?\s*(?:and\s+)?)*{_ITEM}\s*\($"
)
# Fiscal-year production figures are annual: "FY2026 production guidance of", "171 kt produced in FY25".
_FISCAL = r"(?:FY|F[Yy]\s|fiscal\s+(?:year\s+)?)'?\d{2,4}\b"
_FULL_YEAR = rf"(?:{_FISCAL}|(?i:full[- ]year)(?:\s+(?:19|20)\d\d)?)"
FISCAL_BEFORE = re.compile(
    rf"\b{_FULL_YEAR}\s+(?i:production|output|shipments|sales|volumes?)\b(?:\s+[\w-]+){{0,2}}?"
    r"\s+(?i:of|at|to|was|were|reached|totalled|totaled)\s+(?:(?i:about|around|some|nearly|roughly)\s+)?$"
)
FISCAL_AFTER = re.compile(rf"\s+(?:of\s+(?:[\w-]+\s+){{0,3}}?)?(?i:produced|shipped|sold|mined|processed)\s+in\s+{_FISCAL}")
# "119 mt of Dy and 17.8 mt of Tb per year": what may stand between coordinated amounts.
_RATE_GAP = re.compile(r"\s+of\s+(?:[\w-]+\s+){1,4}?(?:and|,)\s+|\s*(?:,|and|,\s+and)\s+")
# The sentence a rate word may govern starts after the last full stop or line break, this far back.
SENTENCE_REACH = 200


class RateRules:
    """Decides ``per`` from the text around an amount; period words come from ``words.json``."""

    def __init__(self, period_words: Mapping[str, str]) -> None:
        self.period_words = dict(period_words)

    def period_name(self, word: str) -> str:
        """"annually", "t/y", "per annum" → "year"; "tpd", "daily" → "day"."""
        return self.period_words[word.lower().replace(" ", "").replace("\u00a0", "")]

    def period(self, text: str, cursor: int, before: str, kind: str, begin: int) -> str | None:
        """The rate period of the amount of ``kind`` that ends at ``cursor`` and starts at ``begin``."""
        match = PERIOD_AFTER.match(text, cursor)
        if match is not None:
            return self.period_name(match["slash"] or match["word"] or match["adverb"])
        if kind != "mass":
            after = ANNUAL_AFTER.match(text, cursor, min(len(text), cursor + 60))
            if after is not None and after["rate"] is not None:
                return self.period_name(after["rate"])
            return None
        sentence = text[max(0, begin - SENTENCE_REACH) : begin]
        sentence = sentence[max(sentence.rfind(". "), sentence.rfind("\n")) + 1 :]
        annual = ANNUAL_BEFORE.search(before) or ANNUAL_LIST.search(sentence)
        if annual is not None:
            return self.period_name(annual["word"])
        if FISCAL_BEFORE.search(sentence) or FISCAL_AFTER.match(text, cursor, cursor + 80):
            return "year"
        after = ANNUAL_AFTER.match(text, cursor, min(len(text), cursor + 60))
        if after is not None:
            return self.period_name(after["rate"] or after["adverb"] or "year")
        return None


def share_rates(text: str, results: list[Found]) -> None:
    """A rate written once after coordinated amounts applies to each ("119 mt of Dy and 17.8 mt of Tb per year")."""
    for index in range(len(results) - 2, -1, -1):
        left, right = results[index].info, results[index + 1].info
        if left["per"] is not None or right["per"] is None or left["quantity_type"] != right["quantity_type"]:
            continue
        if left["quantity_type"] != "mass":
            continue
        if _RATE_GAP.fullmatch(text, results[index].end, results[index + 1].start) is not None:
            left["per"] = right["per"]
