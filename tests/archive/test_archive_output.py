"""Archive files: every line validates, ids are deterministic, engines and sharding agree."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from archive_facts import document, entity, event, money
from test_archive_events import ban, deal

from pipeline.archive.consolidate import consolidate
from pipeline.archive.facts import expand_fact_paths, iter_documents
from pipeline.errors import UsageError
from pipeline.schema.archive import ARCHIVE_TYPES, archive_json_schema, parse_archive_record


def write_facts(path: Path, docs) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            for record in [doc.document, *doc.entities, *doc.quantities, *doc.dates, *doc.events]:
                handle.write(json.dumps(record) + "\n")
    return path


def corpus():
    lynas = [entity(f"l{n}", 0, name) for n, name in enumerate(["Lynas", "Lynas Rare Earths", "Lynas Rare Earths Ltd"])]
    extra = [document(f"l{n}", "2025-02-0{n + 1}", title=f"Lynas note {n}", records=[record]) for n, record in enumerate(lynas)]
    cash = money("f1", 40, "US$350 million", 350e6)
    bank = entity("f1", 0, "Atlas Infrastructure Bank")
    loan = document("f1", "2025-05-12", title="Karoo loan", records=[bank, cash, event("f1", "financing", "A loan.",
                                                                                     [("agent", bank), ("amount", cash)])])
    return [ban("a1", "2025-03-04", when="2025-03-04", source="A"), ban("a1-copy", "2025-03-04", when="2025-03-04", source="B"),
            ban("a2", "2025-03-05", source="C"), deal("d1", "2025-04-02", "Hanse Motoren", 210e6), *extra, loan]


@pytest.fixture(scope="module")
def facts(tmp_path_factory) -> Path:
    return write_facts(tmp_path_factory.mktemp("facts") / "facts.jsonl", corpus())


def test_every_line_validates_against_models_and_json_schema(facts: Path, tmp_path: Path) -> None:
    output = tmp_path / "archive.jsonl"
    stats = consolidate([str(facts)], str(output))
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    schema = archive_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for line in lines:
        parse_archive_record(line)
        jsonschema.validate(line, schema)
    assert {line["type"] for line in lines} == set(ARCHIVE_TYPES)
    assert stats.documents == 8 and sum(stats.counts.values()) == len(lines)
    keys = {line["id"]: line for line in lines if line["type"] == "entity_key"}
    assert keys["ORG:lynas"]["n_docs"] == 3 and keys["ORG:lynas"]["normalized"] == "Lynas Rare Earths"
    assert [name["text"] for name in keys["ORG:lynas"]["names"]] == ["Lynas", "Lynas Rare Earths", "Lynas Rare Earths Ltd"]
    assert keys["GPE:CN"]["entity_ids"] == sorted(keys["GPE:CN"]["entity_ids"])


def test_two_runs_and_both_engines_write_identical_files(facts: Path, tmp_path: Path) -> None:
    first, second, dask = tmp_path / "1.jsonl", tmp_path / "2.jsonl", tmp_path / "dask.jsonl"
    consolidate([str(facts)], str(first))
    consolidate([str(facts)], str(second))
    shards = tmp_path / "shards"
    shards.mkdir()
    docs = corpus()
    write_facts(shards / "facts-000.jsonl", docs[:4])
    write_facts(shards / "facts-001.jsonl", docs[4:])
    consolidate([str(shards / "*.jsonl")], str(dask), engine="dask", workers=2)
    assert first.read_bytes() == second.read_bytes() == dask.read_bytes()
    ids = [json.loads(line)["id"] for line in first.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids))


def test_fact_reader_streams_documents_and_skips_errors(tmp_path: Path) -> None:
    path = write_facts(tmp_path / "f.jsonl", corpus()[:2])
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"type": "error", "id": "x", "doc_id": "x"}\nnot json\n')
    assert [doc.doc_id for doc in iter_documents([path])] == ["a1", "a1-copy"]
    with pytest.raises(UsageError):
        expand_fact_paths([str(tmp_path / "missing-*.jsonl")])
