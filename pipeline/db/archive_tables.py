"""Tables for the archive-level records of SPEC §8 (``orewire consolidate``), defined like the fact tables.

Archive records span articles, so their tables are keyed by ``id`` alone and have no ``doc_id``
(``article_group_members.doc_id`` names each member article); loading upserts them by ``id``.
"""

from __future__ import annotations

from pipeline.db.tables import Column, Table, day, double, integer, json_column, text


def _ids(name: str) -> Column:
    return Column(name, "TEXT[]", name)


ARTICLE_GROUPS = Table("article_groups", "article_group", (
    text("id"), text("schema_version"), text("canonical_doc_id"), text("title"), integer("n_articles"), integer("n_sources"),
))

ARTICLE_GROUP_MEMBERS = Table("article_group_members", "article_group", (
    text("group_id", "@parent"), integer("member_index", "@index"), text("doc_id"), text("source"), text("published"),
    double("similarity"), Column("exact", "BOOLEAN", "exact"),
), key=("group_id", "member_index"), items="members")

ENTITY_KEYS = Table("entity_keys", "entity_key", (
    text("id"), text("schema_version"), text("label"), text("normalized"), text("kb_id"), json_column("names"),
    integer("n_docs"), integer("n_mentions"), _ids("entity_ids"),
))

EVENT_CLUSTERS = Table("event_clusters", "event_cluster", (
    text("id"), text("schema_version"), text("event_type"), text("agent_key"), day("first_reported"), day("last_reported"),
    day("start_date"), day("end_date"), integer("n_articles"), integer("n_sources"), integer("n_groups"),
    _ids("doc_ids"), _ids("event_ids"), json_column("agreed"), json_column("disputed"),
))

ARCHIVE_TABLES: tuple[Table, ...] = (ARTICLE_GROUPS, ARTICLE_GROUP_MEMBERS, ENTITY_KEYS, EVENT_CLUSTERS)
