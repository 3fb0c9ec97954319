"""The Dask engine: the same bytes as the local engine, on a LocalCluster of worker processes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline.engines.base import ExtractorOptions
from pipeline.engines.dask_engine import run_dask
from pipeline.engines.local import run_local
from pipeline.io.reader import read_articles

# not imported from conftest: a nested conftest.py (tests/db) takes that module name
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT / "seeds"

BAD = FIXTURES / "bad"
OPTIONS = ExtractorOptions(reference_date="2026-01-15", strict=True)


def mixed_items() -> list:
    """A few seeds plus bad input: a realistic mix of articles and error items."""
    seeds = sorted(SEEDS.glob("00[3-6]*.txt"))
    return list(read_articles([*map(str, seeds), str(BAD / "bad_lines.jsonl"), str(BAD / "empty.txt")]))


@pytest.fixture(scope="module")
def local_results(extractor):
    return list(run_local(mixed_items(), OPTIONS, workers=1, extractor=extractor))


@pytest.mark.slow
def test_dask_engine_on_a_local_cluster_gives_identical_bytes(local_results):
    start = time.perf_counter()
    distributed = list(run_dask(mixed_items(), OPTIONS, workers=2, partition_size=4, timeout=90))
    assert distributed == local_results
    assert time.perf_counter() - start < 240


