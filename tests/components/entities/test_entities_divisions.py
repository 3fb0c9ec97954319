"""Places named with a title-case settlement or division word (``divisions.headed_place``). Sentences invented for
these tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_place_or_nationality_before_a_title_case_head_is_one_place(nlp):
    found = ents(make_block_doc(nlp, "Police in Canadian County found the load near Oklahoma City on Tuesday, and "
                                     "the samples went to a lab in Quebec City."))
    assert ("Canadian County", "GPE") in found
    assert ("Oklahoma City", "GPE") in found
    assert ("Quebec City", "GPE") in found
    assert ("Canadian", "NORP") not in found


def test_a_further_title_case_word_makes_a_body(nlp):
    found = ents(make_block_doc(nlp, "The Quebec City Council approved the permit."))
    assert ("Quebec City", "GPE") not in found
