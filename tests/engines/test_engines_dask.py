"""The Dask engine: the same bytes as the local engine, on a LocalCluster of worker processes."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
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
    return list(read_articles([*map(str, seeds), str(BAD / "bad_lines.jsonl"), str(BAD / "empty.txt")], id_root=BAD.parent.parent))


@pytest.fixture(scope="module")
def local_results(extractor):
    return list(run_local(mixed_items(), OPTIONS, workers=1, extractor=extractor))


@pytest.mark.slow
def test_dask_engine_on_a_local_cluster_gives_identical_bytes(local_results):
    start = time.perf_counter()
    distributed = list(run_dask(mixed_items(), OPTIONS, workers=2, partition_size=4, timeout=90))
    assert distributed == local_results
    assert time.perf_counter() - start < 240




@pytest.mark.slow
def test_local_cluster_has_no_dashboard_and_listens_on_loopback_only():
    from pipeline.engines.dask_engine import start_local_cluster

    cluster = start_local_cluster(workers=1, timeout=90)
    try:
        scheduler = cluster.scheduler
        sockets = [sock.getsockname() for sock in scheduler.http_server._sockets.values()]
        assert sockets and all(host == "127.0.0.1" and port != 8787 for host, port, *_ in sockets)
        assert scheduler.address.startswith("tcp://127.0.0.1:")
        for path in ("/status", "/info/main/workers.html", "/metrics", "/health"):  # no dashboard, no routes
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(f"http://127.0.0.1:{sockets[0][1]}{path}", timeout=10)
            assert refused.value.code == 404
    finally:
        cluster.close()
