"""The local engine: in-process and on a process pool, input order kept, identical bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import Article
from pipeline.engines.base import ExtractorOptions, chunked, skip_done
from pipeline.engines.local import run_local
from pipeline.errors import UsageError
from pipeline.io.reader import read_articles

# not imported from conftest: a nested conftest.py (tests/db) takes that module name
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT / "seeds"

BAD = FIXTURES / "bad"
SPAN_TYPES = ("entity", "quantity", "date")
# strict like the session extractor: a stage failure in a worker fails the test
OPTIONS = ExtractorOptions(reference_date="2026-01-15", strict=True)


def mixed_items() -> list:
    """A few seeds plus bad input: a realistic mix of articles and error items."""
    seeds = sorted(SEEDS.glob("00[3-6]*.txt"))
    return list(read_articles([*map(str, seeds), str(BAD / "bad_lines.jsonl"), str(BAD / "empty.txt")], id_root=BAD.parent.parent))


def records_of(result) -> list[dict]:
    return [json.loads(line) for line in result.lines.decode("utf-8").splitlines()]


@pytest.fixture(scope="module")
def local_results(extractor):
    return list(run_local(mixed_items(), OPTIONS, workers=1, extractor=extractor))


def test_local_engine_keeps_input_order_and_reports_every_item(local_results):
    ids = [result.doc_id for result in local_results]
    assert ids == [item.doc_id for item in mixed_items()]
    failed = {result.doc_id: json.loads(result.error_line)["error"] for result in local_results if not result.ok}
    assert failed == {
        "fixtures/bad/bad_lines.jsonl:2": "E004", "fixtures/bad/bad_lines.jsonl:3": "E004",
        "no-text": "E005", "text-number": "E006",
        "text-null": "E006", "text-list": "E006", "bad-url": "E008", "ok-1": "E007", "empty-text": "E003",
        "fixtures/bad/empty.txt": "E003",
    }
    document = records_of(local_results[0])[0]
    assert (document["type"], document["doc_id"]) == ("document", "seeds/003_price_report_prnd.txt")


def test_two_worker_processes_give_identical_bytes(local_results):
    pooled = list(run_local(mixed_items(), OPTIONS, workers=2, chunk_size=3))
    assert pooled == local_results


def test_pathological_strings_give_records_or_nothing_but_never_crash(extractor):
    items = list(read_articles([str(BAD / "pathological.jsonl")], id_root=BAD))
    texts = {item.doc_id: item.text for item in items}
    results = list(run_local(items, OPTIONS, workers=1, extractor=extractor))
    assert [result.doc_id for result in results if not result.ok] == []
    for result in results:
        assert_offsets_or_empty(texts[result.doc_id], records_of(result))


def assert_offsets_or_empty(text: str, records: list[dict]) -> None:
    for record in records:
        if record["type"] in SPAN_TYPES:
            assert text[record["start"] : record["end"]] == record["text"]
        if record["type"] == "quantity" and record["value"] is not None:
            assert abs(record["value"]) < float("inf")


def test_skip_done_checks_the_input_did_not_change():
    items = [Article(doc_id=f"a{n}", text="x") for n in range(5)]
    assert [item.doc_id for item in skip_done(items, 2, "a1")] == ["a2", "a3", "a4"]
    with pytest.raises(UsageError):
        skip_done(items, 2, "a0")
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]
