"""End to end over fixtures/archive: extract the articles, consolidate, score against gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.archive.consolidate import consolidate
from pipeline.archive.scoring import score_archive

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures" / "archive"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> list[dict]:
    folder = tmp_path_factory.mktemp("archive")
    facts = folder / "facts.jsonl"
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(FIXTURE / "articles.jsonl"), "-o", str(facts), "-w", "1",
                    "-q"], check=True, cwd=ROOT)
    consolidate([str(facts)], str(folder / "archive.jsonl"))
    return [json.loads(line) for line in (folder / "archive.jsonl").read_text(encoding="utf-8").splitlines()]


def test_fixture_set_size() -> None:
    articles = [json.loads(line) for line in (FIXTURE / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = json.loads((FIXTURE / "gold.json").read_text(encoding="utf-8"))
    assert len(articles) >= 30 and len(gold["event_clusters"]) >= 10
    assert {doc for cluster in gold["event_clusters"] for doc in cluster["doc_ids"]} <= {article["id"] for article in articles}


@pytest.mark.slow
def test_clustering_meets_the_issue_goal(archive: list[dict]) -> None:
    doc_ids = [json.loads(line)["id"] for line in (FIXTURE / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    metrics = score_archive(archive, json.loads((FIXTURE / "gold.json").read_text(encoding="utf-8")), doc_ids)
    assert metrics["article_groups"]["bcubed"]["f1"] == 1.0
    assert metrics["event_clusters"]["bcubed"]["f1"] >= 0.90
    assert metrics["event_clusters"]["pairwise"]["precision"] >= 0.95
