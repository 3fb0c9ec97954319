"""Entity linking, issue 13 entities round 7 (``pipeline.article.linking_forms``): undefined acronyms by initials,
company names closed by different group words, a department's bare portfolio, and a one-word PERSON that the
article also writes as an ORG. Sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities


def _normalized(text: str, names: list[tuple[str, str, str]]) -> list[str]:
    records = [entity_record(name, text.index(at), label=label) for name, label, at in names]
    return [record.normalized for record in link_entities(records, text)]


def test_acronym_written_before_the_full_name_is_that_name():
    text = "The AC is talking to miners. The Andean Council said talks would last a week."
    assert _normalized(text, [("AC", "ORG", "AC is"), ("Andean Council", "ORG", "Andean Council")]) == [
        "Andean Council", "Andean Council"]


def test_acronym_of_the_closing_words_or_inside_the_name():
    text = "The Varro Battery Metals Fund (Varro BMF) invests. BMF will buy stakes. Lima KXT Holdings said KXT agreed."
    names = [("Varro Battery Metals Fund", "ORG", "Varro Battery"), ("BMF", "ORG", "BMF will"),
             ("Lima KXT Holdings", "ORG", "Lima KXT"), ("KXT", "ORG", "KXT agreed")]
    assert _normalized(text, names) == ["Varro Battery Metals Fund", "Varro Battery Metals Fund", "Lima KXT Holdings",
                                        "Lima KXT Holdings"]


def test_acronym_in_brackets_defines_the_name_before_it():
    text = "It signed with Tarn Engineering Co. (TEC) and TEC Kenya Ltd on Monday."
    names = [("TEC", "ORG", "TEC)"), ("TEC Kenya Ltd", "ORG", "TEC Kenya")]
    assert _normalized(text, names)[0] == "TEC"


def test_group_and_holdings_are_one_company():
    text = "Korvane Holdings built the plant. It is a first step for Korvane Group in Chile."
    assert _normalized(text, [("Korvane Holdings", "ORG", "Korvane Holdings"), ("Korvane Group", "ORG", "Korvane Group")]) == [
        "Korvane Holdings", "Korvane Holdings"]


def test_bare_portfolio_is_the_department():
    text = "The U.S. Commerce Department cut duties. A ruling by Commerce had favoured the petition."
    names = [("U.S. Commerce Department", "ORG", "U.S. Commerce"), ("Commerce", "ORG", "Commerce had")]
    assert _normalized(text, names)[1] == "U.S. Commerce Department"


def test_one_word_person_that_is_an_org_elsewhere_is_the_org():
    text = "A petition by Larvik to impose duties was upheld. Larvik claims imports were dumped."
    records = [entity_record("Larvik", text.index("Larvik"), label="ORG"),
               entity_record("Larvik", text.rindex("Larvik"), label="PERSON")]
    assert [record.label for record in link_entities(records, text)] == ["ORG", "ORG"]


def test_name_that_only_modifies_a_noun_stays_a_person():
    text = "The Tallis administration said no. Tallis is under pressure, and the Tallis administration knows it."
    records = [entity_record("Tallis", text.index("Tallis"), label="ORG"),
               entity_record("Tallis", text.index("Tallis is"), label="PERSON")]
    assert [record.label for record in link_entities(records, text)] == ["ORG", "PERSON"]


def test_town_after_in_stays_a_place_beside_its_site():
    text = "Output stops at its Lorvik plant. Jobs in Lorvik will go."
    records = [entity_record("Lorvik", text.index("Lorvik"), label="FACILITY"),
               entity_record("Lorvik", text.rindex("Lorvik"), label="GPE")]
    assert [record.label for record in link_entities(records, text)] == ["FACILITY", "GPE"]


def test_headline_short_name_before_its_only_full_name_is_that_company():
    text = "Harrow declares force majeure\nHarrow Bay Copper Inc. said its mine stopped."
    records = [entity_record("Harrow", 0).model_copy(update={"zone": "title"}),
               entity_record("Harrow Bay Copper Inc.", text.index("Harrow Bay"))]
    assert [record.normalized for record in link_entities(records, text)] == ["Harrow Bay Copper Inc."] * 2

