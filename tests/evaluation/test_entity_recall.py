"""Gold entities missed on the read dev half, by reason (benchmarks/entity_recall.py), on records and sentences of
our own."""

from __future__ import annotations

from typing import Any

from support import load_script

from pipeline.evaluation.facts import GoldEntity

recall = load_script("entity_recall")

TITLE = "Brenna Works restarts\n"
TEXT = TITLE + "Halden Metals Ltd will ship ore from Kessa to the Tarn refinery, the Halden board said."


def entity(label: str, text: str) -> dict[str, Any]:
    start = TEXT.index(text)
    return {"type": "entity", "id": f"d#{start}:{label}", "label": label, "normalized": text, "text": text,
            "start": start, "end": start + len(text), "sentence": 0, "zone": "body", "kb_id": None}


DOCUMENT = {"type": "document", "id": "d", "sections": [
    {"title": None, "start": 0, "end": len(TITLE), "zone": "title"},
    {"title": None, "start": len(TITLE), "end": len(TEXT), "zone": "body"}]}


def gold(label: str, name: str, *aliases: str) -> GoldEntity:
    return GoldEntity(kind="entity", label=label, name=name, aliases=list(aliases))


def test_missed_follows_the_label_strict_matching() -> None:
    facts = [gold("ORG", "Halden Metals Ltd", "Halden"), gold("GPE", "Kessa")]
    records = [DOCUMENT, entity("ORG", "Halden Metals Ltd"), entity("LOC", "Kessa")]
    assert [fact.name for fact in recall.missed(facts, records)] == ["Kessa"]


def test_each_reason_is_told_by_its_cheap_check() -> None:
    records = [DOCUMENT, entity("LOC", "Kessa"), entity("ORG", "Halden"), entity("FACILITY", "Tarn refinery")]
    assert recall.reason(gold("GPE", "Kessa"), records, TEXT) == "other_label"
    assert recall.reason(gold("ORG", "Halden Metals Ltd"), records, TEXT) == "shorter_span"
    assert recall.reason(gold("FACILITY", "Tarn"), records, TEXT) == "longer_span"
    assert recall.reason(gold("FACILITY", "Brenna Works"), records, TEXT) == "outside_body"
    assert recall.reason(gold("ORG", "Oskar Mining"), records, TEXT) == "not_in_text"
    assert recall.reason(gold("COMMODITY", "ore"), records, TEXT) == "not_found"
    assert recall.reason(gold("ORG", "Halden"), records, TEXT) == "taken", "its group went to another gold entity"


def test_tally_counts_missed_entities_and_their_articles() -> None:
    facts = [gold("GPE", "Kessa"), gold("COMMODITY", "ore")]
    output = [("d1", TEXT, [DOCUMENT, entity("LOC", "Kessa")], {}), ("d2", TEXT, [DOCUMENT], {})]
    found = recall.tally(output, lambda doc_id: facts)
    assert found["GPE"]["other_label"] == {"missed": 1, "articles": 1}
    assert found["GPE"]["not_found"] == {"missed": 1, "articles": 1}
    assert found["COMMODITY"]["not_found"] == {"missed": 2, "articles": 2}
