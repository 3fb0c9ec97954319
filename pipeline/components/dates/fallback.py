"""The model's DATE entities no rule covered, parsed with dateparser.

The entity stage keeps the statistical model's DATE entities in ``doc.spans["orewire_model_dates"]``
before it replaces ``doc.ents``. Only absolute mentions with a year and a month name are taken
("12 March 2024"); relative ones stay with the rules, which resolve them against the article.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from spacy.tokens import Doc, Span

from pipeline.components.dates.forms import YEAR
from pipeline.schema.labels import MODEL_DATE_GROUP
from pipeline.text import temporal as tp

# dateparser's clock-, locale- and preference-dependent defaults, pinned (STYLE: explicit settings).
DATEPARSER_SETTINGS: Mapping[str, Any] = {
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["month", "year"],
    "TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
}
_YEAR = re.compile(YEAR)


class AbsoluteDateParser:
    """dateparser for year-bearing date strings, built on first use and cached per instance.

    The parser is not pickled (a worker process builds its own); the cache keeps the last
    ``cache_size`` texts.
    """

    def __init__(self, cache_size: int) -> None:
        self.cache_size = cache_size
        self.parsed: OrderedDict[str, tuple[str, str] | None] = OrderedDict()
        self._parser: Any = None

    def __getstate__(self) -> dict[str, Any]:
        return {"cache_size": self.cache_size, "parsed": OrderedDict(), "_parser": None}

    def parse(self, text: str) -> tuple[str, str] | None:
        """``(value, 'day'|'month')`` of a year-bearing date string, or None."""
        key = text.strip().lower()
        if key in self.parsed:
            self.parsed.move_to_end(key)
            return self.parsed[key]
        if self._parser is None:
            from dateparser.date import DateDataParser  # slow import, needed only when a model DATE is left over

            self._parser = DateDataParser(languages=["en"], settings=dict(DATEPARSER_SETTINGS))
        result: tuple[str, str] | None = None
        data = self._parser.get_date_data(text)
        if data and data.date_obj is not None:
            if data.period == "month":
                result = (data.date_obj.strftime("%Y-%m"), "month")
            elif data.period == "day":
                result = (data.date_obj.date().isoformat(), "day")
        self.parsed[key] = result
        if len(self.parsed) > self.cache_size:
            self.parsed.popitem(last=False)
        return result


def model_date_spans(
    doc: Doc, taken: list[tuple[int, int]], parser: AbsoluteDateParser, months: Mapping[str, int]
) -> list[Span]:
    """Model DATE entities no rule covered, parsed when they carry a year and a month name.

    ``taken`` holds the character ranges already claimed; the new spans are added to it.
    """
    if MODEL_DATE_GROUP not in doc.spans:
        return []
    spans = []
    for span in doc.spans[MODEL_DATE_GROUP]:
        if any(span.start_char < e and s < span.end_char for s, e in taken):
            continue
        if not _YEAR.search(span.text) or not any(t.lower_.rstrip(".") in months for t in span):
            continue
        parsed = parser.parse(span.text)
        if parsed is None:
            continue
        value, granularity = parsed
        day = date.fromisoformat(value + "-01" if granularity == "month" else value)
        period = tp.month_period(day.year, day.month) if granularity == "month" else tp.day_period(day)
        new = Span(doc, span.start, span.end)
        new._.orewire_date = tp.to_info(period)
        taken.append((new.start_char, new.end_char))
        spans.append(new)
    return spans
