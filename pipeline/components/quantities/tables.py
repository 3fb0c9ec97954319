"""Text tables ("| 2025 target | 379 |"): a bare figure in a column whose header names its unit in brackets
("Volume (million tonnes)", "Grade (%)", "Price (US$/t)") is measured in that unit, scale included."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.components.quantities.currency import CurrencyContext
from pipeline.components.quantities.measure import Found
from pipeline.text.numbers import tidy

# A row of a text table: bars at both ends of its line.
ROW = re.compile(r"\|.*\|[ \t]*")
# The rule under a header row: "|---|:---:|".
RULE = re.compile(r"\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*")
# The unit a header cell names in brackets: "Volume (million tonnes)".
BRACKETED = re.compile(r"\(([^()]{1,30})\)")
# A currency sign (with its letters) opening a bracketed unit: "US$/t" is read as "US$1/t".
LEADING_CURRENCY = re.compile(r"^(?:[A-Z]{0,3}[$€£¥]|[A-Z]{3}[ \t])")

Parse = Callable[[str, CurrencyContext], Found | None]


def header_unit(text: str, position: int) -> str | None:
    """The bracketed unit of the header cell above ``position``, when it lies in a text table's data row."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    if not ROW.fullmatch(text, line_start, line_end):
        return None
    column = text.count("|", line_start, position) - 1
    end = line_start - 1
    while end > 0:  # up through the data rows to the rule; the header is the line above it
        start = text.rfind("\n", 0, end) + 1
        if RULE.fullmatch(text, start, end):
            header_end = start - 1
            header_start = text.rfind("\n", 0, max(header_end, 0)) + 1
            if header_end <= header_start or not ROW.fullmatch(text, header_start, header_end):
                return None
            cells = text[header_start:header_end].strip().strip("|").split("|")
            unit = BRACKETED.search(cells[column]) if 0 <= column < len(cells) else None
            return unit.group(1).strip() if unit is not None else None
        if not ROW.fullmatch(text, start, end):
            return None
        end = start - 1
    return None


def measured_by_header(text: str, bare: Found, context: CurrencyContext, parse: Parse) -> Found | None:
    """``bare`` (a number or range with no unit of its own) measured in its column's bracketed unit, or None.

    ``parse`` reads one amount written alone ("1 million tonnes", "US$1/t"); the unit counts when it reads all of it.
    """
    unit = header_unit(text, bare.start)
    if unit is None:
        return None
    probe = LEADING_CURRENCY.sub(lambda sign: sign.group().strip() + "1", unit, count=1)
    probe = probe if probe != unit else f"1 {unit}"
    one = parse(probe, context)
    if one is None or one.count_noun or one.start != 0 or one.end != len(probe) or not one.info["value"]:
        return None
    factor = one.info["value"]
    info = one.info.copy()
    for key in ("value", "low", "high"):
        number = bare.info[key]
        info[key] = None if number is None else tidy(number * factor)
    info["qualifier"] = bare.info["qualifier"]
    return Found(start=bare.start, end=bare.end, info=info, price_factor=one.price_factor)
