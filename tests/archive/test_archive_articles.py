"""Near-duplicate grouping with MinHash LSH: exact copies, near copies, unrelated look-alikes."""

from __future__ import annotations

from archive_facts import document, entity, event

from pipeline.archive.articles import ArticleGrouper
from pipeline.archive.members import MemberStore
from pipeline.archive.signature import Settings, shingles, summarise
from pipeline.schema.archive import parse_archive_record

BAN = ("China's commerce ministry said on Tuesday it will ban exports of gallium and germanium to the United States, "
       "effective immediately, citing national security.")
BAN_EDITED = BAN.replace("national security.", "national security grounds.")
OTHER = "Indonesia will ban exports of bauxite from March 10, the energy ministry said, to push local refining."


def story(doc_id: str, published: str, evidence: str, *, text: str, source: str = "Wire"):
    china = entity(doc_id, 0, "China", "GPE", kb_id="CN")
    gallium = entity(doc_id, 60, "gallium", "COMMODITY", elements=["Ga"])
    usa = entity(doc_id, 90, "United States", "GPE", kb_id="US")
    return document(doc_id, published, title="China bans gallium exports", text=text, source=source,
                    records=[china, gallium, usa, event(doc_id, "export_restriction", evidence, [("agent", china)])])


def group_all(docs, threshold: float = 0.8):
    settings = Settings(threshold=threshold)
    with MemberStore() as store:
        grouper = ArticleGrouper(store, threshold=threshold, num_perm=settings.num_perm)
        indexes = [grouper.add(summarise(doc, settings)) for doc in docs]
        return indexes, [parse_archive_record(data) for data in grouper.records()]


def test_exact_near_and_unrelated_documents() -> None:
    docs = [
        story("copy", "2025-03-05", BAN, text="T1", source="Coastal Times"),
        story("wire", "2025-03-04", BAN, text="T1", source="Meridian Wire"),
        story("near", "2025-03-05", BAN_EDITED, text="T2", source="Daily Ore"),
        story("other", "2025-03-06", OTHER, text="T3"),
    ]
    indexes, records = group_all(docs)
    assert indexes[0] == indexes[1] == indexes[2] != indexes[3]
    [record] = records
    assert record.canonical_doc_id == "wire"  # the earliest published, not the first read
    assert record.id == "group:wire"
    members = {member.doc_id: member for member in record.members}
    assert members["copy"].exact and members["wire"].exact and not members["near"].exact
    assert 0.8 <= members["near"].similarity < 1.0
    assert record.n_articles == 3 and record.n_sources == 3


def test_threshold_one_keeps_near_copies_apart() -> None:
    docs = [story("wire", "2025-03-04", BAN, text="T1"), story("near", "2025-03-05", BAN_EDITED, text="T2")]
    indexes, records = group_all(docs, threshold=1.0)
    assert indexes[0] != indexes[1] and records == []


def test_documents_without_facts_never_group() -> None:
    empty = [document(f"e{n}", "2025-01-01", title="", text=f"x{n}") for n in range(3)]
    assert shingles(empty[0]) == set()
    indexes, records = group_all(empty)
    assert len(set(indexes)) == 3 and records == []
