"""The article boundary: whatever one article raises becomes its error record; the chunk goes on."""

from __future__ import annotations

import json

import pytest

from pipeline import Article, Extractor
from pipeline.engines.base import extract_rendered
from pipeline.errors import ErrorCode, OrewireError
from pipeline.io.writer import RecordWriter

GOOD = "Lynas shipped 500 mt of NdPr oxide in 2025."


@pytest.fixture(scope="module")
def production() -> Extractor:
    return Extractor(reference_date="2026-01-15")


def test_an_exception_in_one_article_becomes_its_error_record(production, monkeypatch):
    original = production.segmenter.segment

    def segment(text, **kwargs):
        if "BOOM" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return original(text, **kwargs)

    monkeypatch.setattr(production.segmenter, "segment", segment)
    items = [Article(doc_id="a", text=GOOD), Article(doc_id="b", text="BOOM " + GOOD), Article(doc_id="c", text=GOOD)]
    rendered = extract_rendered(production, items)
    assert [(r.doc_id, r.ok) for r in rendered] == [("a", True), ("b", False), ("c", True)]
    error = json.loads(rendered[1].error_line)
    assert (error["doc_id"], error["error"], error["stage"]) == ("b", "E012", "extract")
    assert "RecursionError" in error["message"]


def test_building_the_error_record_itself_cannot_fail(production):
    items = [OrewireError(ErrorCode.E004_BAD_JSON, "bad \ud800", doc_id="x\udc00", source="s\ud800"),
             Article(doc_id="ok", text=GOOD)]
    first, second = extract_rendered(production, items)
    record = json.loads(first.error_line.decode("utf-8"))
    assert record["type"] == "error" and record["error"] == "E004" and "\\udc00" in record["doc_id"]
    assert second.ok


def test_the_journal_survives_a_surrogate_doc_id(tmp_path):
    out = tmp_path / "o.jsonl"
    with RecordWriter(str(out), str(tmp_path / "e.jsonl")) as writer:
        writer.write(extract_rendered.__globals__["failed_rendered"](Article(doc_id="\ud800", text="x"),
                                                                      ValueError("boom")))
    assert out.exists()
