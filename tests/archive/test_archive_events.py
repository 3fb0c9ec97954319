"""Event clustering decisions on small hand-made record lists."""

from __future__ import annotations

from archive_facts import day, document, entity, event, money

from pipeline.archive.events import EventClusterer
from pipeline.archive.members import MemberStore
from pipeline.archive.signature import Settings, summarise
from pipeline.schema.archive import parse_archive_record


def cluster(docs):
    settings = Settings()
    with MemberStore() as store:
        clusterer = EventClusterer(store, settings)
        for number, doc in enumerate(docs):
            clusterer.add(summarise(doc, settings), number)
        return [parse_archive_record(data) for data in clusterer.records()]


def ban(doc_id: str, published: str, *, metal: str = "gallium", symbol: str = "Ga", when: str | None = None,
        agent: str = "China", source: str = "Wire"):
    agent_record = entity(doc_id, 0, agent, "GPE", kb_id={"China": "CN", "Indonesia": "ID"}[agent])
    commodity = entity(doc_id, 40, metal, "COMMODITY", elements=[symbol])
    records = [agent_record, commodity]
    arguments = [("agent", agent_record), ("commodity", commodity)]
    if when:
        date = day(doc_id, 60, "on " + when, when)
        records.append(date)
        arguments.append(("date", date))
    records.append(event(doc_id, "export_restriction", f"{agent} bans {metal} exports.", arguments))
    return document(doc_id, published, title=f"{agent} bans {metal}", source=source, records=records)


def deal(doc_id: str, published: str, buyer: str, amount: float, *, seller: str = "Norden Rare Earths Ltd",
         swap: bool = False, source: str = "Wire"):
    seller_record = entity(doc_id, 0, seller)
    buyer_record = entity(doc_id, 30, buyer)
    cash = money(doc_id, 60, f"US${amount / 1e6:g} million", amount)
    agent, counterparty = (buyer_record, seller_record) if swap else (seller_record, buyer_record)
    records = [seller_record, buyer_record, cash,
               event(doc_id, "supply_agreement", f"{seller} agreed to supply {buyer}.",
                     [("agent", agent), ("counterparty", counterparty), ("amount", cash)])]
    return document(doc_id, published, title=f"{seller} deal", source=source, records=records)


def test_rewrites_from_several_outlets_form_one_cluster() -> None:
    [record] = cluster([ban("a1", "2025-03-04", when="2025-03-04", source="A"), ban("a2", "2025-03-05", source="B"),
                        ban("a3", "2025-03-05", when="2025-03-04", source="B")])
    assert record.event_type == "export_restriction" and record.agent_key == "GPE:CN"
    assert (record.n_articles, record.n_sources, record.n_groups) == (3, 2, 3)
    assert record.first_reported == "2025-03-04" and record.start_date == "2025-03-04"
    assert record.doc_ids == ["a1", "a2", "a3"]


def test_same_agent_other_commodity_or_other_country_stays_apart() -> None:
    records = cluster([ban("a1", "2025-03-04"), ban("c1", "2025-03-10", metal="antimony", symbol="Sb"),
                       ban("b1", "2025-03-05", agent="Indonesia")])
    assert len(records) == 3


def test_restated_old_event_joins_and_a_much_later_one_does_not() -> None:
    records = cluster([ban("a1", "2025-03-04", when="2025-03-04"), ban("review", "2025-04-10"), ban("later", "2025-09-01")])
    by_docs = sorted(record.doc_ids for record in records)
    assert by_docs == [["a1", "review"], ["later"]]


def test_same_company_other_deal_and_swapped_roles() -> None:
    records = cluster([
        deal("d1", "2025-04-02", "Hanse Motoren AG", 210e6),
        deal("d2", "2025-04-02", "Hanse Motoren", 210e6, seller="Norden Rare Earths", swap=True),
        deal("e1", "2025-04-20", "Kaito Trading Co", 12e6),
    ])
    by_docs = sorted(record.doc_ids for record in records)
    assert by_docs == [["d1", "d2"], ["e1"]]


def test_disagreeing_amounts_split_and_are_never_merged() -> None:
    records = cluster([deal("d1", "2025-04-02", "Hanse Motoren", 210e6), deal("d9", "2025-04-03", "Hanse Motoren", 450e6)])
    assert len(records) == 2


def test_disputed_values_list_alternatives_with_counts() -> None:
    first = ban("a1", "2025-03-04", when="2025-03-04")
    second = ban("a2", "2025-03-05", when="2025-03-05")
    third = ban("a3", "2025-03-05", when="2025-03-04")
    [record] = cluster([first, second, third])
    [disputed] = record.disputed
    assert disputed.role == "date"
    assert [(value.key, value.n_articles) for value in disputed.alternatives] == [
        ("2025-03-04/2025-03-04", 2), ("2025-03-05/2025-03-05", 1)]
    assert {value.key for value in record.agreed} == {"GPE:CN", "COMMODITY:ga"}


def test_clusters_past_the_horizon_are_final_and_leave_memory() -> None:
    settings = Settings(horizon_days=60)
    docs = [ban("a1", "2025-01-10", when="2025-01-10"), ban("a2", "2025-01-11"), ban("late", "2025-06-01")]
    with MemberStore() as store:
        clusterer = EventClusterer(store, settings)
        for number, doc in enumerate(docs):
            clusterer.add(summarise(doc, settings), number)
        assert len(clusterer.clusters) == 1  # the January cluster was written out when June arrived
        records = list(clusterer.records())
    assert sorted(record["doc_ids"] for record in records) == [["a1", "a2"], ["late"]]
    assert records == sorted(records, key=lambda record: record["id"])
