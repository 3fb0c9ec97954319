"""The Dask engine: extraction as ``dask.bag`` partitions on a ``dask.distributed`` cluster."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import dask
import dask.bag as db
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from pipeline.article.extractor import Extractor
from pipeline.components.nlp import limit_blas_threads
from pipeline.engines.base import ExtractorOptions, Item, chunked, extract_rendered
from pipeline.io.writer import Rendered

PLUGIN_NAME = "orewire-extractor"


def run_dask(
    items: Iterable[Item], options: ExtractorOptions, *, scheduler: str | None = None, workers: int = 1,
    partition_size: int = 16, timeout: float = 60.0,
) -> Iterator[Rendered]:
    """Extract as ``dask.bag`` partitions on a ``dask.distributed`` cluster, in input order.

    Args:
        scheduler: address of an existing scheduler (``tcp://host:8786``); None starts a
            ``LocalCluster`` of ``workers`` single-threaded processes on loopback.
        partition_size: articles per bag partition.
        timeout: seconds to wait for the scheduler and workers to come up.

    The input is read here and shipped to the workers, so they need orewire and the
    model installed but no access to the input files. Bags are built over windows of
    the input (two in flight) so memory does not grow with the corpus.
    """
    cluster = None
    if scheduler is None:
        cluster = start_local_cluster(workers=workers, timeout=timeout)
        client = Client(cluster, timeout=timeout)
    else:
        client = Client(scheduler, timeout=timeout)
    try:
        client.register_plugin(ExtractorPlugin(options), name=PLUGIN_NAME)
        threads = max(1, sum(client.nthreads().values()))
        window_size = partition_size * threads * 2
        pending: deque[Any] = deque()
        for window in chunked(items, window_size):
            bag = db.from_sequence(window, partition_size=partition_size).map_partitions(_dask_partition)
            pending.append(client.compute(bag))
            if len(pending) >= 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def start_local_cluster(*, workers: int, timeout: float = 60.0) -> LocalCluster:
    """A ``LocalCluster`` of single-threaded worker processes listening on loopback only, without a dashboard.

    ``dashboard_address=None`` alone still starts the scheduler's HTTP server (routes and a
    dashboard) on 127.0.0.1:8787, so the dashboard is turned off, the HTTP server serves no
    routes and binds a random loopback port. Other local users can still reach the scheduler
    port: see docs/batch.md for a TLS-secured scheduler.
    """
    with dask.config.set({"distributed.scheduler.http.routes": [], "distributed.worker.http.routes": []}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                            dashboard_address=None, silence_logs=logging.ERROR, timeout=timeout,
                            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})


class ExtractorPlugin(WorkerPlugin):
    """Builds one ``Extractor`` per Dask worker when the worker starts."""

    def __init__(self, options: ExtractorOptions) -> None:
        self.options = options
        self.extractor: Extractor | None = None

    def setup(self, worker: Any) -> None:
        limit_blas_threads()
        self.extractor = self.options.build()


def _dask_partition(partition: Iterable[Item]) -> list[Rendered]:
    plugin = get_worker().plugins[PLUGIN_NAME]
    if not isinstance(plugin, ExtractorPlugin) or plugin.extractor is None:
        raise RuntimeError(f"the {PLUGIN_NAME} worker plugin did not start on this worker")
    return extract_rendered(plugin.extractor, list(partition))
