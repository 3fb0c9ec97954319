"""``build_nlp``: the model plus the stages in order, and the tokenizer customisation (hyphens spaCy's
English rules keep inside tokens). The error-handler policy is tested in tests/article."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokenizer import Tokenizer

from pipeline.components.nlp import STAGES, ModelNotFound, build_nlp


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("The U.S.-Australia framework", ["The", "U.S.", "-", "Australia", "framework"]),
        ("a U.K.-Japan pact", ["a", "U.K.", "-", "Japan", "pact"]),
        ("U.S.–China talks", ["U.S.", "–", "China", "talks"]),
        ("Johannesburg- and Toronto-listed miners", ["Johannesburg", "-", "and", "Toronto", "-", "listed", "miners"]),
        ("germanium- or gallium-bearing ores", ["germanium", "-", "or", "gallium", "-", "bearing", "ores"]),
        ("Perth, Western Australia–(Wirefile Corp.)", ["Perth", ",", "Western", "Australia", "–", "(", "Wirefile", "Corp.", ")"]),
        ("Halden, Ontario-(Wirefile)", ["Halden", ",", "Ontario", "-", "(", "Wirefile", ")"]),
        ("LIMA (Andes Wire) -Peru will cut", ["LIMA", "(", "Andes", "Wire", ")", "-", "Peru", "will", "cut"]),
        ("-Korvane Lithium said", ["-", "Korvane", "Lithium", "said"]),
        # A name glued to the bracket of its acronym: the bracket opens a token of its own.
        ("the Strategic Metals Fund(SMF), which", ["the", "Strategic", "Metals", "Fund", "(", "SMF", ")", ",", "which"]),
        ("Harlow Mining Agency(HMA)", ["Harlow", "Mining", "Agency", "(", "HMA", ")"]),
        # a scraped site name glued to its timestamp: the date starts a token of its own
        ("Orenews.com2026/04/15 22:18", ["Orenews.com", "2026/04/15", "22:18"]),
        ("Wire2025-11-03 report", ["Wire", "2025", "-", "11", "-", "03", "report"]),  # as a standalone date splits
        # Unchanged: a lower-case word after the abbreviation, ordinary compounds, currency prefixes.
        ("a U.S.-based refiner", ["a", "U.S.-based", "refiner"]),
        ("state-owned Lynas", ["state", "-", "owned", "Lynas"]),
        ("the U.S. and Japan.", ["the", "U.S.", "and", "Japan", "."]),
        ("US$5 million", ["US$", "5", "million"]),
        ("sodium(I) salts and Ga(III)", ["sodium(I", ")", "salts", "and", "Ga(III", ")"]),
        ("a -5% move, --Wire Service-- said", ["a", "-5", "%", "move", ",", "--Wire", "Service--", "said"]),
        ("model ABC2026-13-01 and v2026", ["model", "ABC2026", "-", "13", "-", "01", "and", "v2026"]),
    ],
)
def test_tokenizer_splits_hyphens(nlp, text, tokens):
    assert [token.text for token in nlp.make_doc(text)] == tokens


def test_entities_inside_hyphenated_names_are_found(nlp):
    doc = nlp("Johannesburg- and Toronto-listed miners welcomed the U.S.-Australia framework.")
    assert {ent.text for ent in doc.ents} >= {"Johannesburg", "Toronto", "U.S.", "Australia"}


def test_a_name_glued_to_its_acronym_bracket_is_the_name(nlp):
    doc = nlp("Funding of 12 million pounds came from the Strategic Metals Fund(SMF), the state lender.")
    assert "Strategic Metals Fund" in {ent.text for ent in doc.ents}


def test_language_defaults_are_not_changed(nlp):
    blank = spacy.blank("en")
    assert [token.text for token in blank("U.S.-Australia Johannesburg- and")] == ["U.S.-Australia", "Johannesburg-", "and"]


def test_the_special_cases_are_spacys_and_load_under_the_final_affixes(nlp):
    # the affixes are set with the special cases put aside and loaded once after: the same tokenizer as one built
    # from scratch with spaCy's English special cases and the final affixes
    tokenizer = nlp.tokenizer
    rules = spacy.blank("en").tokenizer.rules
    assert tokenizer.rules == rules
    fresh = Tokenizer(nlp.vocab, rules=rules, prefix_search=tokenizer.prefix_search,
                      suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                      token_match=tokenizer.token_match, url_match=tokenizer.url_match)
    text = " ".join(f'({case}), "{case}"-' for case in sorted(rules))
    assert [token.text for token in tokenizer(text)] == [token.text for token in fresh(text)]
    assert [token.text for token in tokenizer("(don't)")] == ["(", "do", "n't", ")"]


def test_the_stages_follow_the_model_in_order(nlp):
    assert "ner" in nlp.pipe_names
    assert nlp.pipe_names[-len(STAGES):] == list(STAGES)


def test_a_missing_model_is_reported_by_name():
    with pytest.raises(ModelNotFound, match="no_such_model_xyz"):
        build_nlp("no_such_model_xyz", strict=True)


def test_the_date_direction_reaches_the_dates_stage(nlp):
    assert nlp.get_pipe("orewire_dates").direction == "nearest"  # the SPEC default
    forward = build_nlp(strict=True, profile="fast", date_direction="forward", date_windows="calendar")
    assert forward.get_pipe("orewire_dates").direction == "forward"
    assert forward.get_pipe("orewire_dates").windows == "calendar"
    with pytest.raises(ValueError, match="date direction"):
        build_nlp(strict=True, profile="fast", date_direction="sideways")
