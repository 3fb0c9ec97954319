"""Commodity spans and names (``commodities.py`` and ``commodities.json``). Sentences invented for these tests."""

from __future__ import annotations

from support import ents, make_block_doc, normalized


def test_british_spelling_is_kept_as_written(nlp):
    found = normalized(make_block_doc(nlp, "Refiners sold nickel sulphate in May."))
    assert ("nickel sulphate", "COMMODITY") in found


def test_carbide_is_a_form_word(nlp):
    assert ("titanium carbide", "COMMODITY") in ents(make_block_doc(nlp, "Titanium carbide inserts cost more. "
                                                                         "The titanium carbide price held."))


def test_a_letter_after_a_money_amount_is_a_scale(nlp):
    found = ents(make_block_doc(nlp, "The bank lent A$3bn (US$2.1 B) to miners, and one hole graded 0.4% B over 3 m."))
    assert found.count(("B", "COMMODITY")) == 1


def test_figure_references_and_study_acronyms_are_no_names(nlp):
    found = ents(make_block_doc(nlp, "As Fig. 2 shows, the FS for Marrow Hill will follow, Velmar Metals said."))
    assert not [text for text, _ in found if text in {"Fig", "FS"}]


def test_element_names_closed_by_their_formula_are_one_commodity(nlp):
    found = ents(make_block_doc(nlp, "The plant makes samarium cobalt (SmCo) parts and sells copper to smelters."))
    assert ("samarium cobalt", "COMMODITY") in found
    assert ("samarium", "COMMODITY") not in found and ("copper", "COMMODITY") in found


def test_a_symbol_in_a_grade_is_the_metal_whatever_the_model_read(nlp):
    found = normalized(make_block_doc(nlp, "The pilot circuit recovered 91% Ge and 77% Ga from the residue, "
                                           "Velmar Metals said."))
    assert ("germanium", "COMMODITY") in found
    assert not [pair for pair in found if pair[0] in {"Ge", "Ga"}]


def test_a_symbol_defined_after_its_element_priced_per_kilo_or_paired_is_the_metal(nlp):
    doc = make_block_doc(nlp, "Velmar Metals wants germanium (Ge) and gallium (Ga) out of its zinc residue. "
                              "It assumes US$900/kg Ga, and the Ge/Ga circuit would be built in 2027.")
    labels = {(ent.text, ent.label_) for ent in doc.ents if ent.text in {"Ge", "Ga"}}
    assert labels == {("Ge", "COMMODITY"), ("Ga", "COMMODITY")}
    assert len([ent for ent in doc.ents if ent.text in {"Ge", "Ga"}]) == 5


def test_one_letter_symbols_joined_by_a_slash_stay_unread(nlp):
    found = ents(make_block_doc(nlp, "The ratio of U/V in the core samples rose, Velmar Metals said."))
    assert ("U", "COMMODITY") not in found and ("V", "COMMODITY") not in found


def test_high_purity_manganese_products_are_named_whole(nlp):
    doc = make_block_doc(nlp, "Tarvik will refine high purity manganese sulphate in Ohio; buyers want HPMSM and HPEMM.")
    found = normalized(doc)
    assert ("high-purity manganese sulphate", "COMMODITY") in found
    assert ("high-purity electrolytic manganese metal", "COMMODITY") in found
    assert ("manganese sulphate", "COMMODITY") not in found
    plain = normalized(make_block_doc(nlp, "Tarvik will refine high-purity vanadium in Ohio."))
    assert ("vanadium", "COMMODITY") in plain  # other metals keep the bare name: only the traded products are listed


def test_lead_before_a_trade_word_or_after_refined_is_the_metal(nlp):
    found = ents(make_block_doc(nlp, "Tarvik, the region's largest lead producer, said refined lead rose 3% last year."))
    assert found.count(("lead", "COMMODITY")) == 2
    verbs = ents(make_block_doc(nlp, "She will lead production planning, and they lead output talks with the union."))
    assert ("lead", "COMMODITY") not in verbs


def test_lithium_ion_written_without_a_hyphen_names_a_battery(nlp):
    found = ents(make_block_doc(nlp, "The anode goes into lithium ion batteries and lithium-ion packs made in Ohio."))
    assert not any(label == "COMMODITY" and text.lower().startswith("lithium") for text, label in found)
    assert ("lithium", "COMMODITY") in ents(make_block_doc(nlp, "The plant will make lithium in Ohio."))
