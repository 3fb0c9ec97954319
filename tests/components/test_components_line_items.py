"""``orewire_line_items``: list items and labelled lines are sentences of their own before the parser reads them.

Sentences of our own in the shape of bulleted highlights and "Label: text" key-point lists (issue 12, fifteenth
session; dev articles rn05, rn123 and rn179 have such lists).
"""

from __future__ import annotations

import pytest

from pipeline.components.line_items import LineItems


@pytest.fixture(scope="module")
def items():
    return LineItems()


def starts_of(items: LineItems, text: str) -> list[str]:
    """The text from each sentence start the component sets to the end of its line."""
    return [text[start:].split("\n")[0] for start, _ in items.sentence_starts(text)]


def test_bulleted_lines_without_full_stops_are_sentences(items):
    text = "The quarter in brief:\n  • A$50 million loan from Northbank\n  • Offtake signed with Gamma Trading"
    assert starts_of(items, text) == ["• A$50 million loan from Northbank", "• Offtake signed with Gamma Trading"]


def test_the_line_after_the_last_item_starts_a_sentence_when_it_opens_like_one(items):
    text = "- Output rose 5%\nThe company said prices fell."
    assert starts_of(items, text) == ["- Output rose 5%", "The company said prices fell."]
    assert starts_of(items, "- Output rose 5% and\nsales rose too") == ["- Output rose 5% and"]


def test_a_label_in_an_item_is_apart_from_its_text(items):
    text = "- Market reaction: Shares of Kestrel Metals rose 4%."
    assert starts_of(items, text) == [text, "Shares of Kestrel Metals rose 4%."]


def test_a_block_of_labelled_lines_splits_each_label(items):
    text = "Outlook: Output will rise in 2027.\nFunding: Northbank lent A$50 million."
    assert starts_of(items, text) == ["Output will rise in 2027.", "Northbank lent A$50 million."]


@pytest.mark.parametrize("text", [
    "Review of the week: Chile Opened Bids, Zambia Courted Refiners.",  # one labelled line stays whole
    "Tom Reed said: Output will rise.\nAnna Vale noted: Prices fell.",  # a quoted speaker is no label
    "Markets were quiet.\nOutput: flat.",  # nothing capitalised after the colon
    "-Kestrel Metals said output rose",  # a dash glued to a word is a wire credit's, no list marker
])
def test_no_split(items, text):
    assert starts_of(items, text) == []


def test_the_parser_keeps_the_starts(nlp):
    doc = nlp("Key points\n- Market reaction: Shares of Kestrel Metals and Norland Lithium rose after the report.\n"
              "- Buying: Trading firms Gamma and Delta will manage purchases.")
    sentences = [sentence.text.strip() for sentence in doc.sents]
    assert "Shares of Kestrel Metals and Norland Lithium rose after the report." in sentences
    assert "Trading firms Gamma and Delta will manage purchases." in sentences
    rose = next(token for token in doc if token.text == "rose")
    assert rose.dep_ == "ROOT"


def test_a_share_move_after_a_label_with_a_long_subject_is_found(nlp):
    # the verb's whole subject is the context of its cue ("Shares ... rose", 16 words apart)
    doc = nlp("Key points\n- Market reaction: Shares of rare earth and battery metals producers such as Kestrel Metals"
              " and Norland Lithium rose following reports of the stockpile plan.")
    moves = [e for e in doc._.orewire_events if e["event_type"] == "stock_movement"]
    assert len(moves) == 2
