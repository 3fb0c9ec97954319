"""Shared fixtures: the spaCy pipeline and the extractor are loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES, ROOT, SEEDS, make_block_doc, read_seed_articles  # noqa: F401  (re-exported)

from pipeline import Extractor
from pipeline.components.nlp import build_nlp


@pytest.fixture(scope="session")
def nlp():
    """The full orewire spaCy pipeline (model + stages), strict: a failing stage raises."""
    return build_nlp(strict=True)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The extractor, strict: a stage failure fails the test instead of becoming a warning."""
    return Extractor(reference_date="2026-01-15", strict=True)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_articles() -> list:
    return read_seed_articles()


@pytest.fixture(scope="session")
def seed_extractions(extractor, seed_articles) -> dict:
    """doc_id -> ``Extraction`` for every seed, extracted once per session."""
    return {extraction.doc_id: extraction for extraction in extractor.extract_many(seed_articles)}
