"""Acronyms a bracket defines as a term or a unit (``definitions.py``). Sentences invented for these tests."""

from __future__ import annotations

import spacy
from support import ents, make_block_doc

from pipeline.components.entities.definitions import acronym_letters, lower_case_words


def test_acronym_of_lower_case_words_is_no_name(nlp):
    found = ents(make_block_doc(nlp, "Velmar Graphite Inc. started the prefeasibility study (PFS) while sodium "
                                     "sulfur grid batteries (SSGBs) drew interest."))
    assert ("Velmar Graphite Inc.", "ORG") in found
    assert not [text for text, _ in found if text in {"PFS", "SSGBs"}]


def test_name_definitions_and_commodity_definitions_stay(nlp):
    found = ents(make_block_doc(nlp, "The Ontario Geoscience Board (OGB) measured total rare earth oxide (TREO)."))
    assert ("OGB", "ORG") in found
    assert ("TREO", "COMMODITY") in found


def test_bracket_after_an_amount_holds_its_unit(nlp):
    found = ents(make_block_doc(nlp, "Korvath Metals sold the stake for 1.4 billion (CAD) on Monday."))
    assert ("CAD", "ORG") not in found


def test_acronym_letters_and_words():
    assert acronym_letters("SmCo") == "SC"
    assert acronym_letters("VRFBs") == "VRFB"
    doc = spacy.blank("en")("made of high-purity refined zinc metal (")
    assert lower_case_words(doc, len(doc) - 1) == ["metal", "zinc", "refined", "purity", "high", "of", "made"]
