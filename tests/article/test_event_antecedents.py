"""Antecedents of "the company" (``pipeline/article/event_antecedents.py``), on records and sentences of our own."""

from __future__ import annotations

from support import event_record
from support import policy_entity as entity

from pipeline import Article
from pipeline.article.event_antecedents import recent_entity
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader

LABELS = frozenset({"ORG"})
ACTORS = load_event_cues(ResourceReader()).role_labels.antecedent_labels


def _records():
    kestrel, marlin, norvik = (entity(0, "Kestrel Mining", sentence=0), entity(80, "Marlin Metals", sentence=1),
                               entity(160, "Norvik Cobalt", sentence=2))
    older = event_record(20, "production_output", ("agent", "Kestrel Mining", kestrel.id), sentence=0)
    deal = event_record(150, "cooperation_agreement", ("agent", "the company", None),
                        ("counterparty", "Norvik Cobalt", norvik.id), sentence=2)
    # a body sentence as evidence (a short label line would count as a headline)
    return ([kestrel, marlin, norvik], older.model_copy(update={"evidence": "Kestrel Mining produced 40,000 t."}),
            deal.model_copy(update={"evidence": "The company signed a deal with Norvik Cobalt."}))


def test_the_company_is_the_first_actor_of_the_sentence_before_not_an_older_events_actor():
    entities, older, deal = _records()
    assert recent_entity(deal, [older, deal], LABELS, entities, actor_labels=ACTORS).text == "Marlin Metals"
    assert recent_entity(deal, [older, deal], LABELS, entities, actor_labels=frozenset({"GPE"})) is None  # no actor label


def test_an_event_in_the_sentence_before_still_names_the_company():
    entities, older, deal = _records()
    near = older.model_copy(update={"sentence": 1})
    assert recent_entity(deal, [near, deal], LABELS, entities, actor_labels=ACTORS).text == "Kestrel Mining"


def test_with_no_event_before_the_sentence_before_still_wins_over_the_last_name():
    entities, _, deal = _records()
    later = entity(120, "Sorvik Trading", sentence=1)  # named after Marlin in the same sentence
    assert recent_entity(deal, [deal], LABELS, [*entities, later], actor_labels=ACTORS).text == "Marlin Metals"


def test_the_article_gives_the_deal_to_the_company_of_the_sentence_before(extractor):
    text = ("Kestrel Mining produced 40,000 tonnes of lithium in 2023. Marlin Metals has long sought a steady supply "
            "of battery materials. The company signed a deal with Norvik Cobalt in March to jointly develop cathode "
            "materials.")
    (extraction,) = extractor.extract_many([Article(doc_id="ante1", text=text, published="2025-06-01")])
    agents = {(r.event_type, a.text) for r in extraction.records if r.type == "event"
              for a in r.arguments if a.role == "agent"}
    assert ("cooperation_agreement", "Marlin Metals") in agents
