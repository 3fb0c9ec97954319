"""The sentence-level event classifier measured by benchmarks/train_sentence_events.py, on sentences of our own."""

from __future__ import annotations

import numpy as np

from benchmarks.train_sentence_events import (
    NUMBER,
    auc,
    best_f1_threshold,
    fit,
    folds,
    hashed,
    precision_threshold,
    predict,
    sentence_features,
    sentence_labels,
    tokens,
)


def test_numbers_are_folded_and_words_lower_cased():
    assert tokens("Marlin Metals sold 12,500 t in 2031!") == [
        "marlin", "metals", "sold", NUMBER, "t", "in", NUMBER, "!"]


def test_a_sentence_takes_the_types_of_the_links_that_overlap_it():
    spans = [(0, 40), (41, 80), (81, 120)]
    links = [{"event_type": "supply_agreement", "sentences": [[0, 40]]},
             {"event_type": "financing", "sentences": [[50, 70], [0, 40]]}]
    assert sentence_labels(spans, links) == [{"supply_agreement", "financing"}, {"financing"}, set()]


def test_generic_features_come_from_orewire_marks_position_and_first_line():
    features = sentence_features("Kestrel raised $40 million.", 0, 10, True, ["money", "ORG", "date"])
    assert {"m=money", "m=ORG", "pos=0", "first_line", "b=kestrel raised"} <= set(features)
    assert "m=date" not in features


def test_the_classifier_separates_sentences_it_was_trained_on():
    deals = ["Kestrel signs an offtake deal with Marlin.", "Marlin agreed a supply deal with Osprey.",
             "Osprey signs an offtake pact with Kestrel."]
    other = ["The weather was mild in the port town.", "The board met on a Tuesday.", "Shares were flat."]
    rows = [hashed(sentence_features(text, 1, 5, False, []), bits=12) for text in deals + other]
    truth = np.array([[1.0]] * 3 + [[0.0]] * 3)
    scores = predict(rows, *fit(rows, truth, bits=12, steps=100))[:, 0]
    assert scores[:3].min() > scores[3:].max()
    assert auc(scores, truth[:, 0].astype(bool)) == 1.0


def test_thresholds_keep_the_precision_asked_for_and_the_best_f1():
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    truth = np.array([True, True, False, True, False])
    assert precision_threshold(scores, truth, 0.7) == 0.6  # 3 of 4 right above 0.6
    assert precision_threshold(scores, truth, 1.0) == 0.8
    assert best_f1_threshold(scores, truth) == 0.6
    assert best_f1_threshold(scores, np.zeros(5, dtype=bool)) == float("inf")


def test_folds_keep_an_article_whole_and_are_seeded():
    groups = ["a", "a", "b", "c", "c", "d", "e"]
    first = folds(groups, 2, 7)
    assert first[0] == first[1] and first[3] == first[4]
    assert (first == folds(groups, 2, 7)).all()


def test_suggestions_skip_sentences_orewire_already_wrote_that_type_for(tmp_path, capsys):
    from benchmarks.train_sentence_events import suggest

    trained = ["Kestrel signed an offtake agreement with Marlin.", "The sky was grey over the port."]
    units = {"rows": [hashed(sentence_features(text, i, 2, False, [])) for i, text in enumerate(trained)],
             "truth": np.array([[True], [False]])}
    (tmp_path / "s1.txt").write_text(
        "Kestrel Lithium signed an offtake agreement with Marlin Metals on Monday.\nThe weather was fine in May.\n",
        encoding="utf-8")
    suggest(units, ["supply_agreement"], tmp_path, 0.0)
    lines = capsys.readouterr().out.splitlines()
    assert any("The weather was fine" in line for line in lines)
    assert not any("offtake agreement" in line for line in lines)
