"""The learned agent ranker's measurement scripts (benchmarks/agent_candidates.py, benchmarks/train_agent_ranker.py):
candidates, features and labels of an event record, and the conditional-logit fit, on sentences of our own."""

from __future__ import annotations

import numpy as np
from support import load_script

from pipeline.evaluation.facts import GoldEntity, GoldEvent
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import Argument, EntityRecord, EventRecord, Mention, Trigger

ranker = load_script("train_agent_ranker")
from benchmarks import agent_candidates  # noqa: E402  (importable once the script put the root on the path)

TEXT = "Kestrel Bank agreed a loan from Kestrel Bank to Marlin Metals on Monday."
TITLE = "Marlin Metals wins funding"


def entity(text: str, start: int, sentence: int, label: str = "ORG", zone: str = "body") -> EntityRecord:
    return EntityRecord(id=f"d#entity:{start}-{start + len(text)}", doc_id="d", text=text, label=label,
                        normalized=text, start=start, end=start + len(text), sentence=sentence, section=None,
                        zone=zone, kb_id=None)  # type: ignore[arg-type]


def article_parts() -> tuple[str, list[EntityRecord], EventRecord]:
    text = f"{TITLE}\n\n{TEXT}"
    base = len(TITLE) + 2
    entities = [entity("Marlin Metals", 0, 0, zone="title"), entity("Kestrel Bank", base, 1),
                entity("Kestrel Bank", base + TEXT.index("from") + 5, 1),
                entity("Marlin Metals", base + TEXT.index("to Marlin") + 3, 1)]
    at = base + TEXT.index("loan")
    record = EventRecord(id=f"d#event:{at}-{at + 4}:financing", doc_id="d", event_type="financing",
                         trigger=Trigger(text="loan", start=at, end=at + 4), evidence=TEXT, sentence=1, section=None,
                         zone="body", arguments=[Argument(role="agent", text="Marlin Metals", ref=entities[3].id)],
                         modality="actual", confidence=0.5, mentions=[Mention(start=at, end=at + 4)])
    return text, entities, record


def test_candidates_are_no_agent_and_one_per_actor_with_the_rules_pick_marked() -> None:
    text, entities, record = article_parts()
    article = agent_candidates.Article(entities, text, load_event_cues(ResourceReader()).document)
    found = agent_candidates.candidates(record, article, frozenset({"from"}))
    assert [c.key for c in found] == ["none", "n:marlin metals", "n:kestrel bank"]
    marlin, kestrel = found[1].features, found[2].features
    assert marlin.get("picked") == 1.0 and "picked" not in kestrel
    assert marlin["place=sentence"] == 1.0 and marlin["in_title"] == 1.0
    assert kestrel["prev=from"] == 1.0, "the nearest mention of the bank follows 'from'"
    assert marlin["before"] == 0.0 and kestrel["before"] == 0.0


def test_a_candidate_is_right_when_the_gold_accepts_one_of_its_names_for_the_records_type() -> None:
    text, entities, record = article_parts()
    article = agent_candidates.Article(entities, text, load_event_cues(ResourceReader()).document)
    found = agent_candidates.candidates(record, article)
    gold = [GoldEntity(kind="entity", label="ORG", name="Kestrel Bank Ltd", aliases=["Kestrel Bank"]),
            GoldEvent(kind="event", event_type="financing", agents=["Kestrel Bank Ltd"])]
    in_gold, none_right, accepted = ranker.right_names(record, gold)
    assert in_gold and not none_right
    assert [ranker.label(c, none_right, accepted) for c in found] == [0.0, 0.0, 1.0]


def test_the_conditional_logit_prefers_the_candidate_the_separating_feature_marks_and_is_deterministic() -> None:
    groups = [np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]), np.array([[0.0, 0.0], [1.0, 1.0]]),
              np.array([[1.0, 1.0], [0.0, 0.0], [0.0, 1.0]])]
    labels = [np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0]), np.array([1.0, 0.0, 0.0])]
    model = ranker.fit_softmax(groups, labels, 0.1)
    assert np.array_equal(model[0], ranker.fit_softmax(groups, labels, 0.1)[0])
    fitted = ranker.Ranker(model, softmax=True)
    for x, y in zip(groups, labels, strict=True):
        probabilities = ranker.scores(fitted, x)
        assert abs(probabilities.sum() - 1.0) < 1e-9
        assert int(np.argmax(probabilities)) == int(np.argmax(y))
