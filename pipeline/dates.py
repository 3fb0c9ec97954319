"""Date stage: date mentions normalised against the article's reference date.

(Initial version: the date issue replaces it with the full normaliser.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .annotations import DateInfo
from .extensions import DATE_GROUP
from .segment import parse_dateline
from .stage import GuardedStage


class DateStage(GuardedStage):
    name = "orewire_dates"

    def process(self, doc: Doc) -> Doc:
        spans = []
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            value = parse_dateline(ent.text)
            if value is None:
                continue
            granularity = "minute" if "T" in value else "day"
            ent._.orewire_date = DateInfo(
                value=value, granularity=granularity, start_date=value[:10], end_date=value[:10],
                modifier=None, fiscal=False, resolution="absolute", reference=None,
            )
            spans.append(ent)
        doc.spans[DATE_GROUP] = spans
        return doc


@Language.factory("orewire_dates", assigns=["doc.spans"], requires=["doc.ents"])
def make_date_stage(nlp: Language, name: str) -> DateStage:
    return DateStage()
