"""Batch engines (in-process, process pool, Dask) and the extractor on long and pathological input."""

from __future__ import annotations

import json
import time

import pytest
from conftest import FIXTURES, SEEDS

from pipeline import Article
from pipeline.article.extractor import MAX_RUN_CHARS, split_into_pieces
from pipeline.engines.local import ExtractorOptions, chunked, run_dask, run_local, skip_done
from pipeline.errors import UsageError
from pipeline.io.reader import read_articles

BAD = FIXTURES / "bad"
SPAN_TYPES = ("entity", "quantity", "date")
OPTIONS = ExtractorOptions(reference_date="2026-01-15")


def mixed_items() -> list:
    """A few seeds plus bad input: a realistic mix of articles and error items."""
    seeds = sorted(SEEDS.glob("00[3-6]*.txt"))
    return list(read_articles([*map(str, seeds), str(BAD / "bad_lines.jsonl"), str(BAD / "empty.txt")]))


def records_of(result) -> list[dict]:
    return [json.loads(line) for line in result.lines.decode("utf-8").splitlines()]


def assert_offsets_exact(text: str, records: list[dict]) -> None:
    spans = [record for record in records if record["type"] in SPAN_TYPES]
    assert spans
    for record in spans:
        assert text[record["start"] : record["end"]] == record["text"], record["id"]


@pytest.fixture(scope="module")
def local_results(extractor):
    return list(run_local(mixed_items(), OPTIONS, workers=1, extractor=extractor))


def test_local_engine_keeps_input_order_and_reports_every_item(local_results):
    ids = [result.doc_id for result in local_results]
    assert ids == [item.doc_id if isinstance(item, Article) else item.doc_id for item in mixed_items()]
    failed = {result.doc_id: json.loads(result.error_line)["error"] for result in local_results if not result.ok}
    assert failed == {
        "bad_lines.jsonl:2": "E004", "bad_lines.jsonl:3": "E004", "no-text": "E005", "text-number": "E006",
        "text-null": "E006", "text-list": "E006", "bad-url": "E008", "ok-1": "E007", "empty-text": "E003",
        "empty.txt": "E003",
    }
    document = records_of(local_results[0])[0]
    assert (document["type"], document["doc_id"]) == ("document", "003_price_report_prnd.txt")


def test_two_worker_processes_give_identical_bytes(local_results):
    pooled = list(run_local(mixed_items(), OPTIONS, workers=2, chunk_size=3))
    assert pooled == local_results


@pytest.mark.slow
def test_dask_engine_on_a_local_cluster_gives_identical_bytes(local_results):
    start = time.perf_counter()
    distributed = list(run_dask(mixed_items(), OPTIONS, workers=2, partition_size=4, timeout=90))
    assert distributed == local_results
    assert time.perf_counter() - start < 240


def test_single_line_of_200000_chars_is_processed_whole_with_exact_offsets(extractor):
    sentence = "Lynas said Pr-Nd oxide rose 3% to 433,000 yuan/mt in Malaysia on 12 December 2025. "
    link = "https://news.example/" + "a" * 880 + " "
    text = ((sentence + link) * 220)[:200_000]
    assert "\n" not in text and len(text) == 200_000
    records = [record.model_dump(mode="json") for record in extractor.extract(text, doc_id="line")]
    assert any("processed in" in warning for warning in records[0]["warnings"])
    assert_offsets_exact(text, records)
    assert max(record["end"] for record in records if record["type"] == "entity") > 190_000


def test_article_of_several_megabytes_keeps_offsets(extractor):
    seed = (SEEDS / "003_price_report_prnd.txt").read_text(encoding="utf-8")
    news = "Pr-Nd oxide prices rose 2% to 433,000-437,000 yuan/mt in Shanghai on Friday, traders said.\n\n"
    gap = ("\n" + " " * 99) * 10_000
    text = seed + "\n\n" + gap + news + gap + news + gap + news
    assert len(text) > 3_000_000
    records = [record.model_dump(mode="json") for record in extractor.extract(text, doc_id="big")]
    assert records[0]["chars"] == len(text)
    assert_offsets_exact(text, records)
    tail = [record for record in records if record["type"] == "quantity" and record["start"] > 3_000_000]
    assert "433,000-437,000 yuan/mt" in {record["text"] for record in tail}


def test_whitespace_free_runs_are_cut_into_bounded_pieces():
    text = "ab " + "$" * 2_500 + " cd"
    pieces = split_into_pieces(0, len(text), text, 20_000)
    assert pieces == [(0, 3), (3, 1003), (1003, 2003), (2003, 2503), (2503, 2506)]
    assert max(end - start for start, end in pieces) <= MAX_RUN_CHARS


def test_time_budget_turns_a_pathological_article_into_an_e009_error(extractor, monkeypatch):
    monkeypatch.setattr(extractor, "time_budget", 0.5)
    article = Article(doc_id="dollars", text="Shares fell to " + "$" * 50_000 + " on Friday.")
    start = time.perf_counter()
    (extraction,) = list(extractor.extract_many([article]))
    assert time.perf_counter() - start < 30
    assert (extraction.error.error, extraction.error.stage) == ("E009", "nlp")
    assert extraction.error.message == "article exceeded the time budget of 0.5 seconds"


def test_pathological_strings_give_records_or_nothing_but_never_crash(extractor):
    items = list(read_articles([str(BAD / "pathological.jsonl")]))
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


def test_memory_zone_keeps_the_string_store_bounded_and_output_stable(extractor):
    article = Article(doc_id="zone", text=(SEEDS / "005_canada_graphite_financing.txt").read_text(encoding="utf-8"))
    first = next(extractor.extract_many([article])).records
    strings_before = len(extractor.nlp.vocab.strings)
    novel = " ".join(f"Zqx{n}word" for n in range(400))
    list(extractor.extract_many([Article(doc_id="novel", text=f"Novel words: {novel}.")]))
    assert len(extractor.nlp.vocab.strings) - strings_before < 40
    assert next(extractor.extract_many([article])).records == first


def test_skip_done_checks_the_input_did_not_change():
    items = [Article(doc_id=f"a{n}", text="x") for n in range(5)]
    assert [item.doc_id for item in skip_done(items, 2, "a1")] == ["a2", "a3", "a4"]
    with pytest.raises(UsageError):
        skip_done(items, 2, "a0")
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]
