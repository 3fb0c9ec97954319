"""The model-DATE fallback: dateparser on year-bearing mentions no rule covered."""

from __future__ import annotations

import pickle

import spacy

from pipeline.components.dates.fallback import AbsoluteDateParser, model_date_spans
from pipeline.schema.labels import MODEL_DATE_GROUP
from pipeline.text.calendar_names import MONTHS


def test_parser_results_are_cached() -> None:
    parser = AbsoluteDateParser(cache_size=2)
    assert parser.parse("12 March 2024") == ("2024-03-12", "day")
    assert parser.parse("March 2024") == ("2024-03", "month")
    assert parser.parse("next week") is None
    assert list(parser.parsed) == ["march 2024", "next week"]  # the oldest fell out


def test_parser_pickles_without_dateparser() -> None:
    parser = AbsoluteDateParser(cache_size=8)
    parser.parse("March 2024")
    clone = pickle.loads(pickle.dumps(parser))
    assert clone._parser is None and clone.parsed == {}
    assert clone.parse("March 2024") == ("2024-03", "month")


def test_model_date_spans_fill_gaps() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("The filing of 12 March 2024 and 5 May 2025 matters.")
    doc.spans[MODEL_DATE_GROUP] = [doc.char_span(14, 27), doc.char_span(32, 42)]
    taken = [(32, 42)]
    spans = model_date_spans(doc, taken, AbsoluteDateParser(cache_size=8), MONTHS)
    assert [(span.text, span._.orewire_date["timex"]) for span in spans] == [("12 March 2024", "2024-03-12")]
    assert taken == [(32, 42), (14, 27)]


def test_model_dates_without_a_month_name_are_left_alone() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("Output rose in 2024/03 and over the past year.")
    doc.spans[MODEL_DATE_GROUP] = [doc.char_span(15, 22), doc.char_span(36, 45)]
    assert model_date_spans(doc, [], AbsoluteDateParser(cache_size=8), MONTHS) == []
