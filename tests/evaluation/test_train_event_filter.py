"""The learned event-record filter's measurement script (benchmarks/train_event_filter.py): features, the
logistic fit and the grouped folds, on records and numbers of our own."""

from __future__ import annotations

import numpy as np
from support import load_script

from pipeline.schema.records import Argument, EntityRecord, EventRecord, Mention, Trigger

trainer = load_script("train_event_filter")

EVIDENCE = "Marlin Metals signed a loan with Nordbank on Monday."


def marlin() -> EntityRecord:
    return EntityRecord(id="d#entity:0-13", doc_id="d", text="Marlin Metals", label="ORG", normalized="Marlin Metals",
                        start=0, end=13, sentence=1, section=None, zone="body", kb_id=None)


def loan(start: int, agent: str | None, evidence: str = EVIDENCE) -> EventRecord:
    arguments = [Argument(role="agent", text=agent, ref="d#entity:0-13")] if agent else []
    return EventRecord(id=f"d#event:{start}-{start + 6}:financing", doc_id="d", event_type="financing",
                       trigger=Trigger(text="loan", start=start, end=start + 4), evidence=evidence, sentence=1,
                       section=None, zone="body", arguments=arguments, modality="actual", confidence=0.5,
                       mentions=[Mention(start=start, end=start + 4)])


def test_record_features_name_only_known_features_and_tell_a_repeat_from_the_first() -> None:
    first, second = loan(23, "Marlin Metals"), loan(140, "Marlin Metals", "The loan runs to 2031.")
    by_id = {marlin().id: marlin()}
    features = trainer.record_features(first, [first, second], by_id, 400)
    repeat = trainer.record_features(second, [first, second], by_id, 400)
    assert set(features) <= set(trainer.feature_names())
    assert features["type=financing"] == 1.0 and features["agent=ORG"] == 1.0
    assert (features["first_of_type"], repeat["first_of_type"]) == (1.0, 0.0)
    assert (features["agent_inherited"], repeat["agent_inherited"]) == (0.0, 1.0), "an agent its sentence never names"
    assert repeat["same_type_agent"] > 0


def test_agentless_record_has_agent_kind_none() -> None:
    assert trainer.agent_kind(loan(23, None), {}) == "none"


def test_the_logistic_fit_ranks_by_the_feature_that_separates_and_is_deterministic() -> None:
    x = np.array([[0.0, 1.0], [0.2, 0.0], [0.8, 1.0], [1.0, 0.0], [0.1, 0.5], [0.9, 0.5]])
    y = np.array([0.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    model = trainer.fit(x, y, 1.0)
    again = trainer.fit(x, y, 1.0)
    assert np.array_equal(model[0], again[0])
    probabilities = trainer.predict(model, x)
    assert trainer.auc(probabilities, y) == 1.0
    assert abs(model[0][2]) < abs(model[0][1]), "the uninformative column weighs less"


def test_folds_hold_every_article_once_and_the_same_for_a_seed() -> None:
    folds = trainer.folds_of(11, 5, 3)
    assert sorted(i for fold in folds for i in fold) == list(range(11))
    assert folds == trainer.folds_of(11, 5, 3)
    assert max(map(len, folds)) - min(map(len, folds)) <= 1
