"""Places only the statistical model reads need a place cue (``pipeline.components.entities.place_cues``): a
locative word, "of" after a place word, a closing division word, a comma list or a dateline keeps the model's GPE; a
GPE no table knows with none of them is marked, a rule's GPE or a known place is not. Sentences invented for these
tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.components.entities.place_cues import place_cue, uncued_model_places
from pipeline.components.entities.view import BlockView, TokenColumns


def _view(doc):
    return BlockView(doc=doc, text=doc.text, zone="body", tokens=TokenColumns(doc), headline=set())


def _span(nlp, text, name):
    doc = nlp.make_doc(text)
    start = next(token.i for token in doc if doc[token.i:].text.startswith(name))
    end = next(token.i + 1 for token in doc[start:] if doc[start:token.i + 1].text == name)
    return Span(doc, start, end, label="GPE")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The plant is near Varnholt and employs 300 people.", "Varnholt"),
        ("Drilling started in the province of Kestova last month.", "Kestova"),
        ("Crews worked north of Brindle before the rains.", "Brindle"),
        ("Tin is also mined in Orvale, Quenby and Sallow in the south.", "Quenby"),
        ("Survey results for Tarrow County came in on Monday.", "Tarrow County"),
        ("HALDOR -- The miner said output rose 5 percent.", "HALDOR"),
    ],
)
def test_place_cues_keep_the_model_place(nlp, tables, text, name):
    assert place_cue(_span(nlp, text, name), _view(_span(nlp, text, name).doc), tables)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The refiner will ship 40,000 tonnes to Halvorsen every year.", "Halvorsen"),
        ("Output rose 8 percent, according to Brandvik.", "Brandvik"),
        ("The plant cost 900 billion Dorrel to build.", "Dorrel"),
    ],
)
def test_uncued_model_place_no_table_knows_is_marked(nlp, tables, text, name):
    span = _span(nlp, text, name)
    key = (span.start, span.end, "GPE")
    assert uncued_model_places([span], _view(span.doc), {key}, set(), tables) == [span]
    assert uncued_model_places([span], _view(span.doc), {key}, {key}, tables) == []  # a rule's GPE


def test_known_place_needs_no_cue(nlp, tables):
    span = _span(nlp, "Talks with Canada resumed on Monday.", "Canada")
    key = (span.start, span.end, "GPE")
    assert uncued_model_places([span], _view(span.doc), {key}, set(), tables) == []
