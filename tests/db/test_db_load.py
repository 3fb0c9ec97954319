"""``orewire load`` on DuckDB and a real PostgreSQL server: the same checks on both backends."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.db import load_files, open_backend
from pipeline.db.layout import TABLE_NAMES, TABLES
from pipeline.schema import records as models


def query(target: str, sql: str) -> list[tuple[Any, ...]]:
    with open_backend(target) as backend:
        return backend.execute(sql)


def snapshot(target: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted, JSON-able values compared as text."""
    with open_backend(target) as backend:
        return {
            table.name: sorted(tuple(repr(value) for value in row) for row in backend.execute(f"SELECT * FROM {table.name}"))
            for table in TABLES
        }


def read_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_records(path: Path, records: list[dict[str, Any]], *, extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(record) for record in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def seed_doc_id(records: list[dict[str, Any]], name: str) -> str:
    """The doc_id a seed file got (its name, or a path ending in it, depending on the id policy)."""
    return next(r["doc_id"] for r in records if r["type"] == "document" and r["doc_id"].endswith(name))


def error_line(doc_id: str, *, stage: str = "read", version: str = models.SCHEMA_VERSION) -> dict[str, Any]:
    return {"schema_version": version, "type": "error", "id": f"{doc_id}#error:{stage}", "doc_id": doc_id,
            "source": doc_id, "stage": stage, "error": "E003", "message": "article text is empty or only whitespace"}


def test_load_creates_every_table_with_typed_columns(db_target: str, seed_facts: Path) -> None:
    summary = load_files([str(seed_facts)], target=db_target)
    assert summary.ok and summary.documents == 14
    records = read_records(seed_facts)
    expected = {name: sum(1 for r in records if r["type"] == kind)
                for name, kind in (("documents", "document"), ("entities", "entity"), ("quantities", "quantity"),
                                   ("dates", "date"), ("events", "event"))}
    assert {name: summary.totals[name] for name in expected} == expected
    assert set(summary.totals) == set(TABLE_NAMES)
    assert summary.totals["event_arguments"] == sum(len(r["arguments"]) for r in records if r["type"] == "event")
    # Numeric comparison works on the numeric column (the JSON has ints and floats in one field).
    big = query(db_target, "SELECT count(*) FROM quantities WHERE value > 1000")[0][0]
    assert big == sum(1 for r in records if r["type"] == "quantity" and r["value"] is not None and r["value"] > 1000) > 0
    germanium = query(db_target, "SELECT value FROM quantities WHERE unit = 'USD/t' AND value BETWEEN 3399999 AND 3400001")
    assert germanium == [(3400000.0,)]
    day = query(db_target, "SELECT min(start_date), max(end_date) FROM dates WHERE start_date >= DATE '2025-01-01'")[0]
    assert isinstance(day[0], date) and day[0] <= day[1]
    published = query(db_target, "SELECT published_date FROM documents WHERE doc_id = 'wire-2026-001'")
    assert published == [(date(2026, 2, 3),)]
    elements = query(db_target, "SELECT commodity_elements FROM entities WHERE commodity_name = 'dysprosium oxide' LIMIT 1")
    assert list(elements[0][0]) == ["Dy"]
    timex = {row[0] for row in query(db_target, "SELECT timex FROM dates")}
    assert "2025-12-11" in timex


def test_loading_twice_leaves_the_same_rows(db_target: str, seed_facts: Path) -> None:
    first = load_files([str(seed_facts)], target=db_target)
    before = snapshot(db_target)
    second = load_files([str(seed_facts), str(seed_facts)], target=db_target)
    assert second.totals == first.totals
    assert snapshot(db_target) == before


def test_reextracted_document_replaces_all_its_facts(db_target: str, seed_facts: Path, tmp_path: Path) -> None:
    load_files([str(seed_facts)], target=db_target)
    records = read_records(seed_facts)
    doc_id = seed_doc_id(records, "005_canada_graphite_financing.txt")
    others_before = query(db_target, f"SELECT count(*) FROM entities WHERE doc_id <> '{doc_id}'")
    mine = [r for r in records if r["doc_id"] == doc_id]
    kept_entities = [r for r in mine if r["type"] == "entity"][:3]
    rerun = [mine[0], *kept_entities, next(r for r in mine if r["type"] == "date")]
    load_files([str(write_records(tmp_path / "rerun.jsonl", rerun))], target=db_target)
    for table, count in (("entities", 3), ("quantities", 0), ("dates", 1), ("events", 0),
                         ("event_arguments", 0), ("event_mentions", 0), ("documents", 1)):
        assert query(db_target, f"SELECT count(*) FROM {table} WHERE doc_id = '{doc_id}'")[0][0] == count, table
    assert query(db_target, f"SELECT count(*) FROM entities WHERE doc_id <> '{doc_id}'") == others_before
    ids = {row[0] for row in query(db_target, f"SELECT id FROM entities WHERE doc_id = '{doc_id}'")}
    assert ids == {r["id"] for r in kept_entities}


def test_invalid_lines_are_reported_and_skipped(db_target: str, seed_facts: Path, tmp_path: Path) -> None:
    records = read_records(seed_facts)
    doc = [r for r in records if r["doc_id"] == "wire-2026-001"]
    quantity = next(r for r in doc if r["type"] == "quantity")
    date_record = next(r for r in doc if r["type"] == "date")
    bad_value = {**quantity, "id": quantity["id"] + "x", "value": "lots"}
    bad_day = {**date_record, "id": date_record["id"] + "x", "start_date": "2025-02-30"}
    path = write_records(tmp_path / "mixed.jsonl", doc, extra_lines=("{not json", json.dumps(bad_value), "[1, 2]",
                                                                    json.dumps(bad_day)))
    summary = load_files([str(path)], target=db_target)
    first_bad = len(doc) + 1
    assert [(item.line, item.path) for item in summary.invalid] == [(n, str(path)) for n in range(first_bad, first_bad + 4)]
    assert "not JSON" in summary.invalid[0].message and "value" in summary.invalid[1].message
    assert "2025-02-30" in str(summary.invalid[3]) or "day is out of range" in str(summary.invalid[3])
    assert str(summary.invalid[0]).startswith(f"{path}:{first_bad}: ")
    assert summary.totals["documents"] == 1
    assert summary.totals["quantities"] == sum(1 for r in doc if r["type"] == "quantity")


def test_error_records_land_in_errors_and_a_loaded_document_clears_them(
    db_target: str, seed_facts: Path, tmp_path: Path
) -> None:
    errors = write_records(tmp_path / "facts.errors.jsonl", [error_line("wire-2026-002"), error_line("gone.txt")])
    summary = load_files([str(errors)], target=db_target)
    assert summary.ok and summary.totals["errors"] == 2
    rows = query(db_target, "SELECT doc_id, error, stage, message FROM errors ORDER BY doc_id")
    assert rows[0] == ("gone.txt", "E003", "read", "article text is empty or only whitespace")
    load_files([str(errors)], target=db_target)
    assert query(db_target, "SELECT count(*) FROM errors") == [(2,)]
    load_files([str(seed_facts)], target=db_target)
    assert query(db_target, "SELECT doc_id FROM errors") == [("gone.txt",)]


def test_schema_1_and_2_date_lines_both_fill_timex(db_target: str, seed_facts: Path, tmp_path: Path) -> None:
    records = read_records(seed_facts)
    doc_id = seed_doc_id(records, "001_weekly_review_asia_americas.txt")
    records = [r for r in records if r["doc_id"] == doc_id]
    document, dated = records[0], next(r for r in records if r["type"] == "date" and r["start"] > 400)
    field = "timex" if "timex" in dated else "value"
    old = {**{k: v for k, v in dated.items() if k != field}, "schema_version": "1.0", "value": dated[field]}
    new = {**{k: v for k, v in dated.items() if k != field}, "schema_version": "2.0", "timex": dated[field]}
    old_doc, new_doc = ({**document, "schema_version": version} for version in ("1.0", "2.0"))
    summary = load_files([str(write_records(tmp_path / "v1.jsonl", [old_doc, old]))], target=db_target)
    assert summary.ok, summary.invalid
    assert query(db_target, "SELECT timex, schema_version FROM dates") == [(dated[field], "1.0")]
    summary = load_files([str(write_records(tmp_path / "v2.jsonl", [new_doc, new]))], target=db_target)
    assert summary.ok, summary.invalid
    assert query(db_target, "SELECT timex, schema_version FROM dates") == [(dated[field], "2.0")]


def test_column_names_need_no_quoting(db_target: str) -> None:
    with open_backend(db_target) as backend:
        if backend.name == "duckdb":
            reserved = {row[0] for row in backend.execute(
                "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category IN ('reserved', 'type_function')")}
        else:
            reserved = {row[0] for row in backend.execute("SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T')")}
    names = {table.name for table in TABLES} | {column.name for table in TABLES for column in table.columns}
    assert not names & reserved
    assert all(name.isidentifier() and name == name.lower() for name in names)
