"""Shared fixtures: the spaCy pipeline and the extractor are loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import Extractor
from pipeline.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    """The full orewire spaCy pipeline (model + stages)."""
    return build_nlp()


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(reference_date="2026-01-15")


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def make_block_doc(nlp, text: str, *, zone: str = "body", reference: str | None = "2025-12-12", section=None):
    """A block Doc with its context set, run through the whole pipeline (for stage tests)."""
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": zone, "section": section, "reference": reference, "doc_id": "t"}
    return nlp(doc)
