"""Shared fixtures: the spaCy pipeline and the extractor are loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import Extractor
from pipeline.components.nlp import build_nlp

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


def read_seed_articles() -> list:
    """Every seed as an ``Article``: ``.txt`` files by name, JSONL lines with their metadata."""
    import json

    from pipeline import Article

    articles = []
    for path in sorted(SEEDS.iterdir()):
        if path.suffix == ".txt":
            articles.append(Article(doc_id=path.name, text=path.read_text(encoding="utf-8"), source=path.name))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                articles.append(
                    Article(
                        doc_id=item["id"],
                        text=item["text"],
                        source=item.get("source"),
                        url=item.get("url"),
                        title=item.get("title"),
                        published=item.get("published"),
                    )
                )
    return articles


@pytest.fixture(scope="session")
def seed_articles() -> list:
    return read_seed_articles()


@pytest.fixture(scope="session")
def seed_extractions(extractor, seed_articles) -> dict:
    """doc_id -> ``Extraction`` for every seed, extracted once per session."""
    return {extraction.doc_id: extraction for extraction in extractor.extract_many(seed_articles)}
