"""Issue 13, round 15 (second part): two towns joined by "and" read as one organisation (``place_pairs.py``)."""

from __future__ import annotations

from spacy.tokens import Span
from support import make_block_doc

from pipeline.components.entities.place_pairs import place_pairs
from pipeline.components.entities.view import BlockView, TokenColumns, WordColumns


def _view(doc):
    return BlockView(doc=doc, text=doc.text, zone="body", tokens=TokenColumns(doc, WordColumns()), headline=set())


def _org(doc, text):
    start = next(token.i for token in doc if doc[token.i : token.i + len(text.split())].text == text)
    return Span(doc, start, start + len(text.split()), label="ORG")


def test_two_known_towns_joined_by_and_are_two_places(nlp, tables):
    doc = make_block_doc(nlp, "The road runs between Superior and Mesa in the desert.")
    parts = place_pairs(_view(doc), [_org(doc, "Superior and Mesa")], tables)
    assert [(span.text, span.label_) for span in parts] == [("Superior", "GPE"), ("Mesa", "GPE")]


def test_a_company_named_with_and_stays_one_organisation(nlp, tables):
    doc = make_block_doc(nlp, "Shares of Marrow and Quillane rose on the news.")
    parts = place_pairs(_view(doc), [_org(doc, "Marrow and Quillane")], tables)
    assert [(span.text, span.label_) for span in parts] == [("Marrow and Quillane", "ORG")]


def test_unknown_towns_after_the_towns_of_are_two_places(nlp, tables):
    doc = make_block_doc(nlp, "The site is reached by road from the towns of Quarrow & Veldane in the north.")
    parts = place_pairs(_view(doc), [_org(doc, "Quarrow & Veldane")], tables)
    assert [(span.text, span.label_) for span in parts] == [("Quarrow", "GPE"), ("Veldane", "GPE")]


def test_a_country_joined_to_a_company_is_the_place_and_the_company(nlp, tables):
    doc = make_block_doc(nlp, "The deal followed talks by a lab in Norway and Quillane Holdings Limited last year.")
    parts = place_pairs(_view(doc), [_org(doc, "Norway and Quillane Holdings Limited")], tables)
    assert [(span.text, span.label_) for span in parts] == [("Norway", "GPE"), ("Quillane Holdings Limited", "ORG")]


def test_a_company_beside_a_name_no_table_knows_stays_whole(nlp, tables):
    doc = make_block_doc(nlp, "Shares of Marrow and Quillane Holdings Limited rose on the news.")
    parts = place_pairs(_view(doc), [_org(doc, "Marrow and Quillane Holdings Limited")], tables)
    assert [(span.text, span.label_) for span in parts] == [("Marrow and Quillane Holdings Limited", "ORG")]
