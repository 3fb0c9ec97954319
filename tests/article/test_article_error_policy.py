"""Stage failures go through spaCy's error handler: strict raises, production warns and keeps the article."""

from __future__ import annotations

import pytest
from spacy.util import raise_error

from pipeline import Article, Extractor
from pipeline.components.base import warn_and_keep

ARTICLE = (
    "Vietnam Bans Rare Earth Ore Exports\n"
    "\n"
    "Published: Dec 12, 2025 16:05\n"
    "\n"
    "On December 11, Vietnam's National Assembly banned exports of rare earth ore from January 1, 2026. "
    "Prices rose 12% to 3,500 mt last week.\n"
)
PLAIN = "On December 11, the ministry said exports of rare earth ore rose 12% to 3,500 mt.\n"
LOST_TYPE = {"orewire_dates": "date", "orewire_quantities": "quantity", "orewire_events": "event"}


@pytest.fixture(scope="module")
def production() -> Extractor:
    """An extractor as the CLI builds it: not strict."""
    return Extractor(reference_date="2026-01-15")


def explode_on(monkeypatch, extractor: Extractor, stage: str, marker: str = "") -> None:
    """Make ``stage`` raise on every block whose text holds ``marker``."""
    component = extractor.nlp.get_pipe(stage)
    original = type(component).__call__

    def explode(self, doc):
        if marker in doc.text:
            raise ValueError("simulated failure")
        return original(self, doc)

    # spaCy calls the component through its type, so the class is patched (and restored by monkeypatch)
    monkeypatch.setattr(type(component), "__call__", explode)


def test_production_pipelines_warn_and_tests_are_strict(production, extractor):
    assert production.nlp.get_pipe("ner").get_error_handler() is raise_error  # the model stays strict
    for name in LOST_TYPE:
        assert production.nlp.get_pipe(name).get_error_handler() is warn_and_keep
        assert extractor.nlp.get_pipe(name).get_error_handler() is raise_error


@pytest.mark.parametrize("stage", sorted(LOST_TYPE))
def test_failing_stage_degrades_with_a_warning_in_production(production, monkeypatch, stage: str) -> None:
    healthy = production.extract(ARTICLE, doc_id="vn")
    assert healthy[0].counts[LOST_TYPE[stage]] > 0 and healthy[0].warnings == []
    explode_on(monkeypatch, production, stage)
    records = production.extract(ARTICLE, doc_id="vn")
    document = records[0]
    assert any(w.startswith("E010") and stage in w and "simulated failure" in w for w in document.warnings)
    assert document.counts[LOST_TYPE[stage]] == 0
    healthy_entities = [r.model_dump_json() for r in healthy if r.type == "entity"]
    assert healthy_entities
    assert [r.model_dump_json() for r in records if r.type == "entity"] == healthy_entities
    if stage != "orewire_dates":
        assert [r for r in records if r.type == "date"] == [r for r in healthy if r.type == "date"]
    monkeypatch.undo()
    assert [r.model_dump_json() for r in production.extract(ARTICLE, doc_id="vn")] == [
        r.model_dump_json() for r in healthy
    ]


def test_failing_stage_in_a_batch_keeps_other_articles(production, monkeypatch) -> None:
    explode_on(monkeypatch, production, "orewire_quantities", marker="EXPLODE")
    items = [Article(doc_id="ok", text=PLAIN), Article(doc_id="boom", text="EXPLODE " + PLAIN)]
    ok, boom = list(production.extract_many(items))
    assert ok.ok and boom.ok
    assert ok.records[0].warnings == []
    assert ok.records[0].counts["quantity"] >= 1
    assert boom.records[0].counts["quantity"] == 0
    assert any(w.startswith("E010") for w in boom.records[0].warnings)


@pytest.mark.parametrize("stage", sorted(LOST_TYPE))
def test_failing_stage_raises_in_strict_mode(extractor, monkeypatch, stage: str) -> None:
    explode_on(monkeypatch, extractor, stage)
    with pytest.raises(ValueError, match="simulated failure"):
        extractor.extract(ARTICLE, doc_id="vn")
