"""Issue 13, entities round 9 (``article/linking.py``): a nationality before a common noun is no company's short
name, and a family name written first is the person. Names invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities


def _linked(text: str, names: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    records = [entity_record(name, text.index(at), label=label) for name, label, at in names]
    return [(record.label, record.normalized) for record in link_entities(records, text)]


def test_nationality_before_a_common_noun_is_no_short_name():
    text = "Nordic Wire Service reported the ban. Other Nordic countries may follow."
    names = [("Nordic Wire Service", "ORG", "Nordic Wire"), ("Nordic", "NORP", "Nordic countries")]
    assert _linked(text, names)[1] == ("NORP", "Nordic")


def test_family_name_written_first_is_the_person():
    text = "Minister Tan Wei Ming spoke. Later, Tan did not say when."
    names = [("Tan Wei Ming", "PERSON", "Tan Wei"), ("Tan", "PERSON", "Tan did")]
    assert _linked(text, names) == [("PERSON", "Tan Wei Ming")] * 2
