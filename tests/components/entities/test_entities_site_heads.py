"""Issue 13, entities round 15 (second part): head words that name a site or a region (``cue_words.json``,
``patterns.jsonl``, ``sites.py``, ``shapes.py``). Sentences invented for these tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_a_property_is_a_site_in_title_or_lower_case(nlp):
    found = ents(make_block_doc(nlp, "Drilling on the Harrowgate Ridge Property hit high grades, and Velmont Gold "
                                     "Inc also optioned the Quillan North property from a prospector."))
    assert ("Harrowgate Ridge", "FACILITY") in found
    assert ("Quillan North", "FACILITY") in found
    assert not any(text.endswith("Property") for text, _ in found)
