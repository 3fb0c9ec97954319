"""Issue 13, entities round 6: a government body coordinated with a company ("the Department of Energy and
<company>") is two names; a portfolio of generic words stays in the body's name; an unlisted town before a site
word names the site, but stays a place beside its state; "<organisation> <title> <name>" is an ORG and a PERSON;
"rare metals" is a category word; a legal form alone ("LLC") is no name.
Sentences invented for these tests."""

from __future__ import annotations

from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.conventions import titled_person_inside


def test_body_and_known_company_are_two_names(nlp):
    found = ents(make_block_doc(nlp, "Neither the Department of Energy and Syrah answered questions sent on Friday."))
    assert ("Department of Energy", "ORG") in found
    assert ("Syrah", "ORG") in found


def test_body_and_intercapped_company_are_two_names(nlp):
    found = ents(make_block_doc(nlp, "A pact between the Department of Atomic Energy and KorAtomMet covers fuel."))
    assert ("Department of Atomic Energy", "ORG") in found
    assert ("KorAtomMet", "ORG") in found


def test_body_and_suffixed_company_are_two_names(nlp):
    found = ents(make_block_doc(nlp, "Talks between the Ministry of Mines and Orvane Lithium Ltd ended on Monday."))
    assert ("Ministry of Mines", "ORG") in found
    assert ("Orvane Lithium Ltd", "ORG") in found


def test_portfolio_of_generic_words_stays_whole(nlp):
    for name in ("Ministry of Energy and Mineral Resources", "Ministry of Mines and Energy",
                 "Department of Energy and Climate Change"):
        assert (name, "ORG") in ents(make_block_doc(nlp, f"The {name} said on Monday it would review the rules."))


def test_unlisted_town_before_a_site_word_is_the_site(nlp):
    found = ents(make_block_doc(nlp, "Work paused at the Tarvaso mine and Pirapora foundry during the upgrade."))
    assert ("Pirapora", "FACILITY") in found
    assert ("Vidalia", "FACILITY") in ents(make_block_doc(nlp, "The Vidalia Facility will double its output."))


def test_listed_place_or_company_before_a_site_word_keeps_its_label(nlp):
    assert ("Texas", "GPE") in ents(make_block_doc(nlp, "The Texas plant opened in May after two delays."))
    assert ("Orvane Ltd", "ORG") in ents(make_block_doc(nlp, "Shares of Orvane Ltd plant rose."))


def _article_entities(extractor, text):
    from pipeline import Article

    [extraction] = list(extractor.extract_many([Article(doc_id="t", text=text)]))
    return {(r.text, r.label) for r in extraction.records if r.type == "entity"}


def test_town_with_its_state_stays_a_place_beside_the_site(extractor):
    text = ("Korvane Graphite makes anode material at its plant in Vidalia, Louisiana. "
            "The Vidalia Facility will grow, and Vidalia will hire more staff.")
    found = _article_entities(extractor, text)
    assert ("Vidalia", "GPE") in found
    assert ("Vidalia", "FACILITY") in found


def _span(doc, text, label="ORG"):
    start = next(i for i in range(len(doc)) if doc[i:].text.startswith(text))
    end = next(j for j in range(start + 1, len(doc) + 1) if doc[start:j].text == text)
    return Span(doc, start, end, label=label)


def test_organisation_title_and_name_run_is_split(nlp, tables):
    doc = make_block_doc(nlp, "Harbour District Police Superintendent Kevin Odell said divers had stopped.")
    split = titled_person_inside(_span(doc, "Harbour District Police Superintendent Kevin Odell"), tables)
    assert split is not None
    assert [(part.text, part.label_) for part in split] == [("Harbour District Police", "ORG"), ("Kevin Odell", "PERSON")]
    found = ents(make_block_doc(nlp, "Western Harbour Police Superintendent Andrew Cole said the search was over."))
    assert ("Western Harbour Police", "ORG") in found
    assert ("Andrew Cole", "PERSON") in found


def test_organisation_abbreviated_title_and_name_run_is_split(nlp, tables):
    doc = make_block_doc(nlp, "The drill results were strong, OreQuest MD Daniel Pereza said.")
    split = titled_person_inside(_span(doc, "OreQuest MD Daniel Pereza"), tables)
    assert split is not None
    assert [(part.text, part.label_) for part in split] == [("OreQuest", "ORG"), ("Daniel Pereza", "PERSON")]


def test_run_without_a_plain_name_stays(nlp, tables):
    doc = make_block_doc(nlp, "Korvane Chief Executive Officer Jakarta said so.")
    assert titled_person_inside(_span(doc, "Korvane Chief Executive Officer Jakarta"), tables) is None


def test_title_inside_a_body_name_without_a_person_stays(nlp):
    found = ents(make_block_doc(nlp, "The Office of the Chief Executive Officer said so."))
    assert ("Office of the Chief Executive Officer", "ORG") in found


def test_rare_metals_is_a_category_not_a_commodity(nlp):
    found = ents(make_block_doc(nlp, "Indium, like other rare metals, is scarce; gallium is a rare metal too."))
    assert not any("rare metal" in text for text, _ in found)
    assert ("Indium", "COMMODITY") in found


def test_legal_form_after_a_comma_is_no_name(nlp):
    found = ents(make_block_doc(nlp, "The plant belongs to Korvane Technologies, LLC, a unit of a Canadian group."))
    assert ("Korvane Technologies", "ORG") in found
    assert not any(text == "LLC" for text, _ in found)


def test_two_ministries_joined_by_and_are_two_names(nlp):
    found = ents(make_block_doc(nlp, "The Ministry of Finance and Ministry of Economy signed the decree on Friday."))
    assert ("Ministry of Finance", "ORG") in found and ("Ministry of Economy", "ORG") in found


def test_a_body_the_tables_know_whole_is_not_split_at_its_and(nlp):
    # "Technology" closes company names too; the organisation table holds this ministry's full name
    text = "The Ministry of Industry and Information Technology set new quotas on Monday."
    assert ("Ministry of Industry and Information Technology", "ORG") in ents(make_block_doc(nlp, text))
    text = "Quotas came from the Ministry of Ecology and Ministry of Industry and Information Technology."
    found = ents(make_block_doc(nlp, text))
    assert ("Ministry of Ecology", "ORG") in found
    assert ("Ministry of Industry and Information Technology", "ORG") in found
