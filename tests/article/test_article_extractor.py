"""The public API: ``Extractor.extract`` and ``Extractor.extract_many``."""

from __future__ import annotations

import pytest

from pipeline import Article, Extraction, Extractor
from pipeline.errors import ErrorCode, OrewireError
from pipeline.schema.records import DocumentRecord, ErrorRecord, parse_record

ARTICLE = (
    "Vietnam Bans Rare Earth Ore Exports\n"
    "\n"
    "Published: Dec 12, 2025 16:05\n"
    "\n"
    "On December 11, Vietnam's National Assembly banned exports of rare earth ore from January 1, 2026. "
    "Prices rose last week.\n"
    "\n"
    "Disclaimer: figures in this note were compiled by Orewire in December 2025.\n"
)
PLAIN = "On December 11, the ministry said exports of rare earth ore rose 12% to 3,500 mt.\n"


def dates_by_text(records: list) -> dict[str, object]:
    return {record.text: record for record in records if record.type == "date"}


def test_extract_returns_document_first_then_facts(extractor: Extractor) -> None:
    records = extractor.extract(ARTICLE, doc_id="vn")
    document = records[0]
    assert isinstance(document, DocumentRecord)
    assert [r.type for r in records[1:]].count("document") == 0
    assert document.id == document.doc_id == "vn"
    assert document.title == "Vietnam Bans Rare Earth Ore Exports"
    assert document.published == "2025-12-12T16:05"
    assert document.chars == len(ARTICLE)
    assert document.language == "en"
    assert document.pipeline.name == "orewire"
    assert document.pipeline.model.startswith("en_") and "==" in document.pipeline.model
    counts = {kind: sum(1 for r in records if r.type == kind) for kind in ("entity", "quantity", "date", "event")}
    assert document.counts == counts
    assert all(record.doc_id == "vn" for record in records)
    for record in records:
        assert parse_record(record.model_dump(mode="json")) == record


def test_extract_offsets_match_text(extractor: Extractor) -> None:
    records = extractor.extract(ARTICLE, doc_id="vn")
    for record in records:
        if record.type in ("entity", "quantity", "date"):
            assert ARTICLE[record.start : record.end] == record.text
        if record.type == "event":
            assert ARTICLE[record.trigger.start : record.trigger.end] == record.trigger.text


def test_extract_emits_nothing_from_boilerplate(extractor: Extractor) -> None:
    records = extractor.extract(ARTICLE, doc_id="vn")
    disclaimer = ARTICLE.index("Disclaimer")
    assert all(getattr(r, "start", 0) < disclaimer for r in records[1:] if r.type != "event")
    assert "December 2025" not in dates_by_text(records)
    assert all(record.zone != "boilerplate" for record in records[1:])


def test_published_from_dateline_is_the_reference(extractor: Extractor) -> None:
    dates = dates_by_text(extractor.extract(ARTICLE, doc_id="vn"))
    assert dates["December 11"].timex == "2025-12-11"
    assert dates["December 11"].reference == "2025-12-12"


def test_published_metadata_beats_the_dateline(extractor: Extractor) -> None:
    records = extractor.extract(ARTICLE, doc_id="vn", published="2026-02-01")
    assert records[0].published == "2026-02-01"
    dates = dates_by_text(records)
    assert dates["December 11"].reference == "2026-02-01"
    assert dates["December 11"].timex == "2025-12-11"


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2026-02-01", "2026-02-01"),
        ("2026-02-01T09:15:00", "2026-02-01T09:15"),
        ("2026-02-01T09:15:00Z", "2026-02-01T09:15Z"),  # the offset is kept (docs/records.md)
    ],
)
def test_published_metadata_keeps_its_precision(extractor: Extractor, published: str, expected: str) -> None:
    assert extractor.extract(PLAIN, doc_id="p", published=published)[0].published == expected


def test_bad_published_metadata_falls_back_to_the_dateline_with_a_warning(extractor: Extractor) -> None:
    document = extractor.extract(ARTICLE, doc_id="vn", published="not a date")[0]
    assert document.published == "2025-12-12T16:05"
    assert any(warning.startswith("E008") for warning in document.warnings)


def test_reference_date_used_when_no_published(extractor: Extractor) -> None:
    records = extractor.extract(PLAIN, doc_id="plain")
    assert records[0].published is None
    december = dates_by_text(records)["December 11"]
    assert december.reference == "2026-01-15"
    assert december.timex == "2025-12-11"
    assert december.resolution == "relative"


def test_metadata_is_copied_to_the_document(extractor: Extractor) -> None:
    document = extractor.extract(
        PLAIN, doc_id="w1", title="Given Title", url="https://example.com/a", source="wire", encoding="cp1252"
    )[0]
    assert (document.title, document.url, document.source, document.encoding) == (
        "Given Title", "https://example.com/a", "wire", "cp1252",
    )


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_empty_text_raises_e003(extractor: Extractor, text: str) -> None:
    with pytest.raises(OrewireError) as caught:
        extractor.extract(text, doc_id="empty")
    assert caught.value.code is ErrorCode.E003_EMPTY


def test_extract_is_deterministic(extractor: Extractor) -> None:
    first = [r.model_dump_json() for r in extractor.extract(ARTICLE, doc_id="vn")]
    second = [r.model_dump_json() for r in extractor.extract(ARTICLE, doc_id="vn")]
    assert first == second


def test_extract_many_streams_in_order_and_isolates_errors(extractor: Extractor) -> None:
    items = [
        Article(doc_id="a", text=ARTICLE),
        Article(doc_id="empty", text="  \n"),
        OrewireError(ErrorCode.E004_BAD_JSON, "line 3", doc_id="bad.jsonl:3", source="bad.jsonl"),
        Article(doc_id="b", text=PLAIN, published="2026-01-20"),
    ]
    results = list(extractor.extract_many(iter(items), chunk_size=2))
    assert [r.doc_id for r in results] == ["a", "empty", "bad.jsonl:3", "b"]
    assert [r.ok for r in results] == [True, False, False, True]
    assert all(isinstance(r, Extraction) for r in results)
    empty, bad = results[1].error, results[2].error
    assert isinstance(empty, ErrorRecord) and empty.error == "E003" and empty.stage == "read"
    assert isinstance(bad, ErrorRecord) and bad.error == "E004" and bad.source == "bad.jsonl"
    assert results[0].records[0].published == "2025-12-12T16:05"
    assert results[3].records[0].published == "2026-01-20"
    alone = [r.model_dump_json() for r in extractor.extract(ARTICLE, doc_id="a")]
    assert [r.model_dump_json() for r in results[0].records] == alone


def test_extract_many_is_lazy(extractor: Extractor) -> None:
    consumed: list[str] = []

    def articles():
        for index in range(5):
            consumed.append(str(index))
            yield Article(doc_id=str(index), text=PLAIN)

    stream = extractor.extract_many(articles(), chunk_size=2)
    first = next(stream)
    assert first.doc_id == "0" and first.ok
    assert len(consumed) <= 2


# ---------------------------------------------------------------- article-level hints


def _article(*paragraphs: str) -> str:
    return "\n\n".join(["Miner Reports Progress", "Published: Dec 12, 2025 16:05", *paragraphs]) + "\n"


def _by_text(records, kind: str) -> dict:
    return {record.text: record for record in records if record.type == kind}


def test_bare_dollar_takes_the_articles_single_dollar_variant(extractor):
    records = extractor.extract(_article(
        "Lynas said the Kalgoorlie plant raised A$120 million from investors.",
        "The company will spend $45 million on the expansion next year.",
    ))
    quantities = _by_text(records, "quantity")
    assert quantities["A$120 million"].unit == "AUD"
    assert quantities["$45 million"].unit == "AUD"


def test_bare_dollar_stays_usd_when_the_article_also_uses_us_dollars(extractor):
    records = extractor.extract(_article(
        "Lynas said the Kalgoorlie plant raised A$120 million from investors.",
        "The company will spend $45 million on the expansion next year.",
        "A buyer agreed to pay US$30 million for concentrate.",
    ))
    assert _by_text(records, "quantity")["$45 million"].unit == "USD"


def test_bare_dollar_stays_usd_with_two_dollar_variants(extractor):
    records = extractor.extract(_article(
        "The miner raised A$120 million in Sydney and C$15 million in Toronto.",
        "The company will spend $45 million on the expansion next year.",
    ))
    assert _by_text(records, "quantity")["$45 million"].unit == "USD"


def test_block_evidence_beats_the_dollar_hint(extractor):
    records = extractor.extract(_article(
        "The Canadian government has committed C$101 million to the project.",
        "Tronox secured $6 billion from the US Export-Import Bank.",
    ))
    assert _by_text(records, "quantity")["$6 billion"].unit == "USD"


def test_yen_is_yuan_when_the_article_is_about_china(extractor):
    records = extractor.extract(_article(
        "China tightened export controls on rare earth technology, Chinese officials said.",
        "Baotou producers quoted the oxide in yuan all week.",
        "A smelter paid ¥5,000 per tonne more for feed.",
    ))
    price = next(record for record in records if record.type == "quantity" and record.text.startswith("¥5,000"))
    assert price.currency == "CNY"


def test_yen_stays_jpy_when_japan_cues_dominate(extractor):
    records = extractor.extract(_article(
        "Japan will fund deep-sea drilling, Japanese officials in Tokyo said.",
        "The plan follows talks with China.",
        "The ministry set aside ¥5 billion for the programme.",
    ))
    assert _by_text(records, "quantity")["¥5 billion"].unit == "JPY"


def test_fiscal_year_uses_the_articles_calendar(extractor):
    records = extractor.extract(_article(
        "The ASX-listed miner said Australian demand remains firm.",
        "Output is expected to double in fiscal 2026.",
    ))
    date = _by_text(records, "date")["fiscal 2026"]
    assert (date.start_date, date.end_date) == ("2025-07-01", "2026-06-30")


def test_fiscal_year_without_article_cues_stays_a_calendar_year(extractor):
    records = extractor.extract(_article(
        "The miner said demand remains firm.",
        "Output is expected to double in fiscal 2026.",
    ))
    date = _by_text(records, "date")["fiscal 2026"]
    assert (date.start_date, date.end_date) == ("2026-01-01", "2026-12-31")


def test_block_contexts_carry_the_article_hints(extractor):
    text = _article("Lynas raised A$120 million.", "It will spend $45 million.")
    layout = extractor.segmenter(text)
    contexts = extractor._block_contexts(Article(doc_id="a", text=text), layout, "2025-12-12", [])
    body = [context for context, _ in contexts if context["zone"] == "body"]
    assert body and all(context["hints"] == {"dollar": "AUD", "yen": "JPY", "fiscal": "AU"} for context in body)
