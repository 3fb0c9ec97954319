"""Archive-level records (``orewire consolidate``, SPEC §8) load into their own tables, upserted by id."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.db import load_files, open_backend
from pipeline.schema.archive import ArticleGroupRecord, GroupMember


@pytest.fixture(scope="module")
def archive_file(seed_facts: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "archive.jsonl"
    command = [sys.executable, "-m", "pipeline", "consolidate", str(seed_facts), "-o", str(out), "-q"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    group = ArticleGroupRecord(
        id="group:wire-2026-001", canonical_doc_id="wire-2026-001", title="A wire item", n_articles=2, n_sources=1,
        members=[
            GroupMember(doc_id="wire-2026-001", source="wire", published="2026-02-03T09:15", similarity=1.0, exact=True),
            GroupMember(doc_id="copy-of-001", source="wire", published="2026-02-04", similarity=0.93, exact=False),
        ],
    )
    with open(out, "a", encoding="utf-8") as handle:
        handle.write(group.model_dump_json() + "\n")
    return out


def test_archive_records_load_and_reload_unchanged(db_target: str, seed_facts: Path, archive_file: Path) -> None:
    lines = sum(1 for line in archive_file.read_text(encoding="utf-8").splitlines() if line.strip())
    first = load_files([str(seed_facts), str(archive_file)], target=db_target)
    assert first.ok, first.invalid[:3]
    archive_rows = sum(first.totals[name] for name in ("article_groups", "entity_keys", "event_clusters"))
    assert archive_rows == lines
    assert first.totals["article_group_members"] == 2
    again = load_files([str(archive_file), str(seed_facts)], target=db_target)
    assert again.totals == first.totals
    with open_backend(db_target) as backend:
        members = backend.execute("SELECT doc_id, similarity, exact FROM article_group_members ORDER BY member_index")
        assert members == [("wire-2026-001", 1.0, True), ("copy-of-001", 0.93, False)]
        # A cluster's member events join back to the events table through the id array.
        joined = backend.execute(
            "SELECT count(*) FROM (SELECT c.id, unnest(c.event_ids) AS event_id FROM event_clusters c) m"
            " JOIN events e ON e.id = m.event_id"
        )
        assert joined[0][0] == backend.execute("SELECT count(*) FROM events")[0][0]


def test_the_months_distinct_events_query_of_the_docs(db_target: str, seed_facts: Path, archive_file: Path) -> None:
    from test_db_sql_docs import doc_queries

    assert load_files([str(seed_facts), str(archive_file)], target=db_target).ok
    with open_backend(db_target) as backend:
        rows = backend.execute(doc_queries()["month_distinct_events"])
        expected = backend.execute(
            "SELECT count(*) FROM event_clusters WHERE first_reported >= DATE '2026-01-01' AND first_reported < DATE '2026-02-01'")
    assert rows and len(rows) == expected[0][0]
    assert all(str(row[2]).startswith("2026-01") for row in rows)
    assert [row[4] for row in rows] == sorted((row[4] for row in rows), reverse=True)
