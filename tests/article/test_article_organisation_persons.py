"""PERSON names the article itself writes as an organisation (``pipeline.article.organisation_persons``, alone and
through ``link_entities``). Sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities
from pipeline.article.organisation_persons import organisation_persons


def _records(text: str, names: list[tuple[str, str, str]]):
    return [entity_record(name, text.index(at), label=label) for name, label, at in names]


def test_a_person_with_an_organisations_name_becomes_that_organisation():
    text = "Velka Rudna sells borax. Buyers trust Velka Rudna, Ann Example said."
    found, _ = organisation_persons(_records(text, [("Velka Rudna", "ORG", "Velka Rudna sells"),
                                                 ("Velka Rudna", "PERSON", "Velka Rudna,"),
                                                 ("Ann Example", "PERSON", "Ann Example")]))
    assert [(record.text, record.label) for record in found] == [
        ("Velka Rudna", "ORG"), ("Velka Rudna", "ORG"), ("Ann Example", "PERSON")]


def test_a_title_after_the_organisations_name_is_cut_off():
    text = "Velka Rudna grew. Velka Rudna Chief Executive Ann Example spoke."
    found, _ = organisation_persons(_records(text, [("Velka Rudna", "ORG", "Velka Rudna grew"),
                                                 ("Velka Rudna Chief", "PERSON", "Velka Rudna Chief"),
                                                 ("Ann Example", "PERSON", "Ann Example")]))
    cut = found[1]
    assert (cut.text, cut.label, cut.end - cut.start) == ("Velka Rudna", "ORG", len("Velka Rudna"))
    assert cut.id == f"d#entity:{cut.start}-{cut.end}"
    renamed = organisation_persons(_records(text, [("Velka Rudna", "ORG", "Velka Rudna grew"),
                                                   ("Velka Rudna Chief", "PERSON", "Velka Rudna Chief")]))[1]
    assert [(old, new.id) for old, new in renamed.items()] == [(
        f"d#entity:{text.index('Velka Rudna Chief')}-{text.index('Velka Rudna Chief') + len('Velka Rudna Chief')}", cut.id)]


def test_only_the_organisations_whole_name_counts():
    """A longer name that opens with the words ("Velka Rudna Mining Ltd") is not the name written before the title."""
    text = "Velka Rudna Mining Ltd grew. Velka Rudna Chief Executive Ann Example spoke."
    found, _ = organisation_persons(_records(text, [("Velka Rudna Mining Ltd", "ORG", "Velka Rudna Mining"),
                                                 ("Velka Rudna Chief", "PERSON", "Velka Rudna Chief")]))
    assert [record.label for record in found] == ["ORG", "PERSON"]


def test_a_person_whose_name_no_organisation_shares_stays_a_person():
    text = "Ann Example Holdings Ltd grew. Ann Example spoke. Ann Example Director Bo Lind agreed."
    found, _ = organisation_persons(_records(text, [("Ann Example Holdings Ltd", "ORG", "Ann Example Holdings"),
                                                 ("Ann Example", "PERSON", "Ann Example spoke"),
                                                 ("Bo Lind", "PERSON", "Bo Lind")]))
    assert [record.label for record in found] == ["ORG", "PERSON", "PERSON"]


def test_linking_gives_the_cut_name_the_organisations_linked_name():
    text = "Velka Rudna Mining Ltd grew. Velka Rudna said so. Velka Rudna Chief Executive Ann Example spoke."
    found, _ = organisation_persons(link_entities(_records(text, [("Velka Rudna Mining Ltd", "ORG", "Velka Rudna Mining"),
                                                               ("Velka Rudna", "ORG", "Velka Rudna said"),
                                                               ("Velka Rudna Chief", "PERSON", "Velka Rudna Chief"),
                                                               ("Ann Example", "PERSON", "Ann Example")]), text))
    cut = next(record for record in found if record.start == text.index("Velka Rudna Chief"))
    assert (cut.text, cut.label, cut.normalized) == ("Velka Rudna", "ORG", "Velka Rudna Mining Ltd")
