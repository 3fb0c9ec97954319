"""What a quantity measures: the commodity it is "of", next to or bracketed with, the country whose
reserves it states, and lists paired by "respectively" (entities set by hand on a blank pipeline)."""

from __future__ import annotations

import pytest
import spacy

from pipeline.schema.labels import QUANTITIES_FACTORY, QUANTITY_GROUP

_BLANK = spacy.blank("en")
_STAGE = _BLANK.add_pipe(QUANTITIES_FACTORY)


def _stage_doc(text: str, ents: list[tuple[str, str]]):
    doc = _BLANK.make_doc(text)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = spans
    return _STAGE(doc)


@pytest.mark.parametrize(
    ("text", "ents", "quantity", "subject"),
    [
        ("It bought dysprosium oxide (30 mt) last week.", [("dysprosium oxide", "COMMODITY")], "30 mt",
         "dysprosium oxide"),
        ("It shipped 119 mt of dysprosium to Japan.", [("dysprosium", "COMMODITY"), ("Japan", "GPE")], "119 mt",
         "dysprosium"),
        ("Pr-Nd oxide was assessed at 433,000-437,000 yuan/mt.", [("Pr-Nd oxide", "COMMODITY")],
         "433,000-437,000 yuan/mt", "Pr-Nd oxide"),
        ("Vietnam's reserves are about 3.5 million mt.", [("Vietnam", "GPE")], "3.5 million mt", "Vietnam"),
        ("The fund gave C$101 million to the mine.", [], "C$101 million", None),
        ("The resource is 74.5 Mt at 1.21% Li2O in total.", [("Li2O", "COMMODITY")], "1.21%", "Li2O"),
        ("The mine would produce 52,000 tonnes per year of graphite concentrate.",
         [("graphite concentrate", "COMMODITY")], "52,000 tonnes", "graphite concentrate"),
        ("The study assumes US$6,800/t for CSPG and US$1,150/t for flake concentrate.",
         [("CSPG", "COMMODITY"), ("flake concentrate", "COMMODITY")], "US$1,150/t", "flake concentrate"),
        ("China exported 12.8 mt of wrought and unwrought gallium in 2025.", [("gallium", "COMMODITY")], "12.8 mt",
         "gallium"),
        ("It covers copper, lithium and rhenium, where Chile supplies 23%, 20.4% and 46.8% of output respectively.",
         [("copper", "COMMODITY"), ("lithium", "COMMODITY"), ("rhenium", "COMMODITY")], "20.4%", "lithium"),
        ("The hole returned 1,530 ppm total rare earth oxide over 10 m.", [("total rare earth oxide", "COMMODITY")],
         "1,530 ppm", "total rare earth oxide"),
        ("Wolframite concentrate (65% WO3) rose to 298,000 yuan/mt.",
         [("Wolframite concentrate", "COMMODITY"), ("WO3", "COMMODITY")], "298,000 yuan/mt", "Wolframite concentrate"),
    ],
)
def test_subject(text, ents, quantity, subject):
    doc = _stage_doc(text, ents)
    found = {span.text: span._.orewire_quantity for span in doc.spans[QUANTITY_GROUP]}
    offsets = found[quantity]["subject"]
    assert (None if offsets is None else text[offsets[0] : offsets[1]]) == subject

