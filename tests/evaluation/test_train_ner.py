"""The ner fine-tuning measurement script (benchmarks/train_ner.py): gold projection, training targets and the
grouped folds, on sentences of our own."""

from __future__ import annotations

import spacy
from support import load_script

trainer = load_script("train_ner")

TEXT = "MARLIN METALS said Marlin Metals Ltd will ship cobalt to Oslo. Jane Roe met Nordbank on 3 May."
SURFACES = [("Marlin Metals Ltd", "ORG"), ("Marlin Metals", "ORG"), ("cobalt", None), ("Oslo", "GPE")]


def span_of(text: str, words: str, label: str) -> tuple[int, int, str]:
    start = text.index(words)
    return start, start + len(words), label


def test_surfaces_project_longest_first_without_overlap_and_capitals_match_case_blind() -> None:
    hits = trainer.surface_hits(TEXT, SURFACES)
    assert [TEXT[start:end] for start, end, _ in hits] == ["MARLIN METALS", "Marlin Metals Ltd", "cobalt", "Oslo"]
    assert [label for _, _, label in hits] == ["ORG", "ORG", "O", "GPE"], "a commodity is O for the model"


def test_a_lower_case_occurrence_or_a_word_part_is_no_hit() -> None:
    text = "The oslo ferry left; Oslonia is a word we made up."
    assert trainer.surface_hits(text, [("Oslo", "GPE")]) == []


def test_reference_keeps_gold_and_pseudo_labels_and_turns_unlisted_names_to_o() -> None:
    nlp = spacy.blank("en")
    model = [span_of(TEXT, "MARLIN METALS", "ORG"), span_of(TEXT, "Jane Roe", "PERSON"),
             span_of(TEXT, "Nordbank", "GPE"), span_of(TEXT, "3 May", "DATE"), span_of(TEXT, "cobalt", "PRODUCT")]
    hits = trainer.surface_hits(TEXT, SURFACES + [("Jane Roe", "PERSON"), ("Nordbank", "ORG")])
    example = trainer.reference_doc(nlp, (TEXT, model, hits))
    found = {(ent.text, ent.label_) for ent in example.reference.ents}
    assert found == {("MARLIN METALS", "ORG"), ("Marlin Metals Ltd", "ORG"), ("Oslo", "GPE"), ("Jane Roe", "PERSON"),
                     ("Nordbank", "ORG"), ("3 May", "DATE")}
    unlisted = trainer.reference_doc(nlp, (TEXT, model, trainer.surface_hits(TEXT, SURFACES)))
    assert "Jane Roe" not in {ent.text for ent in unlisted.reference.ents}, "a PERSON the gold does not list is O"
    assert all(token.ent_iob_ == "O" for token in unlisted.reference if token.text in {"Jane", "Roe", "cobalt"})


def test_unsure_labels_and_untouched_names_are_left_missing() -> None:
    nlp = spacy.blank("en")
    hits = trainer.surface_hits(TEXT, SURFACES)
    unsure = trainer.reference_doc(nlp, (TEXT, [], hits), unsure=frozenset({"GPE"}))
    assert [token.ent_iob_ for token in unsure.reference if token.text == "Oslo"] == [""]
    pruned = trainer.reference_doc(nlp, (TEXT, [span_of(TEXT, "Oslo", "GPE")], hits), prune=True)
    iob = {token.text: token.ent_iob_ for token in pruned.reference}
    assert iob["Oslo"] == "B" and iob["Ltd"] == "", "a gold name the model never touched gives no gradient"


def test_removal_target_drops_only_unconfirmed_names_of_the_removed_labels() -> None:
    nlp = spacy.blank("en")
    model = [span_of(TEXT, "MARLIN METALS", "ORG"), span_of(TEXT, "Jane Roe", "PERSON"),
             span_of(TEXT, "Nordbank", "ORG"), span_of(TEXT, "Oslo", "GPE")]
    hits = trainer.surface_hits(TEXT, SURFACES)
    example = trainer.reference_doc(nlp, (TEXT, model, hits), remove=frozenset({"ORG", "PERSON"}))
    assert {ent.text for ent in example.reference.ents} == {"MARLIN METALS", "Oslo"}


def test_folds_hold_every_article_out_once_and_repeat_with_the_seed() -> None:
    articles = [trainer.DevArticle(f"rn{number:02d}", None, []) for number in range(1, 12)]
    folds = trainer.folds_of(articles, 4, 7)
    assert sorted(doc_id for fold in folds for doc_id in fold) == sorted(article.doc_id for article in articles)
    assert folds == trainer.folds_of(articles, 4, 7)
    assert folds != trainer.folds_of(articles, 4, 8)
