"""Terms a release defines for itself (``pipeline/article/defined_terms.py``): a bracket with "the" and quotation
marks, or an acronym of a lower-case long form. Sentences invented for these tests."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.article.defined_terms import defined_term_mentions, defined_terms, lower_case_acronyms, lower_case_phrases


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    label: str


def _mentions(text: str, *named: tuple[str, str]) -> list[Mention]:
    found = []
    for name, label in named:
        start = text.index(name)
        found.append(Mention(name, start, start + len(name), label))
    return sorted(found, key=lambda mention: mention.start)


def test_a_term_defined_with_the_is_read_with_its_singular():
    text = 'Brennick Metals will sell common shares (the "Offered Shares") at a price per Offered Share of C$1.'
    assert {"Offered Shares", "Offered Share"} <= defined_terms(text)


def test_a_short_name_defined_without_the_is_no_term():
    assert defined_terms('Brennick Metals Corp. ("Brennick") closed the plan of arrangement (the “Arrangement”).') \
        == {"Arrangement", "Arrangements"}


def test_acronym_of_a_lower_case_long_form_is_a_term():
    text = "It ships high-purity electrolytic manganese metal (HPEMM) and vanadium flow batteries (VFBs) this year."
    assert {"HPEMM", "VFBs", "VFB"} <= lower_case_acronyms(text)


def test_acronym_of_a_title_case_name_is_no_term():
    assert not lower_case_acronyms("The Nordhavn Research Council (NRC) said the samples were clean.")


def test_defined_terms_drop_their_mentions_but_keep_names_and_commodities():
    text = ('Brennick Metals closed the plan of arrangement (the "Arrangement"). Under the Arrangement, holders of '
            "high-purity manganese metal (HPMM) get shares; HPMM sales start in May.")
    mentions = _mentions(text, ("Brennick Metals", "ORG"), ("Arrangement", "ORG"), ("HPMM", "ORG"))
    mentions.append(Mention("Arrangement", text.index("Arrangement,"), text.index("Arrangement,") + 11, "ORG"))
    commodity = Mention("HPMM", text.rindex("HPMM"), text.rindex("HPMM") + 4, "COMMODITY")
    mentions = sorted([*mentions, commodity], key=lambda mention: mention.start)
    dropped = {mentions[index].text for index in defined_term_mentions(mentions, text)}
    assert dropped == {"Arrangement", "HPMM"}
    kept = [mention for index, mention in enumerate(mentions) if index not in defined_term_mentions(mentions, text)]
    assert ("Brennick Metals", "ORG") in {(m.text, m.label) for m in kept}
    assert ("HPMM", "COMMODITY") in {(m.text, m.label) for m in kept}


def test_an_organisation_the_article_also_writes_in_lower_case_is_a_common_phrase():
    text = ("Battery Anode Plants Get State Help\n\nThe state will back two battery anode plants, "
            "Kestrel Metals said. Kestrel Metals runs one of them.")
    mentions = _mentions(text, ("Battery Anode Plants", "ORG"), ("Kestrel Metals", "ORG"))
    assert lower_case_phrases(mentions, text) == {0}


def test_a_one_word_or_other_label_name_is_kept_beside_its_lower_case_word():
    text = "Energy Fuels ships ore to Vale. The energy and fuels market is slow; Rare Earths Inc sells rare earths."
    mentions = _mentions(text, ("Energy Fuels", "ORG"), ("Vale", "ORG"), ("Rare Earths", "COMMODITY"))
    assert lower_case_phrases(mentions, text) == set()


def test_acronym_of_a_document_name_is_a_term():
    text = "The governor signed an Executive Order (EO) and a Memorandum of Understanding (MOU). The EO runs a year."
    found = lower_case_acronyms(text, frozenset({"Order", "Understanding"}))
    assert {"EO", "MOU"} <= found
    assert "EO" not in lower_case_acronyms(text)  # without the document heads a title-case long form names a body


def test_acronym_of_a_body_stays_a_name():
    text = "The Saskatchewan Research Council (SRC) said the SRC would test the ore."
    assert "SRC" not in lower_case_acronyms(text, frozenset({"Order", "Understanding"}))
