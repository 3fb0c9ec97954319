"""A nationality word taken into the front of a body's name (``pipeline.article.country_prefixes``): the name is the
rest when the article also writes the rest alone or the rest is a body the organisation table knows; names that
open with a nationality and are never written without it, and bodies the table knows whole, stay. Sentences
invented for these tests."""

from __future__ import annotations

import pytest
from support import entity_record, event_record

from pipeline import Article, Extractor
from pipeline.article.country_prefixes import prefix_and_rest, renamed_arguments, without_country_prefixes
from pipeline.resources.entities import GazetteerEntry


@pytest.fixture(scope="module")
def table(extractor: Extractor) -> dict[str, GazetteerEntry]:
    """The gazetteer the extractor's entity stage loaded, which it hands to the article stage."""
    return extractor.gazetteer


def _facts(extractor: Extractor, text: str) -> list[dict]:
    (extraction,) = list(extractor.extract_many([Article(doc_id="t", text=text)]))
    return [record.model_dump(mode="json") for record in extraction.records]


def test_a_nationality_before_a_company_the_article_writes_bare_is_dropped(extractor: Extractor) -> None:
    text = ("Halden Graphite is a venture between Australian Kestrel Mining and the government of Tanzania. "
            "Kestrel Mining owns 80% of the venture and invested $20 million in it last year.")
    facts = _facts(extractor, text)
    orgs = [fact["text"] for fact in facts if fact["type"] == "entity" and fact["label"] == "ORG"]
    assert "Australian Kestrel Mining" not in orgs
    assert orgs.count("Kestrel Mining") == 2
    agents = [arg["text"] for fact in facts if fact["type"] == "event" for arg in fact["arguments"]
              if arg["role"] == "agent"]
    assert "Australian Kestrel Mining" not in agents


def test_a_nationality_before_a_known_body_is_dropped(extractor: Extractor) -> None:
    text = "On Monday the Laotian National Assembly approved a law that bans exports of raw bauxite from next year."
    facts = _facts(extractor, text)
    assert [fact["text"] for fact in facts if fact["type"] == "entity" and fact["label"] == "ORG"] == [
        "National Assembly"]
    assert {arg["text"] for fact in facts if fact["type"] == "event" for arg in fact["arguments"]
            if arg["role"] == "agent"} == {"National Assembly"}


def test_a_name_never_written_without_its_nationality_stays(table: dict[str, GazetteerEntry]) -> None:
    records = [entity_record("Indian Rare Earths", 0), entity_record("Kestrel Mining", 40)]
    assert without_country_prefixes(records, table) == (records, {})


def test_a_body_known_whole_and_a_lone_head_stay(table: dict[str, GazetteerEntry]) -> None:
    whole = entity_record("European Commission", 4)
    head = entity_record("Commission", 60)
    assert without_country_prefixes([whole, head], table) == ([whole, head], {})


def test_the_prefix_is_a_nationality_and_the_rest_no_place(table: dict[str, GazetteerEntry]) -> None:
    assert prefix_and_rest("South Korean Halden Steel", table) == ("South Korean", "Halden Steel")
    assert prefix_and_rest("Brazilian Minas Gerais", table) is None  # the rest is a place, no body
    assert prefix_and_rest("Halden Australian Mining", table) is None


def test_event_arguments_follow_the_renamed_record(table: dict[str, GazetteerEntry]) -> None:
    old = entity_record("Vietnamese National Assembly", 10)
    entities, renamed = without_country_prefixes([old], table)
    (new,) = entities
    assert (new.text, new.start, new.id) == ("National Assembly", 21, "d#entity:21-38")
    event = event_record(0, "regulation", ("agent", old.text, old.id))
    (moved,) = renamed_arguments([event], renamed)
    assert (moved.arguments[0].text, moved.arguments[0].ref) == ("National Assembly", new.id)
