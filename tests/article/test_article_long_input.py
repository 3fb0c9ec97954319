"""The extractor on long and pathological input: pieces, whitespace-free runs, time budget, memory."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline import Article
from pipeline.article.extractor import MAX_RUN_CHARS, split_into_pieces

# not imported from conftest: a nested conftest.py (tests/db) takes that module name
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

SPAN_TYPES = ("entity", "quantity", "date")


def assert_offsets_exact(text: str, records: list[dict]) -> None:
    spans = [record for record in records if record["type"] in SPAN_TYPES]
    assert spans
    for record in spans:
        assert text[record["start"] : record["end"]] == record["text"], record["id"]


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
    # three different reports: a line repeated word for word would be page furniture after its first copy
    news = [f"Pr-Nd oxide prices rose 2% to {low},000-{low + 4},000 yuan/mt in Shanghai on Friday, traders said.\n\n"
             for low in (425, 429, 433)]
    gap = ("\n" + " " * 99) * 10_000
    text = seed + "\n\n" + gap + news[0] + gap + news[1] + gap + news[2]
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


def test_memory_zone_keeps_the_string_store_bounded_and_output_stable(extractor, monkeypatch):
    monkeypatch.setattr(extractor, "vocab_keep", 0)  # the cap reached: every chunk runs in a memory zone
    article = Article(doc_id="zone", text=(SEEDS / "005_canada_graphite_financing.txt").read_text(encoding="utf-8"))
    first = next(extractor.extract_many([article])).records
    strings_before = len(extractor.nlp.vocab.strings)
    novel = " ".join(f"Zqx{n}word" for n in range(400))
    list(extractor.extract_many([Article(doc_id="novel", text=f"Novel words: {novel}.")]))
    assert len(extractor.nlp.vocab.strings) - strings_before < 40
    assert next(extractor.extract_many([article])).records == first


def test_below_the_vocab_cap_words_are_kept_above_it_freed(extractor, monkeypatch):
    novel = " ".join(f"Kept{n}word" for n in range(50))
    monkeypatch.setattr(extractor, "vocab_keep", len(extractor.nlp.vocab) + 10_000)
    list(extractor.extract_many([Article(doc_id="kept", text=f"Novel words: {novel}.")]))
    assert "Kept7word" in extractor.nlp.vocab.strings
    monkeypatch.setattr(extractor, "vocab_keep", 0)
    list(extractor.extract_many([Article(doc_id="freed", text="Freed words: Gone1word and Gone2word.")]))
    assert "Gone1word" not in extractor.nlp.vocab.strings




def test_long_block_is_processed_in_pieces_with_exact_offsets(extractor, monkeypatch) -> None:
    monkeypatch.setattr(extractor, "max_piece_chars", 200)
    monkeypatch.setattr(extractor, "batch_chars", 800)
    sentence = "On December 11, Vietnam banned exports of rare earth ore. "
    text = sentence * 12
    records = extractor.extract(text, doc_id="long")
    document = records[0]
    assert any("pieces" in warning for warning in document.warnings)
    spans = [r for r in records if r.type in ("entity", "quantity", "date")]
    assert spans
    for record in spans:
        assert text[record.start : record.end] == record.text
    assert sum(1 for r in spans if r.type == "date" and r.text == "December 11") == 12
